package aferoadapter

import (
	"io/fs"
	"os"
	"strings"
	"time"

	"github.com/spf13/afero"
)

// crashFs is the [NewMemFs] that work runs on in [CrashTest]: every call
// is the memory file system's, and every change and Sync is logged.
type crashFs struct {
	m   *memFs
	log *crashLog
}

var _ afero.Symlinker = (*crashFs)(nil)

// lookup resolves name in the memory file system as it is now.
func (c *crashFs) lookup(name string, flags walkFlags) lookup {
	c.m.mu.RLock()
	defer c.m.mu.RUnlock()
	l, _ := c.m.walk(name, flags)
	return l
}

func (c *crashFs) Name() string { return c.m.Name() }

func (c *crashFs) Create(name string) (afero.File, error) {
	return c.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_TRUNC, 0o666)
}

func (c *crashFs) Open(name string) (afero.File, error) {
	return c.OpenFile(name, os.O_RDONLY, 0)
}

// OpenFile logs the file it creates, or the truncation of one that held
// data.
func (c *crashFs) OpenFile(name string, flag int, perm fs.FileMode) (afero.File, error) {
	create := flag&os.O_CREATE != 0
	trunc := flag&os.O_TRUNC != 0 && flag&(os.O_WRONLY|os.O_RDWR) != 0
	if !create && !trunc {
		f, err := c.m.openFile(name, flag, perm, 0)
		if err != nil {
			return nil, err
		}
		return &crashFile{memFile: f, fs: c}, nil
	}
	c.log.mu.Lock()
	defer c.log.mu.Unlock()
	follow := followLast
	if create && flag&os.O_EXCL != 0 {
		follow = 0
	}
	before := c.lookup(name, follow)
	size := 0
	if before.node != nil {
		c.m.mu.RLock()
		size = len(before.node.data)
		c.m.mu.RUnlock()
	}
	f, err := c.m.openFile(name, flag, perm, 0)
	if err != nil {
		return nil, err
	}
	switch {
	case before.node == nil:
		at := c.lookup(name, followLast) // where a dangling link's target was made
		if at.node != f.node {
			at = before
		}
		c.log.made("create", name, at.parent, f.node, at.base)
	case trunc && size > 0:
		c.log.edit("truncate", name, f.node, edit{kind: editTruncate, modTime: c.modTime(f.node)})
	}
	return &crashFile{memFile: f, fs: c}, nil
}

func (c *crashFs) modTime(n *node) time.Time {
	c.m.mu.RLock()
	defer c.m.mu.RUnlock()
	return n.modTime
}

func (c *crashFs) Mkdir(name string, perm fs.FileMode) error {
	c.log.mu.Lock()
	defer c.log.mu.Unlock()
	if err := c.m.Mkdir(name, perm); err != nil {
		return err
	}
	l := c.lookup(name, entryOp)
	c.log.made("mkdir", name, l.parent, l.node, l.base)
	return nil
}

// MkdirAll takes os.MkdirAll's steps, so that each directory it makes is
// a crash point of its own.
func (c *crashFs) MkdirAll(name string, perm fs.FileMode) error {
	lstat := func(name string) (fs.FileInfo, error) {
		info, _, err := c.m.LstatIfPossible(name)
		return info, err
	}
	return mkdirAllSteps(name, c.m.Stat, lstat, func(name string) error { return c.Mkdir(name, perm) })
}

func (c *crashFs) Remove(name string) error {
	c.log.mu.Lock()
	defer c.log.mu.Unlock()
	l := c.lookup(name, entryOp)
	if err := c.m.Remove(name); err != nil {
		return err
	}
	seq := c.log.point("remove", name)
	dir := c.log.inodeOf(l.parent)
	c.log.change(seq, dir, entrySet{dir: dir, name: l.base})
	return nil
}

