package aferotest

import (
	"fmt"
	"os"
	"sync"
)

var concurrentChecks = []Check{
	{Name: "concurrent/shared-handle", Want: "one handle is safe for concurrent WriteAt, ReadAt and Read, like an *os.File", run: func(e *env) error {
		f, err := e.fsys.OpenFile(e.p("f"), os.O_RDWR|os.O_CREATE, 0o644)
		if err != nil {
			return wantOK(`OpenFile("f", O_RDWR|O_CREATE)`, err)
		}
		defer f.Close()
		const workers, each, size = 4, 50, 8
		record := func(i int) []byte { return fmt.Appendf(nil, "%07d\n", i) }
		errs := make(chan error, workers)
		var wg sync.WaitGroup
		for w := range workers {
			wg.Go(func() {
				for i := w * each; i < (w+1)*each; i++ {
					if _, err := f.WriteAt(record(i), int64(i*size)); err != nil {
						errs <- wantOK("WriteAt", err)
						return
					}
				}
			})
		}
		wg.Wait()
		for w := range workers {
			wg.Go(func() {
				buf := make([]byte, size)
				for i := w * each; i < (w+1)*each; i++ {
					if _, err := f.ReadAt(buf, int64(i*size)); err != nil || string(buf) != string(record(i)) {
						errs <- fmt.Errorf("ReadAt(%d) = %q, %s; want %q", i*size, buf, describe(err), record(i))
						return
					}
				}
			})
		}
		wg.Wait()
		seen := make([]int, workers*each)
		var mu sync.Mutex
		for range workers {
			wg.Go(func() {
				buf := make([]byte, size)
				for {
					n, err := f.Read(buf)
					if n == 0 || err != nil {
						return
					}
					var i int
					if _, err := fmt.Sscanf(string(buf[:n]), "%07d\n", &i); err != nil || i < 0 || i >= len(seen) {
						errs <- fmt.Errorf("concurrent Read gave %q, not one whole record", buf[:n])
						return
					}
					mu.Lock()
					seen[i]++
					mu.Unlock()
				}
			})
		}
		wg.Wait()
		close(errs)
		if err := <-errs; err != nil {
			return err
		}
		for i, n := range seen {
			if n != 1 {
				return fmt.Errorf("concurrent Reads returned record %d %d times, want once", i, n)
			}
		}
		return nil
	}},
	{Name: "concurrent/creates", Want: "files created concurrently in one directory are all listed", run: func(e *env) error {
		if err := e.mkdirs("d"); err != nil {
			return err
		}
		const workers, each = 4, 25
		errs := make(chan error, workers)
		var wg sync.WaitGroup
		var want []string
		for w := range workers {
			for i := range each {
				want = append(want, fmt.Sprintf("f%d-%02d", w, i))
			}
			wg.Go(func() {
				for i := range each {
					if err := e.writeFile(fmt.Sprintf("d/f%d-%02d", w, i), "x"); err != nil {
						errs <- err
						return
					}
				}
			})
		}
		wg.Wait()
		close(errs)
		if err := <-errs; err != nil {
			return err
		}
		d, err := e.fsys.Open(e.p("d"))
		if err != nil {
			return wantOK(`Open("d")`, err)
		}
		defer d.Close()
		names, err := d.Readdirnames(-1)
		if err != nil {
			return wantOK("Readdirnames(-1)", err)
		}
		return sameNames("Readdirnames(-1)", names, want)
	}},
}
