package golden

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"testing"

	"github.com/tmpkit/tmpkit/internal/goldenattr"
	"github.com/tmpkit/tmpkit/internal/goldenwrite"
	"github.com/tmpkit/tmpkit/internal/redact"
)

// Assert compares got with the golden file of the test and, when they
// differ, marks the test failed with a diff and the command that updates
// the golden, and lets it go on, so that one run reports every golden that
// differs. A missing golden is reported the same way, with the command
// that creates it. Misuse stops the test: an invalid option or
// UPDATE_GOLDEN value, a golden that cannot be read or is not a regular
// file.
//
// The golden file is testdata/<t.Name()>.golden (see the package
// documentation for how names become paths), or the path given by [Name]
// below the directory given by [Dir]. Scrubbers ([Scrub], [ScrubRegexp],
// [ScrubPath], [ScrubTempDirs]) apply to got first. A text golden whose
// "\r\n" line endings, read as "\n", make it equal to got matches (a
// Windows checkout); got's own line endings are never folded, so output
// that starts printing "\r\n" differs. [Exact] compares bytes only; binary
// content is always compared byte for byte.
//
// With UPDATE_GOLDEN=1 the golden is written instead (see the package
// documentation for every value, CI and -update), and the test logs what
// changed: "golden: wrote +2 -1 testdata/TestX.golden".
func Assert[T ~string | ~[]byte](t testing.TB, got T, opts ...Option) {
	t.Helper()
	cfg := newConfig(opts)
	cfg.refuseRedact("Assert compares text")
	c := newCall(t, &cfg)
	c.flush(t, c.assertFile(cfg, []byte(got)))
}

// AssertJSON marshals v as indented JSON (two spaces, map keys sorted, no
// HTML escaping, a final newline) and compares it as [Assert] does. A value
// that encoding/json cannot marshal fails the test. To compare JSON text
// you already have, pass it as a [json.RawMessage]: it is re-indented.
// [Redact] paths name JSON members as the output shows them; the values
// they select are replaced in the text, every other byte stays.
func AssertJSON(t testing.TB, v any, opts ...Option) {
	t.Helper()
	cfg := newConfig(opts)
	c := newCall(t, &cfg)
	got, err := marshalJSON(v)
	if err == nil {
		got, err = c.redact(cfg, "AssertJSON", got, redact.JSON)
	}
	if err != nil {
		c.flush(t, err)
		return
	}
	c.flush(t, c.assertFile(cfg, got))
}

func marshalJSON(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, fmt.Errorf("golden: AssertJSON cannot marshal the %T value: %w; "+
			"pass a value encoding/json can marshal (no channels, functions, complex numbers, NaN or infinite floats, cycles)", v, err)
	}
	return b.Bytes(), nil
}

// Get returns the content of the golden file of the test, for tests that
// use a golden as input. A text golden comes with its "\r\n" line endings
// turned into "\n" (as a Windows checkout may have them) unless [Exact].
// A missing golden, or one that is not a regular file, fails the test,
// naming its path.
func Get(t testing.TB, opts ...Option) []byte {
	t.Helper()
	cfg := newConfig(opts)
	c := newCall(t, &cfg)
	b, err := c.get(cfg)
	c.flush(t, err)
	return b
}

func (c *call) get(cfg config) ([]byte, error) {
	if cfg.err != nil {
		return nil, cfg.err
	}
	loc := c.locate(cfg)
	e, err := cfg.reg.acquire(loc, false)
	if err != nil {
		return nil, err
	}
	defer e.lock.Unlock()
	c.use(loc, goldenattr.File)
	b, err := readGolden(loc)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("golden: %q does not exist; Get reads a golden file as test input: "+
			"create it, or let an assertion create it with UPDATE_GOLDEN=new", loc.display)
	}
	if err != nil {
		return nil, err
	}
	if cfg.exact {
		return b, nil
	}
	return goldenwrite.Fold(b), nil
}

// MarkUsed marks as used, for [Main] and `golden unused`, the golden the options name (the test's
// default golden file and tree, with its subtests' goldens, when no [Name]
// is given), without comparing anything. Call it in a test that skips
// before its assertions run, so that [Main] does not report its goldens.
func MarkUsed(t testing.TB, opts ...Option) {
	t.Helper()
	cfg := newConfig(opts)
	c := newCall(t, &cfg)
	c.flush(t, c.markUsed(cfg))
}

func (c *call) markUsed(cfg config) error {
	if cfg.err != nil {
		return cfg.err
	}
	loc := c.locate(cfg)
	paths := []string{loc.abs}
	if !cfg.nameSet {
		// The default tree, and the folder of the subtests' goldens.
		paths = append(paths, c.locateTree(cfg).abs, strings.TrimSuffix(loc.abs, ".golden"))
	}
	for _, p := range paths {
		cfg.reg.keep(p)
	}
	c.use(loc, goldenattr.Used, paths...)
	return nil
}
