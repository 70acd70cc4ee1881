package golden

import (
	"github.com/tmpkit/tmpkit/fixture"
	"github.com/tmpkit/tmpkit/internal/goldenwrite"
	"github.com/tmpkit/tmpkit/internal/pending"
)

// record saves a missing or differing golden as a pending change for
// `golden review` and `golden apply`: in the directory GOLDEN_PENDING
// names, and under t.ArtifactDir() when the test binary runs with
// -artifacts, so that a CI job uploading its -outputdir carries it.
// GOLDEN_PENDING is read here, on a difference only, so that passing tests
// stay cached when it changes. A record that cannot be written is logged,
// never fatal: the failure itself is already reported.
func (c *call) record(newRecord func(pending.Source) (pending.Record, error), loc location, exact bool) {
	dir := c.getenv("GOLDEN_PENDING")
	if dir == "" && c.artifactDir == nil {
		return
	}
	r, err := newRecord(pending.Source{PackageDir: c.pkgDir, Golden: loc.abs, Test: c.test, Exact: exact})
	if err == nil && dir != "" {
		err = pending.Write(dir, r)
	}
	if err == nil && c.artifactDir != nil {
		err = pending.Write(c.artifactDir(), r)
	}
	if err != nil {
		c.logf("golden: the change is not recorded for golden review: %v", err)
	}
}

// recordFile records the golden file at loc (want, when it exists) and the
// output got.
func (c *call) recordFile(loc location, want []byte, exists bool, got []byte, exact bool) {
	c.record(func(s pending.Source) (pending.Record, error) {
		return pending.NewFile(s, want, exists, got)
	}, loc, exact)
}

// recordTree records the golden tree at loc (want, when it exists) and
// the output tree got.
func (c *call) recordTree(loc location, want fixture.Tree, exists bool, got fixture.Tree, exact bool) {
	var wantFiles []goldenwrite.File
	if exists {
		wantFiles = treeFiles(want)
	}
	c.record(func(s pending.Source) (pending.Record, error) {
		return pending.NewTree(s, pending.FromFiles(wantFiles), exists, pending.FromFiles(treeFiles(got)))
	}, loc, exact)
}
