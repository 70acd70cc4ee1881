package aferoadapter_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/afero"

	"github.com/tmpkit/tmpkit/aferoadapter"
	"github.com/tmpkit/tmpkit/fixture"
)

// benchTree is 1,000 files of 1 KiB in 10 directories.
func benchTree() fixture.Tree {
	tree := fixture.Tree{}
	content := strings.Repeat("0123456789abcdef", 64)
	for d := range 10 {
		for f := range 100 {
			tree[fmt.Sprintf("dir%02d/file%03d.txt", d, f)] = fixture.File(content)
		}
	}
	return tree
}

// benchTargets are the destinations compared in one run: NewMemFs against
// its baselines, afero's MemMapFs and the disk (through *os.Root, fixture's
// own way to the disk).
func benchTargets(b *testing.B) []struct {
	name string
	new  func() (fixture.FS, func())
} {
	base := b.TempDir()
	n := 0
	return []struct {
		name string
		new  func() (fixture.FS, func())
	}{
		{"NewMemFs", func() (fixture.FS, func()) { return aferoadapter.FS(aferoadapter.NewMemFs()), func() {} }},
		{"MemMapFs", func() (fixture.FS, func()) { return aferoadapter.FS(afero.NewMemMapFs()), func() {} }},
		{"disk", func() (fixture.FS, func()) {
			n++
			dir := filepath.Join(base, fmt.Sprint(n))
			if err := os.Mkdir(dir, 0o755); err != nil {
				b.Fatal(err)
			}
			root, err := os.OpenRoot(dir)
			if err != nil {
				b.Fatal(err)
			}
			return root, func() { root.Close() }
		}},
	}
}

// BenchmarkWrite1000 is fixture.Write of 1,000 files of 1 KiB in 10
// directories. Targets: NewMemFs at most 1.5x MemMapFs, 10x faster than disk.
func BenchmarkWrite1000(b *testing.B) {
	tree := benchTree()
	for _, target := range benchTargets(b) {
		b.Run(target.name, func(b *testing.B) {
			for b.Loop() {
				dst, done := target.new()
				fixture.Write(b, dst, tree)
				done()
			}
		})
	}
}

// BenchmarkAssert1000 is fixture.Assert of the same tree, written once.
func BenchmarkAssert1000(b *testing.B) {
	tree := benchTree()
	for _, target := range benchTargets(b) {
		b.Run(target.name, func(b *testing.B) {
			dst, done := target.new()
			defer done()
			fixture.Write(b, dst, tree)
			fsys := dst.FS()
			for b.Loop() {
				fixture.Assert(b, fsys, tree)
			}
		})
	}
}
