package aferoadapter

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"sync"
	"syscall"
	"time"

	"github.com/spf13/afero"
)

// maxFileSize bounds a file's size: a write or truncate beyond it fails
// with EFBIG instead of allocating without limit, where a disk would store
// a sparse file.
const maxFileSize = 1 << 30

// The errors os gives without an errno; their texts are os's.
var (
	errNegativeOffset      = errors.New("negative offset")
	errWriteAtInAppendMode = errors.New("os: invalid use of WriteAt on file opened with O_APPEND")
)

// memFile is an open handle of a [NewMemFs] file. Like an *os.File it is
// safe for concurrent use: mu guards the offset, the closed state and the
// directory listing; memFs.mu guards every field of the node, its mode
// (which holds its type) included. A method takes mu first, then memFs.mu.
type memFile struct {
	fs   *memFs
	name string // as given to OpenFile
	node *node
	flag int

	mu      sync.Mutex
	off     int64
	closed  bool
	listing []string // sorted names, taken at the first Readdir
	listed  bool

	// firstInfo holds what the first Stat returns, saving an allocation
	// for the usual one Stat per handle. It is never written again, so
	// the snapshot stays a snapshot.
	firstInfo fileInfo
	statted   bool
}

var (
	_ afero.File     = (*memFile)(nil)
	_ fs.ReadDirFile = (*memFile)(nil)
)

func (f *memFile) readable() bool { return f.flag&os.O_WRONLY == 0 }
func (f *memFile) writable() bool { return f.flag&(os.O_WRONLY|os.O_RDWR) != 0 }
func (f *memFile) appends() bool  { return f.flag&os.O_APPEND != 0 }

// Name returns the name given to Open, as [os.File.Name] does.
func (f *memFile) Name() string { return f.name }

// Close closes the handle; a second Close fails with [fs.ErrClosed].
func (f *memFile) Close() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.closed {
		return pathError("close", f.name, fs.ErrClosed)
	}
	f.closed = true
	return nil
}

// check returns the error op gets on this handle before touching content:
// closed, a directory, or the wrong access mode. f.mu and f.fs.mu must be
// held: the node's type is in its mode, which Chmod writes.
func (f *memFile) check(op string, write bool) error {
	switch {
	case f.closed:
		return pathError(op, f.name, fs.ErrClosed)
	case write && !f.writable():
		return pathError(op, f.name, syscall.EBADF)
	case !write && f.node.isDir():
		return pathError(op, f.name, syscall.EISDIR)
	case !write && !f.readable():
		return pathError(op, f.name, syscall.EBADF)
	}
	return nil
}

// Read reads from the offset; at the end of the file it returns io.EOF.
func (f *memFile) Read(b []byte) (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.fs.mu.RLock()
	defer f.fs.mu.RUnlock()
	if err := f.check("read", false); err != nil {
		return 0, err
	}
	n, err := f.readAt(b, f.off)
	f.off += int64(n)
	return n, err
}

// ReadAt reads at off without moving the offset. Like [os.File.ReadAt] it
// returns io.EOF whenever it reads fewer than len(b) bytes.
func (f *memFile) ReadAt(b []byte, off int64) (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.fs.mu.RLock()
	defer f.fs.mu.RUnlock()
	if err := f.check("read", false); err != nil {
		return 0, err
	}
	if off < 0 {
		return 0, pathError("readat", f.name, errNegativeOffset)
	}
	n, err := f.readAt(b, off)
	if err == nil && n < len(b) {
		err = io.EOF
	}
	return n, err
}

// readAt copies the content at off into b. f.fs.mu must be held.
func (f *memFile) readAt(b []byte, off int64) (int, error) {
	if len(b) == 0 {
		return 0, nil
	}
	data := f.node.data
	if off >= int64(len(data)) {
		return 0, io.EOF
	}
	return copy(b, data[off:]), nil
}

// Write writes at the offset, or at the end of the file on every call when
// the file was opened with O_APPEND.
func (f *memFile) Write(b []byte) (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.fs.mu.Lock()
	defer f.fs.mu.Unlock()
	if err := f.check("write", true); err != nil {
		return 0, err
	}
	if f.appends() {
		f.off = int64(len(f.node.data))
	}
	n, err := f.writeAt(b, f.off)
	f.off += int64(n)
	return n, err
}

