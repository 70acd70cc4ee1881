package tmptest

import (
	"errors"
	"io"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/tmpkit/tmpkit/internal/faketb"
)

// checkMode fails t unless path has mode (ignored on Windows).
func checkMode(t *testing.T, path string, want fs.FileMode) {
	t.Helper()
	info, err := os.Lstat(path)
	if err != nil {
		t.Fatal(err)
	}
	if runtime.GOOS != "windows" && info.Mode() != want {
		t.Errorf("mode of %s = %v; want %v", path, info.Mode(), want)
	}
}

// checkGone fails t if anything is at path.
func checkGone(t *testing.T, path string) {
	t.Helper()
	if _, err := os.Lstat(path); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Lstat(%s) = %v; want nothing there", path, err)
	}
}

func TestHelpersCallHelperFirst(t *testing.T) {
	for _, h := range allHelpers() {
		f := faketb.New("TestFirst", nil)
		f.Run(func(t testing.TB) { h.call(t, In(os.TempDir())) })
		f.Finish()
		if calls := f.Calls(); len(calls) == 0 || calls[0] != "Helper" {
			t.Errorf("%s: calls = %q; want Helper first", h.name, calls)
		}
		if f.Failed() {
			t.Errorf("%s failed: %s %q", h.name, f.Fatals(), f.Errors())
		}
	}
}

func TestDir(t *testing.T) {
	base := cleanDir(t)
	f := faketb.New("TestDir", nil)
	var dir string
	f.Run(func(tb testing.TB) {
		dir = Dir(tb, In(base))
		if filepath.Dir(dir) != base || !filepath.IsAbs(dir) {
			t.Errorf("Dir = %q; want an absolute path directly in %q", dir, base)
		}
		checkMode(t, dir, fs.ModeDir|0o700)
		if err := os.MkdirAll(filepath.Join(dir, "a", "b"), 0o755); err != nil {
			t.Fatal(err)
		}
	})
	f.Finish()
	checkGone(t, dir)
}

func TestFile(t *testing.T) {
	base := cleanDir(t)
	f := faketb.New("TestFile", nil)
	var file, closedEarly *os.File
	f.Run(func(tb testing.TB) {
		file = File(tb, In(base))
		checkMode(t, file.Name(), 0o600)
		if _, err := file.WriteString("hello"); err != nil {
			t.Fatal(err)
		}
		if got, err := os.ReadFile(file.Name()); err != nil || string(got) != "hello" {
			t.Errorf("ReadFile = %q, %v; want the written \"hello\"", got, err)
		}
		closedEarly = File(tb, In(base))
		closedEarly.Close()
	})
	f.Finish()
	if len(f.Errors()) != 0 {
		t.Errorf("cleanup reported %q; want nothing, closing early is fine", f.Errors())
	}
	if _, err := file.Write([]byte("x")); !errors.Is(err, os.ErrClosed) {
		t.Errorf("Write after cleanup: %v; want the file closed", err)
	}
	checkGone(t, file.Name())
	checkGone(t, closedEarly.Name())
}

func TestWriteFile(t *testing.T) {
	base := cleanDir(t)
	f := faketb.New("TestWriteFile", nil)
	var paths []string
	f.Run(func(tb testing.TB) {
		paths = append(paths, WriteFile(tb, "text", In(base)), WriteFile(tb, []byte{0, 1, 2}, In(base), Perm(0o444)))
		type name string
		paths = append(paths, WriteFile(tb, name(""), In(base)))
		for i, want := range []string{"text", "\x00\x01\x02", ""} {
			if got, err := os.ReadFile(paths[i]); err != nil || string(got) != want {
				t.Errorf("ReadFile(%s) = %q, %v; want %q", paths[i], got, err, want)
			}
		}
		checkMode(t, paths[0], 0o600)
		checkMode(t, paths[1], 0o444)
	})
	f.Finish()
	for _, p := range paths {
		checkGone(t, p)
	}
}

