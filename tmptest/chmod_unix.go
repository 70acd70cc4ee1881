//go:build unix

package tmptest

import (
	"io/fs"

	"golang.org/x/sys/unix"
)

// chmodDir sets the mode of the directory just created at path through a
// descriptor opened with O_NOFOLLOW: if something swapped the directory
// for a link meanwhile, the chmod fails instead of reaching the target.
// The umask does not apply to fchmod, so the bits are exactly perm.
func chmodDir(path string, perm fs.FileMode) error {
	fd, err := unix.Open(path, unix.O_RDONLY|unix.O_DIRECTORY|unix.O_NOFOLLOW|unix.O_CLOEXEC, 0)
	if err != nil {
		return &fs.PathError{Op: "open", Path: path, Err: err}
	}
	defer unix.Close(fd)
	if err := unix.Fchmod(fd, uint32(perm)); err != nil {
		return &fs.PathError{Op: "fchmod", Path: path, Err: err}
	}
	return nil
}
