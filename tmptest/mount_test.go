//go:build unix

package tmptest

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// TestCleanupLeavesOtherFileSystems checks the comparison of file systems
// without mounting anything, through removeTreeWith's seam: every entry
// named "mnt" is reported as another file system. Cleanup must leave it
// and what is in it, remove everything else, and say so once, naming each.
func TestCleanupLeavesOtherFileSystems(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "tree")
	build(t, filepath.Dir(dir), []string{"tree/", "tree/a/", "tree/a/mnt/", "tree/a/mnt/precious", "tree/a/other",
		"tree/b/", "tree/b/mnt/", "tree/b/mnt/x", "tree/top"}, nil)
	other := func(dirfd int, name string) (fsID, error) {
		id, err := fileSystemAt(dirfd, name)
		if name == "mnt" {
			id = otherFileSystem(id)
		}
		return id, err
	}
	err := removeTreeWith(dir, other)
	want := fmt.Sprintf("%s and %s are mount points: left them and what they hold alone (cleanup never enters another file system); unmount them",
		filepath.Join(dir, "a", "mnt"), filepath.Join(dir, "b", "mnt"))
	if err == nil || err.Error() != want {
		t.Errorf("removeTreeWith = %v;\nwant %s", err, want)
	}
	checkUnchanged(t, filepath.Join(dir, "a", "mnt", "precious"), 0o600)
	checkUnchanged(t, filepath.Join(dir, "b", "mnt", "x"), 0o600)
	checkGone(t, filepath.Join(dir, "a", "other"))
	checkGone(t, filepath.Join(dir, "top"))

	// The tree's own root on another file system: nothing is entered.
	err = removeTreeWith(filepath.Join(dir, "a", "mnt"), other)
	want = filepath.Join(dir, "a", "mnt") + " is a mount point: left it and what it holds alone (cleanup never enters another file system); unmount it"
	if err == nil || err.Error() != want {
		t.Errorf("removeTreeWith of the mount point itself = %v;\nwant %s", err, want)
	}
	checkUnchanged(t, filepath.Join(dir, "a", "mnt", "precious"), 0o600)
}

// TestCleanupRemovesOneFileSystem: with the real comparison, a tree on one
// file system goes whole.
func TestCleanupRemovesOneFileSystem(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "tree")
	build(t, filepath.Dir(dir), []string{"tree/", "tree/a/", "tree/a/b/", "tree/a/b/c"}, nil)
	if err := removeTreeWith(dir, fileSystemAt); err != nil {
		t.Errorf("removeTreeWith = %v; want nil", err)
	}
	checkGone(t, dir)
}

// checkHolds fails t unless path is a regular file holding content.
func checkHolds(t *testing.T, path, content string) {
	t.Helper()
	if got, err := os.ReadFile(path); err != nil || string(got) != content {
		t.Errorf("%s holds %q, %v; want %q, left alone", path, got, err, content)
	}
}
