package aferoadapter

import (
	"io/fs"
	"os"
	"syscall"
	"time"
)

// Chmod changes the mode of name, following symlinks, like [os.Chmod].
func (m *memFs) Chmod(name string, mode fs.FileMode) error {
	return m.change("chmod", name, 0, func(n *node) {
		n.mode = n.mode&^chmodBits | mode&chmodBits
	})
}

// Chown records the owner of name, following symlinks. The numbers are
// kept but never checked: see the package documentation.
func (m *memFs) Chown(name string, uid, gid int) error {
	return m.change("chown", name, 0, func(n *node) { n.uid, n.gid = uid, gid })
}

// Chtimes sets the modification time of name, following symlinks, like
// [os.Chtimes]: a zero time leaves it unchanged. Access times are not kept.
func (m *memFs) Chtimes(name string, atime, mtime time.Time) error {
	return m.change("chtimes", name, 0, func(n *node) {
		if !mtime.IsZero() {
			n.modTime = mtime
		}
	})
}

// change applies set to the node name leads to, following symlinks.
func (m *memFs) change(op, name string, extra walkFlags, set func(*node)) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	l, err := m.walk(name, followLast|extra)
	if err == nil && l.node == nil {
		err = syscall.ENOENT
	}
	if err != nil {
		return pathError(op, name, err)
	}
	set(l.node)
	return nil
}

// Stat describes name, following symlinks, like [os.Stat].
func (m *memFs) Stat(name string) (fs.FileInfo, error) {
	info, err := m.stat("stat", name, true, 0)
	if err != nil {
		return nil, err
	}
	return info, nil
}

// LstatIfPossible describes name without following a final symlink, like
// [os.Lstat]; the boolean is always true.
func (m *memFs) LstatIfPossible(name string) (fs.FileInfo, bool, error) {
	info, err := m.stat("lstat", name, false, 0)
	if err != nil {
		return nil, true, err
	}
	return info, true, nil
}

func (m *memFs) stat(op, name string, follow bool, extra walkFlags) (*fileInfo, error) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	flags := extra
	if follow {
		flags |= followLast
	}
	l, err := m.walk(name, flags)
	if err == nil && l.node == nil {
		err = syscall.ENOENT
	}
	if err != nil {
		return nil, pathError(op, name, err)
	}
	return l.node.info(baseName(name)), nil
}

// SymlinkIfPossible creates newname as a symbolic link to oldname, like
// [os.Symlink]. The target is stored verbatim and resolved at use, relative
// to the link's directory.
func (m *memFs) SymlinkIfPossible(oldname, newname string) error {
	return m.symlink(oldname, newname, 0)
}

func (m *memFs) symlink(oldname, newname string, extra walkFlags) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	var l lookup
	var err error
	switch {
	case hasNUL(oldname) || hasNUL(newname):
		err = syscall.EINVAL // syscall.Symlink refuses both names before the kernel sees them
	case len(oldname) >= pathMax:
		err = syscall.ENAMETOOLONG
	case oldname == "":
		err = syscall.ENOENT // symlink(2) refuses an empty target before it looks at newname
	default:
		l, err = m.walk(newname, entryOp|extra)
	}
	switch {
	case err != nil:
	case l.node != nil:
		err = syscall.EEXIST
	case l.slash:
		err = syscall.ENOENT
	case !l.parent.allows(permWrite):
		err = syscall.EACCES
	}
	if err != nil {
		return &os.LinkError{Op: "symlink", Old: oldname, New: newname, Err: err}
	}
	now := time.Now()
	l.parent.setEntry(l.base, &node{mode: fs.ModeSymlink | 0o777, target: oldname, modTime: now}, now)
	return nil
}

// ReadlinkIfPossible returns the target of the symbolic link name, like
// [os.Readlink].
func (m *memFs) ReadlinkIfPossible(name string) (string, error) { return m.readlink(name, 0) }

func (m *memFs) readlink(name string, extra walkFlags) (string, error) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	l, err := m.walk(name, extra)
	switch {
	case err != nil:
	case l.node == nil:
		err = syscall.ENOENT
	case !l.node.isSymlink():
		err = syscall.EINVAL
	}
	if err != nil {
		return "", pathError("readlink", name, err)
	}
	return l.node.target, nil
}
