package golden

import (
	"flag"
	"fmt"
	"io"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// Main runs the tests of m, then reports what updates wrote and the
// goldens the run did not use, as [Run] does, and exits the process with
// the result. Call it from TestMain:
//
//	func TestMain(m *testing.M) { golden.Main(m) }
func Main(m *testing.M) {
	os.Exit(Run(m))
}

// Run runs the tests of m and returns the exit code for [os.Exit], for a
// TestMain with work left after the tests.
//
// After the tests, when updates wrote goldens of the module, it prints a
// summary: one "+N -M path" line per golden, sorted by path.
//
// After a full run that passed, it reports the goldens of its own package
// that no assertion, [Get] or [MarkUsed] of the run used. It never removes
// anything: a golden one run does not use may be used by another (another
// operating system, build tags, benchmarks); `golden unused --remove` of
// the golden command removes what the go test -json logs of several runs
// leave unused. It fails the run (returns 1) only for goldens it is sure
// of, and lists the others without failing, saying why:
//   - It judges only the golden directories of the package directory (the
//     working directory when the test binary started, whatever a test
//     does to it): "testdata" and the [Dir] directories the run used that
//     lie inside it, by their real paths, so a golden used through a
//     symlinked [Dir] counts as used. It does not look into a directory
//     that holds Go source or a go.mod (another package or module) or
//     whose name starts with "." or "_".
//   - It recognises as goldens only regular files named "*.golden" and
//     directories named "*.golden.d" (golden trees); it never reports
//     anything else, such as test input next to the goldens.
//   - It is sure of a golden whose path follows a test's default name
//     (TestX.golden, TestX/sub.golden, TestX.golden.d) when every test that
//     could use it ran: not when a test file of the package is excluded by
//     build constraints here (a _windows_test.go file, a
//     //go:build integration file), nor for a benchmark's golden when
//     benchmarks did not run, nor for an example's that does not run. A
//     golden with another name may be input or documentation: it is listed,
//     never counted.
//
// It judges nothing after a failure, and when the run was not full: under
// -run, -skip, -failfast, -short (tests skipped there would count as
// unused), -list, -fuzz and in fuzzing workers. A test that skips itself
// on some platforms should call [MarkUsed] before skipping.
func Run(m *testing.M) int {
	pkg := startDir // before the tests run: one may change the working directory
	code := m.Run()
	printWritten(os.Stdout, used)
	if code != 0 || !fullRun(flag.Lookup) {
		return code
	}
	return reportUnused(os.Stdout, used, pkg, flag.Lookup, analysePackage(pkg, buildContext()))
}

// printWritten prints what the updates of this process wrote in goldens
// of the module, sorted by path.
func printWritten(w io.Writer, reg *registry) {
	reg.mu.Lock()
	var lines []string
	for _, wr := range reg.written {
		if !strings.HasPrefix(wr.path, "/") && !strings.HasPrefix(wr.path, "../") && !isWindowsAbs(wr.path) {
			lines = append(lines, wr.summary.String())
		}
	}
	reg.mu.Unlock()
	if len(lines) == 0 {
		return
	}
	slices.Sort(lines)
	fmt.Fprintf(w, "golden: this run wrote %s:\n", plural(len(lines), "golden"))
	for _, l := range lines {
		fmt.Fprintf(w, "\t%s\n", l)
	}
}

func isWindowsAbs(p string) bool { return len(p) > 1 && p[1] == ':' }

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

// fullRun reports whether every test of the package ran.
func fullRun(lookup func(string) *flag.Flag) bool { return len(runLimits(lookup)) == 0 }

// runLimits returns the flags that keep the test binary from running every
// test, as -test.run=^TestA$ or -test.short, in a fixed order.
func runLimits(lookup func(string) *flag.Flag) []string {
	var limits []string
	for _, name := range []string{"test.run", "test.skip", "test.list", "test.fuzz"} {
		if f := lookup(name); f != nil && f.Value.String() != "" {
			limits = append(limits, "-"+name+"="+f.Value.String())
		}
	}
	for _, name := range []string{"test.failfast", "test.short", "test.fuzzworker"} {
		if boolFlag(lookup, name) {
			limits = append(limits, "-"+name)
		}
	}
	return limits
}

// benchmarksRan reports whether -bench selected every benchmark of names.
func benchmarksRan(lookup func(string) *flag.Flag, names []string) bool {
	f := lookup("test.bench")
	if f == nil || f.Value.String() == "" {
		return len(names) == 0
	}
	top, _, _ := strings.Cut(f.Value.String(), "/")
	re, err := regexp.Compile(top)
	if err != nil {
		return false
	}
	for _, n := range names {
		if !re.MatchString(n) {
			return false
		}
	}
	return true
}

// reportUnused writes to w the goldens of the package in directory pkg
// that reg did not see used, after a full run that passed, and returns
// the exit code: 1 when it is sure some are unused.
func reportUnused(w io.Writer, reg *registry, pkg string, lookup func(string) *flag.Flag, info packageInfo) int {
	found, err := reg.findUnused(pkg)
	if err != nil {
		fmt.Fprintf(w, "golden: unused goldens not checked: %v\n", err)
		return 1
	}
	var sure, unsure []string
	benchRan := benchmarksRan(lookup, info.benchmarks)
	for _, u := range found {
		why := info.doubt(u, benchRan, packageArg(pkg))
		if why == "" {
			sure = append(sure, u.display)
		} else {
			unsure = append(unsure, u.display+" ("+why+")")
		}
	}
	if len(sure) > 0 {
		fmt.Fprintf(w, "golden: %s that no assertion, Get or MarkUsed of this full run used:\n", plural(len(sure), "unused golden"))
		for _, s := range sure {
			fmt.Fprintf(w, "\t%s\n", s)
		}
		fmt.Fprintln(w, "Delete them, or call golden.MarkUsed(t) in a test that skips before asserting. golden.Main removes nothing; "+
			"`golden unused --remove` removes what the go test -json logs of several runs leave unused.")
	}
	if len(unsure) > 0 {
		fmt.Fprintf(w, "golden: %s this run did not use, not counted as unused:\n", plural(len(unsure), "golden"))
		for _, s := range unsure {
			fmt.Fprintf(w, "\t%s\n", s)
		}
	}
	if len(sure) > 0 {
		return 1
	}
	return 0
}
