package jsonpath

import "fmt"

// SyntaxError reports a query that is not well-formed or not well-typed,
// and where.
type SyntaxError struct {
	Query  string // the query as given
	Pos    int    // 1-based byte offset of the problem; len(Query)+1 at its end
	Reason string // what is wrong, without the position
}

// Error returns "jsonpath: " followed by the reason and the position.
func (e *SyntaxError) Error() string {
	return fmt.Sprintf("jsonpath: %s at position %d", e.Reason, e.Pos)
}

// parseError is what the parser panics with; [Parse] recovers it, so the
// parser's many small steps need no error plumbing, and any other panic
// still crashes (the fuzz target would catch it).
type parseError struct{ err *SyntaxError }

// fail stops the parse with reason at byte offset pos (0-based).
func (p *parser) fail(pos int, format string, args ...any) {
	panic(parseError{&SyntaxError{Query: p.src, Pos: pos + 1, Reason: fmt.Sprintf(format, args...)}})
}

// found describes what is at byte offset pos, for "expected X, found Y".
func (p *parser) found(pos int) string {
	if pos >= len(p.src) {
		return "the end of the query"
	}
	switch c := p.src[pos]; c {
	case ' ', '\t', '\n', '\r':
		return "blank space"
	}
	r, _ := decodeRune(p.src[pos:])
	if r == badRune {
		return fmt.Sprintf("invalid UTF-8 byte %#x", p.src[pos])
	}
	if r < 0x20 {
		return fmt.Sprintf("control character %U", r)
	}
	return fmt.Sprintf("%q", string(r))
}
