package aferoadapter_test

import (
	"io"
	"io/fs"
	"os"
	"syscall"
	"testing"
	"time"

	"github.com/spf13/afero"

	"github.com/tmpkit/tmpkit/aferoadapter"
	"github.com/tmpkit/tmpkit/fixture"
)

func failOnTree() fixture.Tree {
	return fixture.Tree{
		"d/a.txt":    fixture.File("a"),
		"d/a.bin":    fixture.File("b"),
		"d/sub/c.go": fixture.File("c"),
		"l":          fixture.Symlink("d/a.txt"),
		"t/keep":     fixture.File("k"),
		"t/other":    fixture.File("o"),
	}
}

// TestFailOnEachOp fails each op in turn and checks the error: its type,
// the op os names, the path as given, the errno, and that the call
// changed nothing.
func TestFailOnEachOp(t *testing.T) {
	eio := syscall.EIO
	onEach(t, func(t *testing.T, afs afero.Fs, dir string) {
		s := newScene(t, afs, dir, failOnTree())
		p := s.p
		in := func(op, pattern string) afero.Fs {
			return aferoadapter.Inject(afs, aferoadapter.FailOn(op, p(pattern), eio))
		}
		handle := func(op, name string, flag int) afero.File {
			f, err := in(op, name).OpenFile(p(name), flag, 0o644)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { f.Close() })
			return f
		}
		_, err := in("open", "d/*.txt").Open(p("d/a.txt"))
		s.note("Open d/a.txt", err)
		_, err = in("open", "d/*.txt").Open(p("d/a.bin"))
		s.note("Open d/a.bin", err)
		_, err = in("open", "d/*.txt").Create(p("d/new.txt"))
		s.note("Create d/new.txt", err)
		_, err = in("open", "d").Open(p("d/sub/c.go"))
		s.note("Open d/sub/c.go, pattern d", err)
		_, err = in("open", "d/a").Open(p("d/a.txt"))
		s.note("Open d/a.txt, pattern d/a", err)
		_, err = in("open", "**/*.go").Open(p("d/sub/c.go"))
		s.note("Open d/sub/c.go, pattern **/*.go", err)
		_, err = handle("read", "d/a.txt", os.O_RDONLY).Read(make([]byte, 1))
		s.note("Read", err)
		_, err = handle("read", "d/a.txt", os.O_RDONLY).ReadAt(make([]byte, 1), 0)
		s.note("ReadAt", err)
		n, err := handle("write", "d/a.txt", os.O_WRONLY).Write([]byte("zz"))
		s.noteN("Write", n, err)
		n, err = handle("write", "d/a.txt", os.O_WRONLY).WriteAt([]byte("zz"), 0)
		s.noteN("WriteAt", n, err)
		n, err = handle("write", "d/a.txt", os.O_WRONLY).WriteString("zz")
		s.noteN("WriteString", n, err)
		_, err = handle("seek", "d/a.txt", os.O_RDONLY).Seek(0, io.SeekEnd)
		s.note("Seek", err)
		s.note("Sync", handle("sync", "d/a.txt", os.O_RDONLY).Sync())
		s.note("Truncate", handle("truncate", "d/a.txt", os.O_WRONLY).Truncate(0))
		_, err = handle("stat", "d/a.txt", os.O_RDONLY).Stat()
		s.note("File.Stat", err)
		_, err = handle("readdir", "d", os.O_RDONLY).Readdir(-1)
		s.note("Readdir", err)
		_, err = handle("readdir", "d", os.O_RDONLY).Readdirnames(-1)
		s.note("Readdirnames", err)
		_, err = handle("readdirent", "d", os.O_RDONLY).(fs.ReadDirFile).ReadDir(-1)
		s.note("ReadDir", err)
		s.note("Close", handle("close", "d/a.txt", os.O_RDONLY).Close())
		_, err = in("stat", "d/a.txt").Stat(p("d/a.txt"))
		s.note("Stat", err)
		_, _, err = in("lstat", "l").(afero.Lstater).LstatIfPossible(p("l"))
		s.note("Lstat", err)
		_, err = in("readlink", "l").(afero.LinkReader).ReadlinkIfPossible(p("l"))
		s.note("Readlink", err)
		s.note("Symlink", in("symlink", "d/ln").(afero.Linker).SymlinkIfPossible("a.txt", p("d/ln")))
		s.note("Mkdir", in("mkdir", "m").Mkdir(p("m"), 0o755))
		s.note("MkdirAll m/b/c, pattern m/b", in("mkdir", "m/b").MkdirAll(p("m/b/c"), 0o755))
		s.note("Remove", in("remove", "d/a.bin").Remove(p("d/a.bin")))
		s.note("RemoveAll t, pattern t/keep", in("remove", "t/keep").RemoveAll(p("t")))
		s.note("Rename d/a.txt e", in("rename", "d").Rename(p("d/a.txt"), p("e")))
		s.note("Rename e d/a.txt", in("rename", "d").Rename(p("e"), p("d/a.txt")))
		s.note("Chmod", in("chmod", "d").Chmod(p("d/a.txt"), 0o600))
		s.note("Chown", in("chown", "d").Chown(p("d/a.txt"), os.Getuid(), os.Getgid()))
		s.note("Chtimes", in("chtimes", "d").Chtimes(p("d/a.txt"), time.Unix(1, 0), time.Unix(1, 0)))
		s.wantLog(
			"Open d/a.txt: *fs.PathError{open d/a.txt EIO}",
			"Open d/a.bin: ok",
			"Create d/new.txt: *fs.PathError{open d/new.txt EIO}",
			"Open d/sub/c.go, pattern d: *fs.PathError{open d/sub/c.go EIO}",
			"Open d/a.txt, pattern d/a: ok",
			"Open d/sub/c.go, pattern **/*.go: *fs.PathError{open d/sub/c.go EIO}",
			"Read: *fs.PathError{read d/a.txt EIO}",
			"ReadAt: *fs.PathError{read d/a.txt EIO}",
			"Write: 0, *fs.PathError{write d/a.txt EIO}",
			"WriteAt: 0, *fs.PathError{write d/a.txt EIO}",
			"WriteString: 0, *fs.PathError{write d/a.txt EIO}",
			"Seek: *fs.PathError{seek d/a.txt EIO}",
			"Sync: *fs.PathError{sync d/a.txt EIO}",
			"Truncate: *fs.PathError{truncate d/a.txt EIO}",
			"File.Stat: *fs.PathError{stat d/a.txt EIO}",
			"Readdir: *fs.PathError{readdirent d EIO}",
			"Readdirnames: *fs.PathError{readdirent d EIO}",
			"ReadDir: *fs.PathError{readdirent d EIO}",
			"Close: *fs.PathError{close d/a.txt EIO}",
			"Stat: *fs.PathError{stat d/a.txt EIO}",
			"Lstat: *fs.PathError{lstat l EIO}",
			"Readlink: *fs.PathError{readlink l EIO}",
			"Symlink: *os.LinkError{symlink a.txt d/ln EIO}",
			"Mkdir: *fs.PathError{mkdir m EIO}",
			"MkdirAll m/b/c, pattern m/b: *fs.PathError{mkdir m/b EIO}",
			"Remove: *fs.PathError{remove d/a.bin EIO}",
			"RemoveAll t, pattern t/keep: *fs.PathError{unlinkat t/keep EIO}",
			"Rename d/a.txt e: *os.LinkError{rename d/a.txt e EIO}",
			"Rename e d/a.txt: *os.LinkError{rename e d/a.txt EIO}",
			"Chmod: *fs.PathError{chmod d/a.txt EIO}",
			"Chown: *fs.PathError{chown d/a.txt EIO}",
			"Chtimes: *fs.PathError{chtimes d/a.txt EIO}",
		)
		// Nothing changed, but for what RemoveAll could remove and the
		// directory MkdirAll made before the one that failed.
		want := failOnTree()
		delete(want, "t/other")
		want["m"] = fixture.Dir()
		fixture.Assert(t, s.fs(), want)
	})
}

