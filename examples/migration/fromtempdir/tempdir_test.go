// Package fromtempdir shows the move from os.MkdirTemp with defer
// os.RemoveAll to tmptest.
package fromtempdir

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/tmpkit/tmpkit/examples/migration"
	"github.com/tmpkit/tmpkit/fixture"
	"github.com/tmpkit/tmpkit/tmptest"
)

// Before: every step can fail and needs its own check; the removal ignores
// its error, fails on read-only files, and deletes the evidence of a failure.
func TestNormalizeBefore(t *testing.T) {
	dir, err := os.MkdirTemp("", "normalize-")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(dir)
	if err := os.WriteFile(filepath.Join(dir, "B.TXT"), []byte("b"), 0o644); err != nil {
		t.Fatal(err)
	}

	if err := migration.Normalize(dir); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "b.txt")); err != nil {
		t.Error(err)
	}
}

// After: one line replaces MkdirTemp, its check and the deferred removal.
// tmptest.Dir names the directory after the test, removes it through
// t.Cleanup (read-only contents too, reporting any error), and keeps it for
// a look when run with TMPTEST_KEEP=failed and the test fails.
func TestNormalizeAfter(t *testing.T) {
	dir := tmptest.Dir(t)
	if err := os.WriteFile(filepath.Join(dir, "B.TXT"), []byte("b"), 0o644); err != nil {
		t.Fatal(err)
	}

	if err := migration.Normalize(dir); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "b.txt")); err != nil {
		t.Error(err)
	}
}

// After, with fixture for the files: the setup and the whole expected
// result are values, and a difference is reported entry by entry.
func TestNormalizeAfterWithFixture(t *testing.T) {
	dir := fixture.New(t, fixture.Tree{"B.TXT": fixture.File("b")}) // a tmptest.Dir holding the tree

	if err := migration.Normalize(dir); err != nil {
		t.Fatal(err)
	}
	fixture.Assert(t, os.DirFS(dir), fixture.Tree{
		"b.txt":     fixture.File("b"),
		"index.txt": fixture.File("b.txt\n"),
	})
}
