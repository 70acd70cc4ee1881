package aferoadapter_test

import (
	"errors"
	"io/fs"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/spf13/afero"

	"github.com/tmpkit/tmpkit/aferoadapter"
	"github.com/tmpkit/tmpkit/tmptest"
)

func TestTempDirDefaults(t *testing.T) {
	t.Setenv("TMPTEST_KEEP", "")
	afs := aferoadapter.NewMemFs()
	tb := newFakeTB("TestX/sub case")
	var dir string
	tb.run(func(tb testing.TB) { dir = aferoadapter.TempDir(tb, afs) })
	base := filepath.ToSlash(tmptest.BaseDir())
	if !regexp.MustCompile(`^` + regexp.QuoteMeta(base) + `/TestX_sub_case-[0-9]+$`).MatchString(dir) {
		t.Errorf("TempDir = %q, want %s/TestX_sub_case-<random>", dir, base)
	}
	info, err := afs.Stat(dir)
	if err != nil || info.Mode() != fs.ModeDir|0o700 {
		t.Fatalf("Stat(%s) = %v, %v; want drwx------", dir, info, err)
	}
	if tb.helpers == 0 || len(tb.cleanups) != 1 {
		t.Errorf("Helper calls %d, cleanups %d; want >0 and 1", tb.helpers, len(tb.cleanups))
	}
	tb.finish()
	if _, err := afs.Stat(dir); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("after cleanup Stat(%s) = %v, want not exist", dir, err)
	}
	if tb.failed || len(tb.logs) != 0 {
		t.Errorf("cleanup failed the test or logged: %q %q", tb.errors, tb.logs)
	}
}

func TestTempDirOptions(t *testing.T) {
	t.Setenv("TMPTEST_KEEP", "")
	afs := aferoadapter.NewMemFs()
	must(t, afs.Mkdir("/work", 0o755))
	tb := newFakeTB("T")
	var dir string
	tb.run(func(tb testing.TB) {
		dir = aferoadapter.TempDir(tb, afs, tmptest.In("/work"), tmptest.Prefix("p-"), tmptest.Suffix(".d"), tmptest.Perm(0o750))
	})
	if !regexp.MustCompile(`^/work/p-[0-9]+\.d$`).MatchString(dir) {
		t.Errorf("TempDir = %q, want /work/p-<random>.d", dir)
	}
	if info, err := afs.Stat(dir); err != nil || info.Mode() != fs.ModeDir|0o750 {
		t.Errorf("Stat = %v, %v; want drwxr-x---", info, err)
	}
	tb.finish()
}

func TestTempDirErrors(t *testing.T) {
	for _, c := range []struct {
		opts []tmptest.Option
		want string
	}{
		{[]tmptest.Option{tmptest.In("/nope")}, `aferoadapter: TempDir: tmptest.In("/nope"): stat /nope: no such file or directory` +
			"\n(check the tmptest options and that afs is writable)"},
		{[]tmptest.Option{tmptest.Prefix("a/b")}, `aferoadapter: TempDir: prefix "a/b" contains a path separator; give a directory with tmptest.In` +
			"\n(check the tmptest options and that afs is writable)"},
	} {
		tb := newFakeTB("T")
		if tb.run(func(tb testing.TB) { aferoadapter.TempDir(tb, aferoadapter.NewMemFs(), c.opts...) }) {
			t.Errorf("TempDir returned; want it to stop the test")
		}
		if len(tb.fatals) != 1 || tb.fatals[0] != c.want {
			t.Errorf("Fatalf calls = %q, want [%q]", tb.fatals, c.want)
		}
	}
}

