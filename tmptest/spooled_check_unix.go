//go:build unix && !linux

package tmptest

import "golang.org/x/sys/unix"

// canCreateIn asks the kernel whether this process may create entries in
// dir: write and search permission, on a file system mounted read-write.
func canCreateIn(dir string) error {
	return unix.Access(dir, unix.W_OK|unix.X_OK)
}
