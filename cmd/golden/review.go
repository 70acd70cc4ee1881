package main

import (
	"context"
	"fmt"
	"os"
	"slices"

	"github.com/tmpkit/tmpkit/internal/review"
)

const reviewSynopsis = "golden review [--accept-all | --reject-all] [--json] [--force] [packages] [-- go test flags]"

const reviewAbout = `Runs go test -json on the packages (default ./...), recording each missing or
differing golden, then shows each change and asks: accept, reject, skip or quit.
On a terminal one key answers; otherwise one line per answer (a, r, s, q).
`

func runReview(ctx context.Context, args []string, std stdio, getenv func(string) string) int {
	fs := newFlagSet("review", reviewSynopsis, reviewAbout, std.err)
	acceptAll := fs.Bool("accept-all", false, "accept every change without asking")
	rejectAll := fs.Bool("reject-all", false, "reject every change: list them, write nothing")
	asJSON := fs.Bool("json", false, "print each question as one JSON line on standard output, all else on standard error")
	force := fs.Bool("force", false, "write even under CI, and let a change empty a golden")
	own, goFlags := args, []string(nil)
	if i := slices.Index(args, "--"); i >= 0 {
		own, goFlags = args[:i], args[i+1:]
	}
	pkgs, code, ok := parse(fs, own)
	if !ok {
		return code
	}
	if *acceptAll && *rejectAll {
		fmt.Fprintln(std.err, "golden review: --accept-all and --reject-all exclude each other")
		return review.ExitUsage
	}
	wd, err := os.Getwd()
	if err != nil {
		fmt.Fprintf(std.err, "golden review: %v\n", err)
		return review.ExitFailed
	}
	asker := review.Asker{Out: std.out, Err: std.err, JSON: *asJSON,
		Colour: !*asJSON && isTerminal(std.out) && getenv("NO_COLOR") == ""}
	switch {
	case *acceptAll:
		asker.All = review.Accept
	case *rejectAll:
		asker.All = review.Reject
	case isTerminal(std.in):
		asker.Answers = review.Keys(std.in, rawMode(std.in))
	default:
		asker.Answers = review.Lines(std.in)
	}
	test := review.GoTest{Dir: wd, Env: os.Environ(), Packages: pkgs, Flags: goFlags}
	if isTerminal(std.err) {
		test.Progress = std.err
	}
	return review.Review(ctx, review.Session{Test: test, Asker: asker, Force: *force, Getenv: getenv})
}
