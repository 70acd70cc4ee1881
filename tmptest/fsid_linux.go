package tmptest

import "golang.org/x/sys/unix"

// fsID tells file systems, and mounts of one file system, apart. The
// device number alone does not: a bind mount of a directory shares its
// file system's device number, so Linux's mount ID (statx, Linux 5.8)
// is compared too where the kernel gives it.
type fsID struct {
	dev     uint64
	mountID uint64 // 0 where the kernel does not report it
}

// fileSystemAt identifies the file system of the entry name of the
// directory open as dirfd, without following a link; an empty name means
// the directory itself.
func fileSystemAt(dirfd int, name string) (fsID, error) {
	flags := unix.AT_SYMLINK_NOFOLLOW
	if name == "" {
		flags |= unix.AT_EMPTY_PATH
	}
	var stx unix.Statx_t
	err := unix.Statx(dirfd, name, flags, unix.STATX_TYPE|unix.STATX_MNT_ID, &stx)
	switch err {
	case nil:
		id := fsID{dev: unix.Mkdev(stx.Dev_major, stx.Dev_minor)}
		if stx.Mask&unix.STATX_MNT_ID != 0 {
			id.mountID = stx.Mnt_id
		}
		return id, nil
	case unix.ENOSYS, unix.EPERM: // before Linux 4.11, or a seccomp filter
		var st unix.Stat_t
		if err := unix.Fstatat(dirfd, name, &st, flags); err != nil {
			return fsID{}, err
		}
		return fsID{dev: uint64(st.Dev)}, nil
	}
	return fsID{}, err
}
