package gvalue

import (
	"encoding"
	"reflect"
	"strings"
	"unsafe"
)

// typeInfo is what the printer needs to know of a type, worked out once per
// type and call.
type typeInfo struct {
	name     string     // as Go writes it: main.Item, []int, map[string]any
	bare     bool       // a scalar written without its type even where the type is not implied: int, float64, string, bool, complex128
	method   methodKind // the method that shows the value, if any
	ptrRecv  bool       // the method has a pointer receiver
	bytes    bool       // a slice or array of bytes, shown as a string or in hex
	fields   []field    // of a struct, "_" left out
	unexport bool       // a struct with an unexported field
}

type field struct {
	name  string
	index int
}

// methodKind says which method shows a value, in order of preference.
type methodKind uint8

const (
	noMethod    methodKind = iota
	marshalText            // encoding.TextMarshaler: time.Time gives RFC 3339
	stringer               // fmt.Stringer
	errorer                // error
)

var (
	textMarshalerType = reflect.TypeFor[encoding.TextMarshaler]()
	stringerType      = reflect.TypeFor[interface{ String() string }]()
	errorType         = reflect.TypeFor[error]()
)

func (p *printer) info(t reflect.Type) *typeInfo {
	if ti, ok := p.types[t]; ok {
		return ti
	}
	ti := &typeInfo{name: typeName(t)}
	switch t.Kind() {
	case reflect.Int, reflect.Float64, reflect.String, reflect.Bool, reflect.Complex128:
		ti.bare = t.PkgPath() == "" // not a named type such as time.Duration
	case reflect.Slice, reflect.Array:
		ti.bytes = t.Elem().Kind() == reflect.Uint8
	case reflect.Struct:
		for i := range t.NumField() {
			f := t.Field(i)
			if f.Name == "_" {
				continue
			}
			ti.fields = append(ti.fields, field{f.Name, i})
			ti.unexport = ti.unexport || !f.IsExported()
		}
	}
	if shownByMethod(t) {
		ti.method, ti.ptrRecv = methodOf(t)
	}
	p.types[t] = ti
	return ti
}

// typeName returns the name of t as Go writes it today: "any" rather than
// reflect's "interface {}", and "[]byte" rather than "[]uint8" (byte is an
// alias of uint8, so reflect cannot tell which one the code said).
func typeName(t reflect.Type) string {
	name := strings.ReplaceAll(t.String(), "interface {}", "any")
	if (t.Kind() == reflect.Slice || t.Kind() == reflect.Array) && t.Name() == "" && t.Elem() == reflect.TypeFor[uint8]() {
		name = strings.TrimSuffix(name, "uint8") + "byte"
	}
	return name
}

// shownByMethod reports whether values of t are shown by their MarshalText,
// String or Error method rather than by their structure: a type that is
// not a struct, pointer or interface (an enum such as time.Duration, an
// address such as net.IP), or a struct with no exported field, whose
// author hid its structure and gave it a text form instead (time.Time,
// big.Int, netip.Addr, regexp.Regexp). A struct with exported fields is
// shown field by field even when it has a String method: a golden must show
// every field, not a summary.
func shownByMethod(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Pointer, reflect.Interface:
		return false
	case reflect.Struct:
		for i := range t.NumField() {
			if t.Field(i).IsExported() {
				return false
			}
		}
	}
	return true
}

func methodOf(t reflect.Type) (methodKind, bool) {
	pt := reflect.PointerTo(t)
	for _, m := range []struct {
		kind  methodKind
		iface reflect.Type
	}{{marshalText, textMarshalerType}, {stringer, stringerType}, {errorer, errorType}} {
		if t.Implements(m.iface) {
			return m.kind, false
		}
		if pt.Implements(m.iface) {
			return m.kind, true
		}
	}
	return noMethod, false
}

// methodText calls the method that shows v. It reports false when the
// method fails or panics: the value is then shown by its structure.
func methodText(v reflect.Value, ti *typeInfo) (text string, ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	recv := v
	if ti.ptrRecv {
		recv = addressable(v).Addr()
	}
	x := recv.Interface()
	if m, ok := x.(encoding.TextMarshaler); ok {
		if b, err := m.MarshalText(); err == nil {
			return string(b), true
		}
	}
	if m, ok := x.(interface{ String() string }); ok {
		return m.String(), true
	}
	if m, ok := x.(error); ok {
		return m.Error(), true
	}
	return "", false
}

// addressable returns v, or a copy of it that can be addressed.
func addressable(v reflect.Value) reflect.Value {
	if v.CanAddr() {
		return v
	}
	c := reflect.New(v.Type()).Elem()
	c.Set(v)
	return c
}

// fieldOf returns the i-th field of the struct v, readable even when it is
// unexported: values in a golden include unexported fields, and their
// methods (time.Time's MarshalText in an unexported field) must be callable.
// As go-cmp's Exporter does, it reads the field through its address with
// package unsafe; v must then be addressable (see [addressable]). Only
// reads are ever made through it.
func fieldOf(v reflect.Value, i int) reflect.Value {
	f := v.Field(i)
	if f.CanInterface() {
		return f
	}
	return reflect.NewAt(f.Type(), unsafe.Pointer(f.UnsafeAddr())).Elem()
}
