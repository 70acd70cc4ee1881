//go:build unix

package goldenwrite

import (
	"os"
	"path/filepath"
	"syscall"
)

// canEmpty reports why this process could not remove what the directory
// name below root holds, or nil: it needs write and search permission on
// it. Checked on every directory of an old tree before the new one is
// swapped in, so that a tree whose removal would fail halfway is refused
// while the old tree is still whole.
func canEmpty(root *os.Root, name string) error {
	const wOK, xOK = 0x2, 0x1
	return syscall.Access(filepath.Join(root.Name(), filepath.FromSlash(name)), wOK|xOK)
}
