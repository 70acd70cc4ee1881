package tmptest

import (
	"fmt"
	"io/fs"
	"os"
	"strings"
)

// An Option configures the name, place, mode and lifetime of what a helper
// creates: [Prefix], [Suffix], [In], [Perm] and [Keep] make them. Options
// are values: build them once and pass them to as many helpers as you
// like. A bad option (say, a [Prefix] holding a separator) fails the test
// at the helper that uses it, before anything is created. The zero Option
// does nothing.
type Option struct {
	apply func(*config) // nil in the zero Option
}

// config is the resolved form of a list of options plus what a call reads
// from the environment. A config is built per call, never shared. Helpers
// outside this package that create elsewhere (aferoadapter) go through
// [Make] rather than reading it.
type config struct {
	prefix, suffix string
	dir            string // directory to create in; made absolute by resolve
	dirGiven       string // dir as the user gave it, for messages
	dirFrom        string // where dir came from: "In", "TMPTEST_DIR", "GOTMPDIR" or "os.TempDir()"
	perm           fs.FileMode
	permSet        bool
	keep           bool     // Keep() was given
	keepEnv        keepMode // TMPTEST_KEEP, read when the helper was called
	err            error    // first invalid option

	// Test hooks, set only by this package's tests through unexported
	// options (there is no package-level state to set instead).
	names    func() string                                              // random name parts
	tmpfile  func(dir, name string, perm fs.FileMode) (*os.File, error) // O_TMPFILE open
	memLimit int64                                                      // bound of a SpooledFile in memory; 0: maxInMemory
}

// Prefix makes created names start with p, like the prefix argument of
// Python's tempfile functions. The test's sanitised name and a random part
// follow it (see the package documentation). A p holding "/", "\", ".." or
// a NUL byte fails the test: a name part cannot choose the directory; [In]
// does that.
func Prefix(p string) Option {
	return Option{func(c *config) {
		c.prefix = p
		c.setErr(checkNamePart("Prefix", p))
	}}
}

// Suffix makes created names end with s, such as ".json" or ".sock". It
// accepts what [Prefix] accepts.
func Suffix(s string) Option {
	return Option{func(c *config) {
		c.suffix = s
		c.setErr(checkNamePart("Suffix", s))
	}}
}

// In makes helpers create inside dir instead of [BaseDir]. The directory
// must exist; a relative dir is made absolute when the helper is called, so
// a later chdir does not move the result. An empty dir, or one that is
// missing or not a directory, fails the test and nothing is created.
func In(dir string) Option {
	return Option{func(c *config) {
		c.dir, c.dirFrom = dir, "In"
		if dir == "" {
			c.setErr(fmt.Errorf("tmptest: In(\"\"): empty directory name; leave out In to use BaseDir()"))
		}
	}}
}

// Perm sets the permission bits of what is created (default 0600 for
// files, 0700 for directories). The result has exactly these bits whatever
// the process umask: where the umask would remove some, the helper sets
// them again with an explicit chmod. Only permission bits (0 to 0o777) are
// accepted. With [Path], Perm applies to the fresh directory holding the
// path.
func Perm(mode fs.FileMode) Option {
	return Option{func(c *config) {
		c.perm, c.permSet = mode, true
		if mode&^fs.ModePerm != 0 {
			c.setErr(fmt.Errorf("tmptest: Perm(%O): not a permission mode; accepted: 0 to 0o777", uint32(mode)))
		}
	}}
}

// Keep leaves what a helper creates in place after the test, like Python's
// NamedTemporaryFile(delete=False), and logs its path with t.Log when the
// test ends. Open files are still closed. To keep only what failed tests
// created, set TMPTEST_KEEP=failed instead (see the package documentation).
func Keep() Option {
	return Option{func(c *config) { c.keep = true }}
}

// withNames replaces the random part of names with next's results, so
// tests can predict (and plant things at) the names a helper will try.
func withNames(next func() string) Option {
	return Option{func(c *config) { c.names = next }}
}

// withTmpfile replaces the O_TMPFILE open of [Unnamed], so tests can make
// it fail the way a file system without O_TMPFILE support does.
func withTmpfile(open func(dir, name string, perm fs.FileMode) (*os.File, error)) Option {
	return Option{func(c *config) { c.tmpfile = open }}
}

// withMemLimit lowers the bound of a [SpooledFile] in memory, so tests can
// check it byte for byte without allocating a gigabyte.
func withMemLimit(n int64) Option {
	return Option{func(c *config) { c.memLimit = n }}
}

// where names the directory as the user gave it, for messages:
// In("x"), TMPTEST_DIR="x", ... It is built only when needed.
func (c *config) where() string {
	switch c.dirFrom {
	case "In":
		return fmt.Sprintf("In(%q)", c.dirGiven)
	case "os.TempDir()":
		return fmt.Sprintf("os.TempDir() %q", c.dirGiven)
	}
	return fmt.Sprintf("%s=%q", c.dirFrom, c.dirGiven)
}

// hint says what to do when the directory is unusable.
func (c *config) hint() string {
	if c.dirFrom == "In" {
		return "create it first, or leave out In to use BaseDir()"
	}
	return "create it, or set TMPTEST_DIR to an existing directory"
}

func (c *config) setErr(err error) {
	if c.err == nil {
		c.err = err
	}
}

// checkNamePart reports whether s can be part of a single file name: no
// separator of any OS, no "..", no NUL. Such a part, placed next to the
// random part, can never name another directory or the parent.
func checkNamePart(option, s string) error {
	if strings.ContainsAny(s, "/\\\x00") || strings.Contains(s, "..") {
		return fmt.Errorf(`tmptest: %s(%q): a name part cannot hold "/", "\", ".." or NUL; choose the directory with In`, option, s)
	}
	return nil
}

// resolve applies opts and reads the environment, failing on the first
// invalid option. Nothing touches the disk.
func resolve(opts []Option, defaultPerm fs.FileMode) (*config, error) {
	c := &config{perm: defaultPerm}
	for _, o := range opts {
		if o.apply != nil {
			o.apply(c)
		}
	}
	if c.err != nil {
		return nil, c.err
	}
	var err error
	if c.keepEnv, err = keepFromEnv(); err != nil {
		return nil, err
	}
	if c.dirFrom == "" {
		c.dir, c.dirFrom = baseDir()
	}
	c.dirGiven = c.dir
	if c.dir, err = absDir(c.dir); err != nil {
		return nil, fmt.Errorf("tmptest: %s: %w", c.where(), err)
	}
	return c, nil
}
