// Package redact replaces the parts of a structured value that an RFC 9535
// JSONPath selects, for golden files whose volatile fields (ids,
// timestamps, durations) are named by where they are rather than by what
// they look like.
//
// Queries run through internal/jsonpath, tmpkit's own complete RFC 9535
// implementation (filters, functions, descendant segments, normalized
// paths), on a JSON-like view of the value: map[string]any, []any and
// scalars. [Apply] redacts such a view and returns the locations it
// replaced as a [Trie], so that a caller can redact its own representation
// of the same value (a Go value being printed, a YAML node tree) at the same
// places. [JSON] does it all for JSON text, changing nothing but the
// replaced values.
//
// Every selected node, whatever its type, is replaced whole by a string
// holding the replacement. Rules apply one after another: a later rule sees
// the result of the earlier ones. A rule that selects nothing is an error
// ([NothingError]): a redaction that silently stops matching would hide the
// very regression the golden is there to catch.
package redact

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/tmpkit/tmpkit/internal/jsonpath"
)

// Rule is one compiled redaction: the nodes Path selects become a string
// holding Replacement.
type Rule struct {
	Path        string
	Replacement string
	query       *jsonpath.Query
}

// Compile parses path as an RFC 9535 JSONPath query. A malformed path gives
// a [*SyntaxError].
func Compile(path, replacement string) (Rule, error) {
	q, err := jsonpath.Parse(path)
	if err != nil {
		return Rule{}, newSyntaxError(path, err)
	}
	return Rule{Path: path, Replacement: replacement, query: q}, nil
}

// SyntaxError reports a malformed JSONPath and where it goes wrong.
type SyntaxError struct {
	Path   string
	Pos    int    // 1-based byte offset of the problem; len(Path)+1 at the end
	Reason string // what the parser says, without its position
	Err    error  // the parser's error, a *jsonpath.SyntaxError
}

func newSyntaxError(path string, err error) *SyntaxError {
	e := &SyntaxError{Path: path, Reason: err.Error(), Err: err}
	var se *jsonpath.SyntaxError
	if errors.As(err, &se) {
		e.Pos, e.Reason = se.Pos, se.Reason
	}
	return e
}

// Error says what is wrong, at which position, and shows it under the path:
//
//	invalid comparison operator at position 10:
//		$.a[?@.b = 1]
//		         ^
func (e *SyntaxError) Error() string {
	if e.Pos <= 0 || e.Pos > len(e.Path)+1 {
		return e.Reason
	}
	col := utf8.RuneCountInString(e.Path[:e.Pos-1])
	return fmt.Sprintf("%s at position %d:\n\t%s\n\t%s^", e.Reason, e.Pos, e.Path, strings.Repeat(" ", col))
}

// Unwrap returns the parser's error.
func (e *SyntaxError) Unwrap() error { return e.Err }

// NothingError reports a rule whose path selected nothing.
type NothingError struct{ Path, Replacement string }

func (e *NothingError) Error() string { return fmt.Sprintf("%q selects nothing", e.Path) }

// ErrNothing is what every [NothingError] matches with errors.Is.
var ErrNothing = errors.New("the path selects nothing")

// Is makes errors.Is(err, ErrNothing) hold.
func (e *NothingError) Is(target error) bool { return target == ErrNothing }

// Apply applies rules, one after another, to root, a JSON-like tree
// (map[string]any, []any, string, bool, nil, numbers, [encoding/json.Number]),
// replacing each selected node in place by its rule's replacement. It
// returns the new root (a replaced root is a string) and the locations
// replaced. A rule that selects nothing stops it with a [*NothingError].
func Apply(root any, rules []Rule) (any, *Trie, error) {
	roots, tries, err := ApplyEach([]any{root}, rules)
	if err != nil {
		return nil, nil, err
	}
	return roots[0], tries[0], nil
}

// ApplyEach is [Apply] over several documents (a YAML stream): each rule
// applies to every document, and selecting nothing means nothing in any of
// them. roots is changed in place and returned.
func ApplyEach(roots []any, rules []Rule) ([]any, []*Trie, error) {
	tries := make([]*Trie, len(roots))
	for i := range tries {
		tries[i] = &Trie{}
	}
	for _, r := range rules {
		selected := false
		var with any = r.Replacement // boxed once, not at each node
		for i, root := range roots {
			for _, n := range r.query.SelectLocated(root) {
				selected = true
				roots[i] = replace(roots[i], n.Path, with)
				tries[i].add(n.Path, r.Replacement)
			}
		}
		if !selected {
			return nil, nil, &NothingError{Path: r.Path, Replacement: r.Replacement}
		}
	}
	return roots, tries, nil
}

// replace sets the node at path in root to repl and returns the root. A
// path that no longer leads anywhere (an ancestor was replaced by this same
// rule) changes nothing.
func replace(root any, path jsonpath.NormalizedPath, repl any) any {
	if len(path) == 0 {
		return repl
	}
	parent := root
	for _, step := range path[:len(path)-1] {
		var ok bool
		if parent, ok = child(parent, step); !ok {
			return root
		}
	}
	switch last := path[len(path)-1].(type) {
	case jsonpath.Name:
		if m, ok := parent.(map[string]any); ok {
			if _, ok := m[string(last)]; ok {
				m[string(last)] = repl
			}
		}
	case jsonpath.Index:
		if s, ok := parent.([]any); ok && int(last) < len(s) {
			s[last] = repl
		}
	}
	return root
}

func child(node any, step jsonpath.Step) (any, bool) {
	switch step := step.(type) {
	case jsonpath.Name:
		m, ok := node.(map[string]any)
		if !ok {
			return nil, false
		}
		c, ok := m[string(step)]
		return c, ok
	case jsonpath.Index:
		s, ok := node.([]any)
		if !ok || int(step) >= len(s) {
			return nil, false
		}
		return s[step], true
	}
	return nil, false
}
