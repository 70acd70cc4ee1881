package redact

import (
	"encoding/json"
	"errors"
	"fmt"
	"unicode/utf8"
	"unsafe"
)

// parseJSON decodes JSON text into the view [Apply] queries: objects as
// map[string]any (the last of duplicate names wins), arrays as []any,
// numbers as [json.Number] (so no precision is lost and no float is
// formatted), strings, booleans and nil. It gives what json.Decoder with
// UseNumber gives for valid JSON, several times faster: on a 1 MB document
// encoding/json's reflection-driven decoding costs six times what encoding
// the same document costs, which alone would break the promise that three
// redactions cost at most three times an assertion without them.
//
// It is meant for JSON that encoding/json wrote or validated; on invalid
// input it returns an error or a best-effort value, never panics.
//
// Plain strings and numbers of the result share data's memory instead of
// being copied (a third of the cost on a 1 MB document): data must not
// change while the result is in use. [JSON] keeps to that: the result
// lives only while it redacts, and data is never written.
func parseJSON(data []byte) (any, error) {
	p := parser{data: data}
	p.space()
	v, err := p.value(0)
	if err != nil {
		return nil, err
	}
	p.space()
	if p.pos != len(p.data) {
		return nil, p.fail("data after the value")
	}
	return v, nil
}

// maxDepth bounds nesting as encoding/json does, so that hostile input
// cannot exhaust the stack.
const maxDepth = 10000

type parser struct {
	data []byte
	pos  int
}

func (p *parser) fail(what string) error {
	return fmt.Errorf("invalid JSON at offset %d: %s", p.pos, what)
}

func (p *parser) space() {
	for p.pos < len(p.data) {
		switch p.data[p.pos] {
		case ' ', '\t', '\n', '\r':
			p.pos++
		default:
			return
		}
	}
}

func (p *parser) value(depth int) (any, error) {
	if p.pos >= len(p.data) {
		return nil, p.fail("unexpected end")
	}
	if depth > maxDepth {
		return nil, p.fail("nested too deeply")
	}
	switch c := p.data[p.pos]; {
	case c == '{':
		return p.object(depth)
	case c == '[':
		return p.array(depth)
	case c == '"':
		return p.string()
	case c == '-' || c >= '0' && c <= '9':
		start := p.pos
		for p.pos < len(p.data) && isNumberByte(p.data[p.pos]) {
			p.pos++
		}
		return json.Number(view(p.data[start:p.pos])), nil
	}
	for _, lit := range [...]struct {
		text string
		v    any
	}{{"true", true}, {"false", false}, {"null", nil}} {
		if len(p.data)-p.pos >= len(lit.text) && string(p.data[p.pos:p.pos+len(lit.text)]) == lit.text {
			p.pos += len(lit.text)
			return lit.v, nil
		}
	}
	return nil, p.fail("unexpected character")
}

func isNumberByte(c byte) bool {
	return c >= '0' && c <= '9' || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E'
}

func (p *parser) object(depth int) (any, error) {
	p.pos++ // {
	m := map[string]any{}
	p.space()
	if p.pos < len(p.data) && p.data[p.pos] == '}' {
		p.pos++
		return m, nil
	}
	for {
		p.space()
		if p.pos >= len(p.data) || p.data[p.pos] != '"' {
			return nil, p.fail("expected a member name")
		}
		k, err := p.text()
		if err != nil {
			return nil, err
		}
		p.space()
		if p.pos >= len(p.data) || p.data[p.pos] != ':' {
			return nil, p.fail("expected ':'")
		}
		p.pos++
		p.space()
		v, err := p.value(depth + 1)
		if err != nil {
			return nil, err
		}
		m[k] = v
		if done, err := p.next('}'); done || err != nil {
			return m, err
		}
	}
}

func (p *parser) array(depth int) (any, error) {
	p.pos++ // [
	a := []any{}
	p.space()
	if p.pos < len(p.data) && p.data[p.pos] == ']' {
		p.pos++
		return a, nil
	}
	for {
		p.space()
		v, err := p.value(depth + 1)
		if err != nil {
			return nil, err
		}
		a = append(a, v)
		if done, err := p.next(']'); done || err != nil {
			return a, err
		}
	}
}

// next reads the ',' before another member or element, or the closing
// byte, and reports whether it was the closing byte.
func (p *parser) next(closing byte) (bool, error) {
	p.space()
	if p.pos >= len(p.data) {
		return false, p.fail("unexpected end")
	}
	switch p.data[p.pos] {
	case ',':
		p.pos++
		return false, nil
	case closing:
		p.pos++
		return true, nil
	}
	return false, p.fail(fmt.Sprintf("expected ',' or '%c'", closing))
}

func (p *parser) string() (any, error) {
	s, err := p.text()
	if err != nil {
		return nil, err
	}
	return s, nil
}

// text reads a string. Plain ones (no escape, valid UTF-8: nearly all) are
// taken as they are; the others go through encoding/json, which knows every
// escape and surrogate rule.
func (p *parser) text() (string, error) {
	end, plain := stringEnd(p.data, p.pos)
	if end < 0 {
		return "", p.fail("unterminated string")
	}
	raw := p.data[p.pos:end]
	p.pos = end
	if plain {
		return view(raw[1 : len(raw)-1]), nil
	}
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		return "", errors.Join(p.fail("invalid string"), err)
	}
	return s, nil
}

// view returns the bytes b as a string without copying them; see
// parseJSON for why that is safe here.
func view(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}

// stringEnd returns the offset just past the string starting at the quote
// at data[i], or -1, and whether the string holds no escape, no control
// character and no invalid UTF-8.
func stringEnd(data []byte, i int) (int, bool) {
	plain, ascii := true, true
	for j := i + 1; j < len(data); j++ {
		switch c := data[j]; {
		case c == '"':
			if plain && !ascii && !utf8.Valid(data[i+1:j]) {
				plain = false
			}
			return j + 1, plain
		case c >= utf8.RuneSelf:
			ascii = false
		case c == '\\':
			plain = false
			j++
		case c < 0x20:
			plain = false
		}
	}
	return -1, false
}
