package golden

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
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

func TestScrubTempDirs(t *testing.T) {
	t.Parallel()
	first := t.TempDir()
	second := t.TempDir()
	out := strings.Join([]string{first + "/a", second, os.TempDir() + "/other", `"` + strings.ReplaceAll(first, `\`, `\\`) + `"`}, "\n")
	var cfg config
	ScrubTempDirs().apply(&cfg)
	got := string(cfg.scrubFunc(&call{tempDir: t.TempDir})([]byte(out)))
	want := "$TESTTMP/001/a\n$TESTTMP/002\n$TMPDIR/other\n\"$TESTTMP/001\""
	if filepath.Separator == '\\' {
		want = strings.ReplaceAll(want, "/", `\`)
	}
	if got != want {
		t.Errorf("ScrubTempDirs:\n%s\nwant\n%s", got, want)
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
		out := string(cfg.scrubFunc(&call{})([]byte(text + p + text)))
		if strings.Contains(out, p) {
			t.Fatalf("ScrubPath(%q) left it in %q", p, out)
		}
	})
}