// TestFailOnOneName: "/d/f", "./d/f" and "d/f" are one name, in the
// pattern and in the call; ".." is cleaned away.
func TestFailOnOneName(t *testing.T) {
	afs := aferoadapter.New(t, fixture.Tree{"d/f": fixture.File("")})
	for _, pattern := range []string{"/d/f", "./d/f", "d/f", "d//f/", "x/../d/f", "/d/*", "**/f", "d/**", "**", "", "/"} {
		in := aferoadapter.Inject(afs, aferoadapter.FailOn("stat", pattern, syscall.EIO))
		for _, name := range []string{"/d/f", "./d/f", "d/f", "d//f", "d/../d/f", "/d/f/"} {
			if _, err := in.Stat(name); !isPathErr(err, "stat", name, syscall.EIO) {
				t.Errorf("pattern %q: Stat(%q) = %v, want the fault", pattern, name, err)
			}
		}
	}
	for _, pattern := range []string{"d/f2", "d/f/x", "e", "d/g", "*/*/*"} {
		in := aferoadapter.Inject(afs, aferoadapter.FailOn("stat", pattern, syscall.EIO))
		if _, err := in.Stat("/d/f"); err != nil {
			t.Errorf("pattern %q: Stat(/d/f) = %v, want no fault", pattern, err)
		}
	}
}

func isPathErr(err error, op, path string, errno syscall.Errno) bool {
	pe, ok := err.(*fs.PathError)
	return ok && pe.Op == op && pe.Path == path && pe.Err == errno
}

