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
	// lseek(2) takes whence as an unsigned int: the kernel sees only the
	// low 32 bits of the int os passes on.
	switch uint32(whence) {
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
