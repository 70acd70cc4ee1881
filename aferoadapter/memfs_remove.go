package aferoadapter

import (
	"strings"
	"syscall"
	"time"
)

// Remove removes the file or empty directory name, like [os.Remove].
func (m *memFs) Remove(name string) error { return m.remove(name, 0) }

func (m *memFs) remove(name string, extra walkFlags) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.removeLocked(name, extra)
}

// removeLocked is remove with m.mu held for writing.
func (m *memFs) removeLocked(name string, extra walkFlags) error {
	l, err := m.walk(name, entryOp|extra)
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

// removable reports why the entry l leads to cannot be removed, as
// os.Remove reports it from unlink(2) and rmdir(2): ".", ".." or the root,
// a missing entry, the parent's permission (rmdir checks it before the
// type), then a trailing slash on a non-directory.
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
	case !l.parent.allows(permWrite):
		return syscall.EACCES
	case l.slash && !l.node.isDir():
		return syscall.ENOTDIR
	}
	return nil
}

// removeAllRoot is RemoveAll with *os.Root's rules, for [FS]: trailing
// slashes are dropped (RemoveAll("f/") removes f), "." and "x/." are
// EINVAL, a missing name is success, links are removed and never
// followed, and what can be removed is removed before the first error is
// returned.
func (m *memFs) removeAllRoot(name string) error {
	if name == "" {
		return nil
	}
	trimmed := strings.TrimRight(toSlash(name), "/")
	if trimmed == "." || strings.HasSuffix(trimmed, "/.") || trimmed == "" {
		return pathError("RemoveAll", name, syscall.EINVAL)
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	l, err := m.walk(trimmed, confined)
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
