package jsonpath

import (
	"strconv"
	"strings"
)

// String returns q in a canonical form that [Parse] reads back as the same
// query: bracket notation throughout, names single-quoted as in normalized
// paths, one space around binary operators and after commas, no other
// blank space, parentheses where they were written, numbers as written.
// Two queries that differ only in notation print the same.
func (q *Query) String() string {
	var b strings.Builder
	b.WriteByte('$')
	writeSegments(&b, q.segments)
	return b.String()
}

func writeSegments(b *strings.Builder, segs []segment) {
	for _, s := range segs {
		if s.descendant {
			b.WriteString("..")
		}
		b.WriteByte('[')
		for i, sel := range s.selectors {
			if i > 0 {
				b.WriteString(", ")
			}
			writeSelector(b, sel)
		}
		b.WriteByte(']')
	}
}

func writeSelector(b *strings.Builder, sel selector) {
	switch sel.kind {
	case selName:
		writeQuoted(b, sel.name)
	case selWildcard:
		b.WriteByte('*')
	case selIndex:
		b.WriteString(strconv.FormatInt(sel.index, 10))
	case selSlice:
		s := sel.slice
		if s.hasStart {
			b.WriteString(strconv.FormatInt(s.start, 10))
		}
		b.WriteByte(':')
		if s.hasEnd {
			b.WriteString(strconv.FormatInt(s.end, 10))
		}
		if s.hasStep {
			b.WriteByte(':')
			b.WriteString(strconv.FormatInt(s.step, 10))
		}
	case selFilter:
		b.WriteByte('?')
		writeExpr(b, sel.filter)
	}
}

func writeExpr(b *strings.Builder, e expr) {
	switch e := e.(type) {
	case orExpr:
		writeList(b, e, " || ")
	case andExpr:
		writeList(b, e, " && ")
	case *notExpr:
		b.WriteByte('!')
		writeExpr(b, e.x)
	case *parenExpr:
		b.WriteByte('(')
		writeExpr(b, e.x)
		b.WriteByte(')')
	case *compareExpr:
		writeExpr(b, e.left)
		b.WriteString(" " + e.op.String() + " ")
		writeExpr(b, e.right)
	case *literal:
		if s, ok := e.v.(string); ok {
			writeQuoted(b, s)
		} else {
			b.WriteString(e.text)
		}
	case *queryExpr:
		if e.absolute {
			b.WriteByte('$')
		} else {
			b.WriteByte('@')
		}
		writeSegments(b, e.segments)
	case *funcCall:
		b.WriteString(e.fn.name)
		b.WriteByte('(')
		for i, a := range e.args {
			if i > 0 {
				b.WriteString(", ")
			}
			writeExpr(b, a)
		}
		b.WriteByte(')')
	}
}

func writeList(b *strings.Builder, list []expr, op string) {
	for i, x := range list {
		if i > 0 {
			b.WriteString(op)
		}
		writeExpr(b, x)
	}
}
