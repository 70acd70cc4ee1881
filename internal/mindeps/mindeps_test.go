package mindeps_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// userGoMod is a module that already uses older releases of the
// dependencies tmpkit shares with it, or that tmpkit's dependencies could
// drag forward. The versions are the floors the project promised (issue
// 9): x/tools v0.23.0, x/sys v0.29.0, afero v1.11.0; testify v1.8.4 and
// gopkg.in/yaml.v3 v3.0.1, which most test suites carry and which every
// Go RFC 9535 JSONPath library moves forward (why internal/jsonpath
// exists); and go.yaml.in/yaml/v3 v3.0.2, the first release under that
// path, which internal/yamlfmt uses and testify v1.12 requires at v3.0.5.
const userGoMod = `module example.com/user

go 1.26

require (
	github.com/spf13/afero v1.11.0
	github.com/stretchr/testify v1.8.4
	go.yaml.in/yaml/v3 v3.0.2
	golang.org/x/sys v0.29.0
	golang.org/x/tools v0.23.0
	gopkg.in/yaml.v3 v3.0.1
)
`

// pinned are the requirements of userGoMod that must not move.
var pinned = []string{
	"github.com/spf13/afero v1.11.0",
	"github.com/stretchr/testify v1.8.4",
	"go.yaml.in/yaml/v3 v3.0.2",
	"golang.org/x/sys v0.29.0",
	"golang.org/x/tools v0.23.0",
	"gopkg.in/yaml.v3 v3.0.1",
}

const userMain = `package main

import (
	_ "github.com/spf13/afero"
	_ "github.com/stretchr/testify/assert"
	_ "go.yaml.in/yaml/v3"
	_ "golang.org/x/sys/unix"
	_ "golang.org/x/tools/txtar"
	_ "gopkg.in/yaml.v3"
)

func main() {}
`

// tmpkitImports adds every public package of tmpkit to the user's module.
const tmpkitImports = `package main

import (
	_ "github.com/tmpkit/tmpkit/aferoadapter"
	_ "github.com/tmpkit/tmpkit/aferoadapter/aferotest"
	_ "github.com/tmpkit/tmpkit/fixture"
	_ "github.com/tmpkit/tmpkit/fixture/fixturecmp"
	_ "github.com/tmpkit/tmpkit/golden"
	_ "github.com/tmpkit/tmpkit/tmptest"
)
`

// TestAddingTmpkitMovesNoDependency builds a throwaway module pinned to
// older releases, adds tmpkit to it (through a replace of this checkout),
// with the golden command as a tool, and checks, after go mod tidy, that no module of the build list moved.
func TestAddingTmpkitMovesNoDependency(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go mod tidy, which may download modules")
	}
	repo, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	write(t, dir, "go.mod", userGoMod)
	write(t, dir, "main.go", userMain)
	gocmd(t, dir, "mod", "tidy")
	before := buildList(t, dir)
	for _, m := range pinned {
		path, version, _ := strings.Cut(m, " ")
		if before[path] != version {
			t.Fatalf("before adding tmpkit, %s is %s, want %s", path, before[path], version)
		}
	}

	gocmd(t, dir, "mod", "edit", "-require=github.com/tmpkit/tmpkit@v0.0.0", "-replace=github.com/tmpkit/tmpkit="+repo)
	write(t, dir, "tmpkit.go", tmpkitImports)
	// The golden command as a tool (go tool golden) brings its own
	// dependencies (golang.org/x/term, x/mod) into the build list too.
	gocmd(t, dir, "mod", "edit", "-tool=github.com/tmpkit/tmpkit/cmd/golden")
	gocmd(t, dir, "mod", "tidy")
	after := buildList(t, dir)
	for path, was := range before {
		// A module may leave the build list (graph pruning drops what only
		// an older afero needed); one that stays must not move.
		if now, ok := after[path]; ok && now != was {
			t.Errorf("adding tmpkit moved %s from %s to %s; lower tmpkit's requirement of it", path, was, now)
		}
	}
}

func write(t *testing.T, dir, name, content string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// gocmd runs the go command of the toolchain running the test in dir,
// with no workspace and the module proxy as configured.
func gocmd(t *testing.T, dir string, args ...string) string {
	t.Helper()
	// go test puts the running toolchain's bin directory first in PATH.
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// buildList returns the version of every module in dir's build list.
func buildList(t *testing.T, dir string) map[string]string {
	t.Helper()
	list := map[string]string{}
	for _, line := range strings.Split(strings.TrimSpace(gocmd(t, dir, "list", "-m", "all")), "\n") {
		f := strings.Fields(line)
		if len(f) >= 2 && !strings.HasPrefix(f[0], "example.com/user") {
			list[f[0]] = f[1]
		}
	}
	return list
}
