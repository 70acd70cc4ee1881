// Command ratios reads `go test -bench` output and prints, as a Markdown
// table, the median time of each measured subject, the median of its
// baseline from the same run, their ratio and whether the target holds.
//
//	go test -run '^$' -bench . -count 5 ./... | go run ./bench/ratios bench/targets.txt
//
// Each line of the targets file names a package (relative to the module),
// a benchmark, the sub-benchmark measured, its baseline and the target:
//
//	tmptest  BenchmarkFile  tmptest.File  os.CreateTemp  1.1
//
// The target is the largest acceptable ratio subject/baseline ("0.25" means
// at least 4x faster), or the smallest one written ">=10" (for a metric
// such as disk/NewMemFs), or, with baseline "-", the largest acceptable time
// ("20ms"); "-" means no target (the ratio is shown for information). A
// subject written sub#metric takes the median of a metric the
// sub-benchmark reports itself with b.ReportMetric, such as a ratio measured
// by interleaving the variants in each iteration.
//
// It exits 1 when a target does not hold or a named benchmark is missing.
package main

import (
	"fmt"
	"io"
	"os"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: go test -bench ... | go run ./bench/ratios targets.txt")
		os.Exit(2)
	}
	targets, err := os.ReadFile(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, "ratios:", err)
		os.Exit(2)
	}
	os.Exit(run(string(targets), os.Stdin, os.Stdout, os.Stderr))
}

func run(targets string, bench io.Reader, stdout, stderr io.Writer) int {
	rows, err := parseTargets(targets)
	if err != nil {
		fmt.Fprintln(stderr, "ratios:", err)
		return 2
	}
	results, err := parseBench(bench)
	if err != nil {
		fmt.Fprintln(stderr, "ratios:", err)
		return 2
	}
	if !report(stdout, rows, results) {
		return 1
	}
	return 0
}
