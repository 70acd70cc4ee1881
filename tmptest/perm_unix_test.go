//go:build unix

package tmptest

import (
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/tmpkit/tmpkit/internal/faketb"
)

// TestPermIsExactWhateverTheUmask sets a umask that removes group and
// other bits and some of the owner's: Perm's bits must all be there, and
// the defaults keep the owner's bits the umask leaves.
func TestPermIsExactWhateverTheUmask(t *testing.T) {
	base := cleanDir(t)
	// The umask is process-wide: this test must not run in parallel.
	old := syscall.Umask(0o277)
	defer syscall.Umask(old)

	f := faketb.New("TestPerm", nil)
	f.Run(func(tb testing.TB) {
		checkMode(t, Dir(tb, In(base), Perm(0o755)), fs.ModeDir|0o755)
		checkMode(t, File(tb, In(base), Perm(0o640)).Name(), 0o640)
		checkMode(t, WriteFile(tb, "x", In(base), Perm(0o604)), 0o604)
		checkMode(t, filepath.Dir(Path(tb, In(base), Perm(0o711))), fs.ModeDir|0o711)
		checkMode(t, Dir(tb, In(base), Perm(0)), fs.ModeDir)
		checkMode(t, File(tb, In(base), Perm(0o400)).Name(), 0o400)

		sp := Spooled(tb, 0, In(base), Perm(0o660))
		if _, err := sp.File(); err != nil {
			t.Fatal(err)
		}
		checkMode(t, sp.Name(), 0o660)

		for _, u := range []*os.File{Unnamed(tb, In(base), Perm(0o664)), Unnamed(tb, In(base), Perm(0o664), withTmpfile(refuseTmpfile(syscall.EISDIR)))} {
			if info, err := u.Stat(); err != nil || info.Mode() != 0o664 {
				t.Errorf("Unnamed with Perm(0o664): Stat = %v, %v; want -rw-rw-r--", info.Mode(), err)
			}
		}

		// Defaults are creation modes: the umask took the owner's w here.
		checkMode(t, Dir(tb, In(base)), fs.ModeDir|0o500)
		checkMode(t, File(tb, In(base)).Name(), 0o400)
	})
	f.Finish()
	if f.Failed() {
		t.Errorf("helpers failed: %s %q", f.Fatals(), f.Errors())
	}
}
