package aferoadapter

import (
	"io"
	"io/fs"
	"syscall"
)

// Readdir returns the next count entries of the directory, like
// [os.File.Readdir]: with count > 0 at most count entries and io.EOF once
// none are left; with count <= 0 all remaining entries and a nil error.
//
// Names come sorted. A disk returns them in its own order, which no caller
// may rely on; sorted is one such order, and it keeps tests deterministic.
// The names are taken at the first call (and again after Seek(0, 0)); an
// entry removed since is skipped, one added since is not seen.
func (f *memFile) Readdir(count int) ([]fs.FileInfo, error) {
	var infos []fs.FileInfo
	err := f.readdir(count, func(n *node, name string) {
		infos = append(infos, n.info(name))
	})
	return infos, err
}

// Readdirnames is [memFile.Readdir] returning names only.
func (f *memFile) Readdirnames(count int) ([]string, error) {
	var names []string
	err := f.readdir(count, func(_ *node, name string) { names = append(names, name) })
	return names, err
}

// ReadDir is [memFile.Readdir] returning [fs.DirEntry] values, which makes
// the handle an [fs.ReadDirFile].
func (f *memFile) ReadDir(count int) ([]fs.DirEntry, error) {
	var entries []fs.DirEntry
	var infos []fileInfo // one allocation for the whole page
	err := f.readdir(count, func(n *node, name string) {
		if infos == nil {
			size := len(f.listing) + 1 // the entries left, this one included
			if count > 0 {
				size = min(size, count)
			}
			infos = make([]fileInfo, 0, size)
			entries = make([]fs.DirEntry, 0, size)
		}
		infos = append(infos, n.infoValue(name))
		entries = append(entries, &infos[len(infos)-1])
	})
	return entries, err
}

func (f *memFile) readdir(count int, emit func(*node, string)) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.fs.mu.RLock()
	defer f.fs.mu.RUnlock()
	switch {
	case f.closed:
		return pathError("readdirent", f.name, fs.ErrClosed)
	case !f.node.isDir():
		return pathError("readdirent", f.name, syscall.ENOTDIR)
	case f.node.removed && !f.listed:
		return pathError("readdirent", f.name, syscall.ENOENT)
	}
	if !f.listed {
		f.listing, f.listed = f.node.names(), true
	}
	emitted := 0
	for len(f.listing) > 0 && (count <= 0 || emitted < count) {
		name := f.listing[0]
		f.listing = f.listing[1:]
		if n := f.node.entries[name]; n != nil {
			emit(n, name)
			emitted++
		}
	}
	if count > 0 && emitted == 0 {
		return io.EOF
	}
	return nil
}
