package aferoadapter_test

import (
	"io"
	"io/fs"
	"os"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/spf13/afero"

	"github.com/tmpkit/tmpkit/aferoadapter"
)

// TestMemFsHandleRacesMetadata runs every method of an open handle, each
// in its own goroutine, while Chmod, Chtimes and Chown change the same
// node: memfs.go promises one lock guards every node, so -race must find
// nothing here. Issue 9 found (*memFile).check (Read, ReadAt), Seek and
// readdir reading node.mode outside the lock; this test caught each of the
// three on the unfixed code.
func TestMemFsHandleRacesMetadata(t *testing.T) {
	m := aferoadapter.NewMemFs()
	must(t, afero.WriteFile(m, "/f", []byte("hello"), 0o644))
	must(t, m.Mkdir("/d", 0o755))
	must(t, afero.WriteFile(m, "/d/x", nil, 0o644))
	f, err := m.OpenFile("/f", os.O_RDWR, 0)
	must(t, err)
	defer f.Close()
	d, err := m.Open("/d")
	must(t, err)
	defer d.Close()

	b := make([]byte, 2)
	handleOps := []func(){
		func() { f.ReadAt(b[:1], 0) },
		func() { f.Read(b[1:]) },
		func() { f.Seek(0, io.SeekEnd) },
		func() { f.WriteAt([]byte("h"), 0) },
		func() { f.Write(nil) },
		func() { f.Truncate(5) },
		func() { f.Stat() },
		func() { f.Readdir(1) },
		func() { d.Readdirnames(-1) },
		func() { d.Seek(0, io.SeekStart) },
		func() { d.Read(make([]byte, 1)) },
		func() { d.Stat() },
	}
	const rounds = 2000
	var readers sync.WaitGroup
	var done atomic.Bool
	var writers sync.WaitGroup
	for _, name := range []string{"/f", "/d"} {
		writers.Go(func() {
			for i := 0; !done.Load(); i++ {
				m.Chmod(name, 0o700|fs.FileMode(i%2)*0o055)
				m.Chtimes(name, time.Time{}, time.Unix(int64(i), 0))
				m.Chown(name, i, i)
			}
		})
	}
	for _, op := range handleOps {
		readers.Go(func() {
			for range rounds {
				op()
			}
		})
	}
	readers.Wait()
	done.Store(true)
	writers.Wait()
}

// TestMemFsReadAtRacesChmod is issue 9's reproducer as it was filed.
func TestMemFsReadAtRacesChmod(t *testing.T) {
	m := aferoadapter.NewMemFs()
	f0, _ := m.Create("/f")
	f0.Write([]byte("hello"))
	f0.Close()
	f, _ := m.Open("/f")
	defer f.Close()
	var wg sync.WaitGroup
	wg.Go(func() {
		for range 1000 {
			m.Chmod("/f", 0o644)
		}
	})
	wg.Go(func() {
		b := make([]byte, 2)
		for range 1000 {
			f.ReadAt(b, 0)
		}
	})
	wg.Wait()
}
