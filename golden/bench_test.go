package golden

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func benchLines(n int, changed ...int) string {
	var b strings.Builder
	for i := range n {
		if len(changed) > 0 && changed[0] == i {
			changed = changed[1:]
			fmt.Fprintf(&b, "changed line %d\n", i)
			continue
		}
		fmt.Fprintf(&b, "line %d of the golden text\n", i)
	}
	return b.String()
}

// overBaseline runs base and the others in turn in every iteration and
// reports each other's time divided by base's, as "<other>/<base>": all
// sides then see the same load of a shared machine and page cache. Each
// run starts from a collected heap, so that none pays for collecting the
// garbage of the one before (at 200 MB, a collection at the wrong time
// cost more than a comparison, and ratios varied from 0.3 to 3.4 between
// runs). It also reports each side's mean time, as "<name>-ms".
func overBaseline(b *testing.B, base variant, others ...variant) {
	all := append([]variant{base}, others...)
	total := make([]time.Duration, len(all))
	for _, v := range all { // a round untimed: page cache and heap warm
		v.run()
	}
	for round := 0; b.Loop(); round++ {
		for k := range all {
			j := (round + k) % len(all)
			runtime.GC()
			start := time.Now()
			all[j].run()
			total[j] += time.Since(start)
		}
	}
	for j, v := range others {
		b.ReportMetric(float64(total[j+1])/float64(total[0]), v.name+"/"+base.name)
	}
	for j, v := range all {
		b.ReportMetric(float64(total[j])/1e6/float64(b.N), v.name+"-ms")
	}
}

// assertion returns a function running one comparison of got with the
// golden TestX.golden in dir, as Assert does once the options are read,
// failing b unless its outcome is want (a difference or not).
func assertion(b *testing.B, dir string, got []byte, differs bool) func() {
	return func() {
		cfg := newConfig(append(quiet(), Dir(dir), newRun()))
		c := &call{test: "TestX", pkgDir: dir, getenv: cfg.getenv, lookupFlag: cfg.lookupFlag}
		err := c.assertFile(cfg, got)
		if _, ok := err.(*difference); ok != differs || !differs && err != nil {
			b.Fatalf("want a difference: %v; got %v", differs, err)
		}
	}
}

func writeGolden(b testing.TB, content string) string {
	dir := b.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "TestX.golden"), []byte(content), 0o644); err != nil {
		b.Fatal(err)
	}
	return dir
}

// BenchmarkMismatch times a whole failed comparison, golden file read and
// failure message included, of 100,000 lines with 3 changed, against the
// baseline of reading the file and rendering go-cmp's cmp.Diff.
func BenchmarkMismatch(b *testing.B) {
	want, got := benchLines(100_000), benchLines(100_000, 10, 50_000, 99_990)
	dir := writeGolden(b, want)
	gotBytes := []byte(got)
	b.Run("golden", func(b *testing.B) {
		run := assertion(b, dir, gotBytes, true)
		for b.Loop() {
			run()
		}
	})
	b.Run("go-cmp", func(b *testing.B) {
		for b.Loop() {
			w, err := os.ReadFile(filepath.Join(dir, "TestX.golden"))
			if err != nil {
				b.Fatal(err)
			}
			if cmp.Diff(string(w), got) == "" {
				b.Fatal("no difference found")
			}
		}
	})
}

// BenchmarkMatch times a passing comparison of a 100,000-line golden (the
// path every test run takes) against the baseline of reading the file and
// comparing bytes; the interleaved sub-benchmark reports their ratio.
func BenchmarkMatch(b *testing.B) {
	want := benchLines(100_000)
	dir := writeGolden(b, want)
	wantBytes := []byte(want)
	interleave(b,
		variant{"golden", assertion(b, dir, wantBytes, false)},
		variant{"os.ReadFile+bytes.Equal", func() {
			w, err := os.ReadFile(filepath.Join(dir, "TestX.golden"))
			if err != nil || !bytes.Equal(w, wantBytes) {
				b.Fatal("differs", err)
			}
		}})
}

// BenchmarkLarge compares a large golden, by default 20 MB of short
// lines (GOLDEN_BENCH_MB sets the size; bench/run uses 200, the size of
// issue 9's report), three ways: equal; differing near its end, failure
// message included; and checked out with CRLF line endings, equal once
// they are read as LF. The interleaved sub-benchmark reports
// mismatch/equal and crlf/equal; "memory" reports peak/inputs, an upper
// bound of the peak memory of a mismatch (the output the test holds, plus
// everything the comparison allocates, the golden read included) divided
// by the size of the two inputs.
func BenchmarkLarge(b *testing.B) {
	mb := 20
	if s := os.Getenv("GOLDEN_BENCH_MB"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n <= 0 {
			b.Fatalf("GOLDEN_BENCH_MB=%q: want a number of megabytes", s)
		}
		mb = n
	}
	lines := mb << 20 / len("line 1000000 of the golden text\n")
	want := benchLines(lines)
	got := []byte(benchLines(lines, lines-10))
	lf := writeGolden(b, want)
	crlf := writeGolden(b, strings.ReplaceAll(want, "\n", "\r\n"))
	wantBytes := []byte(want)
	want = ""
	b.Run("interleaved", func(b *testing.B) {
		overBaseline(b, variant{"equal", assertion(b, lf, wantBytes, false)},
			variant{"mismatch", assertion(b, lf, got, true)},
			variant{"crlf", assertion(b, crlf, wantBytes, false)})
	})
	b.Run("memory", func(b *testing.B) {
		run := assertion(b, lf, got, true)
		var peak float64
		for b.Loop() {
			runtime.GC()
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			run()
			runtime.ReadMemStats(&after)
			inputs := float64(len(got) + len(wantBytes))
			peak = max(peak, (float64(len(got))+float64(after.TotalAlloc-before.TotalAlloc))/inputs)
		}
		b.ReportMetric(peak, "peak/inputs")
	})
}
