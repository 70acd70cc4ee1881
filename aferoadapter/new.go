package aferoadapter

import (
	"testing"

	"github.com/spf13/afero"

	"github.com/tmpkit/tmpkit/fixture"
)

// New returns a [NewMemFs] file system holding tree at its root: the entry
// "etc/app.yaml" is the file "/etc/app.yaml". It is written through [FS],
// with fixture's rules (modes set exactly, symlinks stored verbatim). New
// fails the test if the tree is invalid.
func New(t testing.TB, tree fixture.Tree) afero.Fs {
	t.Helper()
	afs, err := newTree(tree)
	if err != nil {
		t.Fatalf("aferoadapter: New: %v\n(fix the Tree)", err)
		return nil
	}
	return afs
}

// newTree is the error-returning side of [New].
func newTree(tree fixture.Tree) (afero.Fs, error) {
	afs := NewMemFs()
	if err := fixture.WriteFS(FS(afs), tree); err != nil {
		return nil, err
	}
	return afs, nil
}
