package jsonpath

import (
	"strconv"
	"strings"
)

// NormalizedPath is the location of a node as RFC 9535, 2.7 defines it:
// the member names and array indexes that lead to it from the root, in
// order. The root's path is empty.
type NormalizedPath []Step

// Step is one step of a [NormalizedPath]: a [Name] or an [Index]. No other
// type implements it.
type Step interface{ isStep() }

// Name is a step to the member of an object with that name.
type Name string

// Index is a step to the element of an array at that index (from 0).
type Index int

func (Name) isStep()  {}
func (Index) isStep() {}

// Node is a node a query selected: its value and its location.
type Node struct {
	Path  NormalizedPath
	Value any
}

// String returns the path in the normalized syntax of RFC 9535, 2.7:
// $['store']['book'][0], with names single-quoted and escaped as that
// syntax requires, so that two equal paths always print the same.
func (p NormalizedPath) String() string {
	var b strings.Builder
	b.WriteByte('$')
	for _, s := range p {
		b.WriteByte('[')
		switch s := s.(type) {
		case Name:
			writeQuoted(&b, string(s))
		case Index:
			b.WriteString(strconv.Itoa(int(s)))
		}
		b.WriteByte(']')
	}
	return b.String()
}

// writeQuoted writes s as a normalized name selector: single quotes; \b,
// \f, \n, \r, \t, \' and \\ escaped; other control characters as \u00xx in
// lower case hexadecimal; everything else as it is.
func writeQuoted(b *strings.Builder, s string) {
	const hex = "0123456789abcdef"
	b.WriteByte('\'')
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\b':
			b.WriteString(`\b`)
		case '\f':
			b.WriteString(`\f`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		case '\'', '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		default:
			if c < 0x20 {
				b.WriteString(`\u00`)
				b.WriteByte(hex[c>>4])
				b.WriteByte(hex[c&0xf])
			} else {
				b.WriteByte(c)
			}
		}
	}
	b.WriteByte('\'')
}

// pathStep is a step of the location the evaluation is at; it becomes a
// [Step] only for a selected node, so that walking a document boxes
// nothing.
type pathStep struct {
	name    string
	index   int
	isIndex bool
}

func normalized(steps []pathStep) NormalizedPath {
	p := make(NormalizedPath, len(steps))
	for i, s := range steps {
		if s.isIndex {
			p[i] = Index(s.index)
		} else {
			p[i] = Name(s.name)
		}
	}
	return p
}
