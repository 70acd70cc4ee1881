package golden

import (
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/tmpkit/tmpkit/fixture"
)

// TestOneRunReportsEveryDifference: a missing or differing golden marks
// the test failed and lets it go on, so one run reports every broken
// golden (failed before: the first one stopped the test).
func TestOneRunReportsEveryDifference(t *testing.T) {
	t.Parallel()
	dir := setup(t, map[string]string{"a.golden": "a\n", "b.golden": "b\n", "TestX.golden.d/t.txt": "t\n"})
	reachedEnd := false
	f := runFake(t, "TestX", func(tb testing.TB) {
		Assert(tb, "A\n", append(quiet(), Dir(dir), Name("a.golden"))...)
		Assert(tb, "B\n", append(quiet(), Dir(dir), Name("b.golden"))...)
		Assert(tb, "c\n", append(quiet(), Dir(dir), Name("c.golden"))...)
		AssertDir(tb, fixture.Tree{"t.txt": fixture.File("T\n")}.FS(), append(quiet(), Dir(dir))...)
		reachedEnd = true
	})
	if !reachedEnd || !f.Failed() || len(f.Fatals()) != 0 {
		t.Fatalf("reached the end %v, failed %v, Fatalf %q", reachedEnd, f.Failed(), f.Fatals())
	}
	var firstLines []string
	for _, e := range f.Errors() {
		first, _, _ := strings.Cut(scrubDir(e, dir), "\n")
		firstLines = append(firstLines, first)
	}
	want := []string{
		`golden: "$DIR/a.golden" differs from the output (-want +got):`,
		`golden: "$DIR/b.golden" differs from the output (-want +got):`,
		`golden: "$DIR/c.golden" does not exist.`,
		`golden: tree "$DIR/TestX.golden.d" differs from the output (missing: only in the golden tree; extra: only in the output):`,
	}
	if !slices.Equal(firstLines, want) {
		t.Errorf("reported:\n%s\nwant:\n%s", strings.Join(firstLines, "\n"), strings.Join(want, "\n"))
	}
}

// TestUpdateSummary: each golden an update writes is logged with what it
// changed, +N -M lines (bytes for binary content), files added, removed
// and changed for a tree (failed before: "golden: created ..." lines).
func TestUpdateSummary(t *testing.T) {
	t.Parallel()
	dir := setup(t, map[string]string{
		"text.golden":               "a\nb\nc\n",
		"bin.golden":                "\x00\x01\x02",
		"TestTree.golden.d/a.txt":   "a\n",
		"TestTree.golden.d/old.txt": "old\n",
	})
	f := runFake(t, "TestTree", func(tb testing.TB) {
		Assert(tb, "a\nB\nc\nd\n", append(update(), Dir(dir), Name("text.golden"))...)
		Assert(tb, "\x00\xff\x02", append(update(), Dir(dir), Name("bin.golden"))...)
		Assert(tb, "new\n", append(update(), Dir(dir), Name("new.golden"))...)
		AssertDir(tb, fixture.Tree{"a.txt": fixture.File("a\nmore\n"), "b/c.txt": fixture.File("c\n")}.FS(), append(update(), Dir(dir))...)
	})
	if f.Failed() {
		t.Fatalf("%s%s", f.Fatals(), f.Errors())
	}
	checkLogs(t, f, dir, []string{
		"golden: wrote +2 -1 $DIR/text.golden",
		"golden: wrote +1 -1 bytes $DIR/bin.golden",
		"golden: wrote +1 -0 $DIR/new.golden (new)",
		"golden: wrote +2 -1 $DIR/TestTree.golden.d/ (1 added, 1 removed, 1 changed)\n\t+1 -0 a.txt\n\t+1 -0 b/c.txt (new)\n\t+0 -1 old.txt (removed)",
	})
}

