package aferoadapter

import (
	"io"
	"io/fs"
	"os"
	"sync/atomic"

	"github.com/spf13/afero"
)

// injectFile is a handle opened through [Inject]: its calls go through
// the faults of the file system that opened it.
type injectFile struct {
	f      afero.File
	in     *injectFs
	name   string // as given to Open, for errors
	flag   int
	closed atomic.Bool
}

// injectDirFile is an injectFile whose handle is an [fs.ReadDirFile],
// which it stays.
type injectDirFile struct{ *injectFile }

var (
	_ afero.File     = (*injectFile)(nil)
	_ fs.ReadDirFile = injectDirFile{}
)

// wrapOpened opens a file with do and wraps the handle.
func wrapOpened(in *injectFs, name string, flag int, do func() (afero.File, error)) (afero.File, error) {
	f, err := do()
	if err != nil {
		return nil, err
	}
	jf := &injectFile{f: f, in: in, name: name, flag: flag}
	if _, ok := f.(fs.ReadDirFile); ok {
		return injectDirFile{jf}, nil
	}
	return jf, nil
}

func (f *injectFile) writable() bool { return f.flag&(os.O_WRONLY|os.O_RDWR) != 0 }
func (f *injectFile) appends() bool  { return f.flag&os.O_APPEND != 0 }

// fault returns the error of the first fault that fires on the call op of
// this handle. A closed handle is left to fail as the wrapped one does.
func (f *injectFile) fault(op opSet, errOp string) error {
	if f.in.all&op == 0 || f.closed.Load() {
		return nil
	}
	return f.in.check(&call{op: op, name: f.name, errOp: errOp, file: f})
}

// Name returns the name of the wrapped handle.
func (f *injectFile) Name() string { return f.f.Name() }

// Close closes the handle. Like close(2), a Close that a fault fails
// still releases it.
func (f *injectFile) Close() error {
	if err := f.fault(opClose, "close"); err != nil {
		f.f.Close()
		f.release()
		return err
	}
	err := f.f.Close()
	f.release()
	return err
}

// release frees the handle's slot of MaxOpenFiles, on the first Close only.
func (f *injectFile) release() {
	if f.closed.CompareAndSwap(false, true) {
		f.in.released()
	}
}

// Read reads from the offset.
func (f *injectFile) Read(b []byte) (int, error) {
	if err := f.fault(opRead, "read"); err != nil {
		return 0, err
	}
	return f.f.Read(b)
}

// ReadAt reads at off.
func (f *injectFile) ReadAt(b []byte, off int64) (int, error) {
	if err := f.fault(opRead, "read"); err != nil {
		return 0, err
	}
	return f.f.ReadAt(b, off)
}

// Write writes at the offset.
func (f *injectFile) Write(b []byte) (int, error) { return f.write(b, 0, false) }

// WriteAt writes at off.
func (f *injectFile) WriteAt(b []byte, off int64) (int, error) { return f.write(b, off, true) }

// WriteString is Write of s.
func (f *injectFile) WriteString(s string) (int, error) { return f.write([]byte(s), 0, false) }

// write is Write (at false) or WriteAt. When DiskFull applies, the size
// and the offset are read first, and the bytes that fit written.
func (f *injectFile) write(b []byte, off int64, at bool) (int, error) {
	do := func(b []byte) (int, error) {
		if at {
			return f.f.WriteAt(b, off)
		}
		return f.f.Write(b)
	}
	in := f.in
	if in.all&opWrite == 0 || f.closed.Load() {
		return do(b)
	}
	c := &call{op: opWrite, name: f.name, errOp: "write", file: f, n: len(b)}
	if s := in.space; s != nil && f.writable() && len(b) > 0 && !(at && (f.appends() || off < 0)) {
		s.mu.Lock()
		defer s.mu.Unlock()
		c.spaced, c.size, c.off = f.where(off, at)
	}
	fire, fired := in.decide(c)
	if !fired {
		n, err := do(b)
		f.grew(c, n)
		return n, err
	}
	if fire.fits == 0 {
		return 0, fire.err
	}
	n, err := do(b[:fire.fits])
	f.grew(c, n)
	if err != nil {
		return n, err
	}
	return n, fire.err
}

// where returns the size of the file and the offset a write goes to;
// ok is false when they cannot be known.
func (f *injectFile) where(off int64, at bool) (ok bool, size, to int64) {
	info, err := f.f.Stat()
	if err != nil {
		return false, 0, 0
	}
	size = info.Size()
	switch {
	case at:
		return true, size, off
	case f.appends():
		return true, size, size
	}
	to, err = f.f.Seek(0, io.SeekCurrent)
	return err == nil, size, to
}

// grew counts the space the write c took, n bytes of it written.
// The space lock is held.
func (f *injectFile) grew(c *call, n int) {
	if c.spaced {
		f.in.space.used += max(0, c.off+int64(n)-c.size)
	}
}

// Seek sets the offset.
func (f *injectFile) Seek(offset int64, whence int) (int64, error) {
	if err := f.fault(opSeek, "seek"); err != nil {
		return 0, err
	}
	return f.f.Seek(offset, whence)
}

// Sync commits the file to stable storage.
func (f *injectFile) Sync() error {
	if err := f.fault(opSync, "sync"); err != nil {
		return err
	}
	return f.f.Sync()
}

// Stat describes the open file.
func (f *injectFile) Stat() (fs.FileInfo, error) {
	if err := f.fault(opStat, "stat"); err != nil {
		return nil, err
	}
	return f.f.Stat()
}

// Truncate changes the size of the file.
func (f *injectFile) Truncate(size int64) error {
	if err := f.fault(opTruncate, "truncate"); err != nil {
		return err
	}
	s := f.in.space
	if s == nil || f.closed.Load() {
		return f.f.Truncate(size)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	info, err := f.f.Stat()
	if err != nil {
		return f.f.Truncate(size)
	}
	if err := f.f.Truncate(size); err != nil {
		return err
	}
	s.used += size - info.Size()
	return nil
}

// Readdir lists the directory.
func (f *injectFile) Readdir(count int) ([]fs.FileInfo, error) {
	if err := f.fault(opReaddir, "readdirent"); err != nil {
		return nil, err
	}
	return f.f.Readdir(count)
}

// Readdirnames lists the directory's names.
func (f *injectFile) Readdirnames(n int) ([]string, error) {
	if err := f.fault(opReaddir, "readdirent"); err != nil {
		return nil, err
	}
	return f.f.Readdirnames(n)
}

// ReadDir lists the directory as [fs.DirEntry] values.
func (f injectDirFile) ReadDir(n int) ([]fs.DirEntry, error) {
	if err := f.fault(opReaddir, "readdirent"); err != nil {
		return nil, err
	}
	return f.f.(fs.ReadDirFile).ReadDir(n)
}
