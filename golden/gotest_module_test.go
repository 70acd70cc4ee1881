package golden

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/tmpkit/tmpkit/internal/testmod"
)

// The end-to-end tests run real `go test` subprocesses on a module
// generated under a temp dir, one package per case. The go command links
// a test binary on every run (about a second each), so the module is
// built once, by one `go test -o bins/ ./...` that also runs every
// package, and most cases then run the saved binaries directly, as go
// test would (in the package directory, with the same flags): a few
// milliseconds each.
var moduleFiles = map[string]string{
	// uses: golden.Main, a golden per test and subtest.
	"uses/uses_test.go": `package uses

import (
	"os"
	"testing"

	"github.com/tmpkit/tmpkit/golden"
)

func TestMain(m *testing.M) { golden.Main(m) }

func TestGreet(t *testing.T) {
	golden.Assert(t, os.Getenv("GREETING")+"hello\n")
	t.Run("sub", func(t *testing.T) { golden.Assert(t, os.Getenv("SUB")+"sub\n") })
}
`,
	// plain: does not use golden; UPDATE_GOLDEN=1 go test ./... passes it.
	"plain/plain_test.go": `package plain

import "testing"

func TestPlain(t *testing.T) {}
`,
	// ownflag: defines its own -update flag, as gotest.tools users do.
	"ownflag/ownflag_test.go": `package ownflag

import (
	"flag"
	"os"
	"testing"

	"github.com/tmpkit/tmpkit/golden"
)

var update = flag.Bool("update", false, "this package's own update flag")

func TestOwn(t *testing.T) { golden.Assert(t, os.Getenv("GREETING")+"own\n") }
`,
	// chdir/child judges its own goldens: one of its tests leaves the
	// working directory in chdir, whose golden the child does not use (and
	// which is not a test package); another uses its golden directory
	// through a symlink (made by newModule); beside its goldens lie test
	// input in a directory named like a golden, and a stale golden.
	"chdir/chdir.go":                   "package chdir\n",
	"chdir/testdata/TestParent.golden": "the parent's\n",
	"chdir/child/child_test.go": `package child

import (
	"os"
	"testing"

	"github.com/tmpkit/tmpkit/golden"
)

func TestMain(m *testing.M) { golden.Main(m) }

func TestChild(t *testing.T) {
	golden.Assert(t, "child\n")
	os.Chdir("..") // and never back
}

func TestS(t *testing.T) { golden.Assert(t, "s\n", golden.Dir("golden")) }

func TestUsed(t *testing.T) { golden.Assert(t, "used\n") }
`,
	"chdir/child/testdata/TestChild.golden":          "child\n",
	"chdir/child/testdata/real/TestS.golden":         "s\n",
	"chdir/child/testdata/TestUsed.golden":           "used\n",
	"chdir/child/testdata/TestOld.golden":            "a deleted test's\n",
	"chdir/child/testdata/inputs.golden/a.txt":       "test input\n",
	"chdir/child/testdata/inputs.golden/case.golden": "test input, or a golden\n",
	// dotdir: golden.Dir("."), with a subpackage and a documentation file.
	"dotdir/dotdir_test.go": `package dotdir

import (
	"testing"

	"github.com/tmpkit/tmpkit/golden"
)

func TestMain(m *testing.M) { golden.Main(m) }

func TestDot(t *testing.T) { golden.Assert(t, "dot\n", golden.Dir(".")) }
`,
	"dotdir/TestDot.golden":            "dot\n",
	"dotdir/sub/sub.go":                "package sub\n",
	"dotdir/sub/TestSub.golden":        "the subpackage's\n",
	"dotdir/sub/testdata/TestS.golden": "the subpackage's\n",
	"dotdir/docs/usage.golden":         "documentation\n",
	// bench: a benchmark's golden.
	"bench/bench_test.go": `package bench

import (
	"testing"

	"github.com/tmpkit/tmpkit/golden"
)

func TestMain(m *testing.M) { golden.Main(m) }

func TestT(t *testing.T) { golden.Assert(t, "t\n") }

func BenchmarkB(b *testing.B) {
	golden.Assert(b, "bench\n")
	for b.Loop() {
	}
}
`,
	"bench/testdata/TestT.golden":      "t\n",
	"bench/testdata/BenchmarkB.golden": "bench\n",
	// constrained: test files excluded by build constraints.
	"constrained/c_test.go": `package constrained

import (
	"testing"

	"github.com/tmpkit/tmpkit/golden"
)

func TestMain(m *testing.M) { golden.Main(m) }

func TestC(t *testing.T) { golden.Assert(t, "c\n") }
`,
	"constrained/c_windows_test.go": `package constrained

import (
	"testing"

	"github.com/tmpkit/tmpkit/golden"
)

func TestWin(t *testing.T) { golden.Assert(t, "win\n") }
`,
	"constrained/c_integration_test.go": `//go:build integration

package constrained

import (
	"testing"

	"github.com/tmpkit/tmpkit/golden"
)

func TestInt(t *testing.T) { golden.Assert(t, "int\n") }
`,
	"constrained/testdata/TestC.golden":    "c\n",
	"constrained/testdata/TestWin.golden":  "win\n",
	"constrained/testdata/TestInt.golden":  "int\n",
	"constrained/testdata/TestGone.golden": "a deleted test's\n",
	// trees: AssertDir pointed at what is not a golden tree, in update
	// mode; and Assert and AssertDir with their default paths in one test.
	"trees/trees.go": "package trees\n",
	"trees/trees_test.go": `package trees

import (
	"os"
	"testing"
	"testing/fstest"

	"github.com/tmpkit/tmpkit/golden"
)

var out = fstest.MapFS{"out.txt": {Data: []byte("out\n")}}

func TestPackage(t *testing.T) {
	t.Setenv("UPDATE_GOLDEN", "1")
	golden.AssertDir(t, out, golden.Dir(".."), golden.Name("trees"))
}

func TestInputs(t *testing.T) {
	t.Setenv("UPDATE_GOLDEN", "1")
	golden.AssertDir(t, out, golden.Dir("."), golden.Name("testdata"))
}

func TestBoth(t *testing.T) {
	t.Setenv("UPDATE_GOLDEN", os.Getenv("BOTH"))
	golden.Assert(t, "file\n")
	golden.AssertDir(t, out)
}
`,
	"trees/notes.md":                 "notes\n",
	"trees/testdata/input.txt":       "test input\n",
	"trees/testdata/TestBoth.golden": "file\n",
}

