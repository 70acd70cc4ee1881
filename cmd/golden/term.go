package main

import (
	"os"

	"golang.org/x/term"
)

// isTerminal reports whether f is a terminal.
func isTerminal(f *os.File) bool { return term.IsTerminal(int(f.Fd())) }

// rawMode returns a function that puts the terminal f in raw mode, so that
// one key press is read without Enter, and returns the function that
// restores it. The terminal is raw only while a key is awaited: Ctrl-Z and
// the output in between behave as usual.
func rawMode(f *os.File) func() (func(), error) {
	fd := int(f.Fd())
	return func() (func(), error) {
		state, err := term.MakeRaw(fd)
		if err != nil {
			return nil, err
		}
		return func() { term.Restore(fd, state) }, nil
	}
}
