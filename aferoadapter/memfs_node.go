package aferoadapter

import (
	"io/fs"
	"slices"
	"sync/atomic"
	"time"
)

// node is one inode of a [NewMemFs] file system: a regular file, a directory
// or a symbolic link. Directory entries point at nodes, so an open handle
// keeps its node after a rename or a remove, as a file descriptor keeps its
// inode on a disk.
//
// All fields are guarded by memFs.mu.
type node struct {
	mode    fs.FileMode // type bits and permission bits
	modTime time.Time
	data    []byte           // regular file content
	target  string           // symbolic link target, verbatim
	entries map[string]*node // directory entries; nil for other types
	uid     int
	gid     int
	// removed marks a directory removed from the tree (not moved): like a
	// disk's, it can no longer be listed, even through an open handle.
	removed bool

	// sorted caches the sorted entry names of a directory for listings.
	// Readers fill it under the read lock, so it is atomic; every change
	// of entries clears it, under the write lock.
	sorted atomic.Pointer[[]string]
}

func (n *node) isDir() bool     { return n.mode.IsDir() }
func (n *node) isSymlink() bool { return n.mode&fs.ModeSymlink != 0 }

// size is what Stat reports: the content length of a file and the target
// length of a symlink, as lstat(2) does. Directories report 0: their size
// on a disk depends on the file system and no test should rely on it.
func (n *node) size() int64 {
	switch {
	case n.isSymlink():
		return int64(len(n.target))
	case n.isDir():
		return 0
	}
	return int64(len(n.data))
}

// names returns the directory's entry names, sorted. The slice is shared:
// callers may reslice it but never write to it.
func (n *node) names() []string {
	if cached := n.sorted.Load(); cached != nil {
		return *cached
	}
	names := make([]string, 0, len(n.entries))
	for name := range n.entries {
		names = append(names, name)
	}
	slices.Sort(names)
	n.sorted.Store(&names)
	return names
}

// setEntry adds or replaces the entry name of the directory n, which was
// modified at now. memFs.mu must be held for writing.
func (n *node) setEntry(name string, child *node, now time.Time) {
	if old := n.entries[name]; old != nil && old != child && old.isDir() {
		old.removed = true // an empty directory a rename replaced
	}
	n.entries[name] = child
	n.sorted.Store(nil)
	n.modTime = now
}

// deleteEntry removes the entry name of the directory n, for good: a
// directory removed so is marked removed. memFs.mu must be held for
// writing.
func (n *node) deleteEntry(name string, now time.Time) {
	if child := n.entries[name]; child != nil && child.isDir() {
		child.removed = true
	}
	n.detachEntry(name, now)
}

// detachEntry removes the entry name of the directory n, which a rename
// then puts elsewhere.
func (n *node) detachEntry(name string, now time.Time) {
	delete(n.entries, name)
	n.sorted.Store(nil)
	n.modTime = now
}

// The owner permission bits. A [NewMemFs] file system acts as an
// unprivileged user who owns every file: only the owner bits grant access.
const (
	permRead   fs.FileMode = 0o400
	permWrite  fs.FileMode = 0o200
	permSearch fs.FileMode = 0o100
)

func (n *node) allows(bits fs.FileMode) bool { return n.mode&bits == bits }

// info is a snapshot of n, named name, as Stat and Readdir return it.
func (n *node) info(name string) *fileInfo {
	fi := n.infoValue(name)
	return &fi
}

func (n *node) infoValue(name string) fileInfo {
	return fileInfo{name: name, size: n.size(), mode: n.mode, modTime: n.modTime}
}

// fileInfo is the [fs.FileInfo] of a [NewMemFs] node: a value snapshot, so it
// can be kept and read while the file system changes.
type fileInfo struct {
	name    string
	size    int64
	mode    fs.FileMode
	modTime time.Time
}

func (fi *fileInfo) Name() string       { return fi.name }
func (fi *fileInfo) Size() int64        { return fi.size }
func (fi *fileInfo) Mode() fs.FileMode  { return fi.mode }
func (fi *fileInfo) ModTime() time.Time { return fi.modTime }
func (fi *fileInfo) IsDir() bool        { return fi.mode.IsDir() }

// Type and Info make a fileInfo its own [fs.DirEntry], which saves a
// wrapper per entry in directory listings.
func (fi *fileInfo) Type() fs.FileMode          { return fi.mode.Type() }
func (fi *fileInfo) Info() (fs.FileInfo, error) { return fi, nil }

// Sys returns nil: a memory node has no inode number, link count or
// owner a caller could inspect (see the package documentation).
func (fi *fileInfo) Sys() any { return nil }

// String formats fi the way [fs.FormatFileInfo] does, which makes test
// failures readable.
func (fi *fileInfo) String() string { return fs.FormatFileInfo(fi) }
