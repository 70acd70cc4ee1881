package aferoadapter

import (
	"os"
	"syscall"
	"time"
)

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
	// os.Rename's own check, made before the system call: a directory at
	// newname, as Lstat sees it (through a final link when newname ends in
	// a slash), is EEXIST unless it is oldname's file under another name;
	// an Lstat error of oldname is returned first.
	if nl, err := m.walk(newname, 0); err == nil && nl.node != nil && nl.node.isDir() {
		ol, err := m.walk(oldname, 0)
		if err == nil && ol.node == nil {
			err = syscall.ENOENT
		}
		switch {
		case err != nil:
			return err
		case newname == oldname || ol.node != nl.node:
			return syscall.EEXIST
		}
	}
	return m.renameEntry(oldname, newname)
}

// renameEntry is rename(2), its checks in the kernel's order: both
// parents' paths, ".", ".." or the root (EBUSY), a missing source, a
// trailing slash on a non-directory, a directory moved below itself or
// onto its ancestor, the same file (nothing to do), the parents'
// permissions, the kinds of source and target, and a non-empty target.
func (m *memFs) renameEntry(oldname, newname string) error {
	if hasNUL(oldname) || hasNUL(newname) {
		return syscall.EINVAL // syscall.Rename refuses both names before the kernel sees them
	}
	lo, err := m.walk(oldname, entryOp)
	if err != nil {
		return err
	}
	ln, err := m.walk(newname, entryOp)
	if err != nil {
		return err
	}
	src, dst := lo.node, ln.node
	switch {
	case lo.parent == nil || ln.parent == nil:
		return syscall.EBUSY
	case src == nil:
		return syscall.ENOENT
	case !src.isDir() && (lo.slash || ln.slash):
		return syscall.ENOTDIR
	case src.isDir() && (ln.parent == src || src.holds(ln.parent)):
		return syscall.EINVAL // into itself or one of its descendants
	case dst != nil && dst.isDir() && (lo.parent == dst || dst.holds(lo.parent)):
		return syscall.ENOTEMPTY // onto one of its own ancestors
	case src == dst:
		return nil // the same file: rename(2) does nothing
	case !lo.parent.allows(permWrite) || !ln.parent.allows(permWrite):
		return syscall.EACCES
	case dst != nil && src.isDir() && !dst.isDir():
		return syscall.ENOTDIR
	case dst != nil && !src.isDir() && dst.isDir():
		return syscall.EISDIR
	case src.isDir() && lo.parent != ln.parent && !src.allows(permWrite):
		return syscall.EACCES // its ".." entry would change
	case dst != nil && len(dst.entries) > 0:
		return syscall.ENOTEMPTY
	}
	now := time.Now()
	lo.parent.detachEntry(lo.base, now)
	ln.parent.setEntry(ln.base, src, now)
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
