package tmptest

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"
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

// variant is one side of a comparison: once builds what one iteration runs.
type variant struct {
	name string
	once func(b *testing.B) func()
}

// compare runs each variant as a sub-benchmark, then all of them in one
// "interleaved" sub-benchmark that alternates them in every iteration (who
// goes first rotates) and reports each baseline's time divided into the
// first variant's, as "<first>/<baseline>". The separate figures move with
// the disk's write-back phases on a shared machine; the interleaved ratio
// sees both sides under the same load.
func compare(b *testing.B, variants ...variant) {
	for _, v := range variants {
		b.Run(v.name, func(b *testing.B) {
			run := v.once(b)
			for b.Loop() {
				run()
			}
		})
	}
	b.Run("interleaved", func(b *testing.B) {
		runs := make([]func(), len(variants))
		for i, v := range variants {
			runs[i] = v.once(b)
		}
		total := make([]time.Duration, len(variants))
		round := 0
		for b.Loop() {
			for k := range variants {
				j := (round + k) % len(variants)
				start := time.Now()
				runs[j]()
				total[j] += time.Since(start)
			}
			round++
		}
		for j, v := range variants[1:] {
			b.ReportMetric(float64(total[0])/float64(total[j+1]), variants[0].name+"/"+v.name)
		}
	})
}

// BenchmarkDir compares Dir and its cleanup with what t.TempDir does. A
// test's first t.TempDir makes a directory named after the test with
// os.MkdirTemp, a "001" inside, and removes the first at the end; later
// calls stat the first and make "002", "003"... in it, removed with it.
// Raw os.MkdirTemp and os.RemoveAll are the floor.
func BenchmarkDir(b *testing.B) {
	base := b.TempDir()
	compare(b,
		variant{"tmptest.Dir", func(b *testing.B) func() {
			t := &benchTB{b: b}
			return func() {
				Dir(t, In(base))
				t.runCleanups()
			}
		}},
		variant{"t.TempDir-first", func(b *testing.B) func() {
			return func() {
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
		}},
		variant{"t.TempDir-next", func(b *testing.B) func() {
			parent, err := os.MkdirTemp(base, "BenchmarkDir")
			if err != nil {
				b.Fatal(err)
			}
			seq := 0
			return func() {
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
		}},
		variant{"os.MkdirTemp", func(b *testing.B) func() {
			return func() {
				dir, err := os.MkdirTemp(base, "BenchmarkDir*")
				if err == nil {
					err = os.RemoveAll(dir)
				}
				if err != nil {
					b.Fatal(err)
				}
			}
		}},
	)
}

// BenchmarkFile compares File and its cleanup (close and remove) with
// os.CreateTemp, Close and os.Remove.
func BenchmarkFile(b *testing.B) {
	base := b.TempDir()
	compare(b,
		variant{"tmptest.File", func(b *testing.B) func() {
			t := &benchTB{b: b}
			return func() {
				File(t, In(base))
				t.runCleanups()
			}
		}},
		variant{"os.CreateTemp", func(b *testing.B) func() {
			return func() {
				f, err := os.CreateTemp(base, "BenchmarkFile*")
				if err != nil {
					b.Fatal(err)
				}
				f.Close()
				if err := os.Remove(f.Name()); err != nil {
					b.Fatal(err)
				}
			}
		}},
	)
}
