package tmptest

import (
	"errors"
	"io/fs"
	"os"
)

// removeAll removes path and, when it is a directory, everything in it. It
// differs from [os.RemoveAll] in two ways that matter for test cleanup:
//
//   - it removes trees the test made read-only (0555 directories holding
//     0444 files, like a Go module cache), without privileges, by adding
//     the owner's rwx bits to each directory before emptying it;
//   - it never follows a symbolic link, neither to remove nor to chmod: a
//     link is removed as a link, and its target, inside or outside the
//     tree, keeps its content and mode.
//
// On Unix the walk is done with file descriptors (openat with O_NOFOLLOW,
// unlinkat, fchmod), so renaming things around during the walk cannot
// redirect it outside path, and it never enters a mount point (see
// [remover]). It goes on after an error and returns the first one.
func removeAll(path string) error {
	// Fast path: a file, a link or an empty directory. os.Remove never
	// follows a link: it unlinks it.
	err := os.Remove(path)
	if err == nil || errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return removeTree(path)
}
