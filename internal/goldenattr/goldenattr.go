// Package goldenattr is the format of the test attributes by which package
// golden records, in a `go test -json` log, which goldens a test used, so
// that the golden command (`golden unused`) can merge the logs of several
// runs and tell which goldens none of them used. Both sides import it, so
// the writer and the reader cannot drift apart.
//
// Every assertion of package golden, its Get and its MarkUsed call t.Attr
// (Go 1.25+) twice:
//
//	=== ATTR  TestX golden file testdata/TestX.golden
//	=== ATTR  TestX golden-dir testdata
//
// The value of [Key] is a [Kind], one space and the golden's path; the
// value of [DirKey] is the path of the golden directory it lies in, so that
// goldens below a custom golden.Dir are searched too. A path is relative
// to the module root and slash-separated ("testdata/TestX.golden"), or, for
// a golden outside the module, absolute and slash-separated. A path that
// holds a character a test attribute cannot carry (a newline or carriage
// return) or that starts with a double quote is written as a Go string
// literal ([strconv.Quote]).
//
// In `go test -json` output the attributes are events with Action "attr"
// and the fields Key and Value.
package goldenattr

import (
	"fmt"
	"strconv"
	"strings"
)

// The attribute keys.
const (
	Key    = "golden"     // value: Kind, a space, the golden's path
	DirKey = "golden-dir" // value: the golden directory's path
	RunKey = "golden-run" // value: [FullRun], or [PartialRun] and the limiting flags
)

// The values of a [RunKey] attribute. `go test -json` keeps no trace of
// -run, -skip or -short, so golden says with each use whether its test
// binary ran every test: `golden unused` trusts only a full run's log to
// show every golden in use. A partial run's value is PartialRun, a space
// and the flags that limit it ("partial -test.run=^TestA$").
const (
	FullRun    = "full"
	PartialRun = "partial"
)

// RunValue returns the value of a [RunKey] attribute for a run limited by
// the flags limits (none for a full run).
func RunValue(limits []string) string {
	if len(limits) == 0 {
		return FullRun
	}
	return PartialRun + " " + strings.Join(limits, " ")
}

// Kind says what a [Key] attribute names.
type Kind string

// The kinds of golden a [Key] attribute names.
const (
	File Kind = "file" // a golden file (golden.Assert, AssertJSON, Get)
	Tree Kind = "tree" // a golden tree (golden.AssertDir): the directory and every file in it
	Used Kind = "used" // golden.MarkUsed: the path and every golden at or below it
)

// Value returns the value of a [Key] attribute naming the golden at path
// (module-relative, slash-separated) of kind k.
func Value(k Kind, path string) string { return string(k) + " " + quote(path) }

// Parse returns the kind and path a [Key] attribute value names.
func Parse(value string) (Kind, string, error) {
	k, p, ok := strings.Cut(value, " ")
	switch Kind(k) {
	case File, Tree, Used:
	default:
		return "", "", fmt.Errorf("goldenattr: %q: want a kind (file, tree or used), a space and a path", value)
	}
	if !ok || p == "" {
		return "", "", fmt.Errorf("goldenattr: %q: no path after the kind", value)
	}
	path, err := unquote(p)
	if err != nil {
		return "", "", fmt.Errorf("goldenattr: %q: %w", value, err)
	}
	if path == "" {
		return "", "", fmt.Errorf("goldenattr: %q: empty path", value)
	}
	return Kind(k), path, nil
}

// DirValue returns the value of a [DirKey] attribute naming the golden
// directory at path.
func DirValue(path string) string { return quote(path) }

// ParseDir returns the path a [DirKey] attribute value names.
func ParseDir(value string) (string, error) {
	if value == "" {
		return "", fmt.Errorf("goldenattr: empty golden directory")
	}
	p, err := unquote(value)
	if err != nil {
		return "", fmt.Errorf("goldenattr: %q: %w", value, err)
	}
	if p == "" {
		return "", fmt.Errorf("goldenattr: %q: empty path", value)
	}
	return p, nil
}

func quote(p string) string {
	if strings.ContainsAny(p, "\r\n") || strings.HasPrefix(p, `"`) {
		return strconv.Quote(p)
	}
	return p
}

func unquote(p string) (string, error) {
	if !strings.HasPrefix(p, `"`) {
		return p, nil
	}
	return strconv.Unquote(p)
}
