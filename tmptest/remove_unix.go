//go:build unix

package tmptest

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/sys/unix"
)

// removeTree removes path, which the fast path of [removeAll] could not,
// through its parent's file descriptor.
func removeTree(path string) error { return removeTreeWith(path, fileSystemAt) }

// removeTreeWith is removeTree telling file systems apart with idAt, which
// tests replace to show a mount point without mounting.
func removeTreeWith(path string, idAt func(dirfd int, name string) (fsID, error)) error {
	parent := filepath.Dir(path)
	// The parent is the directory the user chose (In, BaseDir); it may be
	// a link, like /tmp -> /private/tmp on macOS, so it is followed.
	pfd, err := unix.Open(parent, unix.O_RDONLY|unix.O_DIRECTORY|unix.O_CLOEXEC, 0)
	if err != nil {
		return &fs.PathError{Op: "open", Path: parent, Err: err}
	}
	defer unix.Close(pfd)
	// The tree was made on its parent's file system: anything on another
	// is a mount the test (or the code under test) made.
	home, err := idAt(pfd, "")
	if err != nil {
		return &fs.PathError{Op: "stat", Path: parent, Err: err}
	}
	r := &remover{home: home, idAt: idAt}
	err = r.removeAt(pfd, parent, filepath.Base(path))
	if len(r.mounts) == 0 {
		return err
	}
	if errors.Is(err, errMountLeft) { // the mounts' parents stay: that is all
		return r.mountsError()
	}
	return errors.Join(err, r.mountsError())
}

// A remover removes one tree, never leaving the file system it was made
// on. A mount point inside it (a bind mount, a tmpfs, even a bind mount
// of a directory of the same file system) is left in place with all it
// holds, and reported: emptying it would delete what lies outside the
// tree, and unmounting is not cleanup's decision.
type remover struct {
	home   fsID // the file system of the tree
	idAt   func(dirfd int, name string) (fsID, error)
	mounts []string // mount points met, left alone
}

// errMountLeft stops the removal of the directories holding a mount
// point: they cannot become empty.
var errMountLeft = errors.New("a mount point was left in place")

// mountsError names the mount points left, sorted.
func (r *remover) mountsError() error {
	slices.Sort(r.mounts)
	if len(r.mounts) == 1 {
		return fmt.Errorf("%s is a mount point: left it and what it holds alone (cleanup never enters another file system); unmount it", r.mounts[0])
	}
	last := len(r.mounts) - 1
	return fmt.Errorf("%s and %s are mount points: left them and what they hold alone (cleanup never enters another file system); unmount them",
		strings.Join(r.mounts[:last], ", "), r.mounts[last])
}

// removeAt removes the entry name of the directory open as dirfd (known
// as dir in messages), and everything under it.
func (r *remover) removeAt(dirfd int, dir, name string) error {
	path := filepath.Join(dir, name)
	unlinkErr := unix.Unlinkat(dirfd, name, 0)
	if unlinkErr == nil || unlinkErr == unix.ENOENT {
		return nil
	}
	// A directory, or a mount point (unlink fails on every mount point,
	// with EISDIR or EBUSY): only a directory of the tree's own file
	// system is entered. When the file system cannot be told, the open
	// below reports why.
	if id, err := r.idAt(dirfd, name); err == nil && id != r.home {
		r.mounts = append(r.mounts, path)
		return errMountLeft
	}
	// Not removable as a file: if it is a directory, empty it first. A
	// second pass catches entries a file system listed late after removals.
	for pass := 1; ; pass++ {
		fd, err := openDirNoFollow(dirfd, name)
		switch {
		case err == unix.ENOENT:
			return nil
		case err == unix.ENOTDIR || err == unix.ELOOP:
			// A file or a link after all: the unlink error is the real one.
			return &fs.PathError{Op: "unlinkat", Path: path, Err: unlinkErr}
		case err != nil:
			return &fs.PathError{Op: "openat", Path: path, Err: err}
		}
		if err := r.emptyDir(fd, path); err != nil {
			return err
		}
		err = unix.Unlinkat(dirfd, name, unix.AT_REMOVEDIR)
		if err == nil || err == unix.ENOENT {
			return nil
		}
		if (err != unix.ENOTEMPTY && err != unix.EEXIST) || pass == 2 {
			return &fs.PathError{Op: "unlinkat", Path: path, Err: err}
		}
	}
}

// openDirNoFollow opens the directory name under dirfd for reading, and
// never a link: O_NOFOLLOW makes a link fail with ELOOP (or ENOTDIR with
// O_DIRECTORY). A directory the owner cannot read (say, mode 0300) gets
// its owner bits first, through a chmod that does not follow links either.
func openDirNoFollow(dirfd int, name string) (int, error) {
	const flags = unix.O_RDONLY | unix.O_DIRECTORY | unix.O_NOFOLLOW | unix.O_CLOEXEC
	fd, err := unix.Openat(dirfd, name, flags, 0)
	if err != unix.EACCES {
		return fd, err
	}
	if err := chmodDirNoFollow(dirfd, name); err != nil {
		return -1, err
	}
	return unix.Openat(dirfd, name, flags, 0)
}

// chmodDirNoFollow gives the directory name under dirfd its owner's rwx
// bits, refusing anything that is not a directory.
func chmodDirNoFollow(dirfd int, name string) error {
	var st unix.Stat_t
	if err := unix.Fstatat(dirfd, name, &st, unix.AT_SYMLINK_NOFOLLOW); err != nil {
		return err
	}
	if st.Mode&unix.S_IFMT != unix.S_IFDIR {
		return unix.ENOTDIR
	}
	mode := uint32(st.Mode&0o7777 | 0o700)
	err := unix.Fchmodat(dirfd, name, mode, unix.AT_SYMLINK_NOFOLLOW)
	if err == unix.EOPNOTSUPP || err == unix.ENOTSUP {
		// Linux before fchmodat2 (6.6) has no non-following chmod by name.
		// The entry was a directory a moment ago, and only the owner of
		// the directory holding it (the test itself) can swap it for a
		// link in between.
		err = unix.Fchmodat(dirfd, name, mode, 0)
	}
	return err
}

// emptyDir removes everything in the directory open as fd (path in
// messages), then closes fd.
func (r *remover) emptyDir(fd int, path string) error {
	var firstErr error
	keep := func(err error) {
		if firstErr == nil && err != nil {
			firstErr = err
		}
	}
	// Removing entries needs write and search permission on the directory,
	// listing it needs read: add the owner's bits where the test took them.
	// fchmod works on the descriptor, so it can only reach this directory.
	var st unix.Stat_t
	if err := unix.Fstat(fd, &st); err != nil {
		keep(&fs.PathError{Op: "fstat", Path: path, Err: err})
	} else if st.Mode&0o700 != 0o700 {
		if err := unix.Fchmod(fd, uint32(st.Mode&0o7777|0o700)); err != nil {
			keep(&fs.PathError{Op: "fchmod", Path: path, Err: err})
		}
	}
	dir := os.NewFile(uintptr(fd), path) // owns fd from here on
	defer dir.Close()
	for {
		names, err := dir.Readdirnames(1024)
		for _, name := range names {
			keep(r.removeAt(fd, path, name))
		}
		if err != nil {
			if !errors.Is(err, io.EOF) {
				keep(err)
			}
			return firstErr
		}
	}
}
