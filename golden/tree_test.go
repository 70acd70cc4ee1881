package golden

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"testing"

	"github.com/tmpkit/tmpkit/fixture"
	"github.com/tmpkit/tmpkit/internal/faketb"
)

// output is a tree as code under test would produce it.
var output = fixture.Tree{
	"README.md":       fixture.File("# out\n"),
	"bin/run.sh":      fixture.File("#!/bin/sh\necho run\n").WithMode(0o750),
	"data/blob.bin":   fixture.File("\x00\x01\x02"),
	"data/latest":     fixture.Symlink("blob.bin"),
	"empty":           fixture.Dir(),
	"docs/guide/a.md": fixture.File("a\n").WithMode(0o600),
}

func assertDirFake(t *testing.T, test string, fsys fixture.Tree, opts ...Option) *faketb.TB {
	return runFake(t, test, func(tb testing.TB) { AssertDir(tb, fsys.FS(), opts...) })
}

// snapshot lists the tree below dir as path -> what git would keep.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	tree, err := fixture.Read(os.DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for name, e := range tree {
		perm, _ := e.Mode()
		switch e.Type() {
		case 0:
			exec := ""
			if perm&0o100 != 0 && runtime.GOOS != "windows" {
				exec = " (executable)"
			}
			out[name] = string(e.Content()) + exec
		case os.ModeSymlink:
			out[name] = "-> " + e.Target()
		case os.ModeDir:
			out[name] = "dir"
		}
	}
	return out
}

func TestAssertDirCreatesAndCompares(t *testing.T) {
	t.Parallel()
	dir := setup(t, nil)
	f := assertDirFake(t, "TestTree", output, append(quiet(), Dir(dir))...)
	checkFailure(t, f, dir, `golden: tree "$DIR/TestTree.golden.d" does not exist.
To create it from the output, run from the module root:
	UPDATE_GOLDEN=new go test ./golden -run '^TestTree$'`)

	f = assertDirFake(t, "TestTree", output, append(update(), Dir(dir), newRun())...)
	if f.Failed() {
		t.Fatal(f.Fatals())
	}
	wantLogs := []string{"golden: wrote +5 -0 $DIR/TestTree.golden.d/ (new, 5 added)\n" +
		"\t+1 -0 README.md (new)\n\t+2 -0 bin/run.sh (new)\n\t+3 -0 bytes data/blob.bin (new)\n" +
		"\t+1 -0 data/latest (new)\n\t+1 -0 docs/guide/a.md (new)"}
	checkLogs(t, f, dir, wantLogs)
	want := map[string]string{
		"README.md": "# out\n", "bin": "dir", "bin/run.sh": "#!/bin/sh\necho run\n (executable)",
		"data": "dir", "data/blob.bin": "\x00\x01\x02", "data/latest": "-> blob.bin",
		"docs": "dir", "docs/guide": "dir", "docs/guide/a.md": "a\n",
	}
	if got := snapshot(t, filepath.Join(dir, "TestTree.golden.d")); !mapsEqual(got, want) {
		t.Errorf("golden tree:\n%q\nwant\n%q", got, want)
	}
	checkMode(t, filepath.Join(dir, "TestTree.golden.d", "bin", "run.sh"), 0o755)
	checkMode(t, filepath.Join(dir, "TestTree.golden.d", "docs", "guide", "a.md"), 0o644)

	// The same output compares equal; so does one with other
	// non-executable modes and no empty directory. (CRLF in the output is
	// a difference: TestOutputCRLFIsADifference.)
	if f := assertDirFake(t, "TestTree", output, append(quiet(), Dir(dir))...); f.Failed() {
		t.Error(f.Fatals())
	}
	crlf := fixture.Tree{
		"README.md":       fixture.File("# out\n"),
		"bin/run.sh":      fixture.File("#!/bin/sh\necho run\n").WithMode(0o700),
		"data/blob.bin":   fixture.File("\x00\x01\x02"),
		"data/latest":     fixture.Symlink("blob.bin"),
		"docs/guide/a.md": fixture.File("a\n").WithMode(0o666),
	}
	if f := assertDirFake(t, "TestTree", crlf, append(quiet(), Dir(dir), newRun())...); f.Failed() {
		t.Error(f.Fatals())
	}
}

