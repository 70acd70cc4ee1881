package aferoadapter_test

import (
	"os"
	"testing"
	"time"

	"github.com/spf13/afero"

	"github.com/tmpkit/tmpkit/aferoadapter"
	"github.com/tmpkit/tmpkit/fixture"
)

// readOnlyTree is what the read-only scenario starts from: "ro" is the
// read-only part, "rw" is not.
func readOnlyTree() fixture.Tree {
	return fixture.Tree{
		"ro/f":   fixture.File("hello"),
		"ro/d/g": fixture.File("x"),
		"ro/l":   fixture.Symlink("f"),
		"rw/f":   fixture.File("free"),
	}
}

// readOnlyScenario tries every kind of change on ro, where afs is read-only
// (through ReadOnly, or a real read-only mount), and records what each
// call returned.
func readOnlyScenario(s *scene, afs afero.Fs) {
	open := func(name string, flag int) error {
		f, err := afs.OpenFile(s.p(name), flag, 0o644)
		if err == nil {
			f.Close()
		}
		return err
	}
	_, err := afs.Create(s.p("ro/new"))
	s.note("Create ro/new", err)
	_, err = afs.Create(s.p("ro/f"))
	s.note("Create ro/f", err)
	s.note("OpenFile ro/f O_WRONLY", open("ro/f", os.O_WRONLY))
	s.note("OpenFile ro/missing O_WRONLY", open("ro/missing", os.O_WRONLY))
	s.note("OpenFile ro/f O_RDONLY|O_CREATE", open("ro/f", os.O_RDONLY|os.O_CREATE))
	s.note("OpenFile ro/missing O_RDONLY|O_CREATE", open("ro/missing", os.O_RDONLY|os.O_CREATE))
	s.note("OpenFile ro/f O_RDONLY|O_TRUNC", open("ro/f", os.O_RDONLY|os.O_TRUNC))
	s.note("OpenFile ro/d O_WRONLY", open("ro/d", os.O_WRONLY))
	s.note("OpenFile ro/f O_CREATE|O_EXCL", open("ro/f", os.O_WRONLY|os.O_CREATE|os.O_EXCL))
	s.note("OpenFile ro/nodir/x O_CREATE", open("ro/nodir/x", os.O_WRONLY|os.O_CREATE))
	s.note("Mkdir ro/new", afs.Mkdir(s.p("ro/new"), 0o755))
	s.note("Mkdir ro/d", afs.Mkdir(s.p("ro/d"), 0o755))
	s.note("Mkdir ro/nodir/x", afs.Mkdir(s.p("ro/nodir/x"), 0o755))
	s.note("MkdirAll ro/d", afs.MkdirAll(s.p("ro/d"), 0o755))
	s.note("MkdirAll ro/a/b/c", afs.MkdirAll(s.p("ro/a/b/c"), 0o755))
	s.note("MkdirAll ro/d/b/c", afs.MkdirAll(s.p("ro/d/b/c"), 0o755))
	s.note("Remove ro/f", afs.Remove(s.p("ro/f")))
	s.note("Remove ro/missing", afs.Remove(s.p("ro/missing")))
	s.note("Remove ro/d", afs.Remove(s.p("ro/d")))
	s.note("RemoveAll ro/d", afs.RemoveAll(s.p("ro/d")))
	s.note("RemoveAll ro/missing", afs.RemoveAll(s.p("ro/missing")))
	s.note("Rename ro/f ro/g", afs.Rename(s.p("ro/f"), s.p("ro/g")))
	s.note("Rename ro/missing ro/g", afs.Rename(s.p("ro/missing"), s.p("ro/g")))
	s.note("Rename rw/f ro/f2", afs.Rename(s.p("rw/f"), s.p("ro/f2")))
	s.note("Rename ro/f rw/f2", afs.Rename(s.p("ro/f"), s.p("rw/f2")))
	s.note("Chmod ro/f", afs.Chmod(s.p("ro/f"), 0o600))
	s.note("Chmod ro/missing", afs.Chmod(s.p("ro/missing"), 0o600))
	s.note("Chtimes ro/f", afs.Chtimes(s.p("ro/f"), time.Unix(1, 0), time.Unix(1, 0)))
	s.note("Chtimes ro/missing", afs.Chtimes(s.p("ro/missing"), time.Unix(1, 0), time.Unix(1, 0)))
	s.note("Chown ro/f", afs.Chown(s.p("ro/f"), os.Getuid(), os.Getgid()))
	links := afs.(afero.Linker)
	s.note("Symlink f ro/l2", links.SymlinkIfPossible("f", s.p("ro/l2")))
	s.note("Symlink f ro/l", links.SymlinkIfPossible("f", s.p("ro/l")))
	if f, err := afs.Open(s.p("ro/f")); err == nil {
		s.note("Truncate of a read-only handle of ro/f", f.Truncate(0))
		f.Close()
	}
	b, err := afero.ReadFile(afs, s.p("ro/l"))
	s.note("ReadFile ro/l = "+string(b), err)
	s.note("WriteFile rw/new", afero.WriteFile(afs, s.p("rw/new"), []byte("ok"), 0o644))
}

