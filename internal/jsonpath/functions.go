package jsonpath

import (
	"regexp"
	"unicode/utf8"
)

// This file holds the function extensions of RFC 9535, 2.4: their types,
// the well-typedness of their arguments, and their evaluation.

// ftype is the declared type of a function's parameter or result.
type ftype uint8

const (
	typeValue ftype = iota
	typeLogical
	typeNodes
)

func (t ftype) String() string {
	return [...]string{typeValue: "a value", typeLogical: "a logical result", typeNodes: "nodes"}[t]
}

type function struct {
	name   string
	params []ftype
	result ftype
}

func lookupFunction(name string) *function {
	switch name {
	case "length":
		return &function{name, []ftype{typeValue}, typeValue}
	case "count":
		return &function{name, []ftype{typeNodes}, typeValue}
	case "match", "search":
		return &function{name, []ftype{typeValue, typeValue}, typeLogical}
	case "value":
		return &function{name, []ftype{typeNodes}, typeValue}
	}
	return nil
}

// funcCall is a call of a function extension in a filter.
type funcCall struct {
	fn   *function
	args []expr
	pos  int
	// A match or search whose pattern is a string literal has it compiled
	// once, here: re, or badRegexp when it is not a valid I-Regexp.
	re        *regexp.Regexp
	badRegexp bool
}

// call reads the arguments of a call of name, whose name starts at start
// and which p.pos is at the "(" of, and checks their types.
func (p *parser) call(name string, start int) expr {
	fn := p.functions(name)
	if fn == nil {
		p.fail(start, "unknown function %s() (RFC 9535 defines length, count, match, search and value)", name)
	}
	p.enter(start)
	defer p.leave()
	p.pos++ // (
	p.blank()
	var args []expr
	var at []int
	if p.peek() != ')' {
		for {
			at = append(at, p.pos)
			args = append(args, p.orExpr())
			if !p.operator(",") {
				break
			}
		}
	}
	p.blank()
	p.expect(")", `"," or ")"`)
	if len(args) != len(fn.params) {
		p.fail(start, "%s() takes %d argument(s), not %d", name, len(fn.params), len(args))
	}
	for i, a := range args {
		p.checkArg(fn, i, a, at[i])
	}
	c := &funcCall{fn: fn, args: args, pos: start}
	if name == "match" || name == "search" {
		if l, ok := args[1].(*literal); ok {
			if s, ok := l.v.(string); ok {
				var err error
				c.re, err = compileIRegexp(s, name == "match")
				c.badRegexp = err != nil
			}
		}
	}
	return c
}

// checkArg fails unless argument i of fn is well-typed (RFC 9535,
// 2.4.3): a value parameter takes a literal, a singular query or a
// function giving a value; a logical one takes a logical expression, a
// query or a function giving a logical result or nodes; a nodes one takes
// a query or a function giving nodes.
func (p *parser) checkArg(fn *function, i int, arg expr, pos int) {
	want := fn.params[i]
	var ok bool
	switch a := arg.(type) {
	case *literal:
		ok = want == typeValue
	case *queryExpr:
		ok = want != typeValue || a.singular
	case *funcCall:
		ok = a.fn.result == want || want == typeLogical && a.fn.result == typeNodes
	default: // a comparison, a negation, && or ||, parentheses
		ok = want == typeLogical
	}
	if !ok {
		what := [...]string{
			typeValue:   "a value: a literal, a singular query or a function giving a value",
			typeLogical: "a logical expression",
			typeNodes:   "a query",
		}[want]
		p.fail(pos, "argument %d of %s() must be %s", i+1, fn.name, what)
	}
}

// valueCall evaluates a function giving a value; false means Nothing.
func (w *walker) valueCall(c *funcCall, cur any) (any, bool) {
	switch c.fn.name {
	case "length":
		v, ok := w.value(c.args[0], cur)
		if !ok {
			return nil, false
		}
		switch v := v.(type) {
		case string:
			return intNumber(int64(utf8.RuneCountInString(v))), true
		case []any:
			return intNumber(int64(len(v))), true
		case map[string]any:
			return intNumber(int64(len(v))), true
		}
		return nil, false
	case "count":
		return intNumber(int64(len(w.nodes(c.args[0], cur)))), true
	case "value":
		if nodes := w.nodes(c.args[0], cur); len(nodes) == 1 {
			return nodes[0], true
		}
	}
	return nil, false
}

// logicalCall evaluates match or search: true when the first argument is
// a string that the second, an I-Regexp, matches whole (match) or in part
// (search). Anything else, an invalid pattern included, gives false.
func (w *walker) logicalCall(c *funcCall, cur any) bool {
	v, ok := w.value(c.args[0], cur)
	s, isString := v.(string)
	if !ok || !isString || c.badRegexp {
		return false
	}
	re := c.re
	if re == nil {
		pv, ok := w.value(c.args[1], cur)
		pattern, isString := pv.(string)
		if !ok || !isString {
			return false
		}
		var err error
		if re, err = compileIRegexp(pattern, c.fn.name == "match"); err != nil {
			return false
		}
	}
	return re.MatchString(s)
}
