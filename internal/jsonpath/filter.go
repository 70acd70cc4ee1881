package jsonpath

// This file evaluates filter expressions (RFC 9535, 2.3.5.2): logical
// operators, existence tests and comparisons, where a query that selects
// no node gives Nothing, equal only to Nothing and ordered with nothing.

// test evaluates the logical expression e with @ bound to cur.
func (w *walker) test(e expr, cur any) bool {
	switch e := e.(type) {
	case orExpr:
		for _, x := range e {
			if w.test(x, cur) {
				return true
			}
		}
		return false
	case andExpr:
		for _, x := range e {
			if !w.test(x, cur) {
				return false
			}
		}
		return true
	case *notExpr:
		return !w.test(e.x, cur)
	case *parenExpr:
		return w.test(e.x, cur)
	case *compareExpr:
		return w.compare(e, cur)
	case *queryExpr:
		if e.singular {
			_, ok := w.singular(e, cur)
			return ok
		}
		found := false
		w.query(e, cur, func(any) bool {
			found = true
			return false
		})
		return found
	case *funcCall:
		if e.fn.result == typeLogical {
			return w.logicalCall(e, cur)
		}
		return len(w.nodes(e, cur)) > 0
	}
	return false
}

func (w *walker) compare(e *compareExpr, cur any) bool {
	a, aok := w.value(e.left, cur)
	b, bok := w.value(e.right, cur)
	eq := func() bool {
		if !aok || !bok {
			return aok == bok // Nothing equals only Nothing
		}
		return equal(a, b)
	}
	switch e.op {
	case opEq:
		return eq()
	case opNe:
		return !eq()
	case opLt:
		return aok && bok && less(a, b)
	case opGt:
		return aok && bok && less(b, a)
	case opLe:
		return aok && bok && less(a, b) || eq()
	case opGe:
		return aok && bok && less(b, a) || eq()
	}
	return false
}

// value evaluates a comparable or a value argument: a literal, a singular
// query or a function giving a value. false means Nothing.
func (w *walker) value(e expr, cur any) (any, bool) {
	switch e := e.(type) {
	case *literal:
		return e.v, true
	case *queryExpr:
		return w.singular(e, cur)
	case *funcCall:
		return w.valueCall(e, cur)
	}
	return nil, false
}

// singular follows a singular query's names and indexes without building
// a node list.
func (w *walker) singular(q *queryExpr, cur any) (any, bool) {
	v := cur
	if q.absolute {
		v = w.root
	}
	for i := range q.segments {
		sel := &q.segments[i].selectors[0]
		switch sel.kind {
		case selName:
			m, ok := v.(map[string]any)
			if !ok {
				return nil, false
			}
			if v, ok = m[sel.name]; !ok {
				return nil, false
			}
		case selIndex:
			a, ok := v.([]any)
			if !ok {
				return nil, false
			}
			j, ok := index(sel.index, len(a))
			if !ok {
				return nil, false
			}
			v = a[j]
		}
	}
	return v, true
}

// query calls f with the value of each node q selects, with @ bound to
// cur, until f returns false.
func (w *walker) query(q *queryExpr, cur any, f func(any) bool) {
	start := cur
	if q.absolute {
		start = w.root
	}
	sub := walker{root: w.root, emit: f}
	sub.segments(q.segments, start)
}

// nodes evaluates a nodes argument: a query, or a function giving nodes.
func (w *walker) nodes(e expr, cur any) []any {
	var out []any
	if q, ok := e.(*queryExpr); ok {
		w.query(q, cur, func(v any) bool {
			out = append(out, v)
			return true
		})
	}
	return out // no function of RFC 9535 gives nodes
}
