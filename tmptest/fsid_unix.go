//go:build unix && !linux

package tmptest

import "golang.org/x/sys/unix"

// fsID tells file systems apart: a mount point has another device number
// than the directory holding it.
type fsID struct{ dev uint64 }

// fileSystemAt identifies the file system of the entry name of the
// directory open as dirfd, without following a link; an empty name means
// the directory itself.
func fileSystemAt(dirfd int, name string) (fsID, error) {
	var st unix.Stat_t
	var err error
	if name == "" {
		err = unix.Fstat(dirfd, &st)
	} else {
		err = unix.Fstatat(dirfd, name, &st, unix.AT_SYMLINK_NOFOLLOW)
	}
	return fsID{dev: uint64(st.Dev)}, err
}
