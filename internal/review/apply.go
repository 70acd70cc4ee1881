package review

import (
	"fmt"
	"io"

	"github.com/tmpkit/tmpkit/internal/pending"
)

// Applying is one `golden apply`.
type Applying struct {
	// Records is the directory holding the records, anywhere below it: a
	// GOLDEN_PENDING directory or a CI job's -outputdir.
	Records string
	// ModuleDir is a directory of the module to write into (the working
	// directory).
	ModuleDir string
	DryRun    bool // print what would be written, write nothing
	Force     bool // allow writes under CI and emptying a golden
	Getenv    func(string) string
	Out, Err  io.Writer
	Writer    Writer // nil means golden's update mode
}

// Apply applies every record found below a.Records to the module: each
// whose golden is as it was when recorded is written, the others are
// refused, naming the golden. It returns the command's exit status: 1 when
// any record was refused or a write failed.
func Apply(a Applying) int {
	if msg := refusedUnderCI(a.Getenv, a.Force); msg != "" && !a.DryRun {
		fmt.Fprintf(a.Err, "golden apply: %s, or use --dry-run\n", msg)
		return ExitFailed
	}
	mod, err := pending.FindModule(a.ModuleDir)
	if err != nil {
		fmt.Fprintf(a.Err, "golden apply: %v\n", err)
		return ExitFailed
	}
	records, findErr := pending.Find(a.Records)
	status := ExitOK
	if findErr != nil {
		fmt.Fprintf(a.Err, "golden apply: %v\n", findErr)
		status = ExitFailed
	}
	if len(records) == 0 && findErr == nil {
		fmt.Fprintf(a.Err, "golden apply: no pending records below %s\n", a.Records)
		return status
	}
	goldens, qs, refused := Load(mod, records)
	for _, r := range refused {
		fmt.Fprintf(a.Err, "golden apply: %v\n", r)
		status = ExitFailed
	}
	answers := make([]Answer, len(qs))
	for i := range answers {
		answers[i] = Accept
	}
	w := a.Writer
	if w == nil {
		w = UpdateWriter{Module: mod, Force: a.Force, DryRun: a.DryRun}
	}
	for _, err := range Write(w, a.Out, goldens, qs, answers) {
		fmt.Fprintf(a.Err, "golden apply: %v\n", err)
		status = ExitFailed
	}
	if a.DryRun {
		fmt.Fprintln(a.Err, "golden apply: dry run, nothing written")
	}
	return status
}
