package main

import (
	"fmt"
	"os"

	"github.com/tmpkit/tmpkit/internal/review"
)

const applySynopsis = "golden apply [--dry-run] [--force] DIR"

const applyAbout = `Writes the pending golden changes recorded anywhere below DIR: a GOLDEN_PENDING
directory, or the -outputdir of a CI run whose tests ran with -artifacts. A
change whose golden changed since it was recorded is refused.
`

func runApply(args []string, std stdio, getenv func(string) string) int {
	fs := newFlagSet("apply", applySynopsis, applyAbout, std.err)
	dryRun := fs.Bool("dry-run", false, "print what would be written, write nothing")
	force := fs.Bool("force", false, "write even under CI, and let a change empty a golden")
	dirs, code, ok := parse(fs, args)
	if !ok {
		return code
	}
	if len(dirs) != 1 {
		fmt.Fprintf(std.err, "golden apply: want one directory, got %d\nusage: %s\n", len(dirs), applySynopsis)
		return review.ExitUsage
	}
	wd, err := os.Getwd()
	if err != nil {
		fmt.Fprintf(std.err, "golden apply: %v\n", err)
		return review.ExitFailed
	}
	return review.Apply(review.Applying{Records: dirs[0], ModuleDir: wd, DryRun: *dryRun, Force: *force,
		Getenv: getenv, Out: std.out, Err: std.err})
}
