package aferoadapter

import (
	"fmt"
	"io/fs"
	"os"
	"time"

	"github.com/spf13/afero"

	"github.com/tmpkit/tmpkit/fixture"
	"github.com/tmpkit/tmpkit/internal/fspath"
)

// rootFS is the [fixture.FS] that [FS] returns.
type rootFS struct{ r *rooted }

// FS returns afs as a [fixture.FS], the destination of fixture.Write and
// golden's tree updates, with the traversal rules of [*os.Root] on the
// root "/" of afs:
//
//   - Names are slash paths relative to the root, checked as fixture checks
//     tree names: "../x", "/abs", "a//b", "a/./b" and empty names are
//     errors wrapping [fs.ErrInvalid]. "." names the root itself for Chmod,
//     Chtimes and Lstat (a Tree's root entry), and is refused elsewhere.
//   - No operation reaches outside the root: every symbolic link on the way
//     is resolved inside it, and one that is absolute or climbs above the
//     root is an error wrapping [ErrPathEscapes]. This holds even on
//     afero.NewBasePathFs(afero.NewOsFs(), dir), whose OsFs would follow a
//     link anywhere.
//   - Like *os.Root, WriteFile, Chmod and Chtimes follow a final link
//     (inside the root); Lstat, Readlink, Remove, RemoveAll and Symlink act
//     on the link itself.
//
// Errors are *fs.PathError (or *os.LinkError for Symlink) naming the name
// as given. Symlink needs an afs implementing [afero.Symlinker]. The FS
// method returns [IOFS] of afs.
func FS(afs afero.Fs) fixture.FS {
	if m, ok := afs.(*memFs); ok {
		return memRootFS{m}
	}
	if in, ok := afs.(interface{ fixtureFS() fixture.FS }); ok {
		return in.fixtureFS() // Inject: see inject_root.go
	}
	return &rootFS{r: newRooted(afs)}
}

// name checks name and resolves it for op, wrapping any error in an
// *fs.PathError that names name.
func (f *rootFS) name(op, name string, flags resolveFlags, perm fs.FileMode) (string, error) {
	if err := fspath.Check(name); err != nil {
		return "", pathError(op, name, err)
	}
	real, err := f.r.resolve(name, flags, perm)
	if err != nil {
		return "", pathError(op, name, err)
	}
	return real, nil
}

// nameOrRoot is name for op, except that "." names the root itself, as
// for *os.Root: Chmod, Chtimes and Lstat take it, so that a fixture.Tree's
// root entry can be written.
func (f *rootFS) nameOrRoot(op, name string, flags resolveFlags) (string, error) {
	if name == "." {
		return "/", nil
	}
	return f.name(op, name, flags, 0)
}

// MkdirAll creates the directory name and any missing parents.
func (f *rootFS) MkdirAll(name string, perm fs.FileMode) error {
	_, err := f.name("mkdir", name, makeDirs, perm)
	return err
}

// WriteFile writes data to name, creating it with perm (minus umask) or
// truncating it, like [os.Root.WriteFile].
func (f *rootFS) WriteFile(name string, data []byte, perm fs.FileMode) error {
	real, err := f.name("open", name, resolveLast, 0)
	if err != nil {
		return err
	}
	file, err := f.r.afs.OpenFile(real, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, perm)
	if err != nil {
		return renamed(err, name)
	}
	_, err = file.Write(data)
	if cerr := file.Close(); err == nil {
		err = cerr
	}
	return renamed(err, name)
}

// Symlink creates newname as a link to oldname, stored verbatim.
func (f *rootFS) Symlink(oldname, newname string) error {
	linker, ok := f.r.afs.(afero.Linker)
	if !ok {
		return &os.LinkError{Op: "symlink", Old: oldname, New: newname, Err: afero.ErrNoSymlink}
	}
	real, err := f.name("symlink", newname, 0, 0)
	if err != nil {
		return &os.LinkError{Op: "symlink", Old: oldname, New: newname, Err: unwrapPath(err)}
	}
	if err := linker.SymlinkIfPossible(oldname, real); err != nil {
		return renamedLink(err, oldname, newname)
	}
	// afero's BasePathFs stores the target as a host path: refuse a link
	// that would not read back as written.
	if f.r.readlink != nil {
		if got, err := f.r.readlink(real); err == nil && got != oldname {
			f.r.afs.Remove(real)
			return &os.LinkError{Op: "symlink", Old: oldname, New: newname,
				Err: fmt.Errorf("%w: %s stored another target; use aferoadapter.NewMemFs or NewRootFs", afero.ErrNoSymlink, f.r.afs.Name())}
		}
	}
	return nil
}

// Chmod changes the mode of name, following a final link inside the root.
func (f *rootFS) Chmod(name string, mode fs.FileMode) error {
	real, err := f.nameOrRoot("chmod", name, resolveLast)
	if err != nil {
		return err
	}
	return renamed(f.r.afs.Chmod(real, mode), name)
}

// Chtimes changes the times of name, following a final link inside the root.
func (f *rootFS) Chtimes(name string, atime, mtime time.Time) error {
	real, err := f.nameOrRoot("chtimes", name, resolveLast)
	if err != nil {
		return err
	}
	return renamed(f.r.afs.Chtimes(real, atime, mtime), name)
}

// Remove removes the file, empty directory or link name.
func (f *rootFS) Remove(name string) error {
	real, err := f.name("remove", name, 0, 0)
	if err != nil {
		return err
	}
	return renamed(f.r.afs.Remove(real), name)
}

// RemoveAll removes name and everything below it; links are removed, never
// followed.
func (f *rootFS) RemoveAll(name string) error {
	real, err := f.name("RemoveAll", name, 0, 0)
	if err != nil {
		return err
	}
	return renamed(f.r.afs.RemoveAll(real), name)
}

// Lstat describes name without following a final link.
func (f *rootFS) Lstat(name string) (fs.FileInfo, error) {
	real, err := f.nameOrRoot("lstat", name, 0)
	if err != nil {
		return nil, err
	}
	info, err := f.r.lstatBackend(real)
	if err != nil {
		return nil, renamed(err, name)
	}
	return info, nil
}

// Readlink returns the target of the link name.
func (f *rootFS) Readlink(name string) (string, error) {
	if f.r.readlink == nil {
		return "", pathError("readlink", name, afero.ErrNoReadlink)
	}
	real, err := f.name("readlink", name, 0, 0)
	if err != nil {
		return "", err
	}
	target, err := f.r.readlink(real)
	return target, renamed(err, name)
}

// FS returns the read view of the same file system, [IOFS].
func (f *rootFS) FS() fs.FS { return ioView(f.r) }
