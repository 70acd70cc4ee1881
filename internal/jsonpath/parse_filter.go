package jsonpath

// This file parses filter expressions (RFC 9535, 2.3.5) and checks that
// they are well-typed (2.4.3): what a filter tests is a logical
// expression, a query or a function giving a logical result or nodes; what
// it compares is a literal, a singular query or a function giving a value.

// expr is a node of a filter expression: orExpr, andExpr, *notExpr,
// *parenExpr, *compareExpr, *literal, *queryExpr or *funcCall.
type expr any

type (
	orExpr    []expr
	andExpr   []expr
	notExpr   struct{ x expr }
	parenExpr struct{ x expr }
)

type compareExpr struct {
	op          compareOp
	left, right expr
}

type compareOp uint8

const (
	opEq compareOp = iota
	opNe
	opLe
	opGe
	opLt
	opGt
)

// compareOps lists the operators as written, longest first, so that "<="
// is not read as "<".
var compareOps = [...]string{opEq: "==", opNe: "!=", opLe: "<=", opGe: ">=", opLt: "<", opGt: ">"}

func (op compareOp) String() string { return compareOps[op] }

// literal is a string, number, true, false or null in a filter.
type literal struct {
	v    any    // string, number, bool or nil
	text string // as written, to print a number the way it was given
	pos  int
}

// queryExpr is a relative (@) or absolute ($) query inside a filter.
type queryExpr struct {
	absolute bool
	segments []segment
	singular bool // selects at most one node (RFC 9535, 2.3.5.1)
	pos      int
}

func (p *parser) orExpr() expr {
	list := orExpr{p.andExpr()}
	for p.operator("||") {
		list = append(list, p.andExpr())
	}
	if len(list) == 1 {
		return list[0]
	}
	for _, e := range list {
		p.checkLogical(e)
	}
	return list
}

func (p *parser) andExpr() expr {
	list := andExpr{p.basic()}
	for p.operator("&&") {
		list = append(list, p.basic())
	}
	if len(list) == 1 {
		return list[0]
	}
	for _, e := range list {
		p.checkLogical(e)
	}
	return list
}

// operator consumes blank space, op and blank space if op comes next.
func (p *parser) operator(op string) bool {
	save := p.pos
	p.blank()
	if !p.at(op) {
		p.pos = save
		return false
	}
	p.pos += len(op)
	p.blank()
	return true
}

// basic reads a negation, a parenthesized expression, a comparison, or
// one operand alone (a test, or a function argument).
func (p *parser) basic() expr {
	switch p.peek() {
	case '!':
		bang := p.pos
		p.pos++
		p.blank()
		if p.peek() == '(' {
			return &notExpr{p.paren()}
		}
		x := p.primary()
		if l, ok := x.(*literal); ok {
			p.fail(l.pos, "\"!\" negates a query, a function or a parenthesized expression, not the literal %s", l.text)
		}
		p.checkLogical(x)
		save := p.pos
		p.blank()
		if op, ok := p.compareOp(); ok {
			p.fail(bang, "\"!\" cannot negate a comparison without parentheses: write !(... %s ...)", op)
		}
		p.pos = save
		return &notExpr{x}
	case '(':
		return p.paren()
	}
	left := p.primary()
	save := p.pos
	p.blank()
	op, ok := p.compareOp()
	if !ok {
		p.pos = save
		return left
	}
	p.checkComparable(left)
	p.pos += len(op.String())
	p.blank()
	right := p.primary()
	p.checkComparable(right)
	return &compareExpr{op: op, left: left, right: right}
}

// compareOp returns the comparison operator at p.pos, if one is there.
func (p *parser) compareOp() (compareOp, bool) {
	for op, text := range compareOps {
		if p.at(text) {
			return compareOp(op), true
		}
	}
	if p.at("=") {
		p.fail(p.pos, "invalid comparison operator")
	}
	return 0, false
}

