package aferoadapter

import (
	"fmt"
	"io/fs"
	"path"
	"sync"
	"syscall"

	"github.com/spf13/afero"
)

// DiskFull makes the file system hold at most capacity bytes of regular
// file content. A write that does not fit writes what fits and returns
// the short count with an *fs.PathError{Op: "write"} wrapping ENOSPC, as
// os.File.Write does on a full disk; nothing fits once the disk is full.
//
// The count is the sum of the sizes of regular files, including those the
// file system held when [Inject] was called (directories and symbolic
// links are free; on afero.NewOsFs(), whose root is the machine's, the
// count starts at zero: inject into NewRootFs or afero.NewBasePathFs of a
// directory to count what it holds). Overwriting in place needs no
// space; removing, truncating (O_TRUNC too) and renaming over a file
// frees its size. A Truncate that grows a file never fails, as on a disk,
// where the new part is a hole, but its size counts.
//
// For [Fault.After] and [Fault.Times], the calls that count are the
// writes that do not fit. DiskFull panics if capacity is negative.
func DiskFull(capacity int64) Fault {
	desc := fmt.Sprintf("DiskFull(%d)", capacity)
	if capacity < 0 {
		panic(fmt.Sprintf("aferoadapter: %s: negative capacity", desc))
	}
	return Fault{kind: kindDiskFull, ops: spaceOps, n: capacity, desc: desc, times: -1}
}

// errNoSpace is the errno of a full disk.
var errNoSpace error = syscall.ENOSPC

// space counts the bytes of regular files an injected file system holds,
// for [DiskFull].
type space struct {
	// mu guards used, and is held across a write's check and the write,
	// so that two writes cannot both take the last free bytes.
	mu   sync.Mutex
	used int64
}

// usedSpace is what afs holds when [Inject] is called: the sizes of its
// regular files. The disk as a whole (afero.OsFs) counts as empty.
func usedSpace(afs afero.Fs) int64 {
	if _, ok := afs.(*afero.OsFs); ok {
		return 0
	}
	info, err := lstat(afs, "/")
	if err != nil {
		return 0
	}
	return sizeBelow(afs, "/", info)
}

// sizeBelow returns the size of name, described by info, and of every
// regular file below it; links are not followed.
func sizeBelow(afs afero.Fs, name string, info fs.FileInfo) int64 {
	switch {
	case info.Mode().IsRegular():
		return info.Size()
	case !info.IsDir():
		return 0
	}
	d, err := afs.Open(name)
	if err != nil {
		return 0
	}
	infos, _ := d.Readdir(-1)
	d.Close()
	var total int64
	for _, fi := range infos {
		total += sizeBelow(afs, path.Join(name, fi.Name()), fi)
	}
	return total
}

func (s *space) add(delta int64) {
	s.mu.Lock()
	s.used += delta
	s.mu.Unlock()
}

// fits reports whether the write c needs more room than capacity leaves,
// and then how many of its bytes fit. s.mu must be held.
func (s *space) fits(capacity int64, c *call) (int, bool) {
	if !c.spaced {
		return 0, false
	}
	grows := c.off + int64(c.n) - c.size
	if grows <= 0 || s.used+grows <= capacity {
		return 0, false
	}
	room := c.size + capacity - s.used - c.off
	return int(min(max(room, 0), int64(c.n))), true
}

// sizeOf returns the size of the regular file name leads to, or 0.
func (s *space) sizeOf(afs afero.Fs, name string) int64 {
	info, err := afs.Stat(name)
	if err != nil || !info.Mode().IsRegular() {
		return 0
	}
	return info.Size()
}

// lsizeOf returns the size of name if it is a regular file itself, or 0.
func (s *space) lsizeOf(afs afero.Fs, name string) int64 {
	info, err := lstat(afs, name)
	if err != nil || !info.Mode().IsRegular() {
		return 0
	}
	return info.Size()
}

// resized counts the change of f's size from before, after a truncation.
func (s *space) resized(f afero.File, before int64) {
	if info, err := f.Stat(); err == nil {
		s.add(info.Size() - before)
	}
}
