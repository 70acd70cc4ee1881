package main

import (
	"fmt"

	"github.com/tmpkit/tmpkit/internal/review"
)

const unusedSynopsis = "golden unused [--remove] [--force] LOG..."

const unusedAbout = `Reads go test -json logs of full, passing runs (several CI jobs) and lists the
goldens none of them used; --remove removes them.
`

func runUnused(args []string, std stdio, getenv func(string) string) int {
	fs := newFlagSet("unused", unusedSynopsis, unusedAbout, std.err)
	fs.Bool("remove", false, "remove the unused goldens")
	fs.Bool("force", false, "remove even under CI")
	logs, code, ok := parse(fs, args)
	if !ok {
		return code
	}
	if len(logs) == 0 {
		fmt.Fprintf(std.err, "golden unused: no log given\nusage: %s\n", unusedSynopsis)
		return review.ExitUsage
	}
	fmt.Fprintln(std.err, "golden unused: not yet: waits for golden's t.Attr records (internal/goldenattr)")
	return review.ExitFailed
}