// RemoveAll is one crash point: the entries it removed go at once, each
// durable once its directory is Synced.
func (c *crashFs) RemoveAll(name string) error {
	c.log.mu.Lock()
	defer c.log.mu.Unlock()
	type entry struct {
		dir  *node
		name string
		n    *node
	}
	var below []entry
	c.m.mu.RLock()
	if l, err := c.m.walk(strings.TrimRight(toSlash(name), "/"), 0); err == nil && l.node != nil && l.parent != nil {
		var collect func(dir *node, name string, n *node)
		collect = func(dir *node, name string, n *node) {
			for child, cn := range n.entries {
				collect(n, child, cn)
			}
			below = append(below, entry{dir, name, n})
		}
		collect(l.parent, l.base, l.node)
	}
	c.m.mu.RUnlock()
	err := c.m.RemoveAll(name)
	seq := 0
	for _, e := range below {
		c.m.mu.RLock()
		gone := e.dir.entries[e.name] != e.n
		c.m.mu.RUnlock()
		if !gone {
			continue
		}
		if seq == 0 {
			seq = c.log.point("remove", name)
		}
		dir := c.log.inodeOf(e.dir)
		c.log.change(seq, dir, entrySet{dir: dir, name: e.name})
	}
	return err
}

// Rename logs one change, both entries at once, durable once the
// destination's directory is Synced.
func (c *crashFs) Rename(oldname, newname string) error {
	c.log.mu.Lock()
	defer c.log.mu.Unlock()
	from := c.lookup(oldname, entryOp)
	to := c.lookup(newname, entryOp)
	if err := c.m.Rename(oldname, newname); err != nil {
		return err
	}
	if from.node == to.node {
		return nil // the same file: nothing changed
	}
	seq := c.log.point("rename", newname)
	c.log.points[len(c.log.points)-1].from = oldname
	src, dst := c.log.inodeOf(from.parent), c.log.inodeOf(to.parent)
	c.log.change(seq, dst,
		entrySet{dir: src, name: from.base},
		entrySet{dir: dst, name: to.base, child: c.log.inodeOf(from.node)})
	return nil
}

func (c *crashFs) Stat(name string) (fs.FileInfo, error) { return c.m.Stat(name) }

func (c *crashFs) LstatIfPossible(name string) (fs.FileInfo, bool, error) {
	return c.m.LstatIfPossible(name)
}

func (c *crashFs) ReadlinkIfPossible(name string) (string, error) {
	return c.m.ReadlinkIfPossible(name)
}

func (c *crashFs) SymlinkIfPossible(oldname, newname string) error {
	c.log.mu.Lock()
	defer c.log.mu.Unlock()
	if err := c.m.SymlinkIfPossible(oldname, newname); err != nil {
		return err
	}
	l := c.lookup(newname, entryOp)
	c.log.made("symlink", newname, l.parent, l.node, l.base)
	return nil
}

// attr runs set, a change of name's attributes, and logs the attributes
// it leaves.
func (c *crashFs) attr(op, name string, kind editKind, set func() error) error {
	c.log.mu.Lock()
	defer c.log.mu.Unlock()
	if err := set(); err != nil {
		return err
	}
	l := c.lookup(name, followLast)
	c.m.mu.RLock()
	e := edit{kind: kind, mode: l.node.mode, modTime: l.node.modTime, uid: l.node.uid, gid: l.node.gid}
	c.m.mu.RUnlock()
	c.log.edit(op, name, l.node, e)
	return nil
}

func (c *crashFs) Chmod(name string, mode fs.FileMode) error {
	return c.attr("chmod", name, editChmod, func() error { return c.m.Chmod(name, mode) })
}

func (c *crashFs) Chown(name string, uid, gid int) error {
	return c.attr("chown", name, editChown, func() error { return c.m.Chown(name, uid, gid) })
}

func (c *crashFs) Chtimes(name string, atime, mtime time.Time) error {
	return c.attr("chtimes", name, editChtimes, func() error { return c.m.Chtimes(name, atime, mtime) })
}
