package tmptest

import (
	"errors"
	"io"
	"syscall"
)

// Read reads up to len(b) bytes at the current offset, like
// [os.File.Read]: at the end it returns 0, [io.EOF].
func (s *SpooledFile) Read(b []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	switch {
	case s.closed:
		return 0, s.errClosed("read")
	case s.file != nil:
		return s.file.Read(b)
	case len(b) == 0:
		return 0, nil
	case s.off >= int64(len(s.buf)):
		return 0, io.EOF
	}
	n := copy(b, s.buf[s.off:])
	s.off += int64(n)
	return n, nil
}

// ReadAt reads len(b) bytes at offset off without moving the offset, like
// [os.File.ReadAt]: fewer bytes come with [io.EOF].
func (s *SpooledFile) ReadAt(b []byte, off int64) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	switch {
	case s.closed:
		return 0, s.errClosed("read")
	case off < 0:
		return 0, s.errInvalid("readat", errors.New("negative offset"))
	case s.file != nil:
		return s.file.ReadAt(b, off)
	case len(b) == 0:
		return 0, nil
	case off >= int64(len(s.buf)):
		return 0, io.EOF
	}
	n := copy(b, s.buf[off:])
	if n < len(b) {
		return n, io.EOF
	}
	return n, nil
}

// Write writes b at the current offset, like [os.File.Write]; writing past
// the end fills the gap with zeros. A write that would make the content
// longer than maxSize, or than 1 GiB, first moves it to a file; if that
// fails, Write returns the error and the data stays as it was. With a
// maxSize of 0 or less, going past 1 GiB fails instead (see [Spooled]).
func (s *SpooledFile) Write(b []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	switch {
	case s.closed:
		return 0, s.errClosed("write")
	case len(b) == 0: // like os.File: nothing written, not even a gap
		return 0, nil
	}
	if s.file == nil {
		end := s.off + int64(len(b))
		if end < s.off { // past the largest offset: no file holds that either
			return 0, s.errInvalid("write", syscall.EFBIG)
		}
		if err := s.grow("write", end); err != nil {
			return 0, err
		}
	}
	if s.file != nil {
		return s.file.Write(b)
	}
	n := copy(s.buf[s.off:], b)
	s.off += int64(n)
	return n, nil
}

// grow makes the content size at least size, moving to a file when that
// is more than maxSize or than s.limit; op names the caller in errors.
func (s *SpooledFile) grow(op string, size int64) error {
	switch {
	case size <= int64(len(s.buf)):
		return nil
	case s.maxSize > 0 && (size > int64(s.maxSize) || size > s.limit):
		return s.rollover()
	case size > s.limit:
		return s.errTooLarge(op)
	}
	s.buf = append(s.buf, make([]byte, int(size)-len(s.buf))...)
	return nil
}

// Seek sets the offset for the next Read or Write, like [os.File.Seek]:
// whence is [io.SeekStart], [io.SeekCurrent] or [io.SeekEnd]; seeking past
// the end is allowed, before the start is not.
func (s *SpooledFile) Seek(offset int64, whence int) (int64, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	switch {
	case s.closed:
		return 0, s.errClosed("seek")
	case s.file != nil:
		return s.file.Seek(offset, whence)
	}
	var base int64
	switch whence {
	case io.SeekStart:
	case io.SeekCurrent:
		base = s.off
	case io.SeekEnd:
		base = int64(len(s.buf))
	default:
		return 0, s.errInvalid("seek", syscall.EINVAL)
	}
	off := base + offset
	if off < 0 || (offset > 0 && off < base) {
		return 0, s.errInvalid("seek", syscall.EINVAL)
	}
	s.off = off
	return off, nil
}

// Truncate changes the size of the content, like [os.File.Truncate],
// without moving the offset. Growing past maxSize, or past 1 GiB, moves it
// to a file, as [SpooledFile.Write] does.
func (s *SpooledFile) Truncate(size int64) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	switch {
	case s.closed:
		return s.errClosed("truncate")
	case size < 0:
		return s.errInvalid("truncate", syscall.EINVAL)
	}
	if err := s.grow("truncate", size); err != nil {
		return err
	}
	if s.file != nil {
		return s.file.Truncate(size)
	}
	s.buf = s.buf[:size]
	return nil
}
