package main

import (
	"flag"
	"io"
	"slices"
	"testing"
)

func TestParseInterspersed(t *testing.T) {
	for _, tt := range []struct {
		args, positional []string
		remove           bool
	}{
		{[]string{"a.log", "--remove", "b.log"}, []string{"a.log", "b.log"}, true},
		{[]string{"-remove", "a.log"}, []string{"a.log"}, true},
		{[]string{"a.log", "--", "-odd.log", "--remove"}, []string{"a.log", "-odd.log", "--remove"}, false},
		{[]string{"--", "--remove"}, []string{"--remove"}, false},
		{nil, nil, false},
	} {
		fs := flag.NewFlagSet("t", flag.ContinueOnError)
		fs.SetOutput(io.Discard)
		remove := fs.Bool("remove", false, "")
		got, _, ok := parse(fs, tt.args)
		if !ok || !slices.Equal(got, tt.positional) || *remove != tt.remove {
			t.Errorf("parse(%q) = %q, remove %v, ok %v; want %q, remove %v", tt.args, got, *remove, ok, tt.positional, tt.remove)
		}
	}
	fs := flag.NewFlagSet("t", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	if _, code, ok := parse(fs, []string{"x", "-bad"}); ok || code != 2 {
		t.Errorf("a bad flag after a positional argument: code %d, ok %v", code, ok)
	}
}
