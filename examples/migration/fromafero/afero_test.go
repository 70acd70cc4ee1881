// Package fromafero shows the move from afero.NewMemMapFs to
// aferoadapter.NewMemFs, an in-memory Fs that fails where a disk fails.
package fromafero

import (
	"errors"
	"io/fs"
	"testing"

	"github.com/spf13/afero"

	"github.com/tmpkit/tmpkit/aferoadapter"
)

// save is the code under test: it expects the directory to exist.
func save(fsys afero.Fs, name string, data []byte) error {
	return afero.WriteFile(fsys, name, data, 0o644)
}

// Before: MemMapFs invents the missing parent directory, so this passes in
// memory while the same call fails on a disk.
func TestSaveIntoMissingDirBefore(t *testing.T) {
	fsys := afero.NewMemMapFs()
	if err := save(fsys, "reports/today.txt", []byte("x")); err != nil {
		t.Fatalf("MemMapFs: %v", err)
	}
}

// After: NewMemFs answers as the disk does, with the same error shape.
func TestSaveIntoMissingDirAfter(t *testing.T) {
	fsys := aferoadapter.NewMemFs()
	err := save(fsys, "reports/today.txt", []byte("x"))
	if !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("NewMemFs: err = %v, want a not-exist error as on disk", err)
	}
}
