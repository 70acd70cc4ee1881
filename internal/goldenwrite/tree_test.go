package goldenwrite

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// site is an output tree as a test would assert it.
var site = []File{
	{Name: "index.html", Content: []byte("<h1>Home</h1>\n")},
	{Name: "blog/first.html", Content: []byte("<h1>First</h1>\n")},
	{Name: "bin/run.sh", Exec: true, Content: []byte("#!/bin/sh\n")},
	{Name: "latest", Symlink: true, Content: []byte("blog/first.html")},
}

func summaryLines(s Summary) string {
	lines := []string{s.String()}
	for _, f := range s.Files {
		lines = append(lines, "\t"+f.String())
	}
	return strings.Join(lines, "\n")
}

func checkSummary(t *testing.T, s Summary, want string) {
	t.Helper()
	if got := summaryLines(s); got != want {
		t.Errorf("summary:\n%s\nwant:\n%s", got, want)
	}
}

func TestWriteTreeCreatesAndUpdates(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "testdata")
	o := Options{Label: "testdata/TestSite.golden.d"}
	sum, err := WriteTree(dir, "TestSite.golden.d", site, o)
	if err != nil {
		t.Fatal(err)
	}
	checkSummary(t, sum, `+4 -0 testdata/TestSite.golden.d/ (new, 4 added)
	+1 -0 bin/run.sh (new)
	+1 -0 blog/first.html (new)
	+1 -0 index.html (new)
	+1 -0 latest (new)`)
	checkSnapshot(t, dir, map[string]string{
		"TestSite.golden.d": "dir", "TestSite.golden.d/bin": "dir", "TestSite.golden.d/blog": "dir",
		"TestSite.golden.d/index.html": "<h1>Home</h1>\n", "TestSite.golden.d/blog/first.html": "<h1>First</h1>\n",
		"TestSite.golden.d/bin/run.sh": "#!/bin/sh\n (-rwxr-xr-x)", "TestSite.golden.d/latest": "-> blog/first.html",
	})

	// Nothing changed: nothing is touched, not even the directory.
	before := stat(t, filepath.Join(dir, "TestSite.golden.d"))
	sum, err = WriteTree(dir, "TestSite.golden.d", site, o)
	if err != nil || sum.Changed() {
		t.Fatalf("unchanged: %q, %v", sum, err)
	}
	if !sameFile(t, before, stat(t, filepath.Join(dir, "TestSite.golden.d"))) {
		t.Error("an unchanged tree was replaced")
	}

	// A change: one file added, one removed, one changed, one executable
	// bit dropped; the unchanged file is linked, not copied, and a file's
	// own mode is kept.
	p := filepath.Join(dir, "TestSite.golden.d", "index.html")
	os.Chmod(p, 0o600)
	index := stat(t, p)
	changed := []File{
		{Name: "index.html", Content: []byte("<h1>Home</h1>\n")},
		{Name: "blog/first.html", Content: []byte("<h1>First!</h1>\n<p>more</p>\n")},
		{Name: "bin/run.sh", Content: []byte("#!/bin/sh\n")},
		{Name: "blog/second.html", Content: []byte("<h1>Second</h1>\n")},
	}
	sum, err = WriteTree(dir, "TestSite.golden.d", changed, o)
	if err != nil {
		t.Fatal(err)
	}
	checkSummary(t, sum, `+3 -2 testdata/TestSite.golden.d/ (1 added, 1 removed, 2 changed)
	+0 -0 bin/run.sh (executable bit)
	+2 -1 blog/first.html
	+1 -0 blog/second.html (new)
	+0 -1 latest (removed)`)
	checkSnapshot(t, dir, map[string]string{
		"TestSite.golden.d": "dir", "TestSite.golden.d/bin": "dir", "TestSite.golden.d/blog": "dir",
		"TestSite.golden.d/index.html":       "<h1>Home</h1>\n (-rw-------)",
		"TestSite.golden.d/blog/first.html":  "<h1>First!</h1>\n<p>more</p>\n",
		"TestSite.golden.d/blog/second.html": "<h1>Second</h1>\n",
		"TestSite.golden.d/bin/run.sh":       "#!/bin/sh\n",
	})
	if !sameFile(t, index, stat(t, p)) && runtime.GOOS == "linux" {
		t.Error("the unchanged file was copied, not linked")
	}
	checkNoLeftovers(t, dir)
}

func TestWriteTreeKeepsACRLFCheckout(t *testing.T) {
	t.Parallel()
	dir := setup(t, map[string]string{"T.golden.d/a.txt": "a\r\nb\r\n", "T.golden.d/b.txt": "b\n"})
	sum, err := WriteTree(dir, "T.golden.d", []File{{Name: "a.txt", Content: []byte("a\nb\n")}, {Name: "b.txt", Content: []byte("b\n")}}, Options{})
	if err != nil || sum.Changed() {
		t.Errorf("a CRLF checkout: %q, %v; want no change", sum, err)
	}
	sum, err = WriteTree(dir, "T.golden.d", []File{{Name: "a.txt", Content: []byte("a\nB\n")}, {Name: "b.txt", Content: []byte("b\n")}}, Options{Label: "T"})
	if err != nil {
		t.Fatal(err)
	}
	checkSummary(t, sum, "+1 -1 T/ (1 changed)\n\t+1 -1 a.txt")
}

