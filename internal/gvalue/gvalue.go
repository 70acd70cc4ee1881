// Package gvalue prints any Go value as readable, deterministic text for
// golden files: multi-line, tab-indented, Go-like syntax with type names.
//
// The rules, which golden.AssertValue documents for users:
//   - A type name is written where Go would need it and the place does not
//     imply it: at the top, in an interface, for a struct, slice or map in a
//     struct field. Elements of slices, arrays and maps leave it out, as Go
//     composite literals do. int, float64, string, bool and complex128
//     values never show it, other scalars do where it is not implied:
//     any(uint8(3)) is uint8(3).
//   - Map entries are sorted by key: numbers by value, strings by bytes,
//     other keys by their text; entries whose keys print the same are then
//     sorted by their values' text. Struct fields keep their order.
//   - Pointers are shown as what they point to, behind "&"; no address is
//     ever printed. A pointer, map or slice met again inside itself prints
//     <cycle to PATH>, PATH being where it was first met ($ is the value
//     itself, then .Field, [index], ["key"]); a pointer shared without a
//     cycle prints in full at each place.
//   - nil prints as nil (as T(nil) in an interface, where a typed nil and a
//     nil interface differ); an empty slice or map as T{}.
//   - Unexported fields are shown like exported ones.
//   - A value of a type that is not a struct, or of a struct type with no
//     exported field, is shown by its MarshalText, String or Error method
//     (the first it has that works) as T("text"): time.Time (RFC 3339),
//     time.Duration, net.IP, big.Int, an enum with a String method. A
//     struct with exported fields is always shown field by field.
//   - Strings are Go string literals, as raw `...` literals when they hold
//     a newline and can be written so; []byte is []byte("...") when it is
//     valid UTF-8, else hexadecimal bytes, as are byte arrays.
//   - Functions, channels and unsafe pointers print as their type and
//     non-nil or nil.
//
// The text depends only on the value: not on map iteration order, the
// machine's word size or memory layout.
package gvalue

import (
	"reflect"

	"github.com/tmpkit/tmpkit/internal/redact"
)

// Format returns the text of v, ending with a newline. rules, applied to
// the JSON-like view of v in which structs are objects keyed by Go field
// names, maps objects keyed by their keys' text, pointers what they point
// to, and values shown by a method strings, replace the nodes they select
// by a string literal holding the replacement. A rule selecting nothing is
// an error ([redact.NothingError]).
func Format(v any, rules []redact.Rule) ([]byte, error) {
	p := newPrinter()
	rv := reflect.ValueOf(v)
	var trie *redact.Trie
	if len(rules) > 0 {
		var err error
		if _, trie, err = redact.Apply(p.project(rv), rules); err != nil {
			return nil, err
		}
		p.onStack = map[ref]int{}
	}
	p.value(rv, inInterface, trie)
	p.buf = append(p.buf, '\n')
	return p.buf, nil
}

// place says what the surroundings of a value imply of its type.
type place uint8

const (
	inInterface place = iota // nothing: the top, an interface value
	inField                  // a struct field: its type is known, yet Go writes composite types there
	inElement                // an element of a slice, array or map: its type is implied
)

type printer struct {
	buf     []byte
	indent  int
	types   map[reflect.Type]*typeInfo
	onStack map[ref]int // pointers, maps and slices being printed -> depth in path
	path    []step      // where the printer is, for cycle markers
}

func newPrinter() *printer {
	return &printer{types: map[reflect.Type]*typeInfo{}, onStack: map[ref]int{}}
}

// ref identifies what a pointer, map or slice refers to, for finding
// cycles.
type ref struct {
	ptr uintptr
	len int
	typ reflect.Type
}

// step is one step of a path: a field or map key name, or an index.
type step struct {
	name  string
	index int // -1 for a name
}

func (p *printer) push(s step) { p.path = append(p.path, s) }
func (p *printer) pop()        { p.path = p.path[:len(p.path)-1] }

// enter records that r is being printed, or reports false and prints a
// cycle marker when it already is.
func (p *printer) enter(r ref) bool {
	if depth, ok := p.onStack[r]; ok {
		p.buf = append(p.buf, "<cycle to "...)
		p.buf = appendPath(p.buf, p.path[:depth])
		p.buf = append(p.buf, '>')
		return false
	}
	p.onStack[r] = len(p.path)
	return true
}

func (p *printer) leave(r ref) { delete(p.onStack, r) }

func (p *printer) newline() {
	p.buf = append(p.buf, '\n')
	for range p.indent {
		p.buf = append(p.buf, '\t')
	}
}

