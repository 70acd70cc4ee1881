package gvalue

import (
	"cmp"
	"math"
	"reflect"
	"slices"
	"strconv"
)

// entry is a map entry with what sorting it needs.
type entry struct {
	key, val reflect.Value
	name     string // the key as a JSONPath member name, see keyName
	class    keyClass
	num      float64 // ints, uints and floats; exact for the ints a map key usually holds
	i        int64
	u        uint64
}

// keyClass orders keys of different kinds in an interface-keyed map.
type keyClass uint8

const (
	nilKey keyClass = iota
	boolKey
	intKey
	uintKey
	floatKey
	textKey // strings, and keys compared by their printed text
)

// sortedEntries returns the entries of the map v in the order described in
// the package documentation: a total order on what is printed, so that
// equal maps print the same however they were built.
func (p *printer) sortedEntries(v reflect.Value) []entry {
	entries := make([]entry, 0, v.Len())
	it := v.MapRange()
	for it.Next() {
		e := entry{key: it.Key(), val: it.Value()}
		p.classify(&e)
		entries = append(entries, e)
	}
	slices.SortFunc(entries, func(a, b entry) int {
		if c := compareKeys(&a, &b); c != 0 {
			return c
		}
		return cmp.Compare(p.tieText(&a), p.tieText(&b))
	})
	return entries
}

// classify works out the sort key and the member name of e's key.
func (p *printer) classify(e *entry) {
	k := e.key
	for k.Kind() == reflect.Interface && !k.IsNil() {
		k = k.Elem()
	}
	ti := (*typeInfo)(nil)
	if k.Kind() != reflect.Interface {
		ti = p.info(k.Type())
	}
	if ti != nil && ti.method != noMethod {
		if text, ok := methodText(k, ti); ok {
			e.class, e.name = textKey, text
			return
		}
	}
	switch k.Kind() {
	case reflect.Interface:
		e.class, e.name = nilKey, "nil"
		return
	case reflect.Bool:
		e.class, e.name = boolKey, strconv.FormatBool(k.Bool())
		if k.Bool() {
			e.i = 1
		}
		return
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		e.class, e.i, e.name = intKey, k.Int(), strconv.FormatInt(k.Int(), 10)
		return
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		e.class, e.u, e.name = uintKey, k.Uint(), strconv.FormatUint(k.Uint(), 10)
		return
	case reflect.Float32, reflect.Float64:
		e.class, e.num, e.name = floatKey, k.Float(), strconv.FormatFloat(k.Float(), 'g', -1, k.Type().Bits())
		return
	case reflect.String:
		e.class, e.name = textKey, k.String()
		return
	}
	e.class, e.name = textKey, p.text(e.key)
}

func compareKeys(a, b *entry) int {
	if c := cmp.Compare(a.class, b.class); c != 0 {
		return c
	}
	switch a.class {
	case boolKey, intKey:
		return cmp.Compare(a.i, b.i)
	case uintKey:
		return cmp.Compare(a.u, b.u)
	case floatKey:
		if c := cmp.Compare(a.num, b.num); c != 0 || !math.IsNaN(a.num) {
			return c // cmp.Compare puts NaN first; NaNs tie and are ordered by value
		}
	}
	return cmp.Compare(a.name, b.name)
}

// tieText returns the text of e's key and value, for ordering entries
// whose keys compare equal: NaNs, pointers to equal values, an int and an
// int64 holding the same number in a map[any]T. It is rare enough not to be
// worth keeping.
func (p *printer) tieText(e *entry) string {
	return p.text(e.key) + "\x00" + p.text(e.val)
}

// text returns the text of v printed on its own, as a map key or for
// ordering.
func (p *printer) text(v reflect.Value) string {
	q := &printer{types: p.types, onStack: p.onStack, path: p.path}
	q.value(v, inInterface, nil)
	return string(q.buf)
}
