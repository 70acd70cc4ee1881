package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tmpkit/tmpkit/internal/testmod"
)

// Helpers shared by the end-to-end tests and the benchmark, which run the
// golden command and real go test runs on generated modules.

// goldenRecords reports whether package golden writes pending records;
// until it does, what needs them is skipped.
func goldenRecords(tb testing.TB) bool {
	sources, _ := filepath.Glob("../../golden/*.go")
	for _, s := range sources {
		if strings.HasSuffix(s, "_test.go") {
			continue
		}
		b, err := os.ReadFile(s)
		if err != nil {
			tb.Fatal(err)
		}
		if strings.Contains(string(b), "pending.Write(") {
			return true
		}
	}
	return false
}

// writeModule writes the module named module, requiring this checkout of
// tmpkit, with files, into a new directory, and returns its root.
func writeModule(tb testing.TB, module string, files map[string]string) string {
	tb.Helper()
	repo, err := filepath.Abs("../..")
	if err != nil {
		tb.Fatal(err)
	}
	sum, err := os.ReadFile(filepath.Join(repo, "go.sum"))
	if err != nil {
		tb.Fatal(err)
	}
	root := filepath.Join(tb.TempDir(), "m")
	gomod, err := testmod.GoMod(module, repo)
	if err != nil {
		tb.Fatal(err)
	}
	write(tb, filepath.Join(root, "go.mod"), gomod, 0o644)
	write(tb, filepath.Join(root, "go.sum"), string(sum), 0o644)
	for name, content := range files {
		write(tb, filepath.Join(root, filepath.FromSlash(name)), content, 0o644)
	}
	return root
}

// copyModule returns a fresh copy of the module at root.
func copyModule(tb testing.TB, root string) string {
	tb.Helper()
	dst := filepath.Join(tb.TempDir(), "m")
	if err := os.CopyFS(dst, os.DirFS(root)); err != nil {
		tb.Fatal(err)
	}
	return dst
}

// moduleEnv is the environment of the generated modules' go and golden
// commands: no workspace, no network, go.mod and go.sum updated as needed.
// -ldflags=-s (no symbol table nor DWARF) makes each of the many test
// binaries quicker to link: TestEndToEnd 22 s before, 20 s after. (A
// -trimpath that would share compiled packages between the module's copies
// costs a rebuild of every dependency in each fresh build cache: 47 s cold.)
func moduleEnv() []string {
	return append(cleanEnv(), "GOFLAGS=-mod=mod -ldflags=-s", "GOPROXY=off", "GOWORK=off")
}

// command runs name with args in dir, with moduleEnv and extra variables,
// and returns its combined output.
func command(dir string, env []string, name string, args ...string) (string, error) {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(moduleEnv(), env...)
	out, err := cmd.CombinedOutput()
	return string(out), err
}
