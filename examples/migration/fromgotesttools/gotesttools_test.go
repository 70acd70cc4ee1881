// Package fromgotesttools shows the move from gotest.tools' fs and golden
// packages to fixture and golden.
package fromgotesttools

import (
	"os"
	"testing"

	"gotest.tools/v3/assert"
	gtfs "gotest.tools/v3/fs"
	gtgolden "gotest.tools/v3/golden"

	"github.com/tmpkit/tmpkit/examples/migration"
	"github.com/tmpkit/tmpkit/fixture"
	"github.com/tmpkit/tmpkit/fixture/fixturecmp"
	"github.com/tmpkit/tmpkit/golden"
)

// Before: the setup is a tree of PathOps and the expectation another,
// single-use manifest.
func TestNormalizeBefore(t *testing.T) {
	dir := gtfs.NewDir(t, "normalize",
		gtfs.WithFile("B.TXT", "b"),
		gtfs.WithDir("sub", gtfs.WithFile("keep.txt", "k")))
	defer dir.Remove()

	assert.NilError(t, migration.Normalize(dir.Path()))
	expected := gtfs.Expected(t,
		gtfs.WithFile("b.txt", "b", gtfs.MatchAnyFileMode),
		gtfs.WithFile("index.txt", "b.txt\n", gtfs.MatchAnyFileMode),
		gtfs.WithDir("sub", gtfs.MatchAnyFileMode, gtfs.WithFile("keep.txt", "k", gtfs.MatchAnyFileMode)))
	assert.Assert(t, gtfs.Equal(dir.Path(), expected))
}

// After: one Tree type for setup and expectation, usable any number of
// times; modes are compared only where the expectation sets one, so no
// MatchAnyFileMode. fixturecmp.Equal keeps the assert.Assert form.
func TestNormalizeAfter(t *testing.T) {
	dir := fixture.New(t, fixture.Tree{
		"B.TXT":        fixture.File("b"),
		"sub/keep.txt": fixture.File("k"),
	})

	assert.NilError(t, migration.Normalize(dir))
	assert.Assert(t, fixturecmp.Equal(os.DirFS(dir), fixture.Tree{
		"b.txt":        fixture.File("b"),
		"index.txt":    fixture.File("b.txt\n"),
		"sub/keep.txt": fixture.File("k"),
	}))
}

// Before: gotest.tools/v3/golden reads testdata/greeting.golden and is
// updated with -update, a flag it registers for the whole test binary.
func TestGreetingBefore(t *testing.T) {
	gtgolden.Assert(t, migration.Greeting("Ada"), "greeting.golden")
}

// After: the same file, unchanged. Updating is UPDATE_GOLDEN=1 go test
// ./..., which works in every package; -update still works here because
// this test binary defines that flag (gotest.tools registered it).
func TestGreetingAfter(t *testing.T) {
	golden.Assert(t, migration.Greeting("Ada"), golden.Name("greeting.golden"))
}
