package pending

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"golang.org/x/mod/modfile"

	"github.com/tmpkit/tmpkit/internal/goldenwrite"
)

// Module is a Go module on disk.
type Module struct {
	Root string // the directory holding go.mod, absolute, symlinks resolved
	Path string // the module path its go.mod declares
}

// FindModule returns the module holding dir: the nearest directory at or
// above dir (symlinks resolved) with a go.mod file, and the module path
// that file declares.
func FindModule(dir string) (Module, error) {
	for d := goldenwrite.RealPath(dir); ; {
		data, err := os.ReadFile(filepath.Join(d, "go.mod"))
		if err == nil {
			p := modfile.ModulePath(data)
			if p == "" {
				return Module{}, fmt.Errorf("pending: %s declares no module path", filepath.Join(d, "go.mod"))
			}
			return Module{Root: d, Path: p}, nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return Module{}, fmt.Errorf("pending: find the module of %q: %w", dir, err)
		}
		parent := filepath.Dir(d)
		if parent == d {
			return Module{}, fmt.Errorf("pending: %q is in no Go module (no go.mod in it or above it)", dir)
		}
		d = parent
	}
}

// Rel returns the path p (absolute, or relative to the working directory)
// relative to the module root, slash-separated, with symlinks resolved as
// far as p exists ([goldenwrite.RealPath], as golden resolves goldens). It fails when p lies outside the module root.
func (m Module) Rel(p string) (string, error) {
	rel, err := filepath.Rel(m.Root, goldenwrite.RealPath(p))
	if err != nil || !filepath.IsLocal(rel) && rel != "." {
		return "", fmt.Errorf("pending: %q lies outside the module root %s", p, m.Root)
	}
	return filepath.ToSlash(rel), nil
}

// Abs returns the path on disk of rel, a module-relative slash path.
func (m Module) Abs(rel string) string {
	return filepath.Join(m.Root, filepath.FromSlash(rel))
}
