package aferoadapter_test

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/spf13/afero"

	"github.com/tmpkit/tmpkit/aferoadapter"
	"github.com/tmpkit/tmpkit/fixture"
)

// faultBackend is a file system the fault checks run on, through Inject:
// NewMemFs and the disk. (NewRootFs names the errors it gives itself as
// *os.Root does, "openat" for "open": the checks of DiskFull run on it
// too, where that does not show.)
type faultBackend struct {
	name string
	// new returns an empty file system and the directory the checks work
	// in, as a slash path ("/" or a temp dir on the disk).
	new func(t *testing.T) (afs afero.Fs, dir string)
}

func faultBackends() []faultBackend {
	return []faultBackend{
		{"NewMemFs", func(*testing.T) (afero.Fs, string) { return aferoadapter.NewMemFs(), "/" }},
		{"disk", func(t *testing.T) (afero.Fs, string) { return afero.NewOsFs(), filepath.ToSlash(t.TempDir()) }},
	}
}

// scene is a file system holding a tree, and the directory it is in.
type scene struct {
	t   *testing.T
	afs afero.Fs // without faults, to set up and inspect
	dir string
	log []string
}

// newScene writes tree into dir on afs.
func newScene(t *testing.T, afs afero.Fs, dir string, tree fixture.Tree) *scene {
	t.Helper()
	if dir == "/" {
		fixture.Write(t, aferoadapter.FS(afs), tree)
	} else if err := fixture.WriteDir(dir, tree); err != nil {
		t.Fatal(err)
	}
	return &scene{t: t, afs: afs, dir: strings.TrimSuffix(dir, "/")}
}

// fs is the scene's directory as an fs.FS.
func (s *scene) fs() fs.FS {
	if s.dir == "" {
		return aferoadapter.IOFS(s.afs)
	}
	return os.DirFS(s.dir)
}

// p is the name of the entry name in the scene's directory.
func (s *scene) p(name string) string { return s.dir + "/" + name }

// note records what a call did, its paths relative to the scene.
func (s *scene) note(what string, err error) {
	s.log = append(s.log, what+": "+s.describe(err))
}

// noteN records a call returning a count.
func (s *scene) noteN(what string, n int, err error) {
	s.log = append(s.log, fmt.Sprintf("%s: %d, %s", what, n, s.describe(err)))
}

// describe formats err by type, op, paths and errno, with the scene's
// directory left out: "ok" for nil.
func (s *scene) describe(err error) string {
	var pe *fs.PathError
	var le *os.LinkError
	switch {
	case err == nil:
		return "ok"
	case errors.As(err, &pe) && pe == err:
		return fmt.Sprintf("*fs.PathError{%s %s %s}", pe.Op, s.rel(pe.Path), errnoName(pe.Err))
	case errors.As(err, &le) && le == err:
		return fmt.Sprintf("*os.LinkError{%s %s %s %s}", le.Op, s.rel(le.Old), s.rel(le.New), errnoName(le.Err))
	}
	return fmt.Sprintf("%T %v", err, err)
}

func (s *scene) rel(name string) string {
	if s.dir == "" {
		return strings.TrimPrefix(name, "/")
	}
	return strings.TrimPrefix(name, s.dir+"/")
}

func errnoName(err error) string {
	var errno syscall.Errno
	if errors.As(err, &errno) {
		if name, ok := syscallName[errno]; ok {
			return name
		}
		return fmt.Sprintf("errno %d", int(errno))
	}
	if errors.Is(err, fs.ErrClosed) {
		return "fs.ErrClosed"
	}
	return fmt.Sprintf("%q", err.Error())
}

var syscallName = map[syscall.Errno]string{
	syscall.ENOENT: "ENOENT", syscall.EEXIST: "EEXIST", syscall.EISDIR: "EISDIR", syscall.ENOTDIR: "ENOTDIR",
	syscall.EROFS: "EROFS", syscall.ENOSPC: "ENOSPC", syscall.EXDEV: "EXDEV", syscall.EMFILE: "EMFILE",
	syscall.EIO: "EIO", syscall.EACCES: "EACCES", syscall.EINVAL: "EINVAL", syscall.ENOTEMPTY: "ENOTEMPTY",
	syscall.EBADF: "EBADF",
}

// content returns what name holds, or a description of the error.
func (s *scene) content(name string) string {
	b, err := afero.ReadFile(s.afs, s.p(name))
	if err != nil {
		return s.describe(err)
	}
	return fmt.Sprintf("%q", b)
}

// wantLog compares the scene's log with want, line by line.
func (s *scene) wantLog(want ...string) {
	s.t.Helper()
	got := s.log
	for i := range max(len(got), len(want)) {
		var g, w string
		if i < len(got) {
			g = got[i]
		}
		if i < len(want) {
			w = want[i]
		}
		if g != w {
			s.t.Errorf("call %d:\n got: %s\nwant: %s", i+1, g, w)
		}
	}
}

// onEach runs check on every fault backend as a subtest.
func onEach(t *testing.T, check func(t *testing.T, afs afero.Fs, dir string)) {
	for _, b := range faultBackends() {
		t.Run(b.name, func(t *testing.T) {
			afs, dir := b.new(t)
			check(t, afs, dir)
		})
	}
}