func (p *printer) value(v reflect.Value, at place, t *redact.Trie) {
	if with, ok := t.Replaced(); ok {
		p.buf = appendString(p.buf, with)
		return
	}
	if !v.IsValid() {
		p.buf = append(p.buf, "nil"...)
		return
	}
	if v.Kind() == reflect.Interface {
		if v.IsNil() {
			p.buf = append(p.buf, "nil"...)
			return
		}
		p.value(v.Elem(), inInterface, t)
		return
	}
	ti := p.info(v.Type())
	if nilable(v.Kind()) && p.nilValue(v, at, ti) {
		return
	}
	if ti.method != noMethod {
		if text, ok := methodText(v, ti); ok {
			p.buf = append(p.buf, ti.name...)
			p.buf = append(p.buf, '(')
			p.buf = appendString(p.buf, text)
			p.buf = append(p.buf, ')')
			return
		}
	}
	if p.scalar(v, at, ti) {
		return
	}
	switch v.Kind() {
	case reflect.Pointer:
		if !p.enter(ref{v.Pointer(), 0, v.Type()}) {
			return
		}
		p.buf = append(p.buf, '&')
		p.value(v.Elem(), at, t)
		p.leave(ref{v.Pointer(), 0, v.Type()})
	case reflect.Struct:
		p.structValue(v, at, ti, t)
	case reflect.Slice:
		if ti.bytes {
			p.bytesValue(v, ti)
			return
		}
		r := ref{v.Pointer(), v.Len(), v.Type()}
		if v.Len() > 0 && !p.enter(r) {
			return
		}
		p.list(v, at, ti, t)
		if v.Len() > 0 {
			p.leave(r)
		}
	case reflect.Array:
		if ti.bytes {
			p.bytesValue(v, ti)
			return
		}
		p.list(v, at, ti, t)
	case reflect.Map:
		if !p.enter(ref{v.Pointer(), 0, v.Type()}) {
			return
		}
		p.mapValue(v, at, ti, t)
		p.leave(ref{v.Pointer(), 0, v.Type()})
	default: // func, chan, unsafe.Pointer
		p.buf = append(p.buf, '(')
		p.buf = append(p.buf, ti.name...)
		p.buf = append(p.buf, ")(non-nil)"...)
	}
}

func nilable(k reflect.Kind) bool {
	switch k {
	case reflect.Pointer, reflect.Slice, reflect.Map, reflect.Func, reflect.Chan, reflect.UnsafePointer:
		return true
	}
	return false
}

// nilValue prints a nil pointer, slice, map, func or channel and reports
// whether v was one.
func (p *printer) nilValue(v reflect.Value, at place, ti *typeInfo) bool {
	if !v.IsNil() {
		return false
	}
	if at != inInterface {
		p.buf = append(p.buf, "nil"...)
		return true
	}
	if v.Kind() == reflect.Slice || v.Kind() == reflect.Map {
		p.buf = append(p.buf, ti.name...)
	} else {
		p.buf = append(append(append(p.buf, '('), ti.name...), ')')
	}
	p.buf = append(p.buf, "(nil)"...)
	return true
}

// open writes the type name where it is needed and the opening brace.
func (p *printer) open(at place, ti *typeInfo) {
	if at != inElement {
		p.buf = append(p.buf, ti.name...)
	}
	p.buf = append(p.buf, '{')
}

func (p *printer) close(empty bool) {
	if !empty {
		p.newline()
	}
	p.buf = append(p.buf, '}')
}

func (p *printer) structValue(v reflect.Value, at place, ti *typeInfo, t *redact.Trie) {
	p.open(at, ti)
	if ti.unexport {
		v = addressable(v)
	}
	p.indent++
	for _, f := range ti.fields {
		p.newline()
		p.buf = append(p.buf, f.name...)
		p.buf = append(p.buf, ": "...)
		p.push(step{f.name, -1})
		p.value(fieldOf(v, f.index), inField, t.Name(f.name))
		p.pop()
		p.buf = append(p.buf, ',')
	}
	p.indent--
	p.close(len(ti.fields) == 0)
}

func (p *printer) list(v reflect.Value, at place, ti *typeInfo, t *redact.Trie) {
	p.open(at, ti)
	p.indent++
	for i := range v.Len() {
		p.newline()
		p.push(step{"", i})
		p.value(v.Index(i), inElement, t.Index(i))
		p.pop()
		p.buf = append(p.buf, ',')
	}
	p.indent--
	p.close(v.Len() == 0)
}

func (p *printer) mapValue(v reflect.Value, at place, ti *typeInfo, t *redact.Trie) {
	p.open(at, ti)
	entries := p.sortedEntries(v)
	p.indent++
	for _, e := range entries {
		p.newline()
		p.value(e.key, inElement, nil)
		p.buf = append(p.buf, ": "...)
		p.push(step{e.name, -1})
		p.value(e.val, inElement, t.Name(e.name))
		p.pop()
		p.buf = append(p.buf, ',')
	}
	p.indent--
	p.close(len(entries) == 0)
}
