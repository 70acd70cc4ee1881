//go:build unix

package pending

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// A FIFO in a golden tree is refused by name, never opened (which would
// block).
func TestReadTreeRefusesFIFO(t *testing.T) {
	dir := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe"), 0o644); err != nil {
		t.Skip("no FIFO here:", err)
	}
	_, err := ReadTree(os.DirFS(dir))
	if want := "pipe: cannot be in a golden tree: p---------, not a file, directory or symlink"; err == nil || err.Error() != want {
		t.Errorf("ReadTree: %v, want %q", err, want)
	}
}