// goModule is the generated module.
type goModule struct {
	dir  string
	base []string // the environment of every command
}

// newModule writes the module and returns it; it skips the test under
// -short.
func newModule(t *testing.T) *goModule {
	t.Helper()
	if testing.Short() {
		t.Skip("runs go test subprocesses; skipped under -short")
	}
	repo, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	sum, err := os.ReadFile(filepath.Join(repo, "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	gomod, err := testmod.GoMod("example.com/gm", repo)
	if err != nil {
		t.Fatal(err)
	}
	m := &goModule{dir: t.TempDir()}
	files := map[string]string{"go.mod": gomod, "go.sum": string(sum)}
	for name, content := range moduleFiles {
		files[name] = content
	}
	for name, content := range structuredPkg {
		files[name] = content
	}
	for name, content := range files {
		p := filepath.Join(m.dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(filepath.Join("testdata", "real"), m.path("chdir/child/golden")); err != nil {
		t.Skip("no symlinks:", err)
	}
	for _, kv := range os.Environ() {
		switch k, _, _ := strings.Cut(kv, "="); k {
		case "UPDATE_GOLDEN", "CI", "GOFLAGS", "GOWORK", "GOPROXY", "GREETING", "SUB", "BOTH", "TMPTEST_KEEP":
		default:
			m.base = append(m.base, kv)
		}
	}
	// -ldflags=-s: no symbol table nor DWARF, a third less to link each time.
	m.base = append(m.base, "GOFLAGS=-mod=mod -ldflags=-s", "GOPROXY=off", "GOWORK=off")
	return m
}

// path returns the path of the slash-separated name in the module.
func (m *goModule) path(name string) string { return filepath.Join(m.dir, filepath.FromSlash(name)) }

// run runs a command in the module root with extra environment variables
// and returns its combined output.
func (m *goModule) run(env []string, args ...string) (string, error) {
	return m.runIn(".", env, args...)
}

func (m *goModule) runIn(dir string, env []string, args ...string) (string, error) {
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Dir = m.path(dir)
	cmd.Env = append(append([]string{}, m.base...), env...)
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// bin runs the test binary of the package pkg saved by `go test -o bins/`
// (or another directory), in the package directory, as go test runs it.
func (m *goModule) bin(bins, pkg string, env []string, args ...string) (string, error) {
	exe := filepath.Join(m.dir, bins, filepath.Base(pkg)+".test")
	if runtime.GOOS == "windows" {
		exe += ".exe"
	}
	return m.runIn(pkg, env, append([]string{exe}, args...)...)
}

// content returns the content of the slash-separated file name in the
// module, or the error reading it in angle brackets.
func (m *goModule) content(name string) string {
	b, err := os.ReadFile(m.path(name))
	if err != nil {
		return "<" + err.Error() + ">"
	}
	return string(b)
}

// expect fails the test unless the command succeeded as ok says and its
// output holds each of wants.
func expect(t *testing.T, out string, err error, ok bool, wants ...string) {
	t.Helper()
	if (err == nil) != ok {
		t.Fatalf("err %v, want success %v; output:\n%s", err, ok, out)
	}
	for _, w := range wants {
		if !strings.Contains(out, w) {
			t.Fatalf("output lacks %q:\n%s", w, out)
		}
	}
}

// age sets the modification time of everything below dir an hour back.
func age(t *testing.T, dir string) {
	t.Helper()
	old := time.Now().Add(-time.Hour)
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil {
			err = os.Chtimes(p, old, old)
		}
		return err
	})
}