// WriteAt writes at off without moving the offset. Like
// [os.File.WriteAt] it refuses a file opened with O_APPEND.
func (f *memFile) WriteAt(b []byte, off int64) (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.fs.mu.Lock()
	defer f.fs.mu.Unlock()
	if err := f.check("write", true); err != nil {
		return 0, err
	}
	if f.appends() {
		return 0, errWriteAtInAppendMode
	}
	if off < 0 {
		return 0, pathError("writeat", f.name, errNegativeOffset)
	}
	return f.writeAt(b, off)
}

// writeAt stores b at off, filling a gap with zero bytes. f.fs.mu must be
// held for writing.
func (f *memFile) writeAt(b []byte, off int64) (int, error) {
	if len(b) == 0 {
		return 0, nil
	}
	end := off + int64(len(b))
	if end > maxFileSize || end < off {
		return 0, pathError("write", f.name, syscall.EFBIG)
	}
	n := f.node
	if end > int64(len(n.data)) {
		n.data = grow(n.data, end)
	}
	copy(n.data[off:], b)
	n.modTime = time.Now()
	return len(b), nil
}

// grow returns data extended with zero bytes to size.
func grow(data []byte, size int64) []byte {
	if size <= int64(cap(data)) {
		old := len(data)
		data = data[:size]
		clear(data[old:])
		return data
	}
	grown := make([]byte, size, max(size, 2*int64(cap(data))))
	copy(grown, data)
	return grown
}

// WriteString is Write of s.
func (f *memFile) WriteString(s string) (int, error) { return f.Write([]byte(s)) }

// Seek's whence values for the next data and the next hole, lseek(2)'s
// SEEK_DATA and SEEK_HOLE, which os hands to the kernel as they are.
const (
	seekData = 3
	seekHole = 4
)

// Seek sets the offset. A negative result or an unknown whence is EINVAL;
// seeking a directory to 0 restarts its listing, as on a disk. A file has
// no holes: whence 3 (SEEK_DATA) finds data at offset and 4 (SEEK_HOLE) the
// hole at the end, and both are ENXIO at or past the end, as lseek(2)
// answers for a file system that does not record holes.
func (f *memFile) Seek(offset int64, whence int) (int64, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.closed {
		return 0, pathError("seek", f.name, fs.ErrClosed)
	}
	f.fs.mu.RLock()
	defer f.fs.mu.RUnlock()
	var base int64
	switch whence {
	case io.SeekStart:
	case io.SeekCurrent:
		base = f.off
	case io.SeekEnd:
		base = int64(len(f.node.data))
	case seekData, seekHole:
		size := int64(len(f.node.data))
		if offset < 0 || offset >= size {
			return 0, pathError("seek", f.name, syscall.ENXIO)
		}
		if whence == seekHole {
			offset = size
		}
	default:
		return 0, pathError("seek", f.name, syscall.EINVAL)
	}
	off := base + offset
	if off < 0 || offset > 0 && off < base {
		return 0, pathError("seek", f.name, syscall.EINVAL)
	}
	f.off = off
	if f.node.isDir() && off == 0 {
		f.listing, f.listed = nil, false
	}
	return off, nil
}

// Stat describes the open file, even after it was renamed or removed.
func (f *memFile) Stat() (fs.FileInfo, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.closed {
		return nil, pathError("stat", f.name, fs.ErrClosed)
	}
	f.fs.mu.RLock()
	defer f.fs.mu.RUnlock()
	if f.statted {
		return f.node.info(baseName(f.name)), nil
	}
	f.statted = true
	f.firstInfo = f.node.infoValue(baseName(f.name))
	return &f.firstInfo, nil
}

// Sync does nothing on an open handle: memory is always in sync.
func (f *memFile) Sync() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.closed {
		return pathError("sync", f.name, fs.ErrClosed)
	}
	return nil
}

// Truncate changes the size of the file; the handle must be writable.
func (f *memFile) Truncate(size int64) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	switch {
	case f.closed:
		return pathError("truncate", f.name, fs.ErrClosed)
	case !f.writable() || size < 0:
		return pathError("truncate", f.name, syscall.EINVAL)
	case size > maxFileSize:
		return pathError("truncate", f.name, syscall.EFBIG)
	}
	f.fs.mu.Lock()
	defer f.fs.mu.Unlock()
	n := f.node
	if size > int64(len(n.data)) {
		n.data = grow(n.data, size)
	} else {
		n.data = n.data[:size]
	}
	n.modTime = time.Now()
	return nil
}
