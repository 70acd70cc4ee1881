package tmptest

import "golang.org/x/sys/unix"

// nameMax is the longest name, in bytes, that the file system holding dir
// takes: statfs's f_namelen (255 on most, 143 on eCryptfs, ...).
func nameMax(dir string) int {
	var st unix.Statfs_t
	if err := unix.Statfs(dir, &st); err != nil || st.Namelen <= 0 {
		return 255
	}
	return int(st.Namelen)
}

// nameUnits is the length of s as nameMax counts: bytes.
func nameUnits(s string) int { return len(s) }

// canCreateIn asks the kernel whether this process may create entries in
// dir: write and search permission, on a file system mounted read-write.
// access(2) checks with the real user and group IDs, which are those of a
// test binary.
func canCreateIn(dir string) error {
	return unix.Access(dir, unix.W_OK|unix.X_OK)
}