// TestFailOnKeepsGivenError: an error that already has the OS's shape is
// returned as it is; any other error is wrapped.
func TestFailOnKeepsGivenError(t *testing.T) {
	afs := aferoadapter.NewMemFs()
	given := &fs.PathError{Op: "custom", Path: "elsewhere", Err: syscall.EPERM}
	_, err := aferoadapter.Inject(afs, aferoadapter.FailOn("open", "**", given)).Open("/x")
	if err != given {
		t.Errorf("Open = %#v, want the given *fs.PathError itself", err)
	}
	link := &os.LinkError{Op: "rename", Old: "o", New: "n", Err: syscall.EXDEV}
	err = aferoadapter.Inject(afs, aferoadapter.FailOn("rename", "**", link)).Rename("/a", "/b")
	if err != link {
		t.Errorf("Rename = %#v, want the given *os.LinkError itself", err)
	}
	err = aferoadapter.Inject(afs, aferoadapter.FailOn("mkdir", "**", io.ErrUnexpectedEOF)).Mkdir("/x", 0o755)
	if pe, ok := err.(*fs.PathError); !ok || pe.Op != "mkdir" || pe.Path != "/x" || pe.Err != io.ErrUnexpectedEOF {
		t.Errorf("Mkdir = %#v, want *fs.PathError{mkdir /x io.ErrUnexpectedEOF}", err)
	}
}

// TestFaultAfterTimesOrder: After and Times count the calls that match op
// and pattern; the first fault that fires wins, and the ones after it do
// not see the call.
func TestFaultAfterTimesOrder(t *testing.T) {
	onEach(t, func(t *testing.T, afs afero.Fs, dir string) {
		s := newScene(t, afs, dir, fixture.Tree{"f": fixture.File(""), "g": fixture.File("")})
		in := aferoadapter.Inject(afs,
			aferoadapter.FailOn("stat", s.p("f"), syscall.EIO).After(2).Times(2),
			aferoadapter.FailOn("stat", s.p("f"), syscall.EACCES).Times(1),
		)
		for _, name := range []string{"f", "g", "f", "f", "f", "f", "g", "f"} {
			_, err := in.Stat(s.p(name))
			s.note("Stat "+name, err)
		}
		s.wantLog(
			"Stat f: *fs.PathError{stat f EACCES}", // the first rule lets it through (After): the second fires
			"Stat g: ok",                           // matches neither
			"Stat f: ok",                           // the first lets its second call through, the second is spent
			"Stat f: *fs.PathError{stat f EIO}",
			"Stat f: *fs.PathError{stat f EIO}",
			"Stat f: ok", // Times(2) spent
			"Stat g: ok",
			"Stat f: ok",
		)
	})
}

// TestFaultZeroAndString: the zero Fault does nothing; String shows the
// calls that built a fault.
func TestFaultZeroAndString(t *testing.T) {
	afs := aferoadapter.Inject(aferoadapter.NewMemFs(), aferoadapter.Fault{})
	if err := afs.Mkdir("/d", 0o755); err != nil {
		t.Errorf("Mkdir through the zero Fault: %v", err)
	}
	for _, c := range []struct {
		f    aferoadapter.Fault
		want string
	}{
		{aferoadapter.Fault{}, "Fault{}"},
		{aferoadapter.FailOn("write", "data/**", syscall.EIO).After(2), `FailOn("write", "data/**", input/output error).After(2)`},
		{aferoadapter.DiskFull(100).Times(1), "DiskFull(100).Times(1)"},
		{aferoadapter.ReadOnly("/etc"), `ReadOnly("/etc")`},
		{aferoadapter.CrossDevice("mnt"), `CrossDevice("mnt")`},
		{aferoadapter.MaxOpenFiles(8), "MaxOpenFiles(8)"},
	} {
		if got := c.f.String(); got != c.want {
			t.Errorf("String() = %q, want %q", got, c.want)
		}
	}
}

// TestFaultMisuse: the constructors panic on what can only be a mistake.
func TestFaultMisuse(t *testing.T) {
	for want, build := range map[string]func(){
		`aferoadapter: FailOn("opne", "x", input/output error): unknown op; want one of chmod, chown, chtimes, close, lstat, mkdir, open, read, readdir, readdirent, readlink, remove, rename, seek, stat, symlink, sync, truncate, unlinkat, write`: func() {
			aferoadapter.FailOn("opne", "x", syscall.EIO)
		},
		`aferoadapter: FailOn("open", "x", <nil>): nil error; give the errno to return, such as syscall.EIO`: func() {
			aferoadapter.FailOn("open", "x", nil)
		},
		`aferoadapter: ReadOnly("a/[b"): syntax error in pattern`:  func() { aferoadapter.ReadOnly("a/[b") },
		`aferoadapter: DiskFull(-1): negative capacity`:            func() { aferoadapter.DiskFull(-1) },
		`aferoadapter: MaxOpenFiles(-1): negative limit`:           func() { aferoadapter.MaxOpenFiles(-1) },
		`aferoadapter: CrossDevice("x").After(-1): negative count`: func() { aferoadapter.CrossDevice("x").After(-1) },
		`aferoadapter: CrossDevice("x").Times(-2): negative count`: func() { aferoadapter.CrossDevice("x").Times(-2) },
	} {
		func() {
			defer func() {
				if got := recover(); got != want {
					t.Errorf("panic = %v\nwant    %s", got, want)
				}
			}()
			build()
		}()
	}
}
