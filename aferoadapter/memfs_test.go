package aferoadapter_test

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/spf13/afero"

	"github.com/tmpkit/tmpkit/aferoadapter"
)

// TestMemFsErrors checks error messages verbatim: they are os's, naming
// the path as given.
func TestMemFsErrors(t *testing.T) {
	afs := aferoadapter.NewMemFs()
	must(t, afs.MkdirAll("/d/sub", 0o755))
	must(t, afero.WriteFile(afs, "/f", []byte("data"), 0o644))
	links := afs.(afero.Symlinker)
	long := strings.Repeat("a/", 2048)
	for _, c := range []struct {
		err  error
		want string
	}{
		{func() error { _, err := afs.Open("nope/x"); return err }(), "open nope/x: no such file or directory"},
		{func() error { _, err := afs.Stat("f/x"); return err }(), "stat f/x: not a directory"},
		{afs.Mkdir("d", 0o755), "mkdir d: file exists"},
		{afs.Remove("d"), "remove d: directory not empty"},
		{afs.Remove("."), "remove .: invalid argument"},
		{afs.Remove("/"), "remove /: device or resource busy"},
		{afs.Rename("d", "d/sub/x"), "rename d d/sub/x: invalid argument"},
		{afs.Rename("d", "d"), "rename d d: file exists"},
		{afs.Rename("f", "f"), "<nil>"},
		{links.SymlinkIfPossible("", "l"), "symlink  l: no such file or directory"},
		{func() error { _, err := links.ReadlinkIfPossible("f"); return err }(), "readlink f: invalid argument"},
		{func() error { _, err := afs.Stat("f\x00"); return err }(), "stat f\x00: invalid argument"},
		{func() error { _, err := afs.Stat(long); return err }(), "stat " + long + ": file name too long"},
		{afs.RemoveAll("d/."), "RemoveAll d/.: invalid argument"},
		{afs.RemoveAll("f/x"), "unlinkat f/x: not a directory"},
		{afs.RemoveAll("nope/x"), "<nil>"},
		{afs.MkdirAll("f/x", 0o755), "mkdir f: not a directory"},
		{afs.Chmod("nope", 0o644), "chmod nope: no such file or directory"},
	} {
		got := "<nil>"
		if c.err != nil {
			got = c.err.Error()
		}
		if got != c.want {
			t.Errorf("got %q, want %q", got, c.want)
		}
	}
}

func TestMemFsModesAndTimes(t *testing.T) {
	afs := aferoadapter.NewMemFs()
	f, err := afs.Create("/f")
	must(t, err)
	f.Close()
	must(t, afs.Mkdir("/d", 0o777))
	for name, want := range map[string]fs.FileMode{"/f": 0o644, "/d": fs.ModeDir | 0o755} {
		if info, err := afs.Stat(name); err != nil || info.Mode() != want {
			t.Errorf("Stat(%s) = %v, %v; want %v (umask 022)", name, info, err, want)
		}
	}
	past := time.Date(2001, 1, 1, 0, 0, 0, 0, time.UTC)
	must(t, afs.Chtimes("/f", past, past))
	must(t, afs.Chtimes("/f", time.Time{}, time.Time{})) // zero: unchanged
	if info, _ := afs.Stat("/f"); !info.ModTime().Equal(past) {
		t.Errorf("ModTime = %v, want %v", info.ModTime(), past)
	}
	g, err := afs.OpenFile("/f", os.O_WRONLY|os.O_TRUNC, 0)
	must(t, err)
	g.Close()
	if info, _ := afs.Stat("/f"); !info.ModTime().After(past) {
		t.Errorf("O_TRUNC kept ModTime %v", info.ModTime())
	}
	if info, _ := afs.Stat("/f"); info.Sys() != nil || info.(interface{ String() string }).String() != "-rw-r--r-- 0 "+info.ModTime().Format(time.DateTime)+" f" {
		t.Errorf("FileInfo = %v, Sys %v", info, info.Sys())
	}
}

