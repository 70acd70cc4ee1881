package tmptest

import (
	"fmt"
	"io/fs"
	"os"
	"sync"
	"syscall"
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
	limit   int64    // the most it holds in memory: maxInMemory but in tests
	buf     []byte   // the content while in memory
	off     int64    // the offset while in memory
	file    *os.File // the file once moved
	closed  bool
	create  func() (*os.File, error)
	test    string // the name of the test that made s
	listed  uint64 // the file's id in Created's list, once moved
}

// maxInMemory bounds what a [SpooledFile] holds in memory, as NewMemFs
// bounds its files: a Truncate or a Write far past the end would otherwise
// allocate it all, and a failed allocation kills the test binary ("fatal
// error: out of memory") where a test could have reported an error.
const maxInMemory = 1 << 30

// inMemoryName stands for the name of a [SpooledFile] in its errors while
// its data is in memory. Name returns "" then, as the contract says; an
// error reading "write : file too large" would name nothing at all.
const inMemoryName = "spooled file (in memory)"

// Spooled returns an empty [SpooledFile] that keeps its data in memory
// until it holds more than maxSize bytes, then moves it to a file created
// as [File] creates one (mode 0600 or [Perm], in [BaseDir] or the
// directory of [In]) with the same content at the same offset. A maxSize
// of 0 or less never moves by itself; [SpooledFile.Rollover] and
// [SpooledFile.File] move at any time.
//
// The data in memory never exceeds 1 GiB, whatever maxSize says: with a
// larger maxSize the data moves to the file when it would grow past 1 GiB;
// with a maxSize of 0 or less, a Write or Truncate that would make it
// larger fails with an error wrapping [syscall.EFBIG], as a write past a
// file system's size limit does, and the content stays as it was.
//
// The options and the directory are checked now, without creating
// anything, so a bad one fails the test here rather than at a later Write:
// a directory that is missing or that the test cannot create files in, a
// [Prefix] or [Suffix] making names too long for its file system. At
// cleanup the file is closed and, once moved, removed unless [Keep] or
// TMPTEST_KEEP keeps it. Once moved, its name is listed by [Created].
func Spooled(t testing.TB, maxSize int, opts ...Option) *SpooledFile {
	t.Helper()
	c, err := resolve(opts, 0o600)
	if err != nil {
		t.Fatalf("%v", err)
	}
	testName := t.Name()
	if err := c.checkCreatable(testName); err != nil {
		t.Fatalf("%v", err)
	}
	s := &SpooledFile{maxSize: maxSize, limit: maxInMemory, test: testName,
		create: func() (*os.File, error) { return c.openFile(testName) }}
	if c.memLimit > 0 {
		s.limit = c.memLimit
	}
	t.Cleanup(func() {
		t.Helper()
		f, listed := s.release()
		defer created.drop(listed)
		if f != nil {
			c.finish(t, f.Name(), f.Close, removeAll)
		}
	})
	return s
}

// release closes s for good at cleanup and returns its file, if moved,
// and its id in [Created]'s list.
func (s *SpooledFile) release() (*os.File, uint64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.closed, s.buf = true, nil
	return s.file, s.listed
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
	s.listed = created.add(s.test, f.Name())
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

// errName is the name errors give: the file's once moved, else
// [inMemoryName].
func (s *SpooledFile) errName() string {
	if s.file == nil {
		return inMemoryName
	}
	return s.file.Name()
}

// errClosed is the error [os.File] returns once closed.
func (s *SpooledFile) errClosed(op string) error {
	return &fs.PathError{Op: op, Path: s.errName(), Err: os.ErrClosed}
}

// errInvalid is the error [os.File] returns for a bad argument.
func (s *SpooledFile) errInvalid(op string, err error) error {
	return &fs.PathError{Op: op, Path: s.errName(), Err: err}
}

// errTooLarge is the error of a growth past s.limit with maxSize <= 0.
// It wraps EFBIG, as a file's would, and says how to avoid it.
func (s *SpooledFile) errTooLarge(op string) error {
	bound := fmt.Sprintf("%d bytes", s.limit)
	if s.limit%(1<<30) == 0 {
		bound = fmt.Sprintf("%d GiB", s.limit>>30)
	}
	return &fs.PathError{Op: op, Path: inMemoryName, Err: fmt.Errorf("%w: a SpooledFile whose maxSize is 0 or less never moves to a file, "+
		"and holds at most %s in memory; give Spooled a maxSize to move to a file past it", syscall.EFBIG, bound)}
}