// TestTempDirKeep covers Keep and TMPTEST_KEEP, read at cleanup time.
func TestTempDirKeep(t *testing.T) {
	for _, c := range []struct {
		env    string
		keep   bool // tmptest.Keep()
		fail   bool // the test failed
		kept   bool
		errors int
	}{
		{env: "", kept: false},
		{env: "never", kept: false},
		{env: "", keep: true, kept: true},
		{env: "never", keep: true, kept: true},
		{env: "failed", fail: false, kept: false},
		{env: "failed", fail: true, kept: true},
		{env: "all", kept: true},
		{env: "sometimes", kept: false, errors: 1},
	} {
		t.Run(c.env, func(t *testing.T) {
			afs := aferoadapter.NewMemFs()
			tb := newFakeTB("T")
			var opts []tmptest.Option
			if c.keep {
				opts = append(opts, tmptest.Keep())
			}
			var dir string
			tb.run(func(tb testing.TB) { dir = aferoadapter.TempDir(tb, afs, opts...) })
			if c.fail {
				tb.Errorf("the test failed")
			}
			t.Setenv("TMPTEST_KEEP", c.env)
			tb.finish()
			_, err := afs.Stat(dir)
			if kept := err == nil; kept != c.kept {
				t.Errorf("kept = %v, want %v", kept, c.kept)
			}
			wantLogs := 0
			if c.kept {
				wantLogs = 1
				if want := "aferoadapter: kept " + dir + " on MemFs"; tb.logs[0] != want {
					t.Errorf("log = %q, want %q", tb.logs[0], want)
				}
			}
			if len(tb.logs) != wantLogs {
				t.Errorf("logs = %q, want %d", tb.logs, wantLogs)
			}
			errs := len(tb.errors)
			if c.fail {
				errs--
			}
			if errs != c.errors {
				t.Errorf("errors = %q, want %d", tb.errors, c.errors)
			}
			if c.errors > 0 {
				want := `aferoadapter: TMPTEST_KEEP="sometimes" is not one of "never" (or empty), "failed", "all"; ` + dir + " was removed"
				if tb.errors[0] != want {
					t.Errorf("error = %q, want %q", tb.errors[0], want)
				}
			}
		})
	}
}

// TestTempDirRemovesReadOnlyTrees: NewMemFs enforces permission bits, so
// this holds as root too.
func TestTempDirRemovesReadOnlyTrees(t *testing.T) {
	t.Setenv("TMPTEST_KEEP", "")
	afs := aferoadapter.NewMemFs()
	tb := newFakeTB("T")
	var dir string
	tb.run(func(tb testing.TB) { dir = aferoadapter.TempDir(tb, afs) })
	sub := path.Join(dir, "ro")
	must(t, afs.Mkdir(sub, 0o755))
	must(t, afero.WriteFile(afs, sub+"/f", []byte("x"), 0o444))
	must(t, afs.(afero.Linker).SymlinkIfPossible("/", sub+"/root-link"))
	must(t, afs.Chmod(sub, 0o500))
	if err := afs.RemoveAll(dir); err == nil {
		t.Fatal("RemoveAll of a read-only tree succeeded; the test proves nothing")
	}
	tb.finish()
	if _, err := afs.Stat(dir); !errors.Is(err, fs.ErrNotExist) || tb.failed {
		t.Errorf("after cleanup: %v, errors %q", err, tb.errors)
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
			tb := newFakeTB("T")
			var f afero.File
			tb.run(func(tb testing.TB) {
				f = aferoadapter.TempFile(tb, afs, tmptest.In("/in"), tmptest.Suffix(".txt"), tmptest.Perm(0o400))
			})
			if f == nil {
				t.Fatalf("TempFile stopped the test: %q", tb.fatals)
			}
			name := f.Name()
			if !strings.HasSuffix(name, ".txt") || !strings.Contains(name, "/in/T-") {
				t.Errorf("Name = %q, want .../in/T-<random>.txt", name)
			}
			if _, err := f.WriteString("written"); err != nil {
				t.Errorf("the handle of a 0400 temp file is not writable: %v", err)
			}
			real := "/in/" + path.Base(name)
			if info, err := afs.Stat(real); err != nil || info.Mode() != 0o400 {
				t.Errorf("Stat = %v, %v; want -r--------", info, err)
			}
			tb.finish()
			if _, err := afs.Stat(real); !errors.Is(err, fs.ErrNotExist) || tb.failed {
				t.Errorf("after cleanup: %v, errors %q", err, tb.errors)
			}
		})
	}
}

func TestTempDirOnTheDisk(t *testing.T) {
	t.Setenv("TMPTEST_KEEP", "")
	in := t.TempDir()
	tb := newFakeTB("T")
	var dir string
	tb.run(func(tb testing.TB) { dir = aferoadapter.TempDir(tb, afero.NewOsFs(), tmptest.In(in)) })
	if filepath.Dir(dir) != in {
		t.Errorf("TempDir = %q, want a directory in %s", dir, in)
	}
	tb.finish()
	if _, err := afero.NewOsFs().Stat(dir); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("not removed: %v", err)
	}
}
