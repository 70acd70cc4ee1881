package review

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"slices"
	"strings"
	"sync"
)

// event is one line of `go test -json` (test2json) output, with the
// fields this package reads.
type event struct {
	Action      string
	Package     string
	Test        string
	Output      string
	Key, Value  string // Action "attr"
	ImportPath  string // Action "build-output" and "build-fail"
	FailedBuild string // Action "fail" of a package that did not build
}

// GoTest is a `go test -json` run whose failing golden assertions record
// their outputs as pending changes.
type GoTest struct {
	Go       string   // the go command; "go" when empty
	Dir      string   // where it runs
	Env      []string // its environment; GOLDEN_PENDING and UPDATE_GOLDEN are set here
	Packages []string // package patterns; "./..." when empty
	Flags    []string // go test flags after "--"
	// Progress, when not nil, receives a progress line ("\r" and an erase
	// sequence before each), for a terminal.
	Progress io.Writer
}

// TestResult is what a [GoTest] run reported.
type TestResult struct {
	// BuildFailed lists the packages that did not build, and BuildOutput
	// what the compiler said; the tests did not run.
	BuildFailed []string
	BuildOutput string
	// Failed lists the tests that failed, and the packages that failed
	// (with Test empty).
	Failed []Failure
	// Err is set when go test could not run at all, with what it printed.
	Err error
}

// Failure is a test that failed, or a package when Test is empty.
type Failure struct{ Package, Test string }

// Run runs the tests with GOLDEN_PENDING=pendingDir.
func (g GoTest) Run(ctx context.Context, pendingDir string) TestResult {
	goCmd := g.Go
	if goCmd == "" {
		goCmd = "go"
	}
	pkgs := g.Packages
	if len(pkgs) == 0 {
		pkgs = []string{"./..."}
	}
	args := append(append([]string{"test", "-json"}, pkgs...), g.Flags...)
	cmd := exec.CommandContext(ctx, goCmd, args...)
	cmd.Dir = g.Dir
	cmd.Env = append(withoutVars(g.Env, "UPDATE_GOLDEN", "GOLDEN_PENDING"), "GOLDEN_PENDING="+pendingDir)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return TestResult{Err: err}
	}
	p := newProgress(g.Progress)
	if p != nil {
		go p.count(ctx, goCmd, g.Dir, cmd.Env, pkgs)
	}
	if err := cmd.Start(); err != nil {
		return TestResult{Err: fmt.Errorf("go test: %w", err)}
	}
	res, events := readEvents(stdout, p)
	waitErr := cmd.Wait()
	p.done()
	switch {
	case len(res.BuildFailed) > 0:
	case waitErr != nil && events == 0:
		res.Err = fmt.Errorf("go %s: %v\n%s", strings.Join(args, " "), waitErr, strings.TrimRight(stderr.String(), "\n"))
	case waitErr != nil && len(res.Failed) == 0:
		var exit *exec.ExitError
		if !errors.As(waitErr, &exit) {
			res.Err = fmt.Errorf("go test: %v", waitErr)
		} else if s := strings.TrimSpace(stderr.String()); s != "" {
			res.Err = fmt.Errorf("go test: %v\n%s", waitErr, s)
		}
	}
	return res
}

// readEvents reads go test -json output, counting finished packages for
// p, and returns the result and the number of events.
func readEvents(r io.Reader, p *progress) (TestResult, int) {
	var res TestResult
	var build strings.Builder
	n := 0
	br := bufio.NewReader(r)
	for {
		line, err := br.ReadBytes('\n')
		if len(bytes.TrimSpace(line)) > 0 {
			var e event
			if json.Unmarshal(line, &e) == nil {
				n++
				switch {
				case e.Action == "build-output":
					build.WriteString(e.Output)
				case e.Action == "build-fail":
					res.BuildFailed = append(res.BuildFailed, e.ImportPath)
				case e.Action == "fail" && e.FailedBuild != "":
					if !slices.Contains(res.BuildFailed, e.FailedBuild) {
						res.BuildFailed = append(res.BuildFailed, e.FailedBuild)
					}
				case e.Action == "fail":
					res.Failed = append(res.Failed, Failure{e.Package, e.Test})
				}
				if e.Test == "" && (e.Action == "pass" || e.Action == "fail" || e.Action == "skip") {
					p.step()
				}
			}
		}
		if err != nil {
			break
		}
	}
	res.BuildOutput = build.String()
	return res, n
}

// withoutVars returns env without the variables named.
func withoutVars(env []string, names ...string) []string {
	var out []string
	for _, kv := range env {
		k, _, _ := strings.Cut(kv, "=")
		if !slices.Contains(names, k) {
			out = append(out, kv)
		}
	}
	return out
}

// progress shows "go test: done/total packages" on a terminal.
type progress struct {
	w        io.Writer
	mu       sync.Mutex
	finished int
	total    int  // 0 until go list has counted
	closed   bool // the line is erased for good
}

func newProgress(w io.Writer) *progress {
	if w == nil {
		return nil
	}
	p := &progress{w: w}
	p.show()
	return p
}

// count learns the number of packages from go list, run beside go test.
func (p *progress) count(ctx context.Context, goCmd, dir string, env, pkgs []string) {
	cmd := exec.CommandContext(ctx, goCmd, append([]string{"list", "-e", "-f", "x"}, pkgs...)...)
	cmd.Dir, cmd.Env = dir, env
	out, err := cmd.Output()
	if err != nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.total = bytes.Count(out, []byte("\n"))
	p.showLocked()
}

func (p *progress) step() {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.finished++
	p.showLocked()
}

func (p *progress) show() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.showLocked()
}

func (p *progress) showLocked() {
	if p.closed {
		return
	}
	if p.total > 0 {
		fmt.Fprintf(p.w, "\r\x1b[Kgo test: %d/%d packages", min(p.finished, p.total), p.total)
		return
	}
	fmt.Fprintf(p.w, "\r\x1b[Kgo test: %d packages", p.finished)
}

// done erases the progress line.
func (p *progress) done() {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	fmt.Fprint(p.w, "\r\x1b[K")
	p.closed = true
}
