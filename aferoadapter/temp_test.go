package aferoadapter_test

import (
	"errors"
	"io/fs"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/spf13/afero"

	"github.com/tmpkit/tmpkit/aferoadapter"
	"github.com/tmpkit/tmpkit/internal/faketb"
	"github.com/tmpkit/tmpkit/tmptest"
)

func TestTempDirDefaults(t *testing.T) {
	t.Setenv("TMPTEST_KEEP", "")
	afs := aferoadapter.NewMemFs()
	tb := faketb.New("TestX/sub case", nil)
	var dir string
	tb.Run(func(tb testing.TB) { dir = aferoadapter.TempDir(tb, afs) })
	base := filepath.ToSlash(tmptest.BaseDir())
	if !regexp.MustCompile(`^` + regexp.QuoteMeta(base) + `/TestX-sub_case-[a-z0-9]{10}$`).MatchString(dir) {
		t.Errorf("TempDir = %q, want %s/TestX-sub_case-<random>", dir, base)
	}
	info, err := afs.Stat(dir)
	if err != nil || info.Mode() != fs.ModeDir|0o700 {
		t.Fatalf("Stat(%s) = %v, %v; want drwx------", dir, info, err)
	}
	if tb.Called("Helper") == 0 || tb.Called("Cleanup") != 1 {
		t.Errorf("Helper calls %d, cleanups %d; want >0 and 1", tb.Called("Helper"), tb.Called("Cleanup"))
	}
	tb.Finish()
	if _, err := afs.Stat(dir); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("after cleanup Stat(%s) = %v, want not exist", dir, err)
	}
	if tb.Failed() || len(tb.Logs()) != 0 {
		t.Errorf("cleanup failed the test or logged: %q %q", tb.Errors(), tb.Logs())
	}
}

func TestTempDirOptions(t *testing.T) {
	t.Setenv("TMPTEST_KEEP", "")
	afs := aferoadapter.NewMemFs()
	must(t, afs.Mkdir("/work", 0o755))
	tb := faketb.New("T", nil)
	var dir string
	tb.Run(func(tb testing.TB) {
		dir = aferoadapter.TempDir(tb, afs, tmptest.In("/work"), tmptest.Prefix("p-"), tmptest.Suffix(".d"), tmptest.Perm(0o750))
	})
	if !regexp.MustCompile(`^/work/p-T-[a-z0-9]{10}\.d$`).MatchString(dir) {
		t.Errorf("TempDir = %q, want /work/p-T-<random>.d", dir)
	}
	if info, err := afs.Stat(dir); err != nil || info.Mode() != fs.ModeDir|0o750 {
		t.Errorf("Stat = %v, %v; want drwxr-x---", info, err)
	}
	tb.Finish()
}

func TestTempDirErrors(t *testing.T) {
	for _, c := range []struct {
		opts []tmptest.Option
		want string
	}{
		{[]tmptest.Option{tmptest.In("/nope")}, `tmptest: In("/nope"): no such directory; create it first, or leave out In to use BaseDir()`},
		{[]tmptest.Option{tmptest.Prefix("a/b")}, `tmptest: Prefix("a/b"): a name part cannot hold "/", "\", ".." or NUL; choose the directory with In`},
	} {
		tb := faketb.New("T", nil)
		if tb.Run(func(tb testing.TB) { aferoadapter.TempDir(tb, aferoadapter.NewMemFs(), c.opts...) }) {
			t.Errorf("TempDir returned; want it to stop the test")
		}
		if !slices.Equal(tb.Fatals(), []string{c.want}) {
			t.Errorf("Fatalf calls = %q, want [%q]", tb.Fatals(), c.want)
		}
	}
}

// TestTempDirKeep covers Keep and TMPTEST_KEEP (read when TempDir is
// called, applied at cleanup): tmptest's rules, through tmptest.Make.
func TestTempDirKeep(t *testing.T) {
	for _, c := range []struct {
		env  string
		keep bool // tmptest.Keep()
		fail bool // the test failed
		why  string
	}{
		{env: ""},
		{env: "never"},
		{env: "", keep: true, why: "Keep()"},
		{env: "never", keep: true, why: "Keep()"},
		{env: "failed", fail: false},
		{env: "failed", fail: true, why: "TMPTEST_KEEP=failed and the test failed"},
		{env: "all", why: "TMPTEST_KEEP=all"},
	} {
		t.Run(c.env, func(t *testing.T) {
			t.Setenv("TMPTEST_KEEP", c.env)
			afs := aferoadapter.NewMemFs()
			tb := faketb.New("T", nil)
			var opts []tmptest.Option
			if c.keep {
				opts = append(opts, tmptest.Keep())
			}
			var dir string
			tb.Run(func(tb testing.TB) { dir = aferoadapter.TempDir(tb, afs, opts...) })
			if c.fail {
				tb.Errorf("the test failed")
			}
			tb.Finish()
			_, err := afs.Stat(dir)
			if kept := err == nil; kept != (c.why != "") {
				t.Errorf("kept = %v, want %v", kept, c.why != "")
			}
			var want []string
			if c.why != "" {
				want = []string{"tmptest: kept " + dir + " (" + c.why + ")"}
			}
			if !slices.Equal(tb.Logs(), want) {
				t.Errorf("logs = %q, want %q", tb.Logs(), want)
			}
		})
	}
}