// TestUpdateRefusesToEmpty: an update refuses to replace a golden that
// holds something with empty output, or to empty a golden tree, failing
// the test and naming each such golden; UPDATE_GOLDEN=force empties them
// (failed before: the goldens were emptied).
func TestUpdateRefusesToEmpty(t *testing.T) {
	t.Parallel()
	dir := setup(t, map[string]string{"x.golden": "a\nb\n", "TestX.golden.d/a.txt": "a\n"})
	run := func(env string) []string {
		f := runFake(t, "TestX", func(tb testing.TB) {
			Assert(tb, "", Dir(dir), Name("x.golden"), noFlags(), withEnv(env), newRun())
			AssertDir(tb, fixture.Tree{}.FS(), Dir(dir), noFlags(), withEnv(env), newRun())
		})
		if len(f.Fatals()) != 0 {
			t.Fatalf("Fatalf: %q", f.Fatals())
		}
		var msgs []string
		for _, e := range append(f.Errors(), f.Logs()...) {
			msgs = append(msgs, scrubDir(e, dir))
		}
		return msgs
	}
	want := []string{
		`golden: refused to empty "$DIR/x.golden", which holds 2 lines: an empty output is the classic way a bulk update erases goldens.
If the output is meant to be empty, run from the module root:
	UPDATE_GOLDEN=force go test ./golden -run '^TestX$'`,
		`golden: refused to empty "$DIR/TestX.golden.d", which holds 1 file: an empty output is the classic way a bulk update erases goldens.
If the output is meant to be empty, run from the module root:
	UPDATE_GOLDEN=force go test ./golden -run '^TestX$'`,
	}
	if got := run("UPDATE_GOLDEN=1"); !slices.Equal(got, want) {
		t.Errorf("UPDATE_GOLDEN=1:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	checkContent(t, filepath.Join(dir, "x.golden"), "a\nb\n")
	checkContent(t, filepath.Join(dir, "TestX.golden.d", "a.txt"), "a\n")

	want = []string{"golden: wrote +0 -2 $DIR/x.golden", "golden: wrote +0 -1 $DIR/TestX.golden.d/ (1 removed)\n\t+0 -1 a.txt (removed)"}
	if got := run("UPDATE_GOLDEN=force"); !slices.Equal(got, want) {
		t.Errorf("UPDATE_GOLDEN=force:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	checkContent(t, filepath.Join(dir, "x.golden"), "")
	if got := snapshotFiles(t, filepath.Join(dir, "TestX.golden.d")); len(got) != 0 {
		t.Errorf("the forced tree holds %q", got)
	}
}

// attrTB records the test attributes a helper sets.
type attrTB struct {
	testing.TB
	mu    sync.Mutex
	attrs []string
}

func (a *attrTB) Attr(key, value string) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.attrs = append(a.attrs, key+" "+value)
}

// TestAttrsNameTheGoldensUsed: every assertion, Get and MarkUsed records the
// golden it used and its golden directory with t.Attr, for `golden unused`
// (failed before: nothing was recorded).
func TestAttrsNameTheGoldensUsed(t *testing.T) {
	t.Parallel()
	dir := setup(t, map[string]string{"TestX.golden": "x\n", "in.golden": "in\n", "TestX.golden.d/a.txt": "a\n"})
	var a *attrTB
	f := runFake(t, "TestX", func(tb testing.TB) {
		a = &attrTB{TB: tb}
		Assert(a, "x\n", append(quiet(), Dir(dir))...)
		Get(a, append(quiet(), Dir(dir), Name("in.golden"))...)
		AssertDir(a, fixture.Tree{"a.txt": fixture.File("a\n")}.FS(), append(quiet(), Dir(dir))...)
		MarkUsed(a, append(quiet(), Dir(dir))...)
	})
	if f.Failed() {
		t.Fatalf("%s%s", f.Fatals(), f.Errors())
	}
	d := filepath.ToSlash(dir)
	want := []string{
		"golden file " + d + "/TestX.golden", "golden-dir " + d, "golden-run full",
		"golden file " + d + "/in.golden", "golden-dir " + d, "golden-run full",
		"golden tree " + d + "/TestX.golden.d", "golden-dir " + d, "golden-run full",
		"golden used " + d + "/TestX.golden", "golden used " + d + "/TestX.golden.d", "golden used " + d + "/TestX", "golden-dir " + d, "golden-run full",
	}
	if !slices.Equal(a.attrs, want) {
		t.Errorf("attrs:\n%s\nwant:\n%s", strings.Join(a.attrs, "\n"), strings.Join(want, "\n"))
	}
}
