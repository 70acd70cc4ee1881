//go:build !unix

package tmptest

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
)

// removeTree removes path, which the fast path of [removeAll] could not.
// Without the *at system calls of Unix it walks by name, checking each
// entry with Lstat: links (and Windows junctions, which Lstat does not
// report as directories) are removed, never entered or chmodded.
func removeTree(path string) error {
	info, err := os.Lstat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if !info.IsDir() {
		if info.Mode().IsRegular() && info.Mode().Perm()&0o200 == 0 {
			// Windows refuses to delete a read-only file.
			_ = os.Chmod(path, 0o600)
		}
		return os.Remove(path)
	}
	if info.Mode().Perm()&0o700 != 0o700 {
		_ = os.Chmod(path, info.Mode().Perm()|0o700)
	}
	entries, err := os.ReadDir(path)
	var firstErr error
	if err != nil {
		firstErr = err
	}
	for _, e := range entries {
		if err := removeTree(filepath.Join(path, e.Name())); err != nil && firstErr == nil {
			firstErr = err
		}
	}
	if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) && firstErr == nil {
		firstErr = err
	}
	return firstErr
}
