package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// BenchmarkReviewAcceptAll measures `golden review --accept-all` on a module
// of 500 goldens (10 packages of 50 tests), 10 of which differ, one per
// package, against `UPDATE_GOLDEN=1 go test ./...` on the same module, in
// the same run: the review must cost at most 1.3x the blind update
// (bench/targets.txt). Each iteration breaks the same 10 goldens again
// first, untimed; go test's cache, warm for both, reruns only the
// packages whose goldens changed, as it would for a user.
//
// One run takes seconds, so the only sub-benchmark, interleaved, alternates
// the two (who goes first rotates), three rounds per iteration, and reports
// their ratio (review/update), which sees both under the same machine load,
// and the time of one run of each.
func BenchmarkReviewAcceptAll(b *testing.B) {
	if !goldenRecords(b) {
		b.Skip("package golden does not record pending changes yet")
	}
	base := benchModule(b)
	review := func(b *testing.B) func() time.Duration {
		dir := copyModule(b, base)
		run := func() time.Duration {
			breakGoldens(b, dir)
			start := time.Now()
			out, err := command(dir, nil, binary, "review", "--accept-all")
			d := time.Since(start)
			if err != nil || !strings.Contains(out, "10 accepted, 0 rejected, 0 skipped") {
				b.Fatalf("golden review --accept-all: %v\n%s", err, out)
			}
			return d
		}
		run() // warm: the build cache holds this copy's packages
		return run
	}
	update := func(b *testing.B) func() time.Duration {
		dir := copyModule(b, base)
		run := func() time.Duration {
			breakGoldens(b, dir)
			start := time.Now()
			out, err := command(dir, []string{"UPDATE_GOLDEN=1"}, "go", "test", "./...")
			d := time.Since(start)
			if err != nil {
				b.Fatalf("UPDATE_GOLDEN=1 go test ./...: %v\n%s", err, out)
			}
			return d
		}
		run()
		return run
	}
	b.Run("interleaved", func(b *testing.B) {
		runs := []func() time.Duration{review(b), update(b)}
		var total [2]time.Duration
		round := 0
		for b.Loop() {
			// Several rounds per iteration: one run takes seconds, and a
			// ratio of single runs moves with whatever else the machine does.
			for range 3 {
				for k := range runs {
					j := (round + k) % 2
					total[j] += runs[j]()
				}
				round++
			}
		}
		b.ReportMetric(float64(total[0])/float64(total[1]), "review/update")
		b.ReportMetric(float64(total[0].Nanoseconds())/float64(round), "review-ns/run")
		b.ReportMetric(float64(total[1].Nanoseconds())/float64(round), "update-ns/run")
	})
}

// benchModule writes the module of 500 goldens and creates them.
func benchModule(b *testing.B) string {
	b.Helper()
	files := map[string]string{}
	for p := range 10 {
		var src strings.Builder
		fmt.Fprintf(&src, "package p%d\n\nimport (\n\t\"strings\"\n\t\"testing\"\n\n\t\"github.com/tmpkit/tmpkit/golden\"\n)\n\n", p)
		for n := range 50 {
			fmt.Fprintf(&src, "func Test%02d(t *testing.T) {\n\tgolden.Assert(t, strings.Repeat(\"package %d, test %d: some output line\\n\", 20))\n}\n\n", n, p, n)
		}
		files[fmt.Sprintf("p%d/p_test.go", p)] = src.String()
	}
	root := writeModule(b, "example.com/bench", files)
	if out, err := command(root, []string{"UPDATE_GOLDEN=1"}, "go", "test", "./..."); err != nil {
		b.Fatalf("creating the goldens: %v\n%s", err, out)
	}
	return root
}

// breakGoldens makes one golden of each package differ from its output.
func breakGoldens(b *testing.B, root string) {
	for p := range 10 {
		name := filepath.Join(root, fmt.Sprintf("p%d", p), "testdata", "Test07.golden")
		if err := os.WriteFile(name, []byte("broken\n"), 0o644); err != nil {
			b.Fatal(err)
		}
	}
}
