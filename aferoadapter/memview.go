package aferoadapter

import (
	"io"
	"io/fs"
	"os"
	"time"

	"github.com/tmpkit/tmpkit/internal/fspath"
)

// memRootFS is [FS] of a [NewMemFs] file system. It has the rules of the
// generic adapter, but resolves each name in one confined walk of the tree,
// under one lock, instead of an Lstat per component: fixture writes and
// comparisons in memory stay several times faster than on a disk.
type memRootFS struct{ m *memFs }

// memView is [IOFS] of a [NewMemFs] file system, on the same terms.
type memView struct{ m *memFs }

var (
	_ fs.ReadDirFS  = memView{}
	_ fs.ReadFileFS = memView{}
	_ fs.StatFS     = memView{}
	_ fs.ReadLinkFS = memView{}
)

func checkName(op, name string) error {
	if err := fspath.Check(name); err != nil {
		return pathError(op, name, err)
	}
	return nil
}

// checkNameOrRoot is checkName, taking "." for the root as [FS] does.
func checkNameOrRoot(op, name string) error {
	if name == "." {
		return nil
	}
	return checkName(op, name)
}

func (f memRootFS) MkdirAll(name string, perm fs.FileMode) error {
	if err := checkName("mkdir", name); err != nil {
		return err
	}
	return f.m.mkdirAllRoot(name, perm)
}

func (f memRootFS) WriteFile(name string, data []byte, perm fs.FileMode) error {
	if err := checkName("open", name); err != nil {
		return err
	}
	return f.m.writeFile(name, data, perm, confined)
}

func (f memRootFS) Symlink(oldname, newname string) error {
	if err := fspath.Check(newname); err != nil {
		return &os.LinkError{Op: "symlink", Old: oldname, New: newname, Err: err}
	}
	return f.m.symlink(oldname, newname, confined)
}

func (f memRootFS) Chmod(name string, mode fs.FileMode) error {
	if err := checkNameOrRoot("chmod", name); err != nil {
		return err
	}
	return f.m.change("chmod", name, confined, func(n *node) { n.mode = n.mode&^chmodBits | mode&chmodBits })
}

func (f memRootFS) Chtimes(name string, atime, mtime time.Time) error {
	if err := checkNameOrRoot("chtimes", name); err != nil {
		return err
	}
	return f.m.change("chtimes", name, confined, func(n *node) {
		if !mtime.IsZero() {
			n.modTime = mtime
		}
	})
}

func (f memRootFS) Remove(name string) error {
	if err := checkName("remove", name); err != nil {
		return err
	}
	return f.m.remove(name, confined)
}

func (f memRootFS) RemoveAll(name string) error {
	if err := checkName("RemoveAll", name); err != nil {
		return err
	}
	return f.m.removeAllRoot(name)
}

func (f memRootFS) Lstat(name string) (fs.FileInfo, error) {
	if err := checkNameOrRoot("lstat", name); err != nil {
		return nil, err
	}
	info, err := f.m.stat("lstat", name, false, confined)
	if err != nil {
		return nil, err
	}
	return info, nil
}

func (f memRootFS) Readlink(name string) (string, error) {
	if err := checkName("readlink", name); err != nil {
		return "", err
	}
	return f.m.readlink(name, confined)
}

func (f memRootFS) FS() fs.FS { return memView(f) }

// valid checks an fs.FS name.
func valid(op, name string) error {
	if !fs.ValidPath(name) {
		return pathError(op, name, fs.ErrInvalid)
	}
	return nil
}

func (v memView) Open(name string) (fs.File, error) {
	if err := valid("open", name); err != nil {
		return nil, err
	}
	f, err := v.m.openFile(name, os.O_RDONLY, 0, confined)
	if err != nil {
		return nil, err
	}
	return f, nil
}

func (v memView) ReadFile(name string) ([]byte, error) {
	if err := valid("open", name); err != nil {
		return nil, err
	}
	f, err := v.m.openFile(name, os.O_RDONLY, 0, confined)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	v.m.mu.RLock()
	size := len(f.node.data)
	v.m.mu.RUnlock()
	data := make([]byte, size)
	n, err := f.ReadAt(data, 0)
	if err == io.EOF && n == size {
		err = nil
	}
	return data[:n], err
}

func (v memView) ReadDir(name string) ([]fs.DirEntry, error) {
	if err := valid("open", name); err != nil {
		return nil, err
	}
	f, err := v.m.openFile(name, os.O_RDONLY, 0, confined)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return f.ReadDir(-1)
}

func (v memView) Stat(name string) (fs.FileInfo, error) {
	if err := valid("stat", name); err != nil {
		return nil, err
	}
	info, err := v.m.stat("stat", name, true, confined)
	if err != nil {
		return nil, err
	}
	return info, nil
}

func (v memView) Lstat(name string) (fs.FileInfo, error) {
	if err := valid("lstat", name); err != nil {
		return nil, err
	}
	info, err := v.m.stat("lstat", name, false, confined)
	if err != nil {
		return nil, err
	}
	return info, nil
}

func (v memView) ReadLink(name string) (string, error) {
	if err := valid("readlink", name); err != nil {
		return "", err
	}
	return v.m.readlink(name, confined)
}
