package golden

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"regexp"

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
// and %q write them on Windows. Longer spellings are replaced first. A
// spelling is replaced only where it is a whole path or starts one: not
// where a letter, digit or one of "_-.~+@%" comes just before it or just
// after it ("/tmp" in "/var/tmp" or "/tmpfoo" stays; "/tmp/x", "/tmp." at the
// end of a sentence and "(/tmp)" are scrubbed). An empty p makes the
// assertion fail.
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

// ScrubTempDirs replaces, in the output before it is compared or written,
// every temporary path the test made, each with a placeholder that is the
// same on every run:
//   - each path tmpkit's tmptest made for the test and its parent tests
//     (tmptest.Dir, File, WriteFile, Path, and those built on them, such as
//     aferoadapter.TempDir) becomes "$TMPTEST/001", "$TMPTEST/002", ...,
//     numbered in the order they were made;
//   - the directory holding every t.TempDir() of the test becomes
//     "$TESTTMP", so the first t.TempDir() is "$TESTTMP/001", the second
//     "$TESTTMP/002";
//   - [tmptest.BaseDir] and [os.TempDir] become "$TMPDIR".
//
// Every spelling of these paths is replaced, as by [ScrubPath], only where
// it is a whole path or starts one. Learning the t.TempDir directory makes
// none: it is recognised by the name the testing package gives it.
func ScrubTempDirs() Option {
	return Option{func(c *config) {
		c.scrub(func(call *call) func([]byte) []byte {
			var all []replacement
			if call.created != nil {
				for i, p := range call.created() {
					all = append(all, spellings(p, fmt.Sprintf("$TMPTEST/%03d", i+1))...)
				}
			}
			all = append(all, testTempDir(call.test, call.getenv)...)
			all = append(all, spellings(tmptest.BaseDir(), "$TMPDIR")...)
			all = append(all, spellings(os.TempDir(), "$TMPDIR")...)
			return replacePaths(all)
		})
	}}
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
