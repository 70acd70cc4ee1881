package golden

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/tmpkit/tmpkit/tmptest"
)

func TestScrub(t *testing.T) {
	t.Parallel()
	dir := setup(t, nil)
	out := "version 1.2.3 built 2024-05-01T10:00:00Z by host-42\n"
	opts := append(update(), Dir(dir),
		Scrub("host-42", "$HOST"),
		ScrubRegexp(regexp.MustCompile(`\d{4}-\d\d-\d\dT[\d:]+Z`), "$$TIME"),
		ScrubRegexp(regexp.MustCompile(`version (\d+)\.\d+\.\d+`), "version ${1}.x"))
	if f := assertFake(t, "TestX", out, opts...); f.Failed() {
		t.Fatal(f.Fatals())
	}
	checkContent(t, filepath.Join(dir, "TestX.golden"), "version 1.x built $TIME by $HOST\n")
	// The next run, with other volatile values, compares equal.
	out2 := "version 1.9.0 built 2025-01-02T03:04:05Z by host-42\n"
	if f := assertFake(t, "TestX", out2, append(opts[:0:0], append(quiet(), opts[2:]...)...)...); f.Failed() {
		t.Error(f.Fatals())
	}
}

func TestScrubPath(t *testing.T) {
	t.Parallel()
	real := t.TempDir()
	link := filepath.Join(t.TempDir(), "link")
	if err := os.Symlink(real, link); err != nil {
		t.Skip("no symlinks:", err)
	}
	resolved, err := filepath.EvalSymlinks(real)
	if err != nil {
		t.Fatal(err)
	}
	out := "open " + link + "/a: denied\nresolved " + resolved + "/a\nslash " + filepath.ToSlash(link) + "\n"
	scrub := ScrubPath(link, "$DATA")
	var cfg config
	scrub.apply(&cfg)
	got := string(cfg.scrubFunc(&call{})([]byte(out)))
	if want := "open $DATA/a: denied\nresolved $DATA/a\nslash $DATA\n"; got != want {
		t.Errorf("ScrubPath:\n%s\nwant\n%s", got, want)
	}
}

