package pending

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// module writes a module with go.mod content mod under a temp dir and
// returns its root, symlinks resolved.
func module(t *testing.T, mod string, dirs ...string) string {
	t.Helper()
	root, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "go.mod"), []byte(mod), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, d := range dirs {
		if err := os.MkdirAll(filepath.Join(root, filepath.FromSlash(d)), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

func TestFindModule(t *testing.T) {
	root := module(t, "// a comment\nmodule \"example.com/q\" // quoted\n\ngo 1.26\n", "a/b", "nested")
	if err := os.WriteFile(filepath.Join(root, "nested", "go.mod"), []byte("module example.com/nested\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(root, "a"), filepath.Join(root, "link")); err != nil {
		t.Fatal(err)
	}
	for dir, want := range map[string]Module{
		root:                                {root, "example.com/q"},
		filepath.Join(root, "a", "b"):       {root, "example.com/q"},
		filepath.Join(root, "link", "b"):    {root, "example.com/q"},
		filepath.Join(root, "nested"):       {filepath.Join(root, "nested"), "example.com/nested"},
		filepath.Join(root, "a", "not-yet"): {root, "example.com/q"},
	} {
		got, err := FindModule(dir)
		if err != nil || got != want {
			t.Errorf("FindModule(%s) = %+v, %v; want %+v", dir, got, err, want)
		}
	}

	noPath := module(t, "go 1.26\n")
	if _, err := FindModule(noPath); err == nil || !strings.HasSuffix(err.Error(), "go.mod declares no module path") {
		t.Errorf("FindModule of a go.mod without module line: %v", err)
	}
}

func TestModuleRel(t *testing.T) {
	root := module(t, "module m\n", "a/testdata")
	if err := os.Symlink(filepath.Join(root, "a", "testdata"), filepath.Join(root, "td")); err != nil {
		t.Fatal(err)
	}
	outside := t.TempDir()
	if err := os.Symlink(outside, filepath.Join(root, "out")); err != nil {
		t.Fatal(err)
	}
	m := Module{Root: root, Path: "m"}
	for p, want := range map[string]string{
		filepath.Join(root, "a", "testdata", "x.golden"): "a/testdata/x.golden",
		filepath.Join(root, "td", "new", "x.golden"):     "a/testdata/new/x.golden", // through a symlink, not created yet
		root: ".",
	} {
		got, err := m.Rel(p)
		if err != nil || got != want {
			t.Errorf("Rel(%s) = %q, %v; want %q", p, got, err, want)
		}
	}
	for _, p := range []string{filepath.Join(root, "out", "x.golden"), filepath.Dir(root)} {
		if got, err := m.Rel(p); err == nil || !strings.Contains(err.Error(), "lies outside the module root") {
			t.Errorf("Rel(%s) = %q, %v; want an error", p, got, err)
		}
	}
	if got := m.Abs("a/testdata/x.golden"); got != filepath.Join(root, "a", "testdata", "x.golden") {
		t.Errorf("Abs = %s", got)
	}
}

func TestNewFile(t *testing.T) {
	root := module(t, "module example.com/m\n", "pkg/testdata")
	src := Source{PackageDir: filepath.Join(root, "pkg"), Golden: "testdata/TestX.golden", Test: "TestX"}
	r, err := NewFile(src, []byte("old\r\n"), true, []byte("new\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := Record{Module: "example.com/m", Path: "pkg/testdata/TestX.golden", Kind: File, Package: "example.com/m/pkg",
		Test: "TestX", Hash: HashFile([]byte("old\n"), false), Content: []byte("new\n")}
	if !reflect.DeepEqual(r, want) {
		t.Errorf("NewFile =\n%+v\nwant\n%+v", r, want)
	}
	// A missing golden has no hash; the module root is a package too.
	src = Source{PackageDir: root, Golden: filepath.Join(root, "testdata", "a.golden"), Test: "TestA", Exact: true}
	r, err = NewFile(src, nil, false, nil)
	if err != nil || r.Hash != "" || r.Package != "example.com/m" || r.Path != "testdata/a.golden" || !r.Exact {
		t.Errorf("NewFile of a missing golden = %+v, %v", r, err)
	}
	// A golden outside the module is refused.
	src.Golden = t.TempDir()
	if _, err := NewFile(src, nil, false, nil); err == nil || !strings.Contains(err.Error(), "lies outside the module root") {
		t.Errorf("NewFile of a golden outside the module: %v", err)
	}
	src.Golden, src.Test = "testdata/a.golden", ""
	if _, err := NewFile(src, nil, false, nil); err == nil || err.Error() != `pending: no test name for "testdata/a.golden"` {
		t.Errorf("NewFile without a test name: %v", err)
	}
}

func TestNewTree(t *testing.T) {
	root := module(t, "module example.com/m\n", "pkg")
	src := Source{PackageDir: filepath.Join(root, "pkg"), Golden: "testdata/TestT.golden", Test: "TestT"}
	want := []Entry{
		{Name: "same", Content: []byte("s\r\n")},
		{Name: "changed", Content: []byte("c1")},
		{Name: "exec", Content: []byte("e")},
		{Name: "gone", Content: []byte("g")},
		{Name: "link", Symlink: true, Target: "same"},
		{Name: "type", Symlink: true, Target: "same"},
	}
	got := []Entry{
		{Name: "type", Content: []byte("now a file")},
		{Name: "same", Content: []byte("s\n")},
		{Name: "changed", Content: []byte("c2")},
		{Name: "exec", Content: []byte("e"), Exec: true},
		{Name: "link", Symlink: true, Target: "same"},
		{Name: "new/file", Content: []byte("n")},
	}
	r, err := NewTree(src, want, true, got)
	if err != nil {
		t.Fatal(err)
	}
	wantFiles := []Entry{
		{Name: "changed", Content: []byte("c2")},
		{Name: "exec", Content: []byte("e"), Exec: true},
		{Name: "gone", Removed: true},
		{Name: "new/file", Content: []byte("n")},
		{Name: "type", Content: []byte("now a file")},
	}
	if !reflect.DeepEqual(r.Files, wantFiles) {
		t.Errorf("NewTree files =\n%+v\nwant\n%+v", r.Files, wantFiles)
	}
	if r.Hash != HashTree(want, false) || r.Kind != Tree || r.Path != "pkg/testdata/TestT.golden" {
		t.Errorf("NewTree = %+v", r)
	}
	// Exact: the CRLF of the golden's "same" is a difference.
	src.Exact = true
	r, err = NewTree(src, want, true, got)
	if err != nil || len(r.Files) != 6 || r.Files[4].Name != "same" {
		t.Errorf("NewTree under Exact = %+v, %v", r.Files, err)
	}
}
