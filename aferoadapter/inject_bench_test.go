package aferoadapter_test

import (
	"syscall"
	"testing"
	"time"

	"github.com/tmpkit/tmpkit/aferoadapter"
	"github.com/tmpkit/tmpkit/fixture"
)

// BenchmarkInjectWrite1000 is fixture.Write of benchTree's 1,000 files into
// FS(Inject(NewMemFs(), f)) for faults f that never fire, against
// FS(NewMemFs()) in the same run. Each sub-benchmark takes turns between
// the two in every iteration and reports the ratio of their total times
// (see interleave in bench_test.go for why):
//
//	go test -run='^$' -bench=InjectWrite1000 -benchtime=100x -count=5 ./aferoadapter/
//
// Target: Inject/NewMemFs at most 1.2 for a fault that never fires. The
// faults are one on an op fixture.Write never makes (FailOn rename), one
// on every op it makes whose pattern matches no name (ReadOnly), and
// DiskFull, which counts every write, so that fixture.Write takes the
// generic way (an Lstat per component, a handle per file): shown for
// information.
func BenchmarkInjectWrite1000(b *testing.B) {
	tree := benchTree()
	for _, c := range []struct {
		name  string
		fault aferoadapter.Fault
	}{
		{"FailOn-rename", aferoadapter.FailOn("rename", "**", syscall.EIO)},
		{"ReadOnly-elsewhere", aferoadapter.ReadOnly("elsewhere")},
		{"DiskFull-1TiB", aferoadapter.DiskFull(1 << 40)},
	} {
		b.Run(c.name, func(b *testing.B) {
			var plain, injected time.Duration
			round := 0
			for b.Loop() {
				runs := []func(){
					func() {
						start := time.Now()
						fixture.Write(b, aferoadapter.FS(aferoadapter.NewMemFs()), tree)
						plain += time.Since(start)
					},
					func() {
						start := time.Now()
						fixture.Write(b, aferoadapter.FS(aferoadapter.Inject(aferoadapter.NewMemFs(), c.fault)), tree)
						injected += time.Since(start)
					},
				}
				runs[round%2]()
				runs[(round+1)%2]()
				round++
			}
			b.ReportMetric(float64(plain.Nanoseconds())/float64(b.N), "NewMemFs-ns/op")
			b.ReportMetric(float64(injected.Nanoseconds())/float64(b.N), "Inject-ns/op")
			b.ReportMetric(float64(injected)/float64(plain), "Inject/NewMemFs")
		})
	}
}
