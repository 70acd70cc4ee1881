package jsonpath

import (
	"slices"
	"strings"
)

// This file evaluates segments and selectors (RFC 9535, 2.3 and 2.5)
// depth first: each node a selector gives goes through the remaining
// segments before the next one is looked at. That gives the RFC's order
// (the results of a segment, in order, each fed to the next segment) and
// lets an existence test stop at the first node.

// Select returns the values of the nodes q selects in root, in order.
func (q *Query) Select(root any) []any {
	var out []any
	w := walker{root: root}
	w.emit = func(v any) bool {
		out = append(out, v)
		return true
	}
	w.segments(q.segments, root)
	return out
}

// SelectLocated returns the nodes q selects in root, in order, each with
// its normalized path.
func (q *Query) SelectLocated(root any) []Node {
	var out []Node
	w := walker{root: root, track: true}
	w.emit = func(v any) bool {
		out = append(out, Node{Path: normalized(w.path), Value: v})
		return true
	}
	w.segments(q.segments, root)
	return out
}

// walker runs a query. emit receives each selected node and returns false
// to stop the walk; the location of the node is in path when track is
// set.
type walker struct {
	root  any // what $ refers to in filters
	track bool
	path  []pathStep
	emit  func(v any) bool
	// members holds one buffer of sorted members per object being
	// iterated, innermost last, reused from one object to the next.
	members [][]member
	depth   int
}

// segments feeds v through segs; it returns false once emit has stopped
// the walk.
func (w *walker) segments(segs []segment, v any) bool {
	if len(segs) == 0 {
		return w.emit(v)
	}
	if segs[0].descendant {
		return w.descend(&segs[0], segs[1:], v)
	}
	return w.selectors(&segs[0], segs[1:], v)
}

func (w *walker) selectors(seg *segment, rest []segment, v any) bool {
	for i := range seg.selectors {
		if !w.selector(&seg.selectors[i], rest, v) {
			return false
		}
	}
	return true
}

// descend applies seg's selectors to v and then to each of its
// descendants, parents before children (RFC 9535, 2.5.2.2). A scalar has
// nothing for any selector to select, so only arrays and objects are
// descended into, and only those members need sorting.
func (w *walker) descend(seg *segment, rest []segment, v any) bool {
	if !w.selectors(seg, rest, v) {
		return false
	}
	next := func(c any) bool { return w.descend(seg, rest, c) }
	switch v := v.(type) {
	case []any:
		for i, c := range v {
			if isContainer(c) && !w.child(pathStep{index: i, isIndex: true}, c, next) {
				return false
			}
		}
	case map[string]any:
		members := w.sortedMembers(v, true)
		defer w.release(members)
		for _, m := range members {
			if !w.child(pathStep{name: m.name}, m.value, next) {
				return false
			}
		}
	}
	return true
}

func isContainer(v any) bool {
	switch v.(type) {
	case []any, map[string]any:
		return true
	}
	return false
}

// child runs next on c, the child of the current node at step s.
func (w *walker) child(s pathStep, c any, next func(any) bool) bool {
	if !w.track {
		return next(c)
	}
	w.path = append(w.path, s)
	ok := next(c)
	w.path = w.path[:len(w.path)-1]
	return ok
}

func (w *walker) selector(sel *selector, rest []segment, v any) bool {
	next := func(c any) bool { return w.segments(rest, c) }
	switch sel.kind {
	case selName:
		if m, ok := v.(map[string]any); ok {
			if c, ok := m[sel.name]; ok {
				return w.child(pathStep{name: sel.name}, c, next)
			}
		}
	case selIndex:
		if a, ok := v.([]any); ok {
			if i, ok := index(sel.index, len(a)); ok {
				return w.child(pathStep{index: i, isIndex: true}, a[i], next)
			}
		}
	case selSlice:
		if a, ok := v.([]any); ok {
			return sel.slice.each(len(a), func(i int) bool {
				return w.child(pathStep{index: i, isIndex: true}, a[i], next)
			})
		}
	case selWildcard, selFilter:
		switch v := v.(type) {
		case []any:
			for i, c := range v {
				if sel.kind == selFilter && !w.test(sel.filter, c) {
					continue
				}
				if !w.child(pathStep{index: i, isIndex: true}, c, next) {
					return false
				}
			}
		case map[string]any:
			members := w.sortedMembers(v, false)
			defer w.release(members)
			for _, m := range members {
				if sel.kind == selFilter && !w.test(sel.filter, m.value) {
					continue
				}
				if !w.child(pathStep{name: m.name}, m.value, next) {
					return false
				}
			}
		}
	}
	return true
}

// index returns the position an index selector i selects in an array of
// n elements (a negative i counts from the end), if there is one.
func index(i int64, n int) (int, bool) {
	if i < 0 {
		i += int64(n)
	}
	if i < 0 || i >= int64(n) {
		return 0, false
	}
	return int(i), true
}

// each calls f with each index s selects in an array of n elements, in
// order (RFC 9535, 2.3.4.2.2), until f returns false.
func (s slice) each(n int, f func(i int) bool) bool {
	step := int64(1)
	if s.hasStep {
		step = s.step
	}
	if step == 0 {
		return true
	}
	length := int64(n)
	normalize := func(i int64) int64 {
		if i < 0 {
			return length + i
		}
		return i
	}
	if step > 0 {
		start, end := int64(0), length
		if s.hasStart {
			start = normalize(s.start)
		}
		if s.hasEnd {
			end = normalize(s.end)
		}
		lower, upper := min(max(start, 0), length), min(max(end, 0), length)
		for i := lower; i < upper; i += step {
			if !f(int(i)) {
				return false
			}
		}
		return true
	}
	start, end := length-1, -length-1
	if s.hasStart {
		start = normalize(s.start)
	}
	if s.hasEnd {
		end = normalize(s.end)
	}
	upper, lower := min(max(start, -1), length-1), min(max(end, -1), length-1)
	for i := upper; lower < i; i += step {
		if !f(int(i)) {
			return false
		}
	}
	return true
}

// member is a member of an object: its name and value.
type member struct {
	name  string
	value any
}

// sortedMembers returns the members of m (only the arrays and objects
// among them when containers is set) sorted by name: byte order, which is
// the order of code points, and the order this package gives an object's
// members. The slice is the walker's until [walker.release].
func (w *walker) sortedMembers(m map[string]any, containers bool) []member {
	if w.depth == len(w.members) {
		w.members = append(w.members, nil)
	}
	buf := w.members[w.depth][:0]
	w.depth++
	for k, v := range m {
		if !containers || isContainer(v) {
			buf = append(buf, member{k, v})
		}
	}
	if len(buf) > 1 {
		slices.SortFunc(buf, func(a, b member) int { return strings.Compare(a.name, b.name) })
	}
	return buf
}

// release gives back the buffer of the innermost sortedMembers.
func (w *walker) release(buf []member) {
	w.depth--
	clear(buf) // drop the references to the document
	w.members[w.depth] = buf[:0]
}
