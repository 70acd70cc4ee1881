package goldenwrite

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"strings"
	"syscall"
)

// makeDirs makes the directory dir below root and its parents, or, in a
// dry run, reports the error making them would give.
func makeDirs(root *os.Root, dir string, dryRun bool) error {
	if dryRun {
		return checkDirs(root, dir)
	}
	return root.MkdirAll(dir, NewDirMode)
}

// checkDirs reports the error making the directory dir below root would
// give, making nothing: the dry run's stand-in for root.MkdirAll. Each
// element that exists must be a directory, or a symlink to one inside
// root; from the first missing one on, everything would be created. The
// errors are the ones os.Root.MkdirAll gives on Linux, which
// TestDryRunMatchesTheWrite compares with: its last mkdirat finds a file or
// a dangling symlink there (EEXIST); a name looked up through a file, or a
// symlink to one, is not a directory (ENOTDIR).
func checkDirs(root *os.Root, dir string) error {
	if dir == "." {
		return nil
	}
	p := ""
	elems := strings.Split(dir, "/")
	for i, elem := range elems {
		p = path.Join(p, elem)
		last := i == len(elems)-1
		lfi, err := root.Lstat(p)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return nil
		case err != nil:
			return err
		case lfi.IsDir():
			continue
		case lfi.Mode()&fs.ModeSymlink == 0 && last:
			return &fs.PathError{Op: "mkdirat", Path: p, Err: syscall.EEXIST}
		case lfi.Mode()&fs.ModeSymlink == 0:
			return &fs.PathError{Op: "openat", Path: p, Err: syscall.ENOTDIR}
		}
		fi, err := root.Stat(p)
		switch {
		case errors.Is(err, fs.ErrNotExist) && last:
			return &fs.PathError{Op: "mkdirat", Path: p, Err: syscall.EEXIST}
		case errors.Is(err, fs.ErrNotExist):
			return nil
		case err != nil:
			return err
		case !fi.IsDir():
			return &fs.PathError{Op: "openat", Path: p, Err: syscall.ENOTDIR}
		}
	}
	return nil
}
