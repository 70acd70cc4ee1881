// Package review is the work of the golden command (cmd/golden): it runs
// the tests recording pending changes (package pending), puts each change
// to the user, writes what was accepted as golden's update mode writes,
// applies recorded changes brought back from CI, and finds the goldens no
// test run used. The command itself only parses flags and sets up the
// terminal; everything a test needs to check is here, behind io.Reader
// and io.Writer.
package review

import (
	"context"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/tmpkit/tmpkit/internal/pending"
)

// Exit statuses of the golden command.
const (
	ExitOK          = 0   // the review ran (whatever was decided), or all was applied
	ExitFailed      = 1   // the tests could not run, or a record or write was refused
	ExitUsage       = 2   // bad flags or arguments
	ExitInterrupted = 130 // the user interrupted the review: nothing written
)

// Session is one `golden review`.
type Session struct {
	Test  GoTest
	Asker Asker // Out receives the questions, the summary and what was written
	// Writer writes accepted changes; nil means golden's update mode.
	Writer Writer
	// Force allows writes under CI and emptying a golden.
	Force bool
	// Getenv reads CI; os.Getenv when nil.
	Getenv func(string) string
}

// Review runs the tests, asks about each pending change and writes what
// was accepted. It returns the command's exit status.
func Review(ctx context.Context, s Session) int {
	out, errw := s.Asker.Out, s.Asker.Err
	if s.Asker.JSON {
		out = errw // stdout holds the questions and nothing else
	}
	if msg := refusedUnderCI(s.Getenv, s.Force); msg != "" && s.Asker.All != Reject {
		fmt.Fprintf(errw, "golden review: %s, or use --reject-all to list the changes\n", msg)
		return ExitFailed
	}
	mod, err := pending.FindModule(s.Test.Dir)
	if err != nil {
		fmt.Fprintf(errw, "golden review: %v\n", err)
		return ExitFailed
	}
	dir, err := os.MkdirTemp("", "golden-pending-")
	if err != nil {
		fmt.Fprintf(errw, "golden review: %v\n", err)
		return ExitFailed
	}
	defer os.RemoveAll(dir)

	res := s.Test.Run(ctx, dir)
	switch {
	case len(res.BuildFailed) > 0:
		fmt.Fprint(errw, res.BuildOutput)
		fmt.Fprintf(errw, "golden review: the tests did not build (%s); nothing to review\n", strings.Join(res.BuildFailed, ", "))
		return ExitFailed
	case res.Err != nil:
		fmt.Fprintf(errw, "golden review: %v\n", res.Err)
		return ExitFailed
	}
	records, findErr := pending.Find(dir)
	if findErr != nil {
		fmt.Fprintln(errw, findErr)
	}
	goldens, qs, refused := Load(mod, records)
	for _, r := range refused {
		fmt.Fprintf(errw, "golden review: %v\n", r)
	}
	reportOtherFailures(errw, res.Failed, records)
	status := ExitOK
	if findErr != nil || len(refused) > 0 {
		status = ExitFailed
	}
	if len(qs) == 0 {
		fmt.Fprintln(out, "no golden differs from its test's output")
		return status
	}

	answers, interrupted, err := s.Asker.Ask(qs)
	if err != nil {
		fmt.Fprintf(errw, "golden review: %v\n", err)
		return ExitFailed
	}
	if interrupted {
		fmt.Fprintln(errw, "golden review: interrupted; nothing written")
		return ExitInterrupted
	}
	if !s.Asker.JSON && s.Asker.All == 0 {
		fmt.Fprintln(out) // the summary stands apart from the last question
	}
	fmt.Fprintln(out, Count(answers))
	w := s.Writer
	if w == nil {
		w = UpdateWriter{Module: mod, Force: s.Force}
	}
	for _, err := range Write(w, out, goldens, qs, answers) {
		fmt.Fprintf(errw, "golden review: %v\n", err)
		status = ExitFailed
	}
	return status
}

// reportOtherFailures names the tests that failed without recording a
// pending change: they failed for another reason than a golden, which the
// review cannot show.
func reportOtherFailures(w io.Writer, failed []Failure, records []pending.Record) {
	explained := func(f Failure) bool {
		for _, r := range records {
			if r.Package == f.Package && (f.Test == "" || r.Test == f.Test || strings.HasPrefix(r.Test, f.Test+"/")) {
				return true
			}
		}
		return false
	}
	var other []string
	for _, f := range failed {
		if f.Test == "" || explained(f) {
			continue // a package fails when one of its tests does
		}
		// A parent fails with its subtest: name only the innermost.
		inner := false
		for _, g := range failed {
			if g.Package == f.Package && strings.HasPrefix(g.Test, f.Test+"/") {
				inner = true
			}
		}
		if !inner {
			other = append(other, fmt.Sprintf("\t%s (%s)\n", f.Test, f.Package))
		}
	}
	for _, f := range failed {
		if f.Test != "" || explained(f) {
			continue
		}
		hasTest := false
		for _, g := range failed {
			hasTest = hasTest || (g.Package == f.Package && g.Test != "")
		}
		if !hasTest {
			other = append(other, fmt.Sprintf("\t(%s, outside any test)\n", f.Package))
		}
	}
	if len(other) > 0 {
		fmt.Fprintf(w, "golden review: these failed for another reason than a golden; run go test to see why:\n%s", strings.Join(other, ""))
	}
}

// refusedUnderCI returns why writes are refused when the environment
// variable CI says the command runs on a CI system, or "" when they are
// allowed. The values strconv.ParseBool reads as false and the empty
// string say no; any other value says yes, as for golden's update mode.
func refusedUnderCI(getenv func(string) string, force bool) string {
	if getenv == nil {
		getenv = os.Getenv
	}
	ci := getenv("CI")
	if force || ci == "" {
		return ""
	}
	if b, err := strconv.ParseBool(ci); err == nil && !b {
		return ""
	}
	return fmt.Sprintf("writes are refused under CI=%s (--force overrides this)", ci)
}
