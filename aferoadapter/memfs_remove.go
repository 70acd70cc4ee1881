package aferoadapter

import (
	"os"
	"strings"
	"syscall"
	"time"
)

// Remove removes the file or empty directory name, like [os.Remove].
func (m *memFs) Remove(name string) error { return m.remove(name, 0) }

func (m *memFs) remove(name string, extra walkFlags) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	l, err := m.walk(name, keepSlashLink|extra)
	if err == nil {
		err = removable(l)
	}
	if err == nil && l.node.isDir() && len(l.node.entries) > 0 {
		err = syscall.ENOTEMPTY
	}
	if err != nil {
		return pathError("remove", name, err)
	}
	l.parent.deleteEntry(l.base, time.Now())
	return nil
}

// removable reports why the entry l leads to cannot be unlinked, in the
// order Linux checks: a missing entry, ".", ".." or the root, a trailing
// slash on a non-directory, then the parent's permission.
func removable(l lookup) error {
	switch {
	case l.parent == nil && l.base == ".":
		return syscall.EINVAL
	case l.parent == nil && l.base == "..":
		return syscall.ENOTEMPTY
	case l.parent == nil:
		return syscall.EBUSY
	case l.node == nil:
		return syscall.ENOENT
	case l.slash && !l.node.isDir():
		return syscall.ENOTDIR
	case !l.parent.allows(permWrite):
		return syscall.EACCES
	}
	return nil
}

// RemoveAll removes name and everything below it, like [os.RemoveAll]: a
// missing name is success, symlinks are removed and never followed, and
// what can be removed is removed before the first error is returned.
func (m *memFs) RemoveAll(name string) error { return m.removeAll(name, 0) }

func (m *memFs) removeAll(name string, extra walkFlags) error {
	if name == "" {
		return nil
	}
	if trimmed := strings.TrimRight(toSlash(name), "/"); trimmed == "." || strings.HasSuffix(trimmed, "/.") || trimmed == "" {
		// os refuses "." and "x/."; the root is refused the same way.
		return pathError("RemoveAll", name, syscall.EINVAL)
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	// Like os, a trailing slash is dropped: RemoveAll("f/") removes f.
	l, err := m.walk(strings.TrimRight(toSlash(name), "/"), extra)
	if err == syscall.ENOENT || err == nil && l.node == nil {
		return nil
	}
	if err == nil {
		err = removable(l)
	}
	if err != nil {
		return pathError("unlinkat", name, err)
	}
	return removeTree(l.parent, l.base, name)
}

// removeTree removes the entry base of dir and, first, its descendants.
// It keeps going after an error, returning the first one, as os.RemoveAll
// removes all it can.
func removeTree(dir *node, base, name string) error {
	n := dir.entries[base]
	var first error
	if n.isDir() && len(n.entries) > 0 {
		if !n.allows(permRead | permWrite | permSearch) {
			first = pathError("unlinkat", name, syscall.EACCES)
		} else {
			for _, child := range n.names() {
				if err := removeTree(n, child, name+"/"+child); err != nil && first == nil {
					first = err
				}
			}
		}
	}
	if len(n.entries) > 0 {
		return first
	}
	if !dir.allows(permWrite | permSearch) {
		if first == nil {
			first = pathError("unlinkat", name, syscall.EACCES)
		}
		return first
	}
	dir.deleteEntry(base, time.Now())
	return first
}

// Rename renames oldname to newname, like [os.Rename] on Unix, which also
// refuses to replace an existing directory (EEXIST) where rename(2) would
// replace an empty one.
func (m *memFs) Rename(oldname, newname string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	err := m.rename(oldname, newname)
	if err != nil {
		return &os.LinkError{Op: "rename", Old: oldname, New: newname, Err: err}
	}
	return nil
}

func (m *memFs) rename(oldname, newname string) error {
	lo, err := m.walk(oldname, keepSlashLink)
	if err != nil {
		return err
	}
	ln, err := m.walk(newname, keepSlashLink)
	if err != nil {
		return err
	}
	// os.Rename's own check, made before the system call.
	if ln.node != nil && ln.node.isDir() {
		if lo.node == nil {
			return syscall.ENOENT
		}
		if newname == oldname || lo.node != ln.node {
			return syscall.EEXIST
		}
	}
	switch {
	case lo.node == nil && lo.parent != nil:
		return syscall.ENOENT
	case lo.parent == nil || ln.parent == nil:
		return syscall.EBUSY
	case lo.node == ln.node:
		return nil // the same file: rename(2) does nothing
	case !lo.parent.allows(permWrite) || !ln.parent.allows(permWrite):
		return syscall.EACCES
	}
	if lo.node.isDir() {
		switch {
		case ln.node != nil && !ln.node.isDir():
			return syscall.ENOTDIR
		case ln.parent == lo.node || lo.node.holds(ln.parent):
			return syscall.EINVAL // into itself or one of its descendants
		case ln.node != nil && len(ln.node.entries) > 0:
			return syscall.ENOTEMPTY
		case lo.parent != ln.parent && !lo.node.allows(permWrite):
			return syscall.EACCES // its ".." entry would change
		}
	} else if lo.slash || ln.slash {
		return syscall.ENOTDIR
	}
	now := time.Now()
	lo.parent.deleteEntry(lo.base, now)
	ln.parent.setEntry(ln.base, lo.node, now)
	return nil
}

// holds reports whether the directory d is below n, at any depth: a
// directory cannot move into its own subtree. Only renames of directories
// search, so walks need not record their path.
func (n *node) holds(d *node) bool {
	for _, child := range n.entries {
		if child == d || child.isDir() && child.holds(d) {
			return true
		}
	}
	return false
}
