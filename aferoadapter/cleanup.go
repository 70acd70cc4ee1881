package aferoadapter

import (
	"io/fs"
	"os"
	"path"
	"testing"

	"github.com/spf13/afero"
)

// keepValues are the accepted values of TMPTEST_KEEP, as in tmptest.
const keepValues = `"never" (or empty), "failed", "all"`

// cleanup applies tmptest's lifetime rules to name on afs at the end of t:
// keep (tmptest.Keep) or TMPTEST_KEEP, read now, may keep it; otherwise it
// is removed. f, when not nil, is closed first.
func cleanup(t testing.TB, afs afero.Fs, name string, keep bool, f afero.File) {
	if f != nil {
		f.Close() // the test may have closed it already
	}
	switch v := os.Getenv("TMPTEST_KEEP"); v {
	case "", "never":
	case "failed":
		keep = keep || t.Failed()
	case "all":
		keep = true
	default:
		t.Errorf("aferoadapter: TMPTEST_KEEP=%q is not one of %s; %s was removed", v, keepValues, name)
	}
	if keep {
		t.Logf("aferoadapter: kept %s on %s", name, afs.Name())
		return
	}
	if err := removeTemp(afs, name); err != nil {
		t.Errorf("aferoadapter: cleanup: %v\n(it is left on %s; remove it by hand)", err, afs.Name())
	}
}

// removeTemp removes name and everything below it. If that fails, it makes
// every directory below name writable, never following a link, and tries
// again, so a read-only tree is removed too.
func removeTemp(afs afero.Fs, name string) error {
	if err := afs.RemoveAll(name); err == nil {
		return nil
	}
	makeWritable(afs, name)
	return afs.RemoveAll(name)
}

func makeWritable(afs afero.Fs, name string) {
	info, err := lstat(afs, name)
	if err != nil || !info.IsDir() {
		return
	}
	if err := afs.Chmod(name, info.Mode().Perm()|0o700); err != nil {
		return
	}
	d, err := afs.Open(name)
	if err != nil {
		return
	}
	names, _ := d.Readdirnames(-1)
	d.Close()
	for _, child := range names {
		makeWritable(afs, path.Join(name, child))
	}
}

// lstat describes name without following a final link when afs can.
func lstat(afs afero.Fs, name string) (fs.FileInfo, error) {
	if l, ok := afs.(afero.Lstater); ok {
		info, _, err := l.LstatIfPossible(name)
		return info, err
	}
	return afs.Stat(name)
}
