package aferoadapter

import (
	"io"
	"io/fs"
	"syscall"
	"time"
)

// Read, ReadAt, Write and WriteAt check in the order os and the kernel
// do. os itself refuses a negative offset and WriteAt in O_APPEND mode,
// and returns an empty ReadAt or WriteAt, or an empty Read, without a
// system call (so on a closed or directory handle too); read(2) and
// write(2) then check the access mode (EBADF), that offset plus length
// fits in an int64 (EINVAL), and the file's type (EISDIR).

// Read reads from the offset; at the end of the file it returns io.EOF.
func (f *memFile) Read(b []byte) (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.fs.mu.RLock()
	defer f.fs.mu.RUnlock()
	if f.closed {
		return 0, pathError("read", f.name, fs.ErrClosed)
	}
	if len(b) == 0 {
		return 0, nil
	}
	n, err := f.readAt(b, f.off)
	f.off += int64(n)
	return n, err
}

// ReadAt reads at off without moving the offset. Like [os.File.ReadAt] it
// returns io.EOF whenever it reads fewer than len(b) bytes.
func (f *memFile) ReadAt(b []byte, off int64) (int, error) {
	if off < 0 {
		return 0, pathError("readat", f.name, errNegativeOffset)
	}
	if len(b) == 0 {
		return 0, nil
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.fs.mu.RLock()
	defer f.fs.mu.RUnlock()
	if f.closed {
		return 0, pathError("read", f.name, fs.ErrClosed)
	}
	n, err := f.readAt(b, off)
	if err == nil && n < len(b) {
		err = io.EOF
	}
	return n, err
}

// readAt is pread(2) of b at off, b not empty. f.fs.mu must be held.
func (f *memFile) readAt(b []byte, off int64) (int, error) {
	switch {
	case !f.readable():
		return 0, pathError("read", f.name, syscall.EBADF)
	case off+int64(len(b)) < 0:
		return 0, pathError("read", f.name, syscall.EINVAL)
	case f.node.isDir():
		return 0, pathError("read", f.name, syscall.EISDIR)
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
	if f.closed {
		return 0, pathError("write", f.name, fs.ErrClosed)
	}
	end, err := f.writeAt(b, f.off, f.appends())
	if err != nil {
		return 0, err
	}
	f.off = end
	return len(b), nil
}

// WriteAt writes at off without moving the offset. Like
// [os.File.WriteAt] it refuses a file opened with O_APPEND.
func (f *memFile) WriteAt(b []byte, off int64) (int, error) {
	if f.appends() {
		return 0, errWriteAtInAppendMode
	}
	if off < 0 {
		return 0, pathError("writeat", f.name, errNegativeOffset)
	}
	if len(b) == 0 {
		return 0, nil
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.fs.mu.Lock()
	defer f.fs.mu.Unlock()
	if f.closed {
		return 0, pathError("write", f.name, fs.ErrClosed)
	}
	end, err := f.writeAt(b, off, false)
	if err != nil {
		return 0, err
	}
	return int(end - off), nil
}

// writeAt is pwrite(2) of b at off, or write(2) at the end of the file
// with appending; it returns the offset after the written bytes. A gap is
// filled with zero bytes. f.fs.mu must be held for writing.
func (f *memFile) writeAt(b []byte, off int64, appending bool) (int64, error) {
	switch {
	case !f.writable():
		return off, pathError("write", f.name, syscall.EBADF)
	case off+int64(len(b)) < 0:
		return off, pathError("write", f.name, syscall.EINVAL)
	case len(b) == 0:
		return off, nil // not even O_APPEND moves the offset
	}
	n := f.node
	if appending {
		off = int64(len(n.data))
	}
	end := off + int64(len(b))
	if end > maxFileSize {
		return off, pathError("write", f.name, syscall.EFBIG)
	}
	if end > int64(len(n.data)) {
		n.data = grow(n.data, end)
	}
	copy(n.data[off:], b)
	n.modTime = time.Now()
	return end, nil
}
