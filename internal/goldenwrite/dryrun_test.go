package goldenwrite

import (
	"fmt"
	"maps"
	"path/filepath"
	"strings"
	"testing"
)

// The real write is the oracle of the dry run: on two copies of the same
// directory, the dry run must return the write's Summary and error, word
// for word, and leave its copy exactly as it was.
func TestDryRunMatchesTheWrite(t *testing.T) {
	before := map[string]string{
		"testdata/same.golden":         "a\n",
		"testdata/old.golden":          "a\nb\n",
		"testdata/crlf.golden":         "a\r\n",
		"testdata/a-dir.golden/x":      "x\n",
		"testdata/link.golden":         "-> old.golden",
		"testdata/file":                "not a directory\n",
		"testdata/tree.golden.d/a.txt": "a\n",
		"testdata/tree.golden.d/b.txt": "b\n",
		"testdata/stale.golden.d":      "a golden file left where a tree goes\n",
		"testdata/mod.golden.d/go.mod": "module x\n",
		"pkg/keep.go":                  "package pkg\n",
		"testdata/dangling":            "-> nowhere",
		"testdata/dirlink":             "-> a-dir.golden",
	}
	files := []struct {
		name, content string
		o             Options
	}{
		{"testdata/new.golden", "new\n", Options{}},
		{"testdata/deep/er/new.golden", "new\n", Options{}},
		{"testdata/same.golden", "a\n", Options{}},
		{"testdata/crlf.golden", "a\n", Options{}},
		{"testdata/crlf.golden", "a\n", Options{Exact: true}},
		{"testdata/old.golden", "a\nc\n", Options{}},
		{"testdata/old.golden", "", Options{}},
		{"testdata/old.golden", "", Options{Force: true}},
		{"testdata/a-dir.golden", "x\n", Options{}},
		{"testdata/link.golden", "x\n", Options{}},
		{"testdata/file/x.golden", "x\n", Options{}},
		{"testdata/file/sub/x.golden", "x\n", Options{}},
		{"testdata/link.golden/x.golden", "x\n", Options{}},
		{"testdata/link.golden/sub/x.golden", "x\n", Options{}},
		{"testdata/dangling/x.golden", "x\n", Options{}},
		{"testdata/dangling/sub/x.golden", "x\n", Options{}},
		{"testdata/dirlink/x.golden", "x\n", Options{}},
		{"testdata/dirlink/sub/x.golden", "x\n", Options{}},
		{"testdata/../../out.golden", "x\n", Options{}},
	}
	for _, c := range files {
		t.Run(fmt.Sprintf("file %s %q %+v", c.name, c.content, c.o), func(t *testing.T) {
			real, dry := setup(t, before), setup(t, before)
			want := snapshot(t, dry)
			s1, err1 := WriteFile(real, c.name, []byte(c.content), c.o)
			c.o.DryRun = true
			s2, err2 := WriteFile(dry, c.name, []byte(c.content), c.o)
			compareRuns(t, real, dry, s1, s2, err1, err2)
			if got := snapshot(t, dry); !maps.Equal(got, want) {
				t.Errorf("the dry run changed the directory:\n%v\nwant\n%v", got, want)
			}
		})
	}
	trees := []struct {
		name  string
		files []File
		o     Options
	}{
		{"testdata/new.golden.d", []File{{Name: "a.txt", Content: []byte("a\n")}}, Options{}},
		{"testdata/tree.golden.d", []File{{Name: "a.txt", Content: []byte("a\n")}, {Name: "b.txt", Content: []byte("b\n")}}, Options{}},
		{"testdata/tree.golden.d", []File{{Name: "a.txt", Content: []byte("A\n")}, {Name: "c/d.txt", Content: []byte("d\n"), Exec: true}}, Options{}},
		{"testdata/tree.golden.d", nil, Options{}},
		{"testdata/tree.golden.d", nil, Options{Force: true}},
		{"testdata/stale.golden.d", []File{{Name: "a.txt", Content: []byte("a\n")}}, Options{}},
		{"testdata/mod.golden.d", []File{{Name: "a.txt", Content: []byte("a\n")}}, Options{}},
		{"testdata/new.golden.d", []File{{Name: "main.go", Content: []byte("package main\n")}}, Options{}},
		{"testdata", []File{{Name: "a.txt", Content: []byte("a\n")}}, Options{}},
		{"pkg", []File{{Name: "a.txt", Content: []byte("a\n")}}, Options{PackageDir: "pkg"}},
		{"testdata/link.golden", []File{{Name: "a.txt", Content: []byte("a\n")}}, Options{}},
	}
	for _, c := range trees {
		t.Run(fmt.Sprintf("tree %s %d files %+v", c.name, len(c.files), c.o), func(t *testing.T) {
			real, dry := setup(t, before), setup(t, before)
			want := snapshot(t, dry)
			ro, do := c.o, c.o
			if c.o.PackageDir != "" {
				ro.PackageDir = filepath.Join(real, c.o.PackageDir)
				do.PackageDir = filepath.Join(dry, c.o.PackageDir)
			}
			s1, err1 := WriteTree(real, c.name, c.files, ro)
			do.DryRun = true
			s2, err2 := WriteTree(dry, c.name, c.files, do)
			compareRuns(t, real, dry, s1, s2, err1, err2)
			if got := snapshot(t, dry); !maps.Equal(got, want) {
				t.Errorf("the dry run changed the directory:\n%v\nwant\n%v", got, want)
			}
		})
	}
}

// compareRuns checks that a write in real and a dry run in dry returned
// the same Summary and error, with each directory's path made $DIR.
func compareRuns(t *testing.T, real, dry string, s1, s2 Summary, err1, err2 error) {
	t.Helper()
	clean := func(s, dir string) string { return strings.ReplaceAll(s, filepath.ToSlash(dir), "$DIR") }
	if a, b := clean(fmt.Sprintf("%v\n%+v", s1, s1.Files), real), clean(fmt.Sprintf("%v\n%+v", s2, s2.Files), dry); a != b {
		t.Errorf("summary: the write gave\n%s\nthe dry run\n%s", a, b)
	}
	e1, e2 := "<nil>", "<nil>"
	if err1 != nil {
		e1 = clean(err1.Error(), real)
	}
	if err2 != nil {
		e2 = clean(err2.Error(), dry)
	}
	if e1 != e2 {
		t.Errorf("error: the write gave\n%s\nthe dry run\n%s", e1, e2)
	}
}

// A dry run into a directory that does not exist makes nothing, not even
// the directory, and says so.
func TestDryRunMakesNoDirectory(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "missing")
	_, err := WriteFile(dir, "x.golden", []byte("x\n"), Options{DryRun: true})
	if err == nil || !strings.Contains(err.Error(), "no such file or directory") {
		t.Errorf("err = %v, want one saying the directory does not exist", err)
	}
	checkSnapshot(t, filepath.Dir(dir), map[string]string{})
}
