package tmptest

import (
	"io/fs"
	"testing"
)

// Make is the engine of [Dir] and [File], open to helpers that create
// temporary things somewhere other than the disk, such as an afero.Fs, so
// that they follow the same options, names, retries and keep rules.
//
// Make resolves opts (a bad one fails the test, as in [Dir]) and calls
// create with candidate paths in the directory of [In] (or [BaseDir]) and
// the permission bits to use: those of [Perm], else perm. create must
// make the entry only if nothing is at the path yet, and otherwise fail
// with an error matching [fs.ErrExist]: Make then tries another name. Any
// other error fails the test. At cleanup, remove is called with the path
// unless [Keep] or TMPTEST_KEEP keeps it; an error it returns is reported
// with t.Errorf. Make returns the path created.
func Make(t testing.TB, perm fs.FileMode, create func(path string, perm fs.FileMode) error, remove func(path string) error, opts ...Option) string {
	t.Helper()
	c, err := resolve(opts, perm)
	if err != nil {
		t.Fatalf("%v", err)
	}
	path, err := c.create(t.Name(), maxTestName, func(path string) error {
		return create(path, c.perm)
	})
	if err != nil {
		t.Fatalf("%v", err)
	}
	c.atCleanup(t, path, path, nil, remove)
	return path
}
