package main

import (
	"fmt"
	"os"

	"github.com/tmpkit/tmpkit/internal/review"
)

const unusedSynopsis = "golden unused [--remove] [--force] LOG..."

const unusedAbout = `Reads go test -json logs of full, passing runs (several CI jobs: operating
systems, shards, build tags) and lists, by module-relative path, the goldens
none of them used; --remove removes them. A log of a failed run, or of one
that ran only some tests (-run, -skip, -short), is refused.
`

func runUnused(args []string, std stdio, getenv func(string) string) int {
	fs := newFlagSet("unused", unusedSynopsis, unusedAbout, std.err)
	remove := fs.Bool("remove", false, "remove the unused goldens")
	force := fs.Bool("force", false, "remove even under CI")
	logs, code, ok := parse(fs, args)
	if !ok {
		return code
	}
	if len(logs) == 0 {
		fmt.Fprintf(std.err, "golden unused: no log given\nusage: %s\n", unusedSynopsis)
		return review.ExitUsage
	}
	wd, err := os.Getwd()
	if err != nil {
		fmt.Fprintf(std.err, "golden unused: %v\n", err)
		return review.ExitFailed
	}
	return review.Unused(review.Pruning{Logs: logs, ModuleDir: wd, Remove: *remove, Force: *force,
		Getenv: getenv, Out: std.out, Err: std.err})
}
