package tmptest

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
)

// maxTries bounds the search for an unused name, as in os.CreateTemp. With
// 50 random bits a second try is already rare; the bound only stops a
// broken name source or a directory that fails every name with "exists".
const maxTries = 10000

// create makes one new entry in c.dir by calling try with candidate paths
// until one is free, and returns that path. try must fail with an error
// matching fs.ErrExist when something, even a dangling link, is at the
// path (mkdir and O_CREATE|O_EXCL do): what was there is never opened,
// truncated or followed, and the next name is tried.
func (c *config) create(testName string, maxTest int, try func(path string) error) (string, error) {
	for range maxTries {
		path := c.join(c.newName(testName, maxTest))
		err := try(path)
		if err == nil {
			return path, nil
		}
		if errors.Is(err, syscall.ENAMETOOLONG) {
			// Name the option, as Spooled does before it creates. (A
			// name that fits may still be too long as a whole path.)
			if n, max := nameUnits(filepath.Base(path)), nameMax(c.dir); n > max {
				return "", c.nameLengthError(n, max)
			}
		}
		if !errors.Is(err, fs.ErrExist) {
			return "", c.dirError(err)
		}
	}
	return "", fmt.Errorf("tmptest: %s: no unused name after %d tries", c.where(), maxTries)
}

// dirError explains an error met while creating in c.dir, naming the
// directory the way the user gave it.
func (c *config) dirError(err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("tmptest: %s: no such directory; %s", c.where(), c.hint())
	case errors.Is(err, syscall.ENOTDIR):
		return fmt.Errorf("tmptest: %s: not a directory; %s", c.where(), c.hint())
	}
	return fmt.Errorf("tmptest: %s: %w", c.where(), err)
}

// mkdir creates a directory with a fresh name: mode c.perm, exactly when
// [Perm] was given.
func (c *config) mkdir(testName string, maxTest int) (string, error) {
	mode := c.perm
	if c.permSet {
		mode = 0o700 // so chmodDir can open it; then it gets c.perm exactly
	}
	dir, err := c.create(testName, maxTest, func(path string) error {
		return os.Mkdir(path, mode)
	})
	if err != nil || !c.permSet {
		return dir, err
	}
	if err := chmodDir(dir, c.perm); err != nil {
		os.Remove(dir)
		return "", fmt.Errorf("tmptest: %w", err)
	}
	return dir, nil
}

// openFile creates and opens a file with a fresh name, read+write, mode
// c.perm, exactly when [Perm] was given.
func (c *config) openFile(testName string) (*os.File, error) {
	var f *os.File
	_, err := c.create(testName, maxTestName, func(path string) (err error) {
		f, err = os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, c.perm)
		return err
	})
	if err != nil {
		return nil, err
	}
	if c.permSet {
		// The umask may have removed bits at creation; fchmod is not
		// subject to it and cannot reach anything but this file.
		if err := f.Chmod(c.perm); err != nil {
			f.Close()
			os.Remove(f.Name())
			return nil, fmt.Errorf("tmptest: %w", err)
		}
	}
	return f, nil
}
