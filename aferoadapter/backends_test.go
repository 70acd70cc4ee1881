package aferoadapter_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/spf13/afero"

	"github.com/tmpkit/tmpkit/aferoadapter"
)

// backend is a file system for the adapter tests, with its directory on
// the disk when it has one ("" in memory).
type backend struct {
	name  string
	links bool // FS(afs).Symlink works
	new   func(t *testing.T) (afs afero.Fs, dir string)
}

// diskRoot makes a temporary directory holding "root", the directory a
// disk backend is rooted at, and returns both.
func diskRoot(t *testing.T) (base, root string) {
	base = t.TempDir()
	root = filepath.Join(base, "root")
	if err := os.Mkdir(root, 0o755); err != nil {
		t.Fatal(err)
	}
	return base, root
}

func adapterBackends() []backend {
	return []backend{
		{"NewMemFs", true, func(*testing.T) (afero.Fs, string) { return aferoadapter.NewMemFs(), "" }},
		{"MemMapFs", false, func(*testing.T) (afero.Fs, string) { return afero.NewMemMapFs(), "" }},
		{"BasePathFs", false, func(t *testing.T) (afero.Fs, string) {
			_, root := diskRoot(t)
			return afero.NewBasePathFs(afero.NewOsFs(), root), root
		}},
		{"NewRootFs", true, func(t *testing.T) (afero.Fs, string) {
			_, root := diskRoot(t)
			r, err := os.OpenRoot(root)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { r.Close() })
			return aferoadapter.NewRootFs(r), root
		}},
	}
}
