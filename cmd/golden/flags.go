package main

import (
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/tmpkit/tmpkit/internal/review"
)

// newFlagSet returns a FlagSet for a subcommand whose -h prints its usage.
func newFlagSet(name, synopsis, about string, w io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(w)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "usage: %s\n\n%s\nFlags:\n", synopsis, about)
		fs.PrintDefaults()
	}
	return fs
}

// parse parses args with fs, allowing flags after positional arguments
// ("golden unused a.log --remove"), and returns the positional ones. After
// "--" everything is positional. It returns the exit status when the
// command must stop: 0 after -h, 2 after a bad flag, the usage (and the
// error) printed on standard error by the FlagSet.
func parse(fs *flag.FlagSet, args []string) ([]string, int, bool) {
	var positional []string
	for {
		err := fs.Parse(args)
		if errors.Is(err, flag.ErrHelp) {
			return nil, review.ExitOK, false
		}
		if err != nil {
			return nil, review.ExitUsage, false
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return positional, 0, true
		}
		if n := len(args) - len(rest); n > 0 && args[n-1] == "--" {
			return append(positional, rest...), 0, true
		}
		positional = append(positional, rest[0])
		args = rest[1:]
	}
}
