package aferoadapter

import (
	"io"
	"io/fs"
	"sync"
	"syscall"

	"github.com/spf13/afero"
)

// ioFile is an open file of [IOFS]: an afero.File with the fs.File
// contract enforced, whatever the backend does.
type ioFile struct {
	f    afero.File
	name string // as given to Open

	mu      sync.Mutex
	closed  bool
	listed  bool
	entries []fs.DirEntry // not yet returned by ReadDir, sorted
}

var (
	_ fs.ReadDirFile = (*ioFile)(nil)
	_ io.ReaderAt    = (*ioFile)(nil)
	_ io.Seeker      = (*ioFile)(nil)
)

func (f *ioFile) closedError(op string) error {
	if f.closed {
		return pathError(op, f.name, fs.ErrClosed)
	}
	return nil
}

// Stat describes the file, named as it was opened.
func (f *ioFile) Stat() (fs.FileInfo, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.closedError("stat"); err != nil {
		return nil, err
	}
	info, err := f.f.Stat()
	if err != nil {
		return nil, renamed(err, f.name)
	}
	return named(info, f.name), nil
}

// Read reads from the offset.
func (f *ioFile) Read(p []byte) (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.closedError("read"); err != nil {
		return 0, err
	}
	n, err := f.f.Read(p)
	return n, renamed(err, f.name)
}

// ReadAt reads at off; a short read returns io.EOF, as io.ReaderAt requires
// (afero's MemMapFs returns nil there).
func (f *ioFile) ReadAt(p []byte, off int64) (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.closedError("read"); err != nil {
		return 0, err
	}
	if off < 0 {
		return 0, pathError("readat", f.name, errNegativeOffset)
	}
	n, err := f.f.ReadAt(p, off)
	if err == nil && n < len(p) {
		err = io.EOF
	}
	return n, renamed(err, f.name)
}

// Seek sets the offset; a negative result is EINVAL and leaves the offset
// alone (afero's MemMapFs would accept it and panic on the next Read).
func (f *ioFile) Seek(offset int64, whence int) (int64, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.closedError("seek"); err != nil {
		return 0, err
	}
	prev, err := f.f.Seek(0, io.SeekCurrent)
	if err != nil {
		return 0, renamed(err, f.name)
	}
	off, err := f.f.Seek(offset, whence)
	if err != nil {
		return 0, renamed(err, f.name)
	}
	if off < 0 {
		f.f.Seek(prev, io.SeekStart)
		return 0, pathError("seek", f.name, syscall.EINVAL)
	}
	return off, nil
}

// ReadDir returns the next n entries, sorted by name, as
// [fs.ReadDirFile] specifies.
func (f *ioFile) ReadDir(n int) ([]fs.DirEntry, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.closedError("readdirent"); err != nil {
		return nil, err
	}
	if !f.listed {
		infos, err := f.f.Readdir(-1)
		if err != nil {
			return nil, renamed(err, f.name)
		}
		f.entries, f.listed = sortedEntries(infos), true
	}
	if n <= 0 {
		rest := f.entries
		f.entries = nil
		if rest == nil {
			rest = []fs.DirEntry{}
		}
		return rest, nil
	}
	if len(f.entries) == 0 {
		return nil, io.EOF
	}
	n = min(n, len(f.entries))
	page := f.entries[:n:n]
	f.entries = f.entries[n:]
	return page, nil
}

// Close closes the file; a second Close fails with [fs.ErrClosed].
func (f *ioFile) Close() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.closedError("close"); err != nil {
		return err
	}
	f.closed = true
	return renamed(f.f.Close(), f.name)
}
