package tmptest

import (
	"errors"
	"io/fs"
	"os"

	"golang.org/x/sys/unix"
)

// openUnnamed opens a file with O_TMPFILE, falling back to
// [config.createUnlinked] where the file system does not support it.
func (c *config) openUnnamed(testName string) (*os.File, error) {
	open := openTmpfile
	if c.tmpfile != nil {
		open = c.tmpfile
	}
	// Its name, for messages only, is the one File would have used.
	name := c.join(c.newName(testName, maxTestName))
	f, err := open(c.dir, name, c.perm)
	if errors.Is(err, unix.EOPNOTSUPP) || errors.Is(err, unix.EISDIR) {
		return c.createUnlinked(testName)
	}
	if err != nil {
		return nil, c.dirError(err)
	}
	if c.permSet {
		if err := f.Chmod(c.perm); err != nil {
			f.Close()
			return nil, c.dirError(err)
		}
	}
	return f, nil
}

// openTmpfile opens an unnamed file in dir, called name in messages.
// O_EXCL keeps it unnamed for good: linkat cannot give it a name later.
func openTmpfile(dir, name string, perm fs.FileMode) (*os.File, error) {
	for {
		fd, err := unix.Open(dir, unix.O_RDWR|unix.O_TMPFILE|unix.O_EXCL|unix.O_CLOEXEC, uint32(perm))
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			return nil, &fs.PathError{Op: "open", Path: dir, Err: err}
		}
		return os.NewFile(uintptr(fd), name), nil
	}
}
