package tmptest

import (
	"fmt"
	"io/fs"
	"os"
	"sync"
	"testing"
)

// A SpooledFile holds its data in memory until it grows past a size, then
// moves it to a real temporary file: Python's SpooledTemporaryFile. It
// reads, writes and seeks like an [*os.File], whose method signatures it
// shares, so it satisfies [io.ReadWriteSeeker], [io.ReaderAt] and
// [io.Closer]. Its methods may be called from several goroutines.
//
// Create one with [Spooled].
type SpooledFile struct {
	mu      sync.Mutex
	maxSize int
	buf     []byte   // the content while in memory
	off     int64    // the offset while in memory
	file    *os.File // the file once moved
	closed  bool
	create  func() (*os.File, error)
}

// Spooled returns an empty [SpooledFile] that keeps its data in memory
// until it holds more than maxSize bytes, then moves it to a file created
// as [File] creates one (mode 0600 or [Perm], in [BaseDir] or the
// directory of [In]) with the same content at the same offset. A maxSize
// of 0 or less never moves by itself; [SpooledFile.Rollover] and
// [SpooledFile.File] move at any time.
//
// The options and the directory are checked now, so a bad one fails the
// test here rather than at a later Write. At cleanup the file is closed
// and, once moved, removed unless [Keep] or TMPTEST_KEEP keeps it.
func Spooled(t testing.TB, maxSize int, opts ...Option) *SpooledFile {
	t.Helper()
	c, err := resolve(opts, 0o600)
	if err == nil {
		err = c.checkDir()
	}
	if err != nil {
		t.Fatalf("%v", err)
	}
	testName := t.Name()
	s := &SpooledFile{maxSize: maxSize, create: func() (*os.File, error) { return c.openFile(testName) }}
	t.Cleanup(func() {
		t.Helper()
		if f := s.release(); f != nil {
			c.finish(t, f.Name(), f.Close, removeAll)
		}
	})
	return s
}

// release closes s for good at cleanup and returns its file, if moved.
func (s *SpooledFile) release() *os.File {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.closed, s.buf = true, nil
	return s.file
}

// Name returns the name of the file the data moved to, or "" while it is
// in memory.
func (s *SpooledFile) Name() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.name()
}

func (s *SpooledFile) name() string {
	if s.file == nil {
		return ""
	}
	return s.file.Name()
}

// Rollover moves the data to a file now, keeping content and offset. It
// does nothing once moved. On error the data stays in memory.
func (s *SpooledFile) Rollover() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return s.errClosed("rollover")
	}
	return s.rollover()
}

func (s *SpooledFile) rollover() error {
	if s.file != nil {
		return nil
	}
	f, err := s.create()
	if err != nil {
		return err
	}
	if _, err = f.Write(s.buf); err == nil {
		_, err = f.Seek(s.off, 0)
	}
	if err != nil {
		f.Close()
		os.Remove(f.Name())
		return fmt.Errorf("tmptest: spooled file: %w", err)
	}
	s.file, s.buf, s.off = f, nil, 0
	return nil
}

// File moves the data to a file, as [SpooledFile.Rollover] does, and
// returns that file, for code that needs an [*os.File]. The file stays
// owned by s: closing s closes it.
func (s *SpooledFile) File() (*os.File, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil, s.errClosed("file")
	}
	if err := s.rollover(); err != nil {
		return nil, err
	}
	return s.file, nil
}

// Close releases the memory, or closes the file the data moved to (which
// is still removed at cleanup). Like [os.File.Close], it fails on a
// second call.
func (s *SpooledFile) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return s.errClosed("close")
	}
	s.closed, s.buf = true, nil
	if s.file != nil {
		return s.file.Close()
	}
	return nil
}

// errClosed is the error [os.File] returns once closed.
func (s *SpooledFile) errClosed(op string) error {
	return &fs.PathError{Op: op, Path: s.name(), Err: os.ErrClosed}
}

// errInvalid is the error [os.File] returns for a bad argument.
func (s *SpooledFile) errInvalid(op string, err error) error {
	return &fs.PathError{Op: op, Path: s.name(), Err: err}
}
