package golden

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"

	"github.com/tmpkit/tmpkit/internal/diff"
	"github.com/tmpkit/tmpkit/internal/goldenattr"
	"github.com/tmpkit/tmpkit/internal/goldenwrite"
)

// assertFile compares got with the golden file of the call, and creates or
// updates it when the update mode allows.
//
// The passing path, which every test run takes, costs one read of the
// golden and one comparison: no hashing, no copy, no second read.
func (c *call) assertFile(cfg config, got []byte) error {
	if cfg.err != nil {
		return cfg.err
	}
	set, err := readSetting(c.getenv, c.lookupFlag)
	if err != nil {
		return err
	}
	loc := c.locate(cfg)
	got = cfg.scrubFunc(c)(got)
	e, err := cfg.reg.acquire(loc, false)
	if err != nil {
		return err
	}
	defer e.lock.Unlock()
	c.use(loc, goldenattr.File)
	if set.mode == overwrite {
		// Only an update has to pick one content; outside it, the file is
		// the arbiter of each assertion.
		if err := e.expect(sum(got), c.test, loc.display); err != nil {
			return err
		}
	}

	want, err := readGolden(loc)
	p := -1 // the first difference, once compared
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if set.mode == compareOnly {
			c.recordFile(loc, nil, false, got, cfg.exact)
			return c.missing(set, loc, got)
		}
		return c.writeFile(cfg, set, loc, got)
	case err != nil:
		return err
	case matchesFrom(want, got, cfg.exact, &p):
		return nil
	case set.mode == overwrite:
		return c.writeFile(cfg, set, loc, got)
	}
	c.recordFile(loc, want, true, got, cfg.exact)
	return c.mismatch(set, loc, want, got, cfg.exact, p)
}

// matches reports whether got matches the golden want: byte for byte when
// exact, else also when want's CRLF line endings, read as LF, make it equal.
func matches(want, got []byte, exact bool) bool {
	var p int
	return matchesFrom(want, got, exact, &p)
}

// matchesFrom is matches, setting *p to the first difference of want and
// got (-1 if none), which a failure report then need not look for again.
func matchesFrom(want, got []byte, exact bool, p *int) bool {
	*p = diff.FirstDifference(want, got)
	return *p < 0 || !exact && goldenwrite.MatchesFrom(want, got, *p)
}

// readGolden reads the golden file at loc, refusing anything but a regular
// file before opening it; a missing golden gives fs.ErrNotExist.
func readGolden(loc location) ([]byte, error) {
	b, err := goldenwrite.ReadFile(loc.absDir, loc.name, goldenwrite.Options{Label: loc.display})
	var nr *goldenwrite.NotRegularError
	switch {
	case err == nil:
		return b, nil
	case errors.Is(err, fs.ErrNotExist):
		return nil, err
	case errors.As(err, &nr) && nr.Mode.IsDir():
		return nil, fmt.Errorf("golden: %w; an update never replaces a directory, which may hold more than goldens: "+
			"move it, or give the assertion its own path with golden.Name", err)
	}
	return nil, fmt.Errorf("golden: %w", err)
}

// writeFile creates or replaces the golden file at loc with got, as
// goldenwrite does for every update, and logs what changed.
func (c *call) writeFile(cfg config, set setting, loc location, got []byte) error {
	s, err := goldenwrite.WriteFile(loc.absDir, loc.name, got, goldenwrite.Options{
		Label: loc.display, Force: set.force, Exact: cfg.exact, BeforeRename: cfg.beforeRename,
	})
	if err != nil {
		return c.writeError(err)
	}
	c.wrote(cfg.reg, loc, s)
	return nil
}

// writeError reports a write that failed: a refusal to empty a golden is a
// difference the test goes on after, naming the command that forces it.
func (c *call) writeError(err error) error {
	if errors.Is(err, goldenwrite.ErrEmpty) {
		return &difference{fmt.Sprintf("golden: %v.\nIf the output is meant to be empty, run from the module root:\n\t%s",
			err, updateCommand("force", c.pkgDir, c.test))}
	}
	return fmt.Errorf("golden: %w", err)
}

// wrote logs what a write changed and records it for [Main]'s summary.
func (c *call) wrote(reg *registry, loc location, s goldenwrite.Summary) {
	if !s.Changed() {
		return
	}
	c.logf("golden: wrote %s", summaryText(s))
	reg.wrote(c.moduleRelative(loc.abs), s)
}

// summaryText is a Summary's line, followed for a tree by a line for each
// file it changed.
func summaryText(s goldenwrite.Summary) string {
	var b bytes.Buffer
	b.WriteString(s.String())
	for _, f := range s.Files {
		b.WriteString("\n\t" + f.String())
	}
	return b.String()
}
