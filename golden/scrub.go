package golden

import (
	"bytes"
	"cmp"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/tmpkit/tmpkit/tmptest"
)

// A scrubber is resolved once per assertion, when the test's surroundings
// (its temp directories) are known, into a function over the content.
type scrubber func(c *call) func([]byte) []byte

func (c *config) scrub(s scrubber) { c.scrubbers = append(c.scrubbers, s) }

// Scrub replaces every occurrence of old with repl in the output before it
// is compared or written, for volatile text such as a version or a host
// name. Scrubbers run in the order given. An empty old makes the assertion
// fail.
func Scrub(old, repl string) Option {
	return Option{func(c *config) {
		if old == "" {
			c.fail(errors.New(`golden: Scrub("", ...): nothing to replace`))
			return
		}
		o, r := []byte(old), []byte(repl)
		c.scrub(func(*call) func([]byte) []byte {
			return func(b []byte) []byte { return bytes.ReplaceAll(b, o, r) }
		})
	}}
}

// ScrubRegexp replaces every match of re in the output with repl before it
// is compared or written, expanding $1 and ${name} as
// [regexp.Regexp.ReplaceAll] does: for timestamps, durations, ids. A nil re
// makes the assertion fail.
func ScrubRegexp(re *regexp.Regexp, repl string) Option {
	return Option{func(c *config) {
		if re == nil {
			c.fail(errors.New("golden: ScrubRegexp(nil, ...): no regexp"))
			return
		}
		r := []byte(repl)
		c.scrub(func(*call) func([]byte) []byte {
			return func(b []byte) []byte { return re.ReplaceAll(b, r) }
		})
	}}
}

// ScrubPath replaces the file path p with placeholder in the output before
// it is compared or written, in every spelling the code under test may
// print: as given, cleaned, absolute, with symlinks resolved (macOS's /var is
// /private/var), with forward slashes, and with backslashes doubled as JSON
// and %q write them on Windows. Longer spellings are replaced first. An
// empty p makes the assertion fail.
func ScrubPath(p, placeholder string) Option {
	return Option{func(c *config) {
		if p == "" {
			c.fail(errors.New(`golden: ScrubPath("", ...): empty path`))
			return
		}
		c.scrub(func(*call) func([]byte) []byte {
			return replacePaths(spellings(p, placeholder))
		})
	}}
}

// ScrubTempDirs replaces the test's temporary directories in the output
// before it is compared or written:
//   - the directory holding every t.TempDir() of the test becomes
//     "$TESTTMP", so the first t.TempDir() is "$TESTTMP/001", the second
//     "$TESTTMP/002" (to learn it, ScrubTempDirs calls t.TempDir once more);
//   - [tmptest.BaseDir] and [os.TempDir] become "$TMPDIR".
//
// Every spelling of these paths is replaced, as by [ScrubPath]. Names that
// [tmptest.Dir] and [tmptest.File] create below $TMPDIR carry a random part:
// scrub each such path with ScrubPath(dir, "$SOMETHING") first.
func ScrubTempDirs() Option {
	return Option{func(c *config) {
		c.scrub(func(call *call) func([]byte) []byte {
			var all []replacement
			if call.tempDir != nil {
				all = append(all, spellings(filepath.Dir(call.tempDir()), "$TESTTMP")...)
			}
			all = append(all, spellings(tmptest.BaseDir(), "$TMPDIR")...)
			all = append(all, spellings(os.TempDir(), "$TMPDIR")...)
			return replacePaths(all)
		})
	}}
}

type replacement struct{ old, repl string }

// spellings lists the ways p may appear in output, each mapped to repl.
func spellings(p, repl string) []replacement {
	forms := []string{p, filepath.Clean(p)}
	if abs, err := filepath.Abs(p); err == nil {
		forms = append(forms, abs)
		if real, err := filepath.EvalSymlinks(abs); err == nil {
			forms = append(forms, real)
		}
	}
	var out []replacement
	for _, f := range forms {
		for _, s := range []string{f, filepath.ToSlash(f), strings.ReplaceAll(f, `\`, `\\`)} {
			out = append(out, replacement{s, repl})
		}
	}
	return out
}

// replacePaths returns a function replacing each old with its repl, longest
// first so that a path is replaced before any shorter path it contains.
func replacePaths(rs []replacement) func([]byte) []byte {
	seen := map[string]bool{"": true}
	rs = slices.DeleteFunc(rs, func(r replacement) bool {
		dup := seen[r.old]
		seen[r.old] = true
		return dup
	})
	slices.SortStableFunc(rs, func(a, b replacement) int { return cmp.Compare(len(b.old), len(a.old)) })
	return func(b []byte) []byte {
		for _, r := range rs {
			b = bytes.ReplaceAll(b, []byte(r.old), []byte(r.repl))
		}
		return b
	}
}

// scrubFunc resolves the scrubbers of c for call.
func (c *config) scrubFunc(call *call) func([]byte) []byte {
	fns := make([]func([]byte) []byte, len(c.scrubbers), len(c.scrubbers)+1)
	for i, s := range c.scrubbers {
		fns[i] = s(call)
	}
	if len(c.numbered) > 0 {
		fns = append(fns, numberedFunc(c.numbered)) // after the other scrubbers
	}
	return func(b []byte) []byte {
		for _, f := range fns {
			b = f(b)
		}
		return b
	}
}
