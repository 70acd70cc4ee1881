package aferoadapter_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/spf13/afero"

	"github.com/tmpkit/tmpkit/aferoadapter"
	"github.com/tmpkit/tmpkit/fixture"
)

// page is the unit the full-disk scenario counts in: tmpfs, the oracle,
// allocates whole pages, so the scenario's sizes are multiples of it.
const page = 4096

// diskFullTree holds one page, which counts against the capacity.
func diskFullTree() fixture.Tree {
	return fixture.Tree{"full/old": fixture.File(strings.Repeat("o", page))}
}

// diskFullScenario fills afs, a file system of 3 pages holding the one of
// diskFullTree, and frees space in every way.
func diskFullScenario(s *scene, afs afero.Fs) {
	write := func(what string, f afero.File, n int) {
		got, err := f.Write(bytes.Repeat([]byte("b"), n))
		s.noteN(what, got, err)
	}
	writeFile := func(name string, n int) {
		s.note("WriteFile "+name, afero.WriteFile(afs, s.p(name), bytes.Repeat([]byte("w"), n), 0o644))
	}
	size := func(name string) {
		info, err := afs.Stat(s.p(name))
		if err != nil {
			s.note("Stat "+name, err)
			return
		}
		s.noteN("size of "+name, int(info.Size()), nil)
	}
	big, err := afs.Create(s.p("full/big"))
	if err != nil {
		s.t.Fatal(err)
	}
	defer big.Close()
	write("Write 10000 bytes to full/big", big, 10000)
	write("Write 10 more", big, 10)
	n, err := big.WriteAt([]byte("abc"), 0)
	s.noteN("WriteAt 3 bytes at 0 (in place)", n, err)
	s.note("Truncate full/big to 1 MiB (a hole)", big.Truncate(1<<20))
	size("full/big")
	s.note("Mkdir full/dir (directories are free)", afs.Mkdir(s.p("full/dir"), 0o755))
	writeFile("full/other", 2)
	size("full/other")
	s.note("Truncate full/big to 0", big.Truncate(0))
	writeFile("full/other", 2*page)
	writeFile("full/third", 1)
	s.note("Remove full/other", afs.Remove(s.p("full/other")))
	writeFile("full/third", page)
	f, err := afs.OpenFile(s.p("full/third"), os.O_WRONLY|os.O_TRUNC, 0)
	s.note("OpenFile full/third O_TRUNC", err)
	if err == nil {
		write("Write 2 pages to full/third", f, 2*page)
		f.Close()
	}
	writeFile("full/fourth", 1)
	s.note("Rename full/old over full/third", afs.Rename(s.p("full/old"), s.p("full/third")))
	writeFile("full/fourth", page)
	s.note("RemoveAll full/dir and full/fourth", errors.Join(afs.RemoveAll(s.p("full/dir")), afs.RemoveAll(s.p("full/fourth"))))
	writeFile("full/fifth", 2*page)
	writeFile("full/sixth", 1)
}

// diskFullWant is what Linux gives on a full tmpfs of 3 pages, as
// TestFaultsMatchRealMounts checks when it can mount one.
var diskFullWant = []string{
	"Write 10000 bytes to full/big: 8192, *fs.PathError{write full/big ENOSPC}",
	"Write 10 more: 0, *fs.PathError{write full/big ENOSPC}",
	"WriteAt 3 bytes at 0 (in place): 3, ok",
	"Truncate full/big to 1 MiB (a hole): ok",
	"size of full/big: 1048576, ok",
	"Mkdir full/dir (directories are free): ok",
	"WriteFile full/other: *fs.PathError{write full/other ENOSPC}",
	"size of full/other: 0, ok",
	"Truncate full/big to 0: ok",
	"WriteFile full/other: ok",
	"WriteFile full/third: *fs.PathError{write full/third ENOSPC}",
	"Remove full/other: ok",
	"WriteFile full/third: ok",
	"OpenFile full/third O_TRUNC: ok",
	"Write 2 pages to full/third: 8192, ok",
	"WriteFile full/fourth: *fs.PathError{write full/fourth ENOSPC}",
	"Rename full/old over full/third: ok",
	"WriteFile full/fourth: ok",
	"RemoveAll full/dir and full/fourth: ok",
	"WriteFile full/fifth: ok",
	"WriteFile full/sixth: *fs.PathError{write full/sixth ENOSPC}",
}

