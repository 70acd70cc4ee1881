package golden

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/tmpkit/tmpkit/fixture"
)

// TestAssertAndAssertDirDefaultsDoNotCollide: both defaulted to
// testdata/<Test>.golden, so an update wrote the file, then failed, and
// the stale file kept failing later updates. They now default to
// <Test>.golden and <Test>.golden.d (failed before: the tree's update
// failed with "exists and is not a directory").
func TestAssertAndAssertDirDefaultsDoNotCollide(t *testing.T) {
	t.Parallel()
	dir := setup(t, nil)
	tree := fixture.Tree{"a.txt": fixture.File("a\n")}
	f := runFake(t, "TestX", func(tb testing.TB) {
		Assert(tb, "file\n", append(update(), Dir(dir))...)
		AssertDir(tb, tree.FS(), append(update(), Dir(dir))...)
	})
	if f.Failed() {
		t.Fatalf("%s%s", f.Fatals(), f.Errors())
	}
	checkContent(t, filepath.Join(dir, "TestX.golden"), "file\n")
	checkContent(t, filepath.Join(dir, "TestX.golden.d", "a.txt"), "a\n")
	f = runFake(t, "TestX", func(tb testing.TB) {
		Assert(tb, "file\n", append(quiet(), Dir(dir), newRun())...)
		AssertDir(tb, tree.FS(), append(quiet(), Dir(dir), newRun())...)
	})
	if f.Failed() {
		t.Errorf("the next run: %s%s", f.Fatals(), f.Errors())
	}
}

// TestStaleGoldenFileWhereATreeGoes: an update replaces a golden file
// lying where a golden tree goes, and says so.
func TestStaleGoldenFileWhereATreeGoes(t *testing.T) {
	t.Parallel()
	dir := setup(t, map[string]string{"TestX.golden.d": "a stale golden file\n"})
	tree := fixture.Tree{"a.txt": fixture.File("a\n")}
	f := assertDirFake(t, "TestX", tree, append(quiet(), Dir(dir))...)
	checkMessage(t, f, dir, `golden: "$DIR/TestX.golden.d" is a regular file, not a directory; a golden tree is a directory of files`)
	f = assertDirFake(t, "TestX", tree, append(update(), Dir(dir))...)
	if f.Failed() {
		t.Fatalf("%s%s", f.Fatals(), f.Errors())
	}
	checkLogs(t, f, dir, []string{"golden: wrote +1 -0 $DIR/TestX.golden.d/ (replaced a golden file, 1 added)\n\t+1 -0 a.txt (new)"})
	checkContent(t, filepath.Join(dir, "TestX.golden.d", "a.txt"), "a\n")
}

// TestDirectoryWhereAGoldenFileGoes: a directory where a golden file goes
// may not be a golden at all; no update removes it.
func TestDirectoryWhereAGoldenFileGoes(t *testing.T) {
	t.Parallel()
	dir := setup(t, map[string]string{"TestX.golden/input.txt": "a test input\n"})
	for _, opts := range [][]Option{quiet(), update()} {
		f := assertFake(t, "TestX", "x\n", append(opts, Dir(dir))...)
		checkMessage(t, f, dir, `golden: "$DIR/TestX.golden" is a directory, not a regular file; `+
			`an update never replaces a directory, which may hold more than goldens: move it, or give the assertion its own path with golden.Name`)
	}
	checkContent(t, filepath.Join(dir, "TestX.golden", "input.txt"), "a test input\n")
	if _, err := os.Stat(filepath.Join(dir, "TestX.golden")); err != nil {
		t.Error(err)
	}
}
