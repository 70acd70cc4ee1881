package tmptest

import (
	"os"
	"testing"
)

// Unnamed returns a new file, open for reading and writing, that no
// directory lists: Python's TemporaryFile. Nothing can open it by name,
// and its storage is freed when it is closed, which happens at cleanup
// (closing it earlier is fine). Its Name is the path it would have had
// in [BaseDir] (or the directory of [In]); nothing exists there.
//
// On Linux it is opened with O_TMPFILE; where the file system refuses
// that (EOPNOTSUPP, or EISDIR from an old kernel), and on other Unix
// systems, it is created as [File] does and unlinked at once. Windows
// cannot unlink an open file: there the file is opened with
// FILE_FLAG_DELETE_ON_CLOSE, so its directory entry lasts until it is
// closed. [Keep] and TMPTEST_KEEP have nothing to keep.
func Unnamed(t testing.TB, opts ...Option) *os.File {
	t.Helper()
	c, err := resolve(opts, 0o600)
	if err != nil {
		t.Fatalf("%v", err)
	}
	f, err := c.openUnnamed(t.Name())
	if err != nil {
		t.Fatalf("%v", err)
	}
	c.atCleanup(t, "", "", f.Close, nil)
	return f
}
