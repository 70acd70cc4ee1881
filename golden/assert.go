package golden

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"testing"

	"github.com/tmpkit/tmpkit/internal/redact"
)

// Assert compares got with the golden file of the test and fails the test
// with a diff, and the command that updates the golden, when they differ.
//
// The golden file is testdata/<t.Name()>.golden (see the package
// documentation for how names become paths), or the path given by [Name]
// below the directory given by [Dir]. Scrubbers ([Scrub], [ScrubRegexp],
// [ScrubPath], [ScrubTempDirs]) apply to got first. Text is compared after
// CRLF->LF on both sides unless [Exact]; binary content byte for byte.
//
// With UPDATE_GOLDEN=1 the golden is written instead (see the package
// documentation for every value, CI and -update).
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
// use a golden as input. Text comes with CRLF turned into LF unless
// [Exact]. A missing golden fails the test, naming its path.
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
	b, err := readGolden(loc)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("golden: %q does not exist; Get reads a golden file as test input: "+
			"create it, or let an assertion create it with UPDATE_GOLDEN=new", loc.display)
	}
	if err != nil {
		return nil, err
	}
	return comparable(b, cfg.exact), nil
}

// Keep marks as used, for [Main], the golden the options name (the test's
// default golden file or tree, with its subtests' goldens, when no [Name] is
// given), without comparing anything. Call it in a test that skips before
// its assertions run, so that [Main] neither reports nor removes its goldens.
func Keep(t testing.TB, opts ...Option) {
	t.Helper()
	cfg := newConfig(opts)
	c := newCall(t, &cfg)
	c.flush(t, c.keep(cfg))
}

func (c *call) keep(cfg config) error {
	if cfg.err != nil {
		return cfg.err
	}
	loc := c.locate(cfg)
	cfg.reg.keep(loc.abs)
	if !cfg.nameSet {
		cfg.reg.keep(strings.TrimSuffix(loc.abs, ".golden")) // the folder of the subtests
	}
	return nil
}