// TestScrubTempDirs scrubs the test's t.TempDir directories, without
// calling t.TempDir itself (so the next one is still 003), the paths
// tmptest made, numbered in the order it made them, and the temp roots.
func TestScrubTempDirs(t *testing.T) {
	t.Parallel()
	first := t.TempDir()
	second := t.TempDir()
	made := []string{filepath.Join(os.TempDir(), "TestScrubTempDirs-made1"), filepath.Join(os.TempDir(), "made2.txt")}
	out := strings.Join([]string{
		first + "/a", second, os.TempDir() + "/other", `"` + strings.ReplaceAll(first, `\`, `\\`) + `"`,
		made[1], made[0] + "/sub", filepath.ToSlash(made[0]),
	}, "\n")
	var cfg config
	ScrubTempDirs().apply(&cfg)
	c := &call{test: t.Name(), getenv: os.Getenv, created: func() []string { return made }}
	got := string(cfg.scrubFunc(c)([]byte(out)))
	want := "$TESTTMP/001/a\n$TESTTMP/002\n$TMPDIR/other\n\"$TESTTMP/001\"\n$TMPTEST/002\n$TMPTEST/001/sub\n$TMPTEST/001"
	if filepath.Separator == '\\' {
		want = strings.ReplaceAll(want, "/", `\`)
	}
	if got != want {
		t.Errorf("ScrubTempDirs:\n%s\nwant\n%s", got, want)
	}
	if third := t.TempDir(); filepath.Base(third) != "003" {
		t.Errorf("the next t.TempDir is %s, want 003: ScrubTempDirs made one", third)
	}
}

// TestScrubTempDirsFindsTheTestTempDir checks the name ScrubTempDirs
// expects of the directory of t.TempDir against the testing package
// itself, for test names it changes: cut at 64 bytes, symbols dropped.
func TestScrubTempDirsFindsTheTestTempDir(t *testing.T) {
	for _, name := range []string{"plain", "with/slash:colon*star", "a b!#$%&()+,-.=@^_{}~", strings.Repeat("long", 20), "é日本"} {
		t.Run(name, func(t *testing.T) {
			dir := filepath.Dir(t.TempDir())
			var cfg config
			ScrubTempDirs().apply(&cfg)
			got := string(cfg.scrubFunc(&call{test: t.Name(), getenv: os.Getenv})([]byte(dir + "/x")))
			if want := "$TESTTMP" + string(filepath.Separator) + "x"; got != want && got != "$TESTTMP/x" {
				t.Errorf("%s: scrubbed to %q, want %q", dir, got, want)
			}
		})
	}
}

func FuzzScrubPath(f *testing.F) {
	f.Add("/tmp/x", "open /tmp/x/a and /tmp/x")
	f.Add(`C:\Users\me`, `"C:\\Users\\me\\a" C:/Users/me`)
	f.Add(".", "./a")
	f.Fuzz(func(t *testing.T, p, text string) {
		if p == "" || strings.ContainsRune(p, 0) || strings.ContainsRune(text, 0) {
			return
		}
		var cfg config
		ScrubPath(p, "\x00").apply(&cfg)
		if cfg.err != nil {
			t.Fatal(cfg.err)
		}
		// Between blanks, p is a whole path: it is replaced, whatever text
		// around it holds.
		out := string(cfg.scrubFunc(&call{})([]byte(text + " " + p + " " + text)))
		if strings.Contains(out, " "+p+" ") {
			t.Fatalf("ScrubPath(%q) left it in %q", p, out)
		}
	})
}

// TestScrubTempDirsAtPathBoundaries: the base temp directory was replaced
// as a plain substring, so ".../TestScrub-x/tmp" (a tmptest.Path result)
// became ".../TestScrub-x$TMPDIR". Paths are replaced only where they end
// at a path boundary (failed before).
func TestScrubTempDirsAtPathBoundaries(t *testing.T) {
	t.Parallel()
	base := filepath.Clean(os.TempDir())
	out := strings.Join([]string{
		filepath.Join(base, "TestScrub-x") + base, // the base again, inside a name
		base + "foo",  // a longer name
		base + ".d/x", // a longer name with a dot
		base + ".",    // the end of a sentence
		"(" + base + ")",
	}, "\n")
	var cfg config
	ScrubTempDirs().apply(&cfg)
	got := string(cfg.scrubFunc(&call{getenv: func(string) string { return "" }})([]byte(out)))
	want := strings.Join([]string{
		"$TMPDIR" + string(filepath.Separator) + "TestScrub-x" + base,
		base + "foo",
		base + ".d/x",
		"$TMPDIR.",
		"($TMPDIR)",
	}, "\n")
	if got != want {
		t.Errorf("ScrubTempDirs:\n%s\nwant\n%s", got, want)
	}
}

// TestScrubTempDirsOfTmptest: golden.Assert(t, tmptest.Dir(t),
// golden.ScrubTempDirs()) wrote a random name into the golden (issue 9,
// point 10). Every path tmptest made for the test, and its parent's, is
// scrubbed, numbered in the order they were made.
func TestScrubTempDirsOfTmptest(t *testing.T) {
	t.Parallel()
	parent := tmptest.Dir(t)
	dir := setup(t, nil)
	t.Run("sub", func(t *testing.T) {
		own := tmptest.Dir(t)
		file := tmptest.WriteFile(t, "x", tmptest.In(own))
		for _, env := range []string{"UPDATE_GOLDEN=1", ""} {
			Assert(t, strings.Join([]string{own, file, parent, filepath.ToSlash(own)}, "\n")+"\n",
				ScrubTempDirs(), Dir(dir), noFlags(), withEnv(env), newRun())
		}
	})
	checkContent(t, filepath.Join(dir, "TestScrubTempDirsOfTmptest", "sub.golden"),
		filepath.FromSlash("$TMPTEST/002\n$TMPTEST/003\n$TMPTEST/001\n")+"$TMPTEST/002\n")
}
