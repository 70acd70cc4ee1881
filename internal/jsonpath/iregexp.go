package jsonpath

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// This file checks a pattern of match() and search() against I-Regexp
// (RFC 9485) and translates it to Go's regexp syntax. I-Regexp is a small
// subset of XSD regular expressions: no backreferences, no lazy
// quantifiers, no shorthand classes such as \d, "." matches anything but
// a line feed or a carriage return, and \p{..} names only Unicode general
// categories. Go's RE2 engine runs every such pattern in linear time.
//
// Two deliberate choices where the RFCs leave room:
//   - "^" and "$" outside brackets anchor at the start and end of the
//     string. RFC 9485's grammar lists them as ordinary characters, but
//     its own mappings to ECMAScript and PCRE (section 5) leave them as
//     anchors, the JSONPath Compliance Test Suite tests them as anchors
//     ("explicit caret", "explicit dollar"), and that is what a user
//     writing search(@.id, '^tmp-') means. A literal one is written \^
//     or [$].
//   - A repetition count above 1000 ({1001}) is refused by Go's regexp,
//     so such a pattern, valid I-Regexp, never matches.

// maxRegexpDepth bounds the nesting of groups.
const maxRegexpDepth = 100

// compileIRegexp compiles pattern, which must be an I-Regexp, to match a
// whole string (full) or any part of one.
func compileIRegexp(pattern string, full bool) (*regexp.Regexp, error) {
	t := reTranslator{src: pattern}
	if err := t.run(); err != nil {
		return nil, err
	}
	expr := t.out.String()
	if full {
		expr = `\A(?:` + expr + `)\z`
	}
	return regexp.Compile(expr)
}

type reTranslator struct {
	src   string
	pos   int
	depth int
	out   strings.Builder
}

// reError is what the translator panics with; run recovers it.
type reError struct{ err error }

func (t *reTranslator) fail(format string, args ...any) {
	panic(reError{fmt.Errorf("I-Regexp %q at offset %d: %s", t.src, t.pos, fmt.Sprintf(format, args...))})
}

func (t *reTranslator) run() (err error) {
	defer func() {
		if r := recover(); r != nil {
			re, ok := r.(reError)
			if !ok {
				panic(r)
			}
			err = re.err
		}
	}()
	t.alternation()
	if t.pos < len(t.src) {
		t.fail("unexpected %q", t.src[t.pos])
	}
	return nil
}

func (t *reTranslator) peek() byte {
	if t.pos < len(t.src) {
		return t.src[t.pos]
	}
	return 0
}

// next reads one code point; invalid UTF-8 is an error.
func (t *reTranslator) next() rune {
	r, n := decodeRune(t.src[t.pos:])
	if r == badRune {
		t.fail("invalid UTF-8")
	}
	t.pos += n
	return r
}

// alternation reads branch *("|" branch).
func (t *reTranslator) alternation() {
	t.branch()
	for t.peek() == '|' {
		t.pos++
		t.out.WriteByte('|')
		t.branch()
	}
}

// branch reads *piece; piece = atom [quantifier].
func (t *reTranslator) branch() {
	for t.pos < len(t.src) && t.peek() != '|' && t.peek() != ')' {
		t.atom()
		t.quantifier()
	}
}

func (t *reTranslator) atom() {
	switch c := t.peek(); c {
	case '(':
		if t.depth++; t.depth > maxRegexpDepth {
			t.fail("groups nested more than %d deep", maxRegexpDepth)
		}
		t.pos++
		t.out.WriteString("(?:")
		t.alternation()
		if t.peek() != ')' {
			t.fail("group is not closed")
		}
		t.pos++
		t.out.WriteByte(')')
		t.depth--
	case '.':
		t.pos++
		t.out.WriteString(`[^\n\r]`)
	case '[':
		t.class()
	case '\\':
		if p := t.src[t.pos+1:]; strings.HasPrefix(p, "p") || strings.HasPrefix(p, "P") {
			t.pos++
			t.category(false)
			return
		}
		writeClassRune(&t.out, t.singleCharEscape())
	case ')', '*', '+', '?', '{', '}', '|', ']':
		t.fail("%q must be escaped", c)
	case '^', '$': // anchors: see the top of this file
		t.pos++
		t.out.WriteByte(c)
	default:
		t.out.WriteString(regexp.QuoteMeta(string(t.next())))
	}
}

// singleCharEscape reads a SingleCharEsc (\n, \r, \t or an escaped
// metacharacter) and returns the character it stands for.
func (t *reTranslator) singleCharEscape() rune {
	t.pos++ // \
	if t.pos >= len(t.src) {
		t.fail("\\ at the end of the pattern")
	}
	c := t.src[t.pos]
	t.pos++
	switch c {
	case 'n':
		return '\n'
	case 'r':
		return '\r'
	case 't':
		return '\t'
	case '(', ')', '*', '+', '-', '.', '?', '[', '\\', ']', '^', '{', '|', '}':
		return rune(c)
	}
	t.pos -= 2
	t.fail("\\%c is not an I-Regexp escape", c)
	return 0
}

// quantifier reads an optional "*", "+", "?" or {n}, {n,}, {n,m}.
func (t *reTranslator) quantifier() {
	switch c := t.peek(); c {
	case '*', '+', '?':
		t.pos++
		t.out.WriteByte(c)
	case '{':
		t.pos++
		lo := t.count()
		text := strconv.Itoa(lo)
		if t.peek() == ',' {
			t.pos++
			text += ","
			if t.peek() != '}' {
				hi := t.count()
				if hi < lo {
					t.fail("repetition {%d,%d} has its bounds reversed", lo, hi)
				}
				text += strconv.Itoa(hi)
			}
		}
		if t.peek() != '}' {
			t.fail("repetition is not closed with }")
		}
		t.pos++
		t.out.WriteString("{" + text + "}")
	}
}

func (t *reTranslator) count() int {
	start := t.pos
	for isDigit(t.peek()) {
		t.pos++
	}
	n, err := strconv.Atoi(t.src[start:t.pos])
	if err != nil {
		t.pos = start
		t.fail("expected a repetition count")
	}
	return n
}

// writeClassRune writes r so that it means itself, inside a character
// class or out of one.
func writeClassRune(b *strings.Builder, r rune) {
	fmt.Fprintf(b, `\x{%x}`, r)
}