// readOnlyWant is what Linux gives on a read-only mount (tmpfs, as
// TestFaultsMatchRealMounts checks when it can mount one).
var readOnlyWant = []string{
	"Create ro/new: *fs.PathError{open ro/new EROFS}",
	"Create ro/f: *fs.PathError{open ro/f EROFS}",
	"OpenFile ro/f O_WRONLY: *fs.PathError{open ro/f EROFS}",
	"OpenFile ro/missing O_WRONLY: *fs.PathError{open ro/missing ENOENT}",
	"OpenFile ro/f O_RDONLY|O_CREATE: ok",
	"OpenFile ro/missing O_RDONLY|O_CREATE: *fs.PathError{open ro/missing EROFS}",
	"OpenFile ro/f O_RDONLY|O_TRUNC: *fs.PathError{open ro/f EROFS}",
	"OpenFile ro/d O_WRONLY: *fs.PathError{open ro/d EISDIR}",
	"OpenFile ro/f O_CREATE|O_EXCL: *fs.PathError{open ro/f EEXIST}",
	"OpenFile ro/nodir/x O_CREATE: *fs.PathError{open ro/nodir/x ENOENT}",
	"Mkdir ro/new: *fs.PathError{mkdir ro/new EROFS}",
	"Mkdir ro/d: *fs.PathError{mkdir ro/d EEXIST}",
	"Mkdir ro/nodir/x: *fs.PathError{mkdir ro/nodir/x ENOENT}",
	"MkdirAll ro/d: ok",
	"MkdirAll ro/a/b/c: *fs.PathError{mkdir ro/a EROFS}",
	"MkdirAll ro/d/b/c: *fs.PathError{mkdir ro/d/b EROFS}",
	"Remove ro/f: *fs.PathError{remove ro/f EROFS}",
	"Remove ro/missing: *fs.PathError{remove ro/missing EROFS}",
	"Remove ro/d: *fs.PathError{remove ro/d EROFS}",
	"RemoveAll ro/d: *fs.PathError{unlinkat ro/d EROFS}",
	"RemoveAll ro/missing: *fs.PathError{unlinkat ro/missing EROFS}",
	"Rename ro/f ro/g: *os.LinkError{rename ro/f ro/g EROFS}",
	"Rename ro/missing ro/g: *os.LinkError{rename ro/missing ro/g EROFS}",
	"Rename rw/f ro/f2: *os.LinkError{rename rw/f ro/f2 EXDEV}",
	"Rename ro/f rw/f2: *os.LinkError{rename ro/f rw/f2 EXDEV}",
	"Chmod ro/f: *fs.PathError{chmod ro/f EROFS}",
	"Chmod ro/missing: *fs.PathError{chmod ro/missing ENOENT}",
	"Chtimes ro/f: *fs.PathError{chtimes ro/f EROFS}",
	"Chtimes ro/missing: *fs.PathError{chtimes ro/missing ENOENT}",
	"Chown ro/f: *fs.PathError{chown ro/f EROFS}",
	"Symlink f ro/l2: *os.LinkError{symlink f ro/l2 EROFS}",
	"Symlink f ro/l: *os.LinkError{symlink f ro/l EEXIST}",
	"Truncate of a read-only handle of ro/f: *fs.PathError{truncate ro/f EINVAL}",
	"ReadFile ro/l = hello: ok",
	"WriteFile rw/new: ok",
}

// TestReadOnly runs the scenario on NewMemFs and the disk, each through
// Inject with ReadOnly("<dir>/ro"), and checks that nothing below ro
// changed.
func TestReadOnly(t *testing.T) {
	onEach(t, func(t *testing.T, afs afero.Fs, dir string) {
		s := newScene(t, afs, dir, readOnlyTree())
		readOnlyScenario(s, aferoadapter.Inject(afs, aferoadapter.ReadOnly(s.p("ro"))))
		s.wantLog(readOnlyWant...)
		want := readOnlyTree()
		want["rw/new"] = fixture.File("ok")
		fixture.Assert(t, s.fs(), want)
	})
}

// TestReadOnlyAfterTimes: the calls ReadOnly counts are those it would
// fail with EROFS; a Chmod of a missing file (ENOENT first) is not one.
// CrossDevice counts the renames across.
func TestReadOnlyAfterTimes(t *testing.T) {
	onEach(t, func(t *testing.T, afs afero.Fs, dir string) {
		s := newScene(t, afs, dir, fixture.Tree{"ro/f": fixture.File("f"), "rw": fixture.Dir()})
		in := aferoadapter.Inject(afs,
			aferoadapter.ReadOnly(s.p("ro")).After(1).Times(1),
			aferoadapter.CrossDevice(s.p("rw")).Times(1),
		)
		s.note("Chmod ro/missing", in.Chmod(s.p("ro/missing"), 0o600))
		s.note("Mkdir ro/a", in.Mkdir(s.p("ro/a"), 0o755))
		s.note("Mkdir ro/b", in.Mkdir(s.p("ro/b"), 0o755))
		s.note("Mkdir ro/c", in.Mkdir(s.p("ro/c"), 0o755))
		s.note("Rename ro/f rw/f", in.Rename(s.p("ro/f"), s.p("rw/f")))
		s.note("Rename ro/f rw/f", in.Rename(s.p("ro/f"), s.p("rw/f")))
		s.wantLog(
			"Chmod ro/missing: *fs.PathError{chmod ro/missing ENOENT}",
			"Mkdir ro/a: ok", // After(1)
			"Mkdir ro/b: *fs.PathError{mkdir ro/b EROFS}",
			"Mkdir ro/c: ok", // Times(1)
			"Rename ro/f rw/f: *os.LinkError{rename ro/f rw/f EXDEV}",
			"Rename ro/f rw/f: ok",
		)
	})
}
