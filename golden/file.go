package golden

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/tmpkit/tmpkit/internal/diff"
)

// assertFile compares got with the golden file of the call, and creates or
// updates it when the update mode allows.
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
	if err := e.expect(sum(comparable(got, cfg.exact)), c.test, loc.display); err != nil {
		return err
	}

	want, err := readGolden(loc)
	if errors.Is(err, fs.ErrNotExist) {
		if set.mode == compareOnly {
			return c.missing(set, loc, got)
		}
		return c.write(cfg, loc, got, "created")
	}
	if err != nil {
		return err
	}
	if equalContent(want, got, cfg.exact) {
		return nil
	}
	if set.mode == overwrite {
		return c.write(cfg, loc, got, "updated")
	}
	return c.mismatch(set, loc, want, got, cfg.exact)
}

// readGolden reads the golden file at loc, through an [os.Root] so that a
// symlink cannot lead the read out of the golden directory.
func readGolden(loc location) ([]byte, error) {
	root, err := os.OpenRoot(loc.dir)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
		return nil, fmt.Errorf("golden: read %q: %w", loc.display, bare(err))
	}
	defer root.Close()
	b, err := root.ReadFile(loc.name)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("golden: read %q: %w", loc.display, bare(err))
	}
	return b, err
}

// write creates or replaces the golden file at loc with got, keeping the
// mode of an existing file, and logs it as done ("created" or "updated").
func (c *call) write(cfg config, loc location, got []byte, done string) error {
	err := func() error {
		root, err := openRoot(loc.dir, true)
		if err != nil {
			return err
		}
		defer root.Close()
		perm, ok, err := fileMode(root, loc.name)
		if err != nil {
			return err
		}
		if !ok {
			perm = newFileMode
		}
		return writeFile(root, loc.name, got, perm, cfg.beforeRename)
	}()
	if err != nil {
		return fmt.Errorf("golden: write %q: %w", loc.display, bare(err))
	}
	c.logf("golden: %s %s", done, loc.display)
	return nil
}

// equalContent reports whether want and got match: byte for byte when
// exact or either is binary, else after CRLF->LF on both sides.
func equalContent(want, got []byte, exact bool) bool {
	if exact || bytes.Equal(want, got) {
		return bytes.Equal(want, got)
	}
	if diff.IsBinary(want) || diff.IsBinary(got) {
		return false
	}
	return bytes.Equal(comparable(want, false), comparable(got, false))
}

// comparable returns b as compared: text with "\r\n" turned into "\n",
// unless exact or b is binary.
func comparable(b []byte, exact bool) []byte {
	if exact || !bytes.Contains(b, []byte("\r\n")) || diff.IsBinary(b) {
		return b
	}
	return bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n"))
}

// bare drops the path an [fs.PathError] or [os.LinkError] repeats, for
// messages that name the golden themselves.
func bare(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}