// TestWriteTreeGuards: AssertDir in update mode wiped whatever Dir and Name
// pointed at (a package's .go files, test inputs, .git). Each is refused,
// naming it, and nothing is removed or written (failed before: each was
// removed).
func TestWriteTreeGuards(t *testing.T) {
	t.Parallel()
	files := []File{{Name: "out.txt", Content: []byte("out\n")}}
	const why = "; a golden tree holds only goldens, and an update removes what the output does not have"
	for _, tt := range []struct {
		name   string
		layout map[string]string // below the module m; the package is m/pkg
		dir    string            // the golden directory, relative to m
		tree   string
		files  []File
		want   string
	}{
		{"the package", map[string]string{"pkg/pkg.go": "package pkg\n"}, ".", "pkg", files,
			`write tree "L": refused: it is the package directory` + why},
		{"contains the package", map[string]string{"a/pkg/pkg.go": "package pkg\n"}, ".", "a", files,
			`write tree "L": refused: it contains the package directory $M/a/pkg` + why},
		{"testdata", map[string]string{"pkg/testdata/input.txt": "input\n"}, "pkg", "testdata", files,
			`write tree "L": refused: it is a testdata directory, a golden directory itself` + why},
		{"a module", map[string]string{"pkg/testdata/T.golden.d/sub/go.mod": "module sub\n"}, "pkg/testdata", "T.golden.d", files,
			`write tree "L": refused: it holds "sub/go.mod", a module root` + why},
		{"a repository", map[string]string{"pkg/testdata/T.golden.d/.git/config": "[core]\n"}, "pkg/testdata", "T.golden.d", files,
			`write tree "L": refused: it holds ".git", a repository` + why},
		{"Go source", map[string]string{"other/x.go": "package other\n", "pkg/": ""}, ".", "other", files,
			`write tree "L": refused: it holds "x.go", Go source` + why},
		{"Go source in the output", map[string]string{"pkg/testdata/": ""}, "pkg/testdata", "T.golden.d", []File{{Name: "gen/a.go", Content: []byte("package a\n")}},
			`write tree "L": refused: the output holds "gen/a.go", Go source` + why},
		{"a repository in the output", map[string]string{"pkg/testdata/": ""}, "pkg/testdata", "T.golden.d", []File{{Name: ".git/HEAD", Content: []byte("ref\n")}},
			`write tree "L": refused: the output holds ".git/HEAD", a repository` + why},
		{"a symlink", map[string]string{"pkg/testdata/T.golden.d": "-> ../../elsewhere", "elsewhere/keep.txt": "x\n"}, "pkg/testdata", "T.golden.d", files,
			`write tree "L": it is a symlink, which an update never replaces`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			m := setup(t, tt.layout)
			os.WriteFile(filepath.Join(m, "go.mod"), []byte("module m\n"), 0o644)
			before := snapshot(t, m)
			pkg := filepath.Join(m, filepath.FromSlash(pkgOf(tt.layout)))
			_, err := WriteTree(filepath.Join(m, filepath.FromSlash(tt.dir)), tt.tree, tt.files, Options{Label: "L", PackageDir: pkg})
			checkErr(t, err, strings.ReplaceAll(tt.want, "$M", filepath.ToSlash(RealPath(m))))
			var g *GuardError
			if strings.Contains(tt.want, "refused:") && !errors.As(err, &g) {
				t.Errorf("%T is not a *GuardError", err)
			}
			checkSnapshot(t, m, before)
		})
	}
}

func TestWriteTreeReplacesAStaleGoldenFile(t *testing.T) {
	t.Parallel()
	dir := setup(t, map[string]string{"TestX.golden.d": "a golden file from another layout\n"})
	sum, err := WriteTree(dir, "TestX.golden.d", site[:1], Options{Label: "TestX.golden.d"})
	if err != nil {
		t.Fatal(err)
	}
	checkSummary(t, sum, "+1 -0 TestX.golden.d/ (replaced a golden file, 1 added)\n\t+1 -0 index.html (new)")
	checkSnapshot(t, dir, map[string]string{"TestX.golden.d": "dir", "TestX.golden.d/index.html": "<h1>Home</h1>\n"})
	checkNoLeftovers(t, dir)
}

