package testmod_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tmpkit/tmpkit/internal/testmod"
)

func TestGoMod(t *testing.T) {
	repo := t.TempDir()
	const tmpkitMod = "module github.com/tmpkit/tmpkit\n\ngo 1.26\n\nrequire (\n\tgolang.org/x/mod v0.4.2\n)\n\nrequire golang.org/x/xerrors v0.0.0-20200804184101-5ec99f83aff1 // indirect\n"
	if err := os.WriteFile(filepath.Join(repo, "go.mod"), []byte(tmpkitMod), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := testmod.GoMod("example.com/m", repo)
	if err != nil {
		t.Fatal(err)
	}
	want := "module example.com/m\n\ngo 1.26\n\nrequire (\n" +
		"\tgithub.com/tmpkit/tmpkit v0.0.0\n" +
		"\tgolang.org/x/mod v0.4.2\n" +
		"\tgolang.org/x/xerrors v0.0.0-20200804184101-5ec99f83aff1\n" +
		")\n\nreplace github.com/tmpkit/tmpkit => " + filepath.ToSlash(repo) + "\n"
	if got != want {
		t.Errorf("GoMod =\n%s\nwant\n%s", got, want)
	}
}

func TestGoModErrors(t *testing.T) {
	missing := t.TempDir()
	if _, err := testmod.GoMod("example.com/m", missing); err == nil || !strings.HasPrefix(err.Error(), "testmod: open ") {
		t.Errorf("GoMod of a directory without go.mod: err = %v, want testmod: open ...", err)
	}
	noGo := t.TempDir()
	if err := os.WriteFile(filepath.Join(noGo, "go.mod"), []byte("module x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := testmod.GoMod("example.com/m", noGo); err == nil || !strings.HasSuffix(err.Error(), "has no go line") {
		t.Errorf("GoMod of a go.mod without a go line: err = %v", err)
	}
}

// The real go.mod, the one the subprocess tests use, must give a module
// that lists every requirement of tmpkit.
func TestGoModOfThisModule(t *testing.T) {
	repo, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	got, err := testmod.GoMod("example.com/m", repo)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"\tgithub.com/tmpkit/tmpkit v0.0.0\n", "\tgolang.org/x/mod v", "\tgithub.com/spf13/afero v"} {
		if !strings.Contains(got, want) {
			t.Errorf("GoMod lacks %q:\n%s", want, got)
		}
	}
}
