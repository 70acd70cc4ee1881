package gvalue

import (
	"reflect"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// scalar prints a boolean, number or string and reports whether v was one.
// Outside an interface, or when the type is one of Go's default types (int,
// float64, string, bool, complex128), the literal stands alone; otherwise it
// is converted to its type: uint8(3), main.Level(2).
func (p *printer) scalar(v reflect.Value, at place, ti *typeInfo) bool {
	start := len(p.buf)
	switch v.Kind() {
	case reflect.Bool:
		p.buf = strconv.AppendBool(p.buf, v.Bool())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		p.buf = strconv.AppendInt(p.buf, v.Int(), 10)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		p.buf = strconv.AppendUint(p.buf, v.Uint(), 10)
	case reflect.Float32, reflect.Float64:
		p.buf = strconv.AppendFloat(p.buf, v.Float(), 'g', -1, v.Type().Bits())
		if at == inInterface && ti.bare && !strings.ContainsAny(string(p.buf[start:]), ".eIN") {
			// 3 would read as an int: float64(3)
			p.buf = append(p.buf[:start], "float64("...)
			p.buf = strconv.AppendFloat(p.buf, v.Float(), 'g', -1, 64)
			p.buf = append(p.buf, ')')
			return true
		}
	case reflect.Complex64, reflect.Complex128:
		p.buf = append(p.buf, strconv.FormatComplex(v.Complex(), 'g', -1, v.Type().Bits())...)
	case reflect.String:
		p.buf = appendString(p.buf, v.String())
	default:
		return false
	}
	if at == inInterface && !ti.bare {
		lit := string(p.buf[start:])
		p.buf = append(append(append(p.buf[:start], ti.name...), '('), lit...)
		p.buf = append(p.buf, ')')
	}
	return true
}

// appendString appends s as a Go string literal: a raw `...` literal when s
// holds a newline and every other character is printable or a tab, so that
// a multi-line text reads as lines in the golden; a quoted one otherwise.
func appendString(b []byte, s string) []byte {
	if strings.Contains(s, "\n") && canBackquote(s) {
		b = append(b, '`')
		b = append(b, s...)
		return append(b, '`')
	}
	return strconv.AppendQuote(b, s)
}

func canBackquote(s string) bool {
	for _, r := range s {
		switch {
		case r == '`', r == utf8.RuneError, r == '\uFEFF':
			return false
		case r == '\n', r == '\t':
		case !unicode.IsPrint(r):
			return false
		}
	}
	return true
}

// bytesValue prints a byte slice or array: as T("text") when it is valid
// UTF-8, in hexadecimal, 16 bytes a line, otherwise. A valid byte array
// reads as text only when it is printable; a fixed-size array of bytes is
// rarely text.
func (p *printer) bytesValue(v reflect.Value, ti *typeInfo) {
	b := make([]byte, v.Len())
	reflect.Copy(reflect.ValueOf(b), v)
	if v.Kind() == reflect.Slice && utf8.Valid(b) {
		p.buf = append(p.buf, ti.name...)
		p.buf = append(p.buf, '(')
		p.buf = appendString(p.buf, string(b))
		p.buf = append(p.buf, ')')
		return
	}
	p.buf = append(p.buf, ti.name...)
	p.buf = append(p.buf, '{')
	p.indent++
	for i, c := range b {
		if i%16 == 0 {
			p.newline()
		} else {
			p.buf = append(p.buf, ' ')
		}
		p.buf = append(p.buf, "0x"...)
		p.buf = append(p.buf, "0123456789abcdef"[c>>4], "0123456789abcdef"[c&15], ',')
	}
	p.indent--
	p.close(len(b) == 0)
}

// appendPath appends a path in JSONPath syntax: $, .Name, [0], ["key"].
func appendPath(b []byte, path []step) []byte {
	b = append(b, '$')
	for _, s := range path {
		switch {
		case s.index >= 0:
			b = append(b, '[')
			b = strconv.AppendInt(b, int64(s.index), 10)
			b = append(b, ']')
		case isIdentifier(s.name):
			b = append(b, '.')
			b = append(b, s.name...)
		default:
			b = append(b, '[')
			b = strconv.AppendQuote(b, s.name)
			b = append(b, ']')
		}
	}
	return b
}

// isIdentifier reports whether name can follow a "." in a JSONPath.
func isIdentifier(name string) bool {
	for i, r := range name {
		if !(r == '_' || unicode.IsLetter(r) || i > 0 && unicode.IsDigit(r)) {
			return false
		}
	}
	return name != ""
}