func TestAssertDirMismatch(t *testing.T) {
	t.Parallel()
	dir := setup(t, nil)
	if f := assertDirFake(t, "TestTree", output, append(update(), Dir(dir))...); f.Failed() {
		t.Fatal(f.Fatals())
	}
	changed := fixture.Tree{
		"README.md":       fixture.File("# out\nmore\n"),
		"bin/run.sh":      fixture.File("#!/bin/sh\necho run\n").WithMode(0o644),
		"data/latest":     fixture.Symlink("other.bin"),
		"docs/guide/a.md": fixture.File("a\n"),
		"new.txt":         fixture.File("new\n"),
	}
	f := assertDirFake(t, "TestTree", changed, append(quiet(), Dir(dir), newRun())...)
	want := `golden: tree "$DIR/TestTree.golden.d" differs from the output (missing: only in the golden tree; extra: only in the output):
tree differs: 1 missing, 1 extra, 3 changed
changed  README.md: content differs:
    --- want
    +++ got
    @@ -1 +1,2 @@
     # out
    +more
changed  bin/run.sh: mode differs: want 0755, got 0644
missing  data/blob.bin: file, want 3 bytes of binary content
changed  data/latest: symlink target differs: want "blob.bin", got "other.bin"
extra    new.txt: file, got 4 bytes: "new\n"
To update it, run from the module root:
	UPDATE_GOLDEN=1 go test ./golden -run '^TestTree$'`
	if runtime.GOOS == "windows" {
		return // no executable bit
	}
	checkFailure(t, f, dir, want)
}

func TestAssertDirUpdateRemovesStaleInsideTreeOnly(t *testing.T) {
	t.Parallel()
	dir := setup(t, map[string]string{
		"TestTree.golden.d/README.md":        "# old\r\n",
		"TestTree.golden.d/stale.txt":        "stale\n",
		"TestTree.golden.d/staledir/x.txt":   "stale\n",
		"TestTree.golden.d/bin/run.sh":       "#!/bin/sh\necho run\n",
		"TestTree.golden.d/data/blob.bin/x":  "a directory where a file goes\n",
		"TestTree.golden.d/docs/guide/a.md":  "a\r\n",
		"TestTree.golden.txt":                "a neighbour\n",
		"TestOther.golden.d/stale.txt":       "another tree\n",
		"TestTree/sub.golden":                "a subtest golden\n",
		"TestTree.golden.d/emptydir/.keep":   "",
		"TestTree.golden.d/data/latest/note": "a directory where a symlink goes\n",
	})
	os.Remove(filepath.Join(dir, "TestTree.golden.d", "emptydir", ".keep"))
	outside := setup(t, map[string]string{"victim": "precious\n"})
	os.Symlink(outside, filepath.Join(dir, "TestTree.golden.d", "docs", "escape"))

	f := assertDirFake(t, "TestTree", output, append(update(), Dir(dir))...)
	if f.Failed() {
		t.Fatal(f.Fatals())
	}
	checkLogs(t, f, dir, []string{`golden: wrote +2 -6 $DIR/TestTree.golden.d/ (2 added, 5 removed, 2 changed)
	+1 -1 README.md
	+0 -0 bin/run.sh (executable bit)
	+3 -0 bytes data/blob.bin (new)
	+0 -1 data/blob.bin/x (removed)
	+1 -0 data/latest (new)
	+0 -1 data/latest/note (removed)
	+0 -1 docs/escape (removed)
	+0 -1 stale.txt (removed)
	+0 -1 staledir/x.txt (removed)`})
	checkContent(t, filepath.Join(dir, "TestTree.golden.d", "docs", "guide", "a.md"), "a\r\n") // same text: untouched
	checkContent(t, filepath.Join(dir, "TestTree.golden.txt"), "a neighbour\n")
	checkContent(t, filepath.Join(dir, "TestOther.golden.d", "stale.txt"), "another tree\n")
	checkContent(t, filepath.Join(dir, "TestTree", "sub.golden"), "a subtest golden\n")
	checkContent(t, filepath.Join(outside, "victim"), "precious\n")
	if f := assertDirFake(t, "TestTree", output, append(quiet(), Dir(dir), newRun())...); f.Failed() {
		t.Errorf("after the update: %s", f.Fatals())
	}
}