func TestPath(t *testing.T) {
	base := cleanDir(t)
	f := faketb.New("TestPath", nil)
	var paths []string
	f.Run(func(tb testing.TB) {
		paths = []string{Path(tb, In(base)), Path(tb, In(base), Prefix("db"), Suffix(".sqlite")), Path(tb, In(base), Suffix(".sock"))}
		for i, want := range []string{"tmp", "db.sqlite", "tmp.sock"} {
			if got := filepath.Base(paths[i]); got != want {
				t.Errorf("Path's last element = %q; want %q", got, want)
			}
			checkGone(t, paths[i])
			checkMode(t, filepath.Dir(paths[i]), fs.ModeDir|0o700)
			if filepath.Dir(filepath.Dir(paths[i])) != base {
				t.Errorf("Path = %q; want it in a fresh directory in %q", paths[i], base)
			}
		}
		if err := os.MkdirAll(filepath.Join(paths[0], "x"), 0o700); err != nil {
			t.Fatal(err)
		}
	})
	f.Finish()
	for _, p := range paths {
		checkGone(t, filepath.Dir(p))
	}
}

func TestPathFitsUnixSocket(t *testing.T) {
	long := strings.Repeat("a_very_long_subtest_name_", 8)
	t.Run(long, func(t *testing.T) {
		// t.TempDir would be too long here: it carries the whole test name.
		dir, err := os.MkdirTemp("", "tmptest-socket-")
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { // after Path's cleanups, which empty it
			if err := os.Remove(dir); err != nil {
				t.Error(err)
			}
		})
		for _, opts := range [][]Option{{Suffix(".sock")}, {Suffix(".sock"), In(dir)}} {
			path := Path(t, opts...)
			if len(path) >= 100 {
				t.Errorf("Path = %q: %d bytes; want under 100", path, len(path))
			}
			if !strings.Contains(path, "TestPath") {
				t.Errorf("Path = %q; want the test name in it while it fits", path)
			}
			l, err := net.Listen("unix", path)
			if err != nil {
				t.Fatalf("net.Listen(\"unix\", %q): %v", path, err)
			}
			l.Close()
		}
	})
}

func TestMakeOnAnotherFileSystem(t *testing.T) {
	made := map[string]fs.FileMode{"/mem/TestMake-taken": 0}
	create := func(path string, perm fs.FileMode) error {
		if _, ok := made[path]; ok {
			return &fs.PathError{Op: "mkdir", Path: path, Err: fs.ErrExist}
		}
		if filepath.Dir(path) != filepath.FromSlash("/mem") {
			return &fs.PathError{Op: "mkdir", Path: path, Err: fs.ErrNotExist}
		}
		made[path] = perm
		return nil
	}
	var removed []string
	remove := func(path string) error { removed = append(removed, path); return nil }
	f := faketb.New("TestMake", nil)
	var path string
	next := names(t, "taken", "free")
	f.Run(func(t testing.TB) {
		path = Make(t, 0o700, create, remove, In("/mem"), Perm(0o750), withNames(next))
	})
	if want := filepath.FromSlash("/mem/TestMake-free"); path != want || made[path] != 0o750 {
		t.Errorf("Make = %q with mode %v; want %q with mode 0750", path, made[path], want)
	}
	f.Finish()
	if len(removed) != 1 || removed[0] != path {
		t.Errorf("removed %q at cleanup; want %q", removed, path)
	}
	got := fatalOf(t, func(t testing.TB) { Make(t, 0o700, create, remove, In("/elsewhere")) })
	if want := `tmptest: In("/elsewhere"): no such directory; create it first, or leave out In to use BaseDir()`; got != want {
		t.Errorf("Fatalf message:\n got: %s\nwant: %s", got, want)
	}
}

var _ io.ReadWriteSeeker = (*SpooledFile)(nil)