func (p *parser) paren() expr {
	start := p.pos
	p.enter(start)
	defer p.leave()
	p.pos++ // (
	p.blank()
	x := p.orExpr()
	p.checkLogical(x)
	p.blank()
	p.expect(")", `")"`)
	return &parenExpr{x}
}

// primary reads a literal, a query or a function call.
func (p *parser) primary() expr {
	start := p.pos
	switch c := p.peek(); {
	case c == '@' || c == '$':
		p.pos++
		segs := p.segments()
		return &queryExpr{absolute: c == '$', segments: segs, singular: singular(segs), pos: start}
	case c == '\'' || c == '"':
		s := p.stringLiteral()
		return &literal{v: s, text: p.src[start:p.pos], pos: start}
	case c == '-' || isDigit(c):
		return p.number()
	case c >= 'a' && c <= 'z':
		for p.pos < len(p.src) && (p.src[p.pos] >= 'a' && p.src[p.pos] <= 'z' || p.src[p.pos] == '_' || isDigit(p.src[p.pos])) {
			p.pos++
		}
		name := p.src[start:p.pos]
		if p.peek() == '(' {
			return p.call(name, start)
		}
		switch name {
		case "true":
			return &literal{v: true, text: name, pos: start}
		case "false":
			return &literal{v: false, text: name, pos: start}
		case "null":
			return &literal{v: nil, text: name, pos: start}
		}
		p.fail(start, "expected a query, a literal or a function call, found %q (true, false and null are lower case)", name)
	}
	p.fail(start, "expected a query, a literal or a function call, found %s", p.found(start))
	return nil
}

// number reads a number literal: (int / "-0") [frac] [exp].
func (p *parser) number() *literal {
	start := p.pos
	if p.peek() == '-' {
		p.pos++
	}
	digits := func(what string) {
		if !isDigit(p.peek()) {
			p.fail(p.pos, "expected a digit %s, found %s", what, p.found(p.pos))
		}
		for isDigit(p.peek()) {
			p.pos++
		}
	}
	intStart := p.pos
	digits("in the number")
	if p.src[intStart] == '0' && p.pos-intStart > 1 {
		p.fail(start, "number %s has a leading zero", p.src[start:p.pos])
	}
	if p.peek() == '.' {
		p.pos++
		digits(`after the decimal point`)
	}
	if c := p.peek(); c == 'e' || c == 'E' {
		p.pos++
		if c := p.peek(); c == '+' || c == '-' {
			p.pos++
		}
		digits("in the exponent")
	}
	text := p.src[start:p.pos]
	n, _ := parseNumber(text) // the grammar above is JSON's: it parses
	return &literal{v: n, text: text, pos: start}
}

// singular reports whether segs form a singular query: child segments of
// one name or index selector each, written without blank space inside the
// brackets (the grammar's name-segment and index-segment).
func singular(segs []segment) bool {
	for _, s := range segs {
		if s.descendant || s.spaced || len(s.selectors) != 1 ||
			s.selectors[0].kind != selName && s.selectors[0].kind != selIndex {
			return false
		}
	}
	return true
}

// checkLogical fails unless e can be tested: a logical expression, a query
// (tested for existence), or a function giving a logical result or nodes.
func (p *parser) checkLogical(e expr) {
	switch e := e.(type) {
	case *literal:
		p.fail(e.pos, "the literal %s must be compared with something: a filter tests a query, a function or a comparison", e.text)
	case *funcCall:
		if e.fn.result == typeValue {
			p.fail(e.pos, "%s() gives a value, not a logical result: compare it", e.fn.name)
		}
	}
}

// checkComparable fails unless e can be compared: a literal, a singular
// query, or a function giving a value.
func (p *parser) checkComparable(e expr) {
	switch e := e.(type) {
	case *queryExpr:
		if !e.singular {
			p.fail(e.pos, "only a singular query (names and indexes, no blank space inside brackets) can be compared")
		}
	case *funcCall:
		if e.fn.result != typeValue {
			p.fail(e.pos, "%s() gives %s, which cannot be compared", e.fn.name, e.fn.result)
		}
	}
}
