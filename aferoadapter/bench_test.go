package aferoadapter_test

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/spf13/afero"

	"github.com/tmpkit/tmpkit/aferoadapter"
	"github.com/tmpkit/tmpkit/fixture"
)

// benchTree is 1,000 files of 1 KiB in 10 directories.
func benchTree() fixture.Tree {
	tree := fixture.Tree{}
	content := strings.Repeat("0123456789abcdef", 64)
	for d := range 10 {
		for f := range 100 {
			tree[fmt.Sprintf("dir%02d/file%03d.txt", d, f)] = fixture.File(content)
		}
	}
	return tree
}

// benchTargets are the destinations compared in one run: NewMemFs against
// its baselines, afero's MemMapFs and the disk (through *os.Root, fixture's
// own way to the disk).
func benchTargets(b *testing.B) []struct {
	name string
	new  func() (fixture.FS, func())
} {
	base := b.TempDir()
	n := 0
	return []struct {
		name string
		new  func() (fixture.FS, func())
	}{
		{"NewMemFs", func() (fixture.FS, func()) { return aferoadapter.FS(aferoadapter.NewMemFs()), func() {} }},
		{"MemMapFs", func() (fixture.FS, func()) { return aferoadapter.FS(afero.NewMemMapFs()), func() {} }},
		{"disk", func() (fixture.FS, func()) {
			n++
			dir := filepath.Join(base, fmt.Sprint(n))
			if err := os.Mkdir(dir, 0o755); err != nil {
				b.Fatal(err)
			}
			root, err := os.OpenRoot(dir)
			if err != nil {
				b.Fatal(err)
			}
			return root, func() { root.Close() }
		}},
	}
}

// The benchmarks run their baselines in the same run, both as separate
// sub-benchmarks (absolute figures) and interleaved within one
// sub-benchmark, which takes turns between the targets in every iteration,
// rotating which goes first, and reports the ratios of their total times:
// on a shared machine whose load drifts between sub-benchmarks, only those
// ratios compare like with like.
//
//	go test -run='^$' -bench=1000 -benchtime=20x -count=5 ./aferoadapter/
//
// Targets: NewMemFs/MemMapFs at most 1.5, disk/NewMemFs at least 10.

// BenchmarkWrite1000 is fixture.Write of 1,000 files of 1 KiB in 10
// directories, each time into a new, empty destination.
func BenchmarkWrite1000(b *testing.B) {
	tree := benchTree()
	targets := benchTargets(b)
	write := func(b *testing.B, i int) {
		dst, done := targets[i].new()
		fixture.Write(b, dst, tree)
		done()
	}
	for i, target := range targets {
		b.Run(target.name, func(b *testing.B) {
			for b.Loop() {
				write(b, i)
			}
		})
	}
	b.Run("interleaved", func(b *testing.B) { interleave(b, len(targets), write) })
}

// BenchmarkAssert1000 is fixture.Assert of the same tree, written once.
func BenchmarkAssert1000(b *testing.B) {
	tree := benchTree()
	targets := benchTargets(b)
	views := make([]fs.FS, len(targets))
	for i, target := range targets {
		dst, done := target.new()
		b.Cleanup(done)
		fixture.Write(b, dst, tree)
		views[i] = dst.FS()
	}
	assert := func(b *testing.B, i int) { fixture.Assert(b, views[i], tree) }
	for i, target := range targets {
		b.Run(target.name, func(b *testing.B) {
			for b.Loop() {
				assert(b, i)
			}
		})
	}
	b.Run("interleaved", func(b *testing.B) { interleave(b, len(targets), assert) })
}

// interleave runs each of the n targets of [benchTargets] once per
// iteration, rotating which goes first, and reports the ratios of their
// total times that the targets are about.
func interleave(b *testing.B, n int, run func(b *testing.B, i int)) {
	total := make([]time.Duration, n)
	round := 0
	for b.Loop() {
		for k := range n {
			i := (round + k) % n
			start := time.Now()
			run(b, i)
			total[i] += time.Since(start)
		}
		round++
	}
	for i, name := range []string{"NewMemFs", "MemMapFs", "disk"} { // the order of benchTargets
		b.ReportMetric(float64(total[i].Nanoseconds())/float64(b.N), name+"-ns/op")
	}
	const memFs, memMapFs, disk = 0, 1, 2
	b.ReportMetric(float64(total[memFs])/float64(total[memMapFs]), "NewMemFs/MemMapFs")
	b.ReportMetric(float64(total[disk])/float64(total[memFs]), "disk/NewMemFs")
}
