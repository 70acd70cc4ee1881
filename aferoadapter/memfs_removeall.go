package aferoadapter

import (
	"errors"
	"io/fs"
	"os"
	"strings"
	"syscall"
	"time"
)

// RemoveAll removes name and everything below it with [os.RemoveAll]'s
// algorithm, step for step, so that it removes and reports what os does
// on a disk: a missing name is success; links are removed, never
// followed; what can be removed is removed before the first error is
// returned. Like os it refuses "." and "x/." (EINVAL), and like os it
// empties the directory a name such as "./" or "x/.." leads to.
func (m *memFs) RemoveAll(name string) error {
	if name == "" {
		return nil
	}
	if endsWithDot(toSlash(name)) {
		return pathError("RemoveAll", name, syscall.EINVAL)
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	// The simple case: Remove works, or there is nothing to remove.
	err := m.removeLocked(name, 0)
	if err == nil || errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	parentDir, base := splitPath(toSlash(name))
	l, err := m.walk(parentDir, followLast)
	if err != nil {
		err = pathError("open", parentDir, err)
	} else {
		_, err = m.openNode(l, parentDir, os.O_RDONLY, 0)
	}
	if errors.Is(err, fs.ErrNotExist) {
		return nil // no parent: nothing to remove
	}
	if err != nil {
		return err
	}
	if err := m.removeAllFrom(l.node, base); err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			pe.Path = parentDir + string(os.PathSeparator) + pe.Path
		}
		return err
	}
	return nil
}

// removeAllFrom is os's removeAllFrom: it removes base from the directory
// parent (an open file in os, which may not be a directory), emptying it
// first when it is one. m.mu must be held for writing.
func (m *memFs) removeAllFrom(parent *node, base string) error {
	uErr := m.unlinkAt(parent, base, false)
	if uErr == nil || uErr == syscall.ENOENT {
		return nil
	}
	// EISDIR: a directory, to empty first; EACCES: no write permission on
	// parent, but base may still be a directory whose entries can go.
	if uErr != syscall.EISDIR && uErr != syscall.EACCES {
		return pathError("unlinkat", base, uErr)
	}
	var recurseErr error
	for {
		const pageSize = 1024 // os reads names in pages of 1024
		dir, err := m.openDirAt(parent, base)
		if err != nil {
			switch err {
			case syscall.ENOENT:
				return nil
			case syscall.ENOTDIR:
				return pathError("unlinkat", base, uErr)
			case errIsSymlink:
				err = uErr // os hides that it met a link
			}
			recurseErr = pathError("openfdat", base, err)
			break
		}
		names := dir.names()
		read := 0
		for {
			page := names[read:min(read+pageSize, len(names))]
			read += len(page)
			failed := 0
			for _, name := range page {
				if err := m.removeAllFrom(dir, name); err != nil {
					var pe *fs.PathError
					if errors.As(err, &pe) {
						pe.Path = base + string(os.PathSeparator) + pe.Path
					}
					failed++
					if recurseErr == nil {
						recurseErr = err
					}
				}
			}
			// Read on only while a whole page failed.
			if failed != pageSize {
				if len(page) < pageSize {
					read = -1 // the end of the directory
				}
				break
			}
		}
		if read == -1 {
			break
		}
	}
	err := m.unlinkAt(parent, base, true)
	if err == nil || err == syscall.ENOENT {
		return nil
	}
	if recurseErr != nil {
		return recurseErr
	}
	return pathError("unlinkat", base, err)
}

// errIsSymlink is what openDirAt meets at a symbolic link, which os's
// O_NOFOLLOW open reports as a link rather than as an errno.
var errIsSymlink = errors.New("a symbolic link")

