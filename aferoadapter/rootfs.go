package aferoadapter

import (
	"errors"
	"io/fs"
	"os"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/afero"
)

// rootFs is the [afero.Fs] [NewRootFs] returns.
type rootFs struct{ root *os.Root }

var (
	_ afero.Fs        = (*rootFs)(nil)
	_ afero.Symlinker = (*rootFs)(nil)
)

// NewRootFs returns an [afero.Fs] on the directory root is open on. Every
// operation goes through root, so nothing reaches outside its directory,
// through ".." or a symbolic link, whatever the name; "x", "/x" and "./x"
// name the same file, as in [NewMemFs]. It implements [afero.Symlinker].
//
// It is the other direction of [FS]: code that takes an afero.Fs can run
// on a real disk with *os.Root's guarantees. Errors are root's, with the
// name as the caller gave it.
func NewRootFs(root *os.Root) afero.Fs { return &rootFs{root: root} }

// Name returns "RootFs".
func (r *rootFs) Name() string { return "RootFs" }

// rel turns a name of this file system into a name inside the root.
func rel(name string) string {
	name = strings.TrimLeft(toSlash(name), "/")
	if name == "" {
		return "."
	}
	return name
}

// renamed returns err naming name instead of the name inside the root.
func renamed(err error, name string) error {
	var pe *fs.PathError
	if errors.As(err, &pe) && pe == err {
		return &fs.PathError{Op: pe.Op, Path: name, Err: pe.Err}
	}
	return err
}

func renamedLink(err error, oldname, newname string) error {
	var le *os.LinkError
	if errors.As(err, &le) && le == err {
		return &os.LinkError{Op: le.Op, Old: oldname, New: newname, Err: le.Err}
	}
	return err
}

// do runs op on the root-relative form of name; an empty name is ENOENT,
// as for the os functions, where *os.Root would report "empty path".
func do[T any](op, name string, f func(string) (T, error)) (T, error) {
	if name == "" {
		var zero T
		return zero, pathError(op, name, syscall.ENOENT)
	}
	v, err := f(rel(name))
	return v, renamed(err, name)
}

func noValue(f func(string) error) func(string) (struct{}, error) {
	return func(name string) (struct{}, error) { return struct{}{}, f(name) }
}

// Create creates or truncates name.
func (r *rootFs) Create(name string) (afero.File, error) {
	return r.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_TRUNC, 0o666)
}

// Open opens name for reading.
func (r *rootFs) Open(name string) (afero.File, error) { return r.OpenFile(name, os.O_RDONLY, 0) }

// OpenFile opens name with flag and, when it creates the file, perm.
func (r *rootFs) OpenFile(name string, flag int, perm fs.FileMode) (afero.File, error) {
	if flag&os.O_CREATE != 0 && strings.HasSuffix(toSlash(name), "/") {
		// open(2) says EISDIR; *os.Root reports ENOENT.
		return nil, pathError("open", name, syscall.EISDIR)
	}
	f, err := do("open", name, func(n string) (*os.File, error) { return r.root.OpenFile(n, flag, perm) })
	if err != nil {
		return nil, err
	}
	return f, nil
}

// Mkdir creates the directory name.
func (r *rootFs) Mkdir(name string, perm fs.FileMode) error {
	_, err := do("mkdir", name, noValue(func(n string) error { return r.root.Mkdir(n, perm) }))
	return err
}

// MkdirAll creates name and any missing parents. Like [os.MkdirAll] (and
// unlike *os.Root, which says EEXIST) it fails with ENOTDIR on a file.
func (r *rootFs) MkdirAll(name string, perm fs.FileMode) error {
	if info, err := r.Stat(name); err == nil && !info.IsDir() {
		return pathError("mkdir", name, syscall.ENOTDIR)
	}
	_, err := do("mkdir", name, noValue(func(n string) error { return r.root.MkdirAll(n, perm) }))
	return err
}

// Remove removes a file or an empty directory.
func (r *rootFs) Remove(name string) error {
	_, err := do("remove", name, noValue(r.root.Remove))
	return err
}

// RemoveAll removes name and everything below it; a missing or empty name
// is success, as for [os.RemoveAll].
func (r *rootFs) RemoveAll(name string) error {
	if name == "" {
		return nil
	}
	_, err := do("RemoveAll", name, noValue(r.root.RemoveAll))
	return err
}

// Rename renames oldname to newname.
func (r *rootFs) Rename(oldname, newname string) error {
	if oldname == "" || newname == "" {
		return &os.LinkError{Op: "rename", Old: oldname, New: newname, Err: syscall.ENOENT}
	}
	return renamedLink(r.root.Rename(rel(oldname), rel(newname)), oldname, newname)
}

// Stat describes name, following symlinks.
func (r *rootFs) Stat(name string) (fs.FileInfo, error) {
	return do("stat", name, r.root.Stat)
}

// LstatIfPossible describes name without following a final symlink.
func (r *rootFs) LstatIfPossible(name string) (fs.FileInfo, bool, error) {
	info, err := do("lstat", name, r.root.Lstat)
	return info, true, err
}

// Chmod changes the mode of name.
func (r *rootFs) Chmod(name string, mode fs.FileMode) error {
	_, err := do("chmod", name, noValue(func(n string) error { return r.root.Chmod(n, mode) }))
	return err
}

// Chown changes the owner of name.
func (r *rootFs) Chown(name string, uid, gid int) error {
	_, err := do("chown", name, noValue(func(n string) error { return r.root.Chown(n, uid, gid) }))
	return err
}

// Chtimes changes the access and modification times of name.
func (r *rootFs) Chtimes(name string, atime, mtime time.Time) error {
	_, err := do("chtimes", name, noValue(func(n string) error { return r.root.Chtimes(n, atime, mtime) }))
	return err
}

// SymlinkIfPossible creates newname as a symbolic link to oldname, stored
// verbatim; root refuses to follow it later if it leads outside.
func (r *rootFs) SymlinkIfPossible(oldname, newname string) error {
	if newname == "" {
		return &os.LinkError{Op: "symlink", Old: oldname, New: newname, Err: syscall.ENOENT}
	}
	return renamedLink(r.root.Symlink(oldname, rel(newname)), oldname, newname)
}

// ReadlinkIfPossible returns the target of the symbolic link name.
func (r *rootFs) ReadlinkIfPossible(name string) (string, error) {
	return do("readlink", name, r.root.Readlink)
}