func TestAssertDirScrubsAndConflicts(t *testing.T) {
	t.Parallel()
	dir := setup(t, nil)
	tree := fixture.Tree{"log.txt": fixture.File("built at 12:34\n"), "link": fixture.Symlink("/tmp/build-42/x")}
	opts := append(update(), Dir(dir), ScrubRegexp(regexp.MustCompile(`\d\d:\d\d`), "HH:MM"), Scrub("build-42", "build-N"))
	if f := assertDirFake(t, "TestTree", tree, opts...); f.Failed() {
		t.Fatal(f.Fatals())
	}
	want := map[string]string{"log.txt": "built at HH:MM\n", "link": "-> /tmp/build-N/x"}
	if got := snapshot(t, filepath.Join(dir, "TestTree.golden.d")); !mapsEqual(got, want) {
		t.Errorf("scrubbed tree %q, want %q", got, want)
	}
	f := assertDirFake(t, "TestTree", fixture.Tree{"other": fixture.File("x")}, opts...)
	checkFailure(t, f, dir, `golden: "$DIR/TestTree.golden.d": two assertions in this run expect different content (first TestTree, then TestTree); a golden holds one result, so the last update would win silently: give each assertion its own golden with golden.Name`)
	f = assertFake(t, "TestTree", "a file\n", append(opts, Name("TestTree.golden.d"))...)
	checkMessage(t, f, dir, `golden: "$DIR/TestTree.golden.d" is used both as a golden file and as a golden tree (AssertDir) in this run; give one of them its own path with golden.Name`)
}

func TestAssertDirInterruptedUpdate(t *testing.T) {
	t.Parallel()
	dir := setup(t, map[string]string{"TestTree.golden.d/README.md": "# old\n"})
	fail := withBeforeRename(func(tmp, dst string) error { return errors.New("interrupted") })
	f := assertDirFake(t, "TestTree", fixture.Tree{"README.md": fixture.File("# new\n")}, append(update(), Dir(dir), fail)...)
	checkMessage(t, f, dir, `golden: write tree "$DIR/TestTree.golden.d": README.md: interrupted`)
	checkContent(t, filepath.Join(dir, "TestTree.golden.d", "README.md"), "# old\n")
	checkNoTempFiles(t, filepath.Join(dir, "TestTree.golden.d"))
}

func TestAssertDirNotADirectory(t *testing.T) {
	t.Parallel()
	dir := setup(t, map[string]string{"TestTree.golden.d": "a file\n"})
	f := assertDirFake(t, "TestTree", output, append(quiet(), Dir(dir))...)
	checkMessage(t, f, dir, `golden: "$DIR/TestTree.golden.d" is a regular file, not a directory; a golden tree is a directory of files`)
}

func checkLogs(t *testing.T, f *faketb.TB, dir string, want []string) {
	t.Helper()
	var got []string
	for _, l := range f.Logs() {
		got = append(got, scrubDir(l, dir))
	}
	if !slices.Equal(got, want) {
		t.Errorf("logs:\n%q\nwant\n%q", got, want)
	}
}

func mapsEqual(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}