func TestTempDirBadKeepValue(t *testing.T) {
	t.Setenv("TMPTEST_KEEP", "sometimes")
	tb := faketb.New("T", nil)
	if tb.Run(func(tb testing.TB) { aferoadapter.TempDir(tb, aferoadapter.NewMemFs()) }) {
		t.Fatal("TempDir returned; want it to stop the test")
	}
	want := `tmptest: TMPTEST_KEEP="sometimes": unknown value; accepted: "failed", "all", "never" or empty`
	if !slices.Equal(tb.Fatals(), []string{want}) {
		t.Errorf("Fatalf calls = %q, want [%q]", tb.Fatals(), want)
	}
}

// TestTempDirRemovesReadOnlyTrees: NewMemFs enforces permission bits, so
// this holds as root too.
func TestTempDirRemovesReadOnlyTrees(t *testing.T) {
	t.Setenv("TMPTEST_KEEP", "")
	afs := aferoadapter.NewMemFs()
	tb := faketb.New("T", nil)
	var dir string
	tb.Run(func(tb testing.TB) { dir = aferoadapter.TempDir(tb, afs) })
	sub := path.Join(dir, "ro")
	must(t, afs.Mkdir(sub, 0o755))
	must(t, afero.WriteFile(afs, sub+"/f", []byte("x"), 0o444))
	must(t, afs.(afero.Linker).SymlinkIfPossible("/", sub+"/root-link"))
	must(t, afs.Chmod(sub, 0o500))
	if err := afs.RemoveAll(dir); err == nil {
		t.Fatal("RemoveAll of a read-only tree succeeded; the test proves nothing")
	}
	tb.Finish()
	if _, err := afs.Stat(dir); !errors.Is(err, fs.ErrNotExist) || tb.Failed() {
		t.Errorf("after cleanup: %v, errors %q", err, tb.Errors())
	}
	if info, err := afs.Stat("/"); err != nil || info.Mode() != fs.ModeDir|0o755 {
		t.Errorf("cleanup changed the root through a link: %v %v", info, err)
	}
}

func TestTempFile(t *testing.T) {
	t.Setenv("TMPTEST_KEEP", "")
	for _, b := range adapterBackends() {
		t.Run(b.name, func(t *testing.T) {
			afs, _ := b.new(t)
			must(t, afs.MkdirAll("/in", 0o755))
			tb := faketb.New("T", nil)
			var f afero.File
			tb.Run(func(tb testing.TB) {
				f = aferoadapter.TempFile(tb, afs, tmptest.In("/in"), tmptest.Suffix(".txt"), tmptest.Perm(0o400))
			})
			if f == nil {
				t.Fatalf("TempFile stopped the test: %q", tb.Fatals())
			}
			name := f.Name()
			if !strings.HasSuffix(name, ".txt") || !strings.Contains(name, "/in/T-") || len(tb.Fatals()) != 0 {
				t.Errorf("Name = %q, want .../in/T-<random>.txt", name)
			}
			if _, err := f.WriteString("written"); err != nil {
				t.Errorf("the handle of a 0400 temp file is not writable: %v", err)
			}
			real := "/in/" + path.Base(name)
			if info, err := afs.Stat(real); err != nil || info.Mode() != 0o400 {
				t.Errorf("Stat = %v, %v; want -r--------", info, err)
			}
			tb.Finish()
			if _, err := afs.Stat(real); !errors.Is(err, fs.ErrNotExist) || tb.Failed() {
				t.Errorf("after cleanup: %v, errors %q", err, tb.Errors())
			}
			if _, err := f.WriteString("late"); err == nil {
				t.Errorf("the handle is still open after cleanup")
			}
		})
	}
}

func TestTempDirOnTheDisk(t *testing.T) {
	t.Setenv("TMPTEST_KEEP", "")
	in := t.TempDir()
	tb := faketb.New("T", nil)
	var dir string
	tb.Run(func(tb testing.TB) { dir = aferoadapter.TempDir(tb, afero.NewOsFs(), tmptest.In(in)) })
	if filepath.Dir(dir) != in {
		t.Errorf("TempDir = %q, want a directory in %s", dir, in)
	}
	tb.Finish()
	if _, err := afero.NewOsFs().Stat(dir); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("not removed: %v", err)
	}
}
