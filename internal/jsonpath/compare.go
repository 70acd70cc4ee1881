package jsonpath

import (
	"encoding/json"
	"math"
	"strconv"
)

// This file holds the comparison semantics of RFC 9535, 2.3.5.2.2:
// numbers compare by value, whatever Go type holds them; strings by their
// code points; arrays and objects by their contents; only numbers and
// strings are ordered.

// number is a number of a filter: a literal, a function's result, or a
// document's number taken from whatever Go type held it. Integers stay
// integers, so that comparing 2^53+1 with 2^53 is exact.
type number struct {
	kind numberKind
	i    int64
	u    uint64 // numUint: above math.MaxInt64
	f    float64
}

type numberKind uint8

const (
	numInt numberKind = iota
	numUint
	numFloat
)

func intNumber(i int64) number     { return number{kind: numInt, i: i} }
func floatNumber(f float64) number { return number{kind: numFloat, f: f} }

// toNumber returns v as a number, if it is one.
func toNumber(v any) (number, bool) {
	switch v := v.(type) {
	case float64:
		return floatNumber(v), true
	case json.Number:
		return parseNumber(string(v))
	case int:
		return intNumber(int64(v)), true
	case int64:
		return intNumber(v), true
	case number:
		return v, true
	case int8:
		return intNumber(int64(v)), true
	case int16:
		return intNumber(int64(v)), true
	case int32:
		return intNumber(int64(v)), true
	case uint:
		return uintNumber(uint64(v)), true
	case uint8:
		return intNumber(int64(v)), true
	case uint16:
		return intNumber(int64(v)), true
	case uint32:
		return intNumber(int64(v)), true
	case uint64:
		return uintNumber(v), true
	case uintptr:
		return uintNumber(uint64(v)), true
	case float32:
		return floatNumber(float64(v)), true
	}
	return number{}, false
}

func uintNumber(u uint64) number {
	if u <= math.MaxInt64 {
		return intNumber(int64(u))
	}
	return number{kind: numUint, u: u}
}

// parseNumber reads a json.Number: exactly when it is an integer that fits
// 64 bits, else as the nearest float64.
func parseNumber(s string) (number, bool) {
	if i, err := strconv.ParseInt(s, 10, 64); err == nil {
		return intNumber(i), true
	}
	if u, err := strconv.ParseUint(s, 10, 64); err == nil {
		return uintNumber(u), true
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil && !isRangeError(err) {
		return number{}, false
	}
	return floatNumber(f), true
}

func isRangeError(err error) bool {
	ne, ok := err.(*strconv.NumError)
	return ok && ne.Err == strconv.ErrRange
}

// cmpNumbers returns -1, 0 or +1 as a is less than, equal to or greater
// than b, and false when they are unordered (a NaN).
func cmpNumbers(a, b number) (int, bool) {
	switch {
	case a.kind == numFloat && b.kind == numFloat:
		switch {
		case a.f < b.f:
			return -1, true
		case a.f > b.f:
			return 1, true
		case a.f == b.f:
			return 0, true
		}
		return 0, false
	case a.kind == numFloat:
		c, ok := cmpNumbers(b, a)
		return -c, ok
	case b.kind == numFloat:
		return cmpIntFloat(a, b.f)
	case a.kind == numUint && b.kind == numUint:
		return cmpOrdered(a.u, b.u), true
	case a.kind == numUint: // b is an int64: a is above every one
		return 1, true
	case b.kind == numUint:
		return -1, true
	}
	return cmpOrdered(a.i, b.i), true
}

func cmpOrdered[T int64 | uint64](a, b T) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// cmpIntFloat compares an integer number with f exactly, without rounding
// the integer to a float64.
func cmpIntFloat(a number, f float64) (int, bool) {
	switch {
	case math.IsNaN(f):
		return 0, false
	case f >= 1<<64:
		return -1, true
	case f < -(1 << 63):
		return 1, true
	}
	t := math.Trunc(f) // exact, and within range of the integer's type below
	var c int
	if a.kind == numUint {
		if t < 0 {
			return 1, true
		}
		c = cmpOrdered(a.u, uint64(t))
	} else {
		if t >= 1<<63 {
			return -1, true
		}
		c = cmpOrdered(a.i, int64(t))
	}
	if c != 0 {
		return c, true
	}
	switch {
	case f > t:
		return -1, true
	case f < t:
		return 1, true
	}
	return 0, true
}

// equal is the == of RFC 9535 on two values (Nothing is handled by the
// caller).
func equal(a, b any) bool {
	if na, ok := toNumber(a); ok {
		nb, ok := toNumber(b)
		if !ok {
			return false
		}
		c, ordered := cmpNumbers(na, nb)
		return ordered && c == 0
	}
	switch a := a.(type) {
	case string:
		b, ok := b.(string)
		return ok && a == b
	case bool:
		b, ok := b.(bool)
		return ok && a == b
	case nil:
		return b == nil
	case []any:
		b, ok := b.([]any)
		if !ok || len(a) != len(b) {
			return false
		}
		for i := range a {
			if !equal(a[i], b[i]) {
				return false
			}
		}
		return true
	case map[string]any:
		b, ok := b.(map[string]any)
		if !ok || len(a) != len(b) {
			return false
		}
		for k, va := range a {
			vb, ok := b[k]
			if !ok || !equal(va, vb) {
				return false
			}
		}
		return true
	}
	return false // a type outside the JSON model equals nothing
}

// less is the < of RFC 9535: defined on two numbers or two strings, false
// for anything else.
func less(a, b any) bool {
	if na, ok := toNumber(a); ok {
		nb, ok := toNumber(b)
		if !ok {
			return false
		}
		c, ordered := cmpNumbers(na, nb)
		return ordered && c < 0
	}
	sa, ok := a.(string)
	if !ok {
		return false
	}
	sb, ok := b.(string)
	return ok && sa < sb
}
