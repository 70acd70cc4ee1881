package tmptest

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// benchTB is the least a helper needs from a test, with cleanups the
// benchmark runs itself after each iteration, so that both sides of a
// comparison pay for creating and for removing.
type benchTB struct {
	testing.TB
	b        *testing.B
	cleanups []func()
}

func (t *benchTB) Helper()                           {}
func (t *benchTB) Name() string                      { return t.b.Name() }
func (t *benchTB) Cleanup(f func())                  { t.cleanups = append(t.cleanups, f) }
func (t *benchTB) Failed() bool                      { return false }
func (t *benchTB) Logf(format string, args ...any)   {}
func (t *benchTB) Errorf(format string, args ...any) { t.b.Errorf(format, args...) }
func (t *benchTB) Fatalf(format string, args ...any) { t.b.Fatalf(format, args...) }

func (t *benchTB) runCleanups() {
	for i := len(t.cleanups) - 1; i >= 0; i-- {
		t.cleanups[i]()
	}
	t.cleanups = t.cleanups[:0]
}

// BenchmarkDir compares Dir and its cleanup with what t.TempDir does. A
// test's first t.TempDir makes a directory named after the test with
// os.MkdirTemp, a "001" inside, and removes the first at the end; later
// calls stat the first and make "002", "003"... in it, removed with it.
// Raw os.MkdirTemp and os.RemoveAll are the floor.
func BenchmarkDir(b *testing.B) {
	base := b.TempDir()
	b.Run("tmptest.Dir", func(b *testing.B) {
		t := &benchTB{b: b}
		for b.Loop() {
			Dir(t, In(base))
			t.runCleanups()
		}
	})
	b.Run("t.TempDir-first", func(b *testing.B) {
		for b.Loop() {
			parent, err := os.MkdirTemp(base, "BenchmarkDir")
			if err == nil {
				err = os.Mkdir(filepath.Join(parent, "001"), 0o777)
			}
			if err == nil {
				err = os.RemoveAll(parent)
			}
			if err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("t.TempDir-next", func(b *testing.B) {
		parent, err := os.MkdirTemp(base, "BenchmarkDir")
		if err != nil {
			b.Fatal(err)
		}
		seq := 0
		for b.Loop() {
			seq++
			if _, err := os.Stat(parent); err != nil {
				b.Fatal(err)
			}
			dir := fmt.Sprintf("%s%c%03d", parent, os.PathSeparator, seq)
			if err := os.Mkdir(dir, 0o777); err != nil {
				b.Fatal(err)
			}
			if err := os.RemoveAll(dir); err != nil { // less than its share of the final RemoveAll
				b.Fatal(err)
			}
		}
	})
	b.Run("os.MkdirTemp", func(b *testing.B) {
		for b.Loop() {
			dir, err := os.MkdirTemp(base, "BenchmarkDir*")
			if err == nil {
				err = os.RemoveAll(dir)
			}
			if err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkFile compares File and its cleanup (close and remove) with
// os.CreateTemp, Close and os.Remove.
func BenchmarkFile(b *testing.B) {
	base := b.TempDir()
	b.Run("tmptest.File", func(b *testing.B) {
		t := &benchTB{b: b}
		for b.Loop() {
			File(t, In(base))
			t.runCleanups()
		}
	})
	b.Run("os.CreateTemp", func(b *testing.B) {
		for b.Loop() {
			f, err := os.CreateTemp(base, "BenchmarkFile*")
			if err != nil {
				b.Fatal(err)
			}
			f.Close()
			if err := os.Remove(f.Name()); err != nil {
				b.Fatal(err)
			}
		}
	})
}
