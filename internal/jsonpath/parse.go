package jsonpath

// This file parses a query's segments and selectors (RFC 9535, 2.1-2.5);
// parse_filter.go parses filter expressions.

// Query is a parsed JSONPath query. It holds no state between calls, so
// one Query may be used by several goroutines at once.
type Query struct {
	segments []segment
}

type segment struct {
	descendant bool
	selectors  []selector
	spaced     bool // blank space inside the brackets: not a singular-query segment
}

type selectorKind uint8

const (
	selName selectorKind = iota
	selWildcard
	selIndex
	selSlice
	selFilter
)

type selector struct {
	kind   selectorKind
	name   string // selName
	index  int64  // selIndex
	slice  slice  // selSlice
	filter expr   // selFilter: a logical expression
}

// slice holds a slice selector's arguments; an absent one takes the
// default the step's sign gives it (RFC 9535, 2.3.4.2.2).
type slice struct {
	start, end, step          int64
	hasStart, hasEnd, hasStep bool
}

// Parse parses query as an RFC 9535 JSONPath query. A query that is not
// well-formed or not well-typed gives a [*SyntaxError].
func Parse(query string) (*Query, error) {
	return parse(query, lookupFunction)
}

// parse is [Parse] with the function extensions that functions looks up
// by name: RFC 9535's five, or, in tests, more, to check the typing rules
// on parameter and result types none of the five have.
func parse(query string, functions func(name string) *function) (q *Query, err error) {
	p := &parser{src: query, functions: functions}
	defer func() {
		if r := recover(); r != nil {
			pe, ok := r.(parseError)
			if !ok {
				panic(r)
			}
			q, err = nil, pe.err
		}
	}()
	if !p.at("$") {
		p.fail(0, "expected \"$\" (the root) at the start of the query, found %s", p.found(0))
	}
	p.pos++
	segs := p.segments()
	if p.pos < len(p.src) {
		end := p.pos
		p.blank()
		if p.pos == len(p.src) {
			p.fail(end, "blank space after the end of the query")
		}
		p.fail(p.pos, "expected \".\", \"..\" or \"[\" to start a segment, found %s", p.found(p.pos))
	}
	return &Query{segments: segs}, nil
}

// MustParse is [Parse] for queries known to be valid: it panics on a
// syntax error.
func MustParse(query string) *Query {
	q, err := Parse(query)
	if err != nil {
		panic(err)
	}
	return q
}

// segments reads the segments after "$" or "@", up to the first
// non-blank byte that cannot start one. Blank space is allowed before a
// segment; blank space after the last one is left unread.
func (p *parser) segments() []segment {
	var segs []segment
	for {
		save := p.pos
		p.blank()
		switch p.peek() {
		case '.':
			segs = append(segs, p.dotSegment())
		case '[':
			segs = append(segs, p.bracketed(false))
		default:
			p.pos = save
			return segs
		}
	}
}

// dotSegment reads ".name", ".*" or a descendant segment "..".
func (p *parser) dotSegment() segment {
	p.pos++ // .
	descendant := p.peek() == '.'
	if descendant {
		p.pos++
		if p.peek() == '[' {
			return p.bracketed(true)
		}
	}
	if p.peek() == '*' {
		p.pos++
		return segment{descendant: descendant, selectors: []selector{{kind: selWildcard}}}
	}
	name := p.memberName()
	if name == "" {
		after := `"."`
		if descendant {
			after = `".."`
		}
		p.fail(p.pos, "expected a member name, \"*\" or \"[\" after %s, found %s", after, p.found(p.pos))
	}
	return segment{descendant: descendant, selectors: []selector{{kind: selName, name: name}}}
}

// bracketed reads "[" selector *("," selector) "]".
func (p *parser) bracketed(descendant bool) segment {
	seg := segment{descendant: descendant}
	p.pos++ // [
	for {
		before := p.pos
		p.blank()
		seg.spaced = seg.spaced || p.pos > before
		seg.selectors = append(seg.selectors, p.selector())
		after := p.pos
		p.blank()
		seg.spaced = seg.spaced || p.pos > after
		switch p.peek() {
		case ',':
			p.pos++
		case ']':
			p.pos++
			return seg
		default:
			p.fail(p.pos, "expected \",\" or \"]\", found %s", p.found(p.pos))
		}
	}
}

func (p *parser) selector() selector {
	switch c := p.peek(); {
	case c == '\'' || c == '"':
		return selector{kind: selName, name: p.stringLiteral()}
	case c == '*':
		p.pos++
		return selector{kind: selWildcard}
	case c == '?':
		start := p.pos
		p.pos++
		p.enter(start)
		defer p.leave()
		p.blank()
		e := p.orExpr()
		p.checkLogical(e)
		return selector{kind: selFilter, filter: e}
	case c == ':' || p.isIntStart():
		return p.indexOrSlice()
	}
	p.fail(p.pos, "expected a selector (a quoted name, \"*\", an index, a slice or \"?\" and a filter), found %s", p.found(p.pos))
	return selector{}
}

// indexOrSlice reads an index selector or a slice selector
// ([start S] ":" S [end S] [":" [S step]]).
func (p *parser) indexOrSlice() selector {
	var s slice
	if p.peek() != ':' {
		v := p.integer()
		save := p.pos
		p.blank()
		if p.peek() != ':' {
			p.pos = save
			return selector{kind: selIndex, index: v}
		}
		s.start, s.hasStart = v, true
	}
	p.pos++ // :
	p.blank()
	if p.isIntStart() {
		s.end, s.hasEnd = p.integer(), true
		p.blank()
	}
	if p.peek() == ':' {
		p.pos++
		p.blank()
		if p.isIntStart() {
			s.step, s.hasStep = p.integer(), true
		}
	}
	return selector{kind: selSlice, slice: s}
}
