package tmptest

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/tmpkit/tmpkit/internal/faketb"
)

// checkUnnamed fails t unless f reads and writes, dir lists nothing and
// nothing is at f's name.
func checkUnnamed(t *testing.T, f *os.File, dir string) {
	t.Helper()
	if runtime.GOOS != "windows" { // Windows keeps the entry until close.
		if names := list(t, dir); len(names) != 0 {
			t.Errorf("%s lists %q; want no entry for an unnamed file", dir, names)
		}
		checkGone(t, f.Name())
	}
	if filepath.Dir(f.Name()) != dir {
		t.Errorf("Name() = %q; want a name in %q", f.Name(), dir)
	}
	if _, err := f.WriteString("unnamed data"); err != nil {
		t.Fatal(err)
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		t.Fatal(err)
	}
	if got, err := io.ReadAll(f); err != nil || string(got) != "unnamed data" {
		t.Errorf("read back %q, %v; want \"unnamed data\"", got, err)
	}
	if info, err := f.Stat(); err != nil || (runtime.GOOS != "windows" && info.Mode() != 0o600) {
		t.Errorf("Stat = %v, %v; want mode -rw-------", info, err)
	}
}

func TestUnnamed(t *testing.T) {
	dir := cleanDir(t)
	f := faketb.New("TestUnnamed", nil)
	var file *os.File
	f.Run(func(tb testing.TB) {
		file = Unnamed(tb, In(dir), Keep()) // Keep has nothing to keep
		checkUnnamed(t, file, dir)
	})
	f.Finish()
	if _, err := file.Write([]byte("x")); !errors.Is(err, os.ErrClosed) {
		t.Errorf("Write after cleanup: %v; want the file closed", err)
	}
	if len(f.Logs())+len(f.Errors()) != 0 {
		t.Errorf("cleanup logged %q and reported %q; want nothing", f.Logs(), f.Errors())
	}
}
