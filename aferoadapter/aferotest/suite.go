// Package aferotest is a conformance suite for [afero.Fs] implementations:
// one table of checks, each a behaviour of a Linux disk seen through
// package os (create, exclusive create, mkdir, directory listings, rename,
// remove, symlinks, chmod, chtimes, truncate, seek, append, close, and the
// error values: *fs.PathError or *os.LinkError wrapping the errno the
// kernel gives).
//
// Run it on your own backend with [Run], as tmpkit runs it on the disk,
// afero's OsFs, BasePathFs and MemMapFs, and tmpkit's NewMemFs:
//
//	func TestMyFs(t *testing.T) {
//		aferotest.Run(t, aferotest.Backend{
//			Name: "MyFs",
//			New:  func(t testing.TB) (afero.Fs, string) { return myfs.New(), "/" },
//		})
//	}
//
// The check concurrent/stress runs 32 goroutines against one file system
// for 500ms (100ms under -short; [StressEnv] sets another duration): run
// the suite with -race, so that it can find what it is there to find.
//
// [Evaluate] returns the same results as values instead of failing the test,
// and [Table] formats them, so that the differences of a backend are recorded
// as evidence rather than remembered.
package aferotest

import (
	"fmt"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/spf13/afero"
)

// Backend is a file system under test.
type Backend struct {
	// Name identifies the backend in results and tables.
	Name string
	// New returns a fresh, empty file system and the directory inside it
	// where the checks work: "/" for an in-memory file system, a new
	// temporary directory for afero.NewOsFs(). It is called once per check
	// and may register cleanups with t. Checks of the path namespace
	// ("x", "/x" and "./x" are one file) run only when dir is "/".
	New func(t testing.TB) (fsys afero.Fs, dir string)
	// Privileged says permission bits do not bind the backend, as on a
	// disk used by root: the checks of permission errors are skipped.
	Privileged bool
	// Skip maps the names of checks not to run to the reason, which the
	// results record; use it for what cannot run at all on the backend
	// (a data race that would stop a -race test binary), not to hide a
	// failure.
	Skip map[string]string
}

// Check is one behaviour of a disk that the suite verifies.
type Check struct {
	// Name is "area/behaviour", e.g. "create/missing-parent".
	Name string
	// Want says in one sentence what a disk does.
	Want string
	// Needs lists what the backend must offer for the check to run.
	Needs Feature

	run func(e *env) error
}

// Feature is what a check needs from a backend.
type Feature uint8

const (
	// Symlinks: the file system implements [afero.Symlinker].
	Symlinks Feature = 1 << iota
	// Permissions: permission bits bind the backend ([Backend.Privileged]
	// is false).
	Permissions
	// RootDir: the checks work at the file system's root ("/").
	RootDir
)

// Status is the outcome of one check.
type Status uint8

const (
	Pass Status = iota // the backend behaves like a disk
	Fail               // it does not; Result.Detail says how
	Skip               // the check did not run; Result.Detail says why
)

// String returns "pass", "FAIL" or "skip".
func (s Status) String() string {
	switch s {
	case Pass:
		return "pass"
	case Fail:
		return "FAIL"
	}
	return "skip"
}

// Result is the outcome of one check on one backend.
type Result struct {
	Check  string // the check's name
	Status Status
	// Detail is the first difference found, or why the check was skipped.
	// It names paths relative to the check's directory and describes
	// errors by type, op and errno, so it is the same on every run.
	Detail string
}

// Checks returns the suite's checks, in order.
func Checks() []Check { return append([]Check(nil), checks...) }

// Run runs every check on b, each as a subtest of t named after it; a
// check that finds a difference fails its subtest with the detail.
func Run(t *testing.T, b Backend) {
	t.Helper()
	for _, c := range checks {
		t.Run(c.Name, func(t *testing.T) {
			r := runCheck(t, b, c)
			switch r.Status {
			case Fail:
				t.Errorf("%s: want: %s\n%s", b.Name, c.Want, r.Detail)
			case Skip:
				t.Skip(r.Detail)
			}
		})
	}
}

// Evaluate runs every check on b and returns the results in the order of
// [Checks], without failing t: a backend's differences become data.
func Evaluate(t testing.TB, b Backend) []Result {
	t.Helper()
	results := make([]Result, 0, len(checks))
	for _, c := range checks {
		results = append(results, runCheck(t, b, c))
	}
	return results
}

// runCheck runs c on a fresh file system from b. A panic in the backend
// is a failure of the check, not of the test binary.
func runCheck(t testing.TB, b Backend, c Check) (r Result) {
	r.Check = c.Name
	if reason, ok := b.Skip[c.Name]; ok {
		r.Status, r.Detail = Skip, reason
		return r
	}
	if c.Needs&Permissions != 0 && b.Privileged {
		r.Status, r.Detail = Skip, "permission bits do not bind a privileged user"
		return r
	}
	fsys, dir := b.New(t)
	e := newEnv(fsys, dir)
	switch {
	case c.Needs&Symlinks != 0 && e.links == nil:
		r.Status, r.Detail = Skip, "no symlinks: not an afero.Symlinker"
		return r
	case c.Needs&RootDir != 0 && dir != "/":
		r.Status, r.Detail = Skip, "checks work in a directory, not at the root"
		return r
	}
	defer func() {
		if p := recover(); p != nil {
			r.Status, r.Detail = Fail, strings.TrimSpace(fmt.Sprintf("panic: %v\n%s", p, firstFrames(debug.Stack())))
		}
	}()
	if err := c.run(e); err != nil {
		r.Status, r.Detail = Fail, e.scrub(err.Error())
	}
	return r
}

// firstFrames names the functions that panicked, innermost first, for a
// short, stable detail: no arguments, addresses or line numbers.
func firstFrames(stack []byte) string {
	var frames []string
	seenPanic := false
	for _, line := range strings.Split(string(stack), "\n") {
		if line == "" || strings.HasPrefix(line, "\t") || strings.HasPrefix(line, "goroutine ") {
			continue
		}
		if strings.HasPrefix(line, "panic(") {
			seenPanic = true
			continue
		}
		if !seenPanic || strings.HasPrefix(line, "runtime.") {
			continue
		}
		name := line
		if i := strings.LastIndexByte(name, '('); i > 0 {
			name = name[:i]
		}
		if strings.Contains(name, "/aferotest.") || len(frames) == 2 {
			break
		}
		frames = append(frames, "at "+name)
	}
	return strings.Join(frames, "\n")
}
