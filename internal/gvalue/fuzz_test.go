package gvalue

import (
	"math"
	"math/rand/v2"
	"reflect"
	"testing"
)

// kv is one map entry the fuzzer chose.
type kv struct{ key, val any }

// entries reads map entries from data: each takes a kind byte and a
// payload byte, so the fuzzer controls the key kinds that meet in one map.
func entries(data []byte) []kv {
	var out []kv
	for i := 0; i+1 < len(data); i += 2 {
		kind, b := data[i], data[i+1]
		var k any
		switch kind % 9 {
		case 0:
			k = string(rune('a' + b%26))
		case 1:
			k = int(b) - 128
		case 2:
			k = int8(b % 8)
		case 3:
			k = float64(b%4) / 2
		case 4:
			k = math.NaN()
		case 5:
			k = b%2 == 0
		case 6:
			k = point{int(b % 3), 1}
		case 7:
			k = level(b % 2)
		case 8:
			k = nil
		}
		out = append(out, kv{k, []any{int(b), map[string]int{string(rune('a' + b%3)): int(b)}}})
	}
	return out
}

// build makes a map[any]any and a map[string]any of the entries,
// inserting them in the order of perm. A key met twice keeps its first
// value whatever the order (NaN keys are all distinct), so every order
// builds equal maps.
func build(es []kv, perm []int) any {
	first := map[any]bool{}
	var unique []kv
	for _, e := range es {
		if f, ok := e.key.(float64); ok && math.IsNaN(f) {
			unique = append(unique, e)
			continue
		}
		if !first[e.key] {
			first[e.key] = true
			unique = append(unique, e)
		}
	}
	m := map[any]any{}
	byText := map[string]any{}
	for _, i := range perm {
		if i >= len(unique) {
			continue
		}
		e := unique[i]
		m[e.key] = e.val
		if s, ok := e.key.(string); ok {
			byText[s] = map[any]any{e.key: e.val}
		}
	}
	return []any{m, byText, &struct{ M map[any]any }{m}}
}

// FuzzFormatDeterministic checks that equal values built in different
// orders print the same: only maps are reordered, by the printer.
func FuzzFormatDeterministic(f *testing.F) {
	f.Add([]byte("\x00a\x00b\x01\x05\x02\x05\x04\x00\x04\x01\x06\x02\x07\x01\x08\x00\x03\x01"), uint64(1))
	f.Add([]byte("\x01\x80\x02\x00\x03\x00\x05\x00"), uint64(7))
	f.Fuzz(func(t *testing.T, data []byte, seed uint64) {
		es := entries(data)
		order := make([]int, len(es))
		for i := range order {
			order[i] = i
		}
		shuffled := append([]int(nil), order...)
		rand.New(rand.NewPCG(seed, seed>>1)).Shuffle(len(shuffled), func(i, j int) {
			shuffled[i], shuffled[j] = shuffled[j], shuffled[i]
		})
		a, b := build(es, order), build(es, shuffled)
		ta, err := Format(a, nil)
		if err != nil {
			t.Fatal(err)
		}
		tb, _ := Format(b, nil)
		if string(ta) != string(tb) {
			t.Fatalf("equal values print differently:\n%s\n---\n%s", ta, tb)
		}
		if again, _ := Format(a, nil); string(again) != string(ta) {
			t.Fatal("two prints of one value differ")
		}
		if p := newPrinter(); !reflect.DeepEqual(p.project(reflect.ValueOf(a)), p.project(reflect.ValueOf(b))) {
			t.Fatal("equal values project differently")
		}
	})
}