func TestWriteTreeRefusesToEmpty(t *testing.T) {
	t.Parallel()
	dir := setup(t, map[string]string{"T.golden.d/a.txt": "a\n", "T.golden.d/b/c.txt": "c\n"})
	_, err := WriteTree(dir, "T.golden.d", nil, Options{Label: "testdata/T.golden.d"})
	checkErr(t, err, `refused to empty "testdata/T.golden.d", which holds 2 files: an empty output is the classic way a bulk update erases goldens`)
	if !errors.Is(err, ErrEmpty) {
		t.Errorf("%v is not ErrEmpty", err)
	}
	checkSnapshot(t, dir, map[string]string{"T.golden.d": "dir", "T.golden.d/b": "dir", "T.golden.d/a.txt": "a\n", "T.golden.d/b/c.txt": "c\n"})

	// Forced, the tree becomes an empty directory; a new tree may be empty.
	sum, err := WriteTree(dir, "T.golden.d", nil, Options{Label: "T", Force: true})
	if err != nil {
		t.Fatal(err)
	}
	checkSummary(t, sum, "+0 -2 T/ (2 removed)\n\t+0 -1 a.txt (removed)\n\t+0 -1 b/c.txt (removed)")
	sum, err = WriteTree(dir, "New.golden.d", nil, Options{Label: "New"})
	if err != nil || sum.String() != "+0 -0 New/ (new, empty)" {
		t.Errorf("new empty tree: %q, %v", sum, err)
	}
	checkSnapshot(t, dir, map[string]string{"T.golden.d": "dir", "New.golden.d": "dir"})
}

func TestWriteTreeInvalidFiles(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for _, tt := range []struct {
		files []File
		want  string
	}{
		{[]File{{Name: "a"}, {Name: "a"}}, `write tree "L": "a" is given twice`},
		{[]File{{Name: "a"}, {Name: "a/b"}}, `write tree "L": "a/b" lies below "a", which is a file or symlink`},
		{[]File{{Name: "../a"}}, `write tree "L": "../a" is not a slash-separated path inside the golden directory`},
		{[]File{{Name: ""}}, `write tree "L": "" is not a slash-separated path inside the golden directory`},
	} {
		_, err := WriteTree(dir, "T.golden.d", tt.files, Options{Label: "L"})
		checkErr(t, err, tt.want)
	}
	checkSnapshot(t, dir, map[string]string{})
}

// TestWriteTreeFailureLeavesTheOldTreeWhole injects a failure while the new
// tree is staged, then while it is swapped in: the old tree stays whole and
// nothing of the new one is left (failed before: the entries removed before
// the failure were lost).
func TestWriteTreeFailureLeavesTheOldTreeWhole(t *testing.T) {
	t.Parallel()
	old := map[string]string{"T.golden.d/index.html": "old\n", "T.golden.d/stale.txt": "stale\n", "T.golden.d/blog/a.html": "a\n"}
	for _, tt := range []struct {
		failAt string // the dst for which BeforeRename fails
		want   string
	}{
		{"T.golden.d/index.html", `write tree "L": index.html: interrupted`},
		{"T.golden.d", `write tree "L": interrupted`},
	} {
		dir := setup(t, old)
		before := snapshot(t, dir)
		_, err := WriteTree(dir, "T.golden.d", site, Options{Label: "L", BeforeRename: func(tmp, dst string) error {
			if dst == tt.failAt {
				return errors.New("interrupted")
			}
			return nil
		}})
		checkErr(t, err, tt.want)
		checkSnapshot(t, dir, before)
	}
}

// TestWriteTreeReadOnlySubdir: unprivileged, a 0555 directory in a golden
// tree made an update remove some files, fail with a bare "permission
// denied" naming no entry, and never write the new ones. The update is
// refused before anything changes, naming the directory. Root ignores the
// permission bits: .ci/as-nobody runs it.
func TestWriteTreeReadOnlySubdir(t *testing.T) {
	if runtime.GOOS == "windows" || os.Geteuid() == 0 {
		t.Skip("needs an unprivileged user on Unix: run with bash .ci/as-nobody")
	}
	t.Parallel()
	dir := setup(t, map[string]string{"T.golden.d/a.txt": "a\n", "T.golden.d/ro/b.txt": "b\n", "T.golden.d/z.txt": "z\n"})
	ro := filepath.Join(dir, "T.golden.d", "ro")
	os.Chmod(ro, 0o555)
	t.Cleanup(func() { os.Chmod(ro, 0o755) })
	before := snapshot(t, dir)
	_, err := WriteTree(dir, "T.golden.d", site, Options{Label: "L"})
	checkErr(t, err, `write tree "L": T.golden.d/ro: permission denied: this user cannot remove what it holds, `+
		`so the old tree could not be replaced; nothing was changed (make it writable, for example with chmod -R u+w)`)
	checkSnapshot(t, dir, before)
}

// checkNoLeftovers fails if a staged or set-aside tree or temp file is
// left below dir.
func checkNoLeftovers(t *testing.T, dir string) {
	t.Helper()
	for p := range snapshot(t, dir) {
		if strings.HasPrefix(filepath.Base(p), ".") {
			t.Errorf("left behind: %s", p)
		}
	}
}

// pkgOf returns the package directory of a guard case: a/pkg if the layout
// has it, else pkg.
func pkgOf(layout map[string]string) string {
	for name := range layout {
		if strings.HasPrefix(name, "a/pkg/") {
			return "a/pkg"
		}
	}
	return "pkg"
}
