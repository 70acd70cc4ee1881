package golden

import (
	"errors"
	"flag"
	"fmt"

	"github.com/tmpkit/tmpkit/internal/redact"
)

// Option configures where a golden lives and how content is prepared before
// it is compared or written. The zero Option does nothing.
type Option struct {
	apply func(*config)
}

// config is the result of applying the options of one call.
type config struct {
	name      string // set by Name; "" means derived from the test name
	nameSet   bool
	dir       string // set by Dir; "testdata" by default
	exact     bool
	scrubbers []scrubber
	err       error // the first invalid option

	redactions []redact.Rule  // Redact, for AssertJSON, AssertYAML, AssertValue
	numbered   []numberedRule // ScrubNumbered, run after the scrubbers
	placedBy   string         // "Name" or "Dir" when one was given (misuse in Each)

	// Hooks for this package's own tests, never set by users: they replace
	// what a real test binary provides, so tests stay parallel and can
	// inject failures without any package-level mutable variable.
	getenv       func(string) string         // replaces os.Getenv
	lookupFlag   func(string) *flag.Flag     // replaces flag.Lookup
	beforeRename func(tmp, dst string) error // runs before each rename that makes a write visible
	reg          *registry                   // replaces used, to simulate another run
	pkgDir       string                      // replaces startDir: another package directory
}

func newConfig(opts []Option) config {
	c := config{dir: "testdata", reg: used}
	for _, o := range opts {
		if o.apply != nil {
			o.apply(&c)
		}
	}
	return c
}

// fail records the first invalid option; the assertion reports it.
func (c *config) fail(err error) {
	if c.err == nil {
		c.err = err
	}
}

// Name sets the golden's path below the golden directory (see [Dir]),
// slash-separated and used as it is: no ".golden" is appended and the test
// name plays no part. It must be a relative path that stays inside the
// golden directory: "", ".", an absolute path, a ".." element, a backslash
// or a colon make the assertion fail.
//
// [Main] recognises as goldens only regular files named "*.golden" and
// directories named "*.golden.d" (golden trees), and counts as unused only
// those whose path follows a test's name; a golden with another name is
// never reported, and a *.golden file with another path is listed, never
// counted. Nothing is ever removed.
func Name(name string) Option {
	return Option{func(c *config) {
		c.placedBy = "Name"
		if err := checkName(name); err != nil {
			c.fail(fmt.Errorf("golden: Name(%q): %w", name, err))
			return
		}
		c.name, c.nameSet = name, true
	}}
}

// Dir sets the golden directory, relative to the package directory (the
// working directory go test starts the test binary in, whatever a test
// later does to the working directory) or absolute. The default is
// "testdata".
func Dir(dir string) Option {
	return Option{func(c *config) {
		c.placedBy = "Dir"
		if dir == "" {
			c.fail(errors.New(`golden: Dir(""): empty directory; leave the option out to use "testdata"`))
			return
		}
		c.dir = dir
	}}
}

// Exact makes the comparison byte for byte. Without it, a text golden
// (without NUL bytes, valid UTF-8) also matches when its "\r\n" line
// endings, read as "\n", make it equal to the output, so a golden checked
// out with Windows line endings still matches; the output's own line
// endings are never folded, so output that starts printing "\r\n" differs
// from a golden holding "\n" with or without Exact. [Get] also returns the
// bytes unchanged under Exact.
func Exact() Option {
	return Option{func(c *config) { c.exact = true }}
}
