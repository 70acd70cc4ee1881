package gvalue

import (
	"reflect"
	"strconv"
)

// project returns the JSON-like view of v that redaction paths query,
// following the printer's rules so that a path names what the text shows:
// structs are map[string]any keyed by Go field names, maps are keyed by
// their keys' member names (see classify), slices and arrays are []any,
// pointers and interfaces are what they hold, values shown by a method are
// its text, byte slices and arrays are strings (the printer writes them
// whole, so nothing inside them can be selected), numbers are int64,
// uint64 or float64, and nil, cycles, functions and channels are nil.
func (p *printer) project(v reflect.Value) any {
	if !v.IsValid() {
		return nil
	}
	if v.Kind() == reflect.Interface {
		if v.IsNil() {
			return nil
		}
		return p.project(v.Elem())
	}
	if nilable(v.Kind()) && v.IsNil() {
		return nil
	}
	ti := p.info(v.Type())
	if ti.method != noMethod {
		if text, ok := methodText(v, ti); ok {
			return text
		}
	}
	switch v.Kind() {
	case reflect.Bool:
		return v.Bool()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return v.Int()
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return v.Uint()
	case reflect.Float32, reflect.Float64:
		return v.Float()
	case reflect.Complex64, reflect.Complex128:
		return strconv.FormatComplex(v.Complex(), 'g', -1, v.Type().Bits())
	case reflect.String:
		return v.String()
	case reflect.Struct:
		if ti.unexport {
			v = addressable(v)
		}
		m := make(map[string]any, len(ti.fields))
		for _, f := range ti.fields {
			m[f.name] = p.project(fieldOf(v, f.index))
		}
		return m
	case reflect.Array:
		return p.projectList(v, ti)
	}
	var r ref
	switch v.Kind() {
	case reflect.Pointer, reflect.Map:
		r = ref{v.Pointer(), 0, v.Type()}
	case reflect.Slice:
		r = ref{v.Pointer(), v.Len(), v.Type()}
	default:
		return nil
	}
	if _, cycle := p.onStack[r]; cycle {
		return nil
	}
	p.onStack[r] = 0
	defer delete(p.onStack, r)
	switch v.Kind() {
	case reflect.Pointer:
		return p.project(v.Elem())
	case reflect.Slice:
		return p.projectList(v, ti)
	}
	// In sorted order, the first of the keys that share a member name (2 and
	// int8(2) in a map[any]T, NaNs) wins whatever the map's iteration order.
	m := make(map[string]any, v.Len())
	for _, e := range p.sortedEntries(v) {
		if _, dup := m[e.name]; !dup {
			m[e.name] = p.project(e.val)
		}
	}
	return m
}

func (p *printer) projectList(v reflect.Value, ti *typeInfo) any {
	if ti.bytes {
		q := &printer{types: p.types, onStack: p.onStack}
		q.bytesValue(v, ti)
		return string(q.buf)
	}
	l := make([]any, v.Len())
	for i := range l {
		l[i] = p.project(v.Index(i))
	}
	return l
}