// diskFullBackends are file systems whose DiskFull count includes what
// they held at Inject: NewMemFs and two ways to a directory on the disk.
func diskFullBackends() []faultBackend {
	return []faultBackend{
		{"NewMemFs", func(*testing.T) (afero.Fs, string) { return aferoadapter.NewMemFs(), "/" }},
		{"NewRootFs", func(t *testing.T) (afero.Fs, string) {
			root, err := os.OpenRoot(t.TempDir())
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { root.Close() })
			return aferoadapter.NewRootFs(root), "/"
		}},
		{"BasePathFs", func(t *testing.T) (afero.Fs, string) {
			return afero.NewBasePathFs(afero.NewOsFs(), t.TempDir()), "/"
		}},
	}
}

func TestDiskFull(t *testing.T) {
	for _, b := range diskFullBackends() {
		t.Run(b.name, func(t *testing.T) {
			afs, dir := b.new(t)
			s := newScene(t, afs, dir, diskFullTree())
			diskFullScenario(s, aferoadapter.Inject(afs, aferoadapter.DiskFull(3*page)))
			s.wantLog(diskFullWant...)
			if got := s.content("full/third"); got != `"`+strings.Repeat("o", page)+`"` {
				t.Errorf("full/third holds %.20s..., want the page of full/old", got)
			}
		})
	}
}

// TestDiskFullOnOsFs: on the disk through OsFs the count starts at zero
// (OsFs's root is the machine's); the short write and the error are the
// same.
func TestDiskFullOnOsFs(t *testing.T) {
	dir := t.TempDir()
	afs := aferoadapter.Inject(afero.NewOsFs(), aferoadapter.DiskFull(10))
	name := filepath.Join(dir, "f")
	f, err := afs.Create(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	n, err := f.WriteString("0123456789abcdef")
	var pe *os.PathError
	if n != 10 || !errors.As(err, &pe) || pe.Op != "write" || pe.Path != name || !errors.Is(err, syscall.ENOSPC) {
		t.Errorf("WriteString = %d, %#v; want 10, *fs.PathError{write %s ENOSPC}", n, err, name)
	}
	if b, _ := os.ReadFile(name); string(b) != "0123456789" {
		t.Errorf("the disk holds %q, want the 10 bytes that fit", b)
	}
}

// TestDiskFullAfterTimes: the calls DiskFull counts are the writes that do
// not fit.
func TestDiskFullAfterTimes(t *testing.T) {
	onEach(t, func(t *testing.T, afs afero.Fs, dir string) {
		s := newScene(t, afs, dir, fixture.Tree{"d": fixture.Dir()})
		full := aferoadapter.Inject(afs, aferoadapter.DiskFull(4).After(1).Times(1))
		f, err := full.Create(s.p("d/f"))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		for _, w := range []string{"abc", "defg", "hi", "jk"} {
			n, err := f.WriteString(w)
			s.noteN("WriteString "+w, n, err)
		}
		s.wantLog(
			"WriteString abc: 3, ok",
			"WriteString defg: 4, ok", // does not fit: let through by After(1)
			"WriteString hi: 0, *fs.PathError{write d/f ENOSPC}",
			"WriteString jk: 2, ok", // Times(1): fired once already
		)
		if got := s.content("d/f"); got != `"abcdefgjk"` {
			t.Errorf("d/f holds %s", got)
		}
	})
}