func TestMemFsLimits(t *testing.T) {
	afs := aferoadapter.NewMemFs()
	f, err := afs.Create("/big")
	must(t, err)
	defer f.Close()
	if _, err := f.WriteAt([]byte("x"), 1<<30); !errors.Is(err, syscall.EFBIG) {
		t.Errorf("WriteAt past 1 GiB = %v, want EFBIG", err)
	}
	if err := f.Truncate(1<<30 + 1); !errors.Is(err, syscall.EFBIG) {
		t.Errorf("Truncate past 1 GiB = %v, want EFBIG", err)
	}
	if _, err := afs.Create("/" + strings.Repeat("n", 256)); !errors.Is(err, syscall.ENAMETOOLONG) {
		t.Errorf("256-byte name = %v, want ENAMETOOLONG", err)
	}
}

// TestMemFsReaddirSnapshot: names are taken at the first call; entries
// removed since are skipped, as on a disk.
func TestMemFsReaddirSnapshot(t *testing.T) {
	afs := aferoadapter.NewMemFs()
	for _, name := range []string{"/a", "/b", "/c"} {
		must(t, afero.WriteFile(afs, name, nil, 0o644))
	}
	d, err := afs.Open("/")
	must(t, err)
	defer d.Close()
	first, err := d.Readdirnames(1)
	if err != nil || len(first) != 1 || first[0] != "a" {
		t.Fatalf("Readdirnames(1) = %q, %v", first, err)
	}
	must(t, afs.Remove("/b"))
	must(t, afero.WriteFile(afs, "/d", nil, 0o644))
	rest, err := d.Readdirnames(-1)
	if err != nil || strings.Join(rest, " ") != "c" {
		t.Errorf("Readdirnames(-1) = %q, %v; want [c]", rest, err)
	}
	if _, err := d.Seek(0, io.SeekStart); err != nil {
		t.Fatal(err)
	}
	all, _ := d.Readdirnames(-1)
	if strings.Join(all, " ") != "a c d" {
		t.Errorf("after Seek(0, 0): %q, want [a c d]", all)
	}
}

// TestMemFsPermissions: NewMemFs acts as an unprivileged owner, so these
// hold as root too.
func TestMemFsPermissions(t *testing.T) {
	afs := aferoadapter.NewMemFs()
	must(t, afs.MkdirAll("/a/d", 0o755))
	must(t, afs.Mkdir("/b", 0o755))
	must(t, afs.Chmod("/a/d", 0o555))
	if err := afs.Rename("/a/d", "/b/d"); err == nil || err.Error() != "rename /a/d /b/d: permission denied" {
		t.Errorf("moving a read-only directory to another parent = %v, want EACCES (its .. would change)", err)
	}
	must(t, afs.Rename("/a/d", "/a/e")) // same parent: allowed
	must(t, afs.Chmod("/a", 0o500))
	if err := afs.RemoveAll("/a"); !errors.Is(err, fs.ErrPermission) {
		t.Errorf("RemoveAll of a read-only tree = %v, want EACCES", err)
	}
	if _, err := afs.Stat("/a/e"); err != nil {
		t.Errorf("the refused RemoveAll removed /a/e: %v", err)
	}
}

// TestMemFsSharedHandle hammers one handle from several goroutines; -race
// checks the locking, the content checks the offsets.
func TestMemFsSharedHandle(t *testing.T) {
	afs := aferoadapter.NewMemFs()
	f, err := afs.OpenFile("/log", os.O_RDWR|os.O_CREATE|os.O_APPEND, 0o644)
	must(t, err)
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for range 100 {
				f.WriteString("0123456789\n")
				f.Stat()
				f.ReadAt(make([]byte, 11), 0)
				f.Seek(0, io.SeekStart)
			}
		})
	}
	wg.Wait()
	must(t, f.Close())
	if info, _ := afs.Stat("/log"); info.Size() != 4*100*11 {
		t.Errorf("size = %d, want %d: an append was lost", info.Size(), 4*100*11)
	}
}
