package tmptest

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/tmpkit/tmpkit/internal/faketb"
)

// TestUnnamedUsesTmpfile tells an O_TMPFILE file from a created and
// unlinked one by the link in /proc: "/dir/#inode (deleted)".
func TestUnnamedUsesTmpfile(t *testing.T) {
	dir := cleanDir(t)
	f := faketb.New("TestTmpfile", nil)
	f.Run(func(tb testing.TB) {
		file := Unnamed(tb, In(dir))
		target, err := os.Readlink(fmt.Sprint("/proc/self/fd/", file.Fd()))
		if err != nil {
			t.Skip("no /proc:", err)
		}
		if !strings.HasPrefix(target, filepath.Join(dir, "#")) {
			t.Errorf("/proc link of the file = %q; want %s/#<inode> (deleted) from O_TMPFILE", target, dir)
		}
	})
	f.Finish()
}

func TestUnnamedFallsBackWithoutTmpfile(t *testing.T) {
	for _, errno := range []syscall.Errno{syscall.EOPNOTSUPP, syscall.EISDIR} {
		t.Run(errno.Error(), func(t *testing.T) {
			dir := cleanDir(t)
			f := faketb.New("TestFallback", nil)
			f.Run(func(tb testing.TB) {
				file := Unnamed(tb, In(dir), withTmpfile(refuseTmpfile(errno)))
				target, _ := os.Readlink(fmt.Sprint("/proc/self/fd/", file.Fd()))
				if want := file.Name() + " (deleted)"; target != want {
					t.Errorf("/proc link of the file = %q; want %q from create+unlink", target, want)
				}
				checkUnnamed(t, file, dir)
			})
			f.Finish()
			if f.Failed() {
				t.Errorf("Unnamed failed: %s %q", f.Fatals(), f.Errors())
			}
		})
	}
}

func TestUnnamedReportsOtherErrors(t *testing.T) {
	dir := cleanDir(t)
	got := fatalOf(t, func(tb testing.TB) { Unnamed(tb, In(dir), withTmpfile(refuseTmpfile(syscall.EACCES))) })
	want := `tmptest: In("` + dir + `"): open ` + dir + `: permission denied`
	if got != want {
		t.Errorf("Fatalf message:\n got: %s\nwant: %s", got, want)
	}
}
