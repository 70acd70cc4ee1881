package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"

	"github.com/tmpkit/tmpkit/internal/review"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := run(ctx, os.Args[1:], stdio{os.Stdin, os.Stdout, os.Stderr}, os.Getenv)
	stop()
	os.Exit(code)
}

// stdio is the command's standard files. They are *os.File so that the
// command can tell a terminal from a pipe.
type stdio struct {
	in       *os.File
	out, err *os.File
}

const usage = `usage: golden <command> [arguments]

Commands:
  review   run the tests, then accept, reject or skip each golden change
  apply    write the pending changes recorded below a directory (from CI)
  unused   list, or remove, the goldens no run in go test -json logs used

Run "golden <command> -h" for the arguments of a command.
`

func run(ctx context.Context, args []string, std stdio, getenv func(string) string) int {
	if len(args) == 0 {
		fmt.Fprint(std.err, usage)
		return review.ExitUsage
	}
	switch args[0] {
	case "review":
		return runReview(ctx, args[1:], std, getenv)
	case "apply":
		return runApply(args[1:], std, getenv)
	case "unused":
		return runUnused(args[1:], std, getenv)
	case "-h", "-help", "--help", "help":
		fmt.Fprint(std.out, usage)
		return review.ExitOK
	}
	fmt.Fprintf(std.err, "golden: unknown command %q\n%s", args[0], usage)
	return review.ExitUsage
}