// childAt resolves base, one name as os.RemoveAll passes to the *at system
// calls, in the directory parent: "." is parent, ".." its parent, "/" the
// root; the boolean is false for these, which are not entries. The error
// is ENOTDIR when parent is no directory and EACCES when it cannot be
// searched.
func (m *memFs) childAt(parent *node, base string) (*node, bool, error) {
	switch {
	case strings.IndexByte(base, 0) >= 0:
		return nil, false, syscall.EINVAL // refused before any lookup
	case base == "/":
		return m.root, false, nil
	case !parent.isDir():
		return nil, false, syscall.ENOTDIR
	case !parent.allows(permSearch):
		return nil, false, syscall.EACCES
	case base == ".":
		return parent, false, nil
	case base == "..":
		return m.parentOf(parent), false, nil
	case len(base) > nameMax:
		return nil, false, syscall.ENAMETOOLONG
	}
	return parent.entries[base], true, nil
}

// unlinkAt is unlinkat(2) of base in parent: with dir it removes an empty
// directory (AT_REMOVEDIR), without it anything but a directory.
func (m *memFs) unlinkAt(parent *node, base string, dir bool) error {
	n, entry, err := m.childAt(parent, base)
	switch {
	case err != nil:
		return err
	case !entry && !dir:
		return syscall.EISDIR
	case !entry && base == ".":
		return syscall.EINVAL
	case !entry && base == "..":
		return syscall.ENOTEMPTY
	case !entry:
		return syscall.EBUSY
	case n == nil:
		return syscall.ENOENT
	case !parent.allows(permWrite):
		return syscall.EACCES
	case !dir && n.isDir():
		return syscall.EISDIR
	case dir && !n.isDir():
		return syscall.ENOTDIR
	case dir && len(n.entries) > 0:
		return syscall.ENOTEMPTY
	}
	parent.deleteEntry(base, time.Now())
	return nil
}

// openDirAt is os's openat of base in parent with O_NOFOLLOW|O_DIRECTORY:
// the directory, or why it cannot be listed.
func (m *memFs) openDirAt(parent *node, base string) (*node, error) {
	n, _, err := m.childAt(parent, base)
	switch {
	case err != nil:
		return nil, err
	case n == nil:
		return nil, syscall.ENOENT
	case n.isSymlink():
		return nil, errIsSymlink
	case !n.isDir():
		return nil, syscall.ENOTDIR
	case !n.allows(permRead):
		return nil, syscall.EACCES
	}
	return n, nil
}

// parentOf finds the directory holding dir, physically, as ".." does; the
// root is its own parent, and so is a directory no longer in the tree
// (whose ".." a disk would refuse). Nodes keep no parent, so it searches:
// only RemoveAll of a name ending in ".." needs it.
func (m *memFs) parentOf(dir *node) *node {
	var find func(d *node) *node
	find = func(d *node) *node {
		for _, child := range d.entries {
			if child == dir {
				return d
			}
			if child.isDir() {
				if p := find(child); p != nil {
					return p
				}
			}
		}
		return nil
	}
	if p := find(m.root); p != nil {
		return p
	}
	return m.root
}

// endsWithDot reports whether name is "." or ends in "/.", which
// os.RemoveAll refuses as rmdir(2) does.
func endsWithDot(name string) bool {
	return name == "." || len(name) >= 2 && name[len(name)-1] == '.' && name[len(name)-2] == '/'
}

// splitPath is os's splitPath on Unix: the directory os.RemoveAll opens,
// and the name it then removes from it.
func splitPath(path string) (dir, base string) {
	dir = "."
	for len(path) > 1 && path[0] == '/' && path[1] == '/' {
		path = path[1:] // all but one leading slash
	}
	i := len(path) - 1
	for ; i > 0 && path[i] == '/'; i-- {
		path = path[:i] // trailing slashes
	}
	base = path
	for i--; i >= 0; i-- {
		if path[i] == '/' {
			if i == 0 {
				dir = path[:1]
			} else {
				dir = path[:i]
			}
			base = path[i+1:]
			break
		}
	}
	return dir, base
}
