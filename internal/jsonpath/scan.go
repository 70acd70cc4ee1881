package jsonpath

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// This file holds the lexical rules of RFC 9535: blank space, string
// literals and their escapes, member-name shorthands, integers with the
// I-JSON range, number literals.

// badRune is what decodeRune returns for a byte that does not start valid
// UTF-8 (distinct from a literal U+FFFD in the query).
const badRune = -1

func decodeRune(s string) (rune, int) {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError && n <= 1 {
		return badRune, 1
	}
	return r, n
}

// maxInt is the I-JSON bound (2^53)-1 on indexes and slice arguments
// (RFC 9535, 2.1).
const maxInt = 1<<53 - 1

func isBlank(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

type parser struct {
	src       string
	pos       int
	depth     int // nesting of filters, parentheses and function calls
	functions func(name string) *function
}

// maxDepth bounds nesting so that a hostile query cannot exhaust the stack.
const maxDepth = 500

func (p *parser) enter(pos int) {
	if p.depth++; p.depth > maxDepth {
		p.fail(pos, "nested more than %d deep", maxDepth)
	}
}

func (p *parser) leave() { p.depth-- }

// blank skips the rule S (any blank space, possibly none).
func (p *parser) blank() {
	for p.pos < len(p.src) && isBlank(p.src[p.pos]) {
		p.pos++
	}
}

func (p *parser) peek() byte {
	if p.pos < len(p.src) {
		return p.src[p.pos]
	}
	return 0
}

func (p *parser) at(s string) bool { return strings.HasPrefix(p.src[p.pos:], s) }

// expect consumes s or fails saying what was expected.
func (p *parser) expect(s, what string) {
	if !p.at(s) {
		p.fail(p.pos, "expected %s, found %s", what, p.found(p.pos))
	}
	p.pos += len(s)
}

// stringLiteral reads a single- or double-quoted string at p.pos.
func (p *parser) stringLiteral() string {
	quote := p.src[p.pos]
	start := p.pos
	p.pos++
	var b strings.Builder
	for {
		if p.pos >= len(p.src) {
			p.fail(start, "string literal is not closed")
		}
		c := p.src[p.pos]
		switch {
		case c == quote:
			p.pos++
			return b.String()
		case c == '\\':
			p.escape(&b, quote)
		case c < 0x20:
			p.fail(p.pos, "control character %U in a string literal must be escaped", rune(c))
		default:
			r, n := decodeRune(p.src[p.pos:])
			if r == badRune {
				p.fail(p.pos, "invalid UTF-8 byte %#x", c)
			}
			b.WriteString(p.src[p.pos : p.pos+n])
			p.pos += n
		}
	}
}

// escape reads the escape sequence at p.pos into b. The quote that
// delimits the literal may be escaped; the other quote may not.
func (p *parser) escape(b *strings.Builder, quote byte) {
	start := p.pos
	p.pos++ // the backslash
	if p.pos >= len(p.src) {
		p.fail(start, "string literal is not closed")
	}
	c := p.src[p.pos]
	p.pos++
	switch c {
	case 'b':
		b.WriteByte('\b')
	case 'f':
		b.WriteByte('\f')
	case 'n':
		b.WriteByte('\n')
	case 'r':
		b.WriteByte('\r')
	case 't':
		b.WriteByte('\t')
	case '/', '\\', quote:
		b.WriteByte(c)
	case 'u':
		r := p.hex4(start)
		switch {
		case r >= 0xDC00 && r <= 0xDFFF:
			p.fail(start, "low surrogate \\u%04X without a high surrogate before it", r)
		case r >= 0xD800 && r <= 0xDBFF:
			if !p.at(`\u`) {
				p.fail(start, "high surrogate \\u%04X must be followed by a \\u escape of a low surrogate", r)
			}
			p.pos += 2
			lo := p.hex4(p.pos - 2)
			if lo < 0xDC00 || lo > 0xDFFF {
				p.fail(start, "high surrogate \\u%04X must be followed by a \\u escape of a low surrogate", r)
			}
			r = 0x10000 + (r-0xD800)<<10 + (lo - 0xDC00)
		}
		b.WriteRune(r)
	default:
		p.fail(start, "invalid escape %q in a string literal", p.src[start:p.pos])
	}
}

// hex4 reads the four hexadecimal digits of a \u escape starting at start.
func (p *parser) hex4(start int) rune {
	if len(p.src)-p.pos < 4 {
		p.fail(start, "\\u must be followed by four hexadecimal digits")
	}
	var r rune
	for _, c := range []byte(p.src[p.pos : p.pos+4]) {
		switch {
		case isDigit(c):
			r = r<<4 | rune(c-'0')
		case c >= 'a' && c <= 'f':
			r = r<<4 | rune(c-'a'+10)
		case c >= 'A' && c <= 'F':
			r = r<<4 | rune(c-'A'+10)
		default:
			p.fail(start, "\\u must be followed by four hexadecimal digits")
		}
	}
	p.pos += 4
	return r
}

// memberName reads a member-name-shorthand at p.pos; "" if none starts
// there.
func (p *parser) memberName() string {
	start := p.pos
	for p.pos < len(p.src) {
		r, n := decodeRune(p.src[p.pos:])
		if !(r == '_' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= 0x80 ||
			p.pos > start && r >= '0' && r <= '9') {
			break
		}
		p.pos += n
	}
	return p.src[start:p.pos]
}

// integer reads an index or slice argument: "0" or an optional "-" and
// digits without a leading zero, within the I-JSON range.
func (p *parser) integer() int64 {
	start := p.pos
	if p.peek() == '-' {
		p.pos++
	}
	digits := p.pos
	for p.pos < len(p.src) && isDigit(p.src[p.pos]) {
		p.pos++
	}
	text := p.src[start:p.pos]
	switch {
	case p.pos == digits:
		p.fail(digits, "expected a digit, found %s", p.found(digits))
	case p.src[digits] == '0' && (p.pos-digits > 1 || digits > start):
		p.fail(start, "integer %s has a leading zero", text)
	}
	v, err := strconv.ParseInt(text, 10, 64)
	if err != nil || v > maxInt || v < -maxInt {
		p.fail(start, "integer %s is outside the I-JSON range [-(2^53)+1, (2^53)-1]", text)
	}
	return v
}

// isIntStart reports whether an integer starts at p.pos.
func (p *parser) isIntStart() bool {
	c := p.peek()
	return isDigit(c) || c == '-'
}
