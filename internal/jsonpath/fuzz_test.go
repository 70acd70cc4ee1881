package jsonpath

import (
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
)

var fuzzSeeds = []string{
	`$`, `$.a`, `$..a`, `$.*`, `$..*`, `$[0]`, `$[-1]`, `$[1:3]`, `$[::-1]`, `$[0, 'a', *, 1:, ?@]`,
	`$.store.book[?@.price < 10].title`, `$..book[?@.isbn]`, `$[?@.a == 'x' && (@.b || !@.c)]`,
	`$[?length(@) > 1 || count(@.*) == 0]`, `$[?match(@.a, '[a-z]+\\d')]`, `$[?search(@, "^a.c$")]`,
	`$[?value(@..x) == 1.5e3]`, `$["\u00e9\uD83D\uDE00"]`, `$['\'\\\/\b\f\n\r\t']`, `$[?@ == -0]`,
	`$[?$.a[0].b == @['c'][-1]]`, `$ .a [0] ..b`, `$[?(@.a)]`, `$[?@.a==1==2]`, `$[`, `$[?@ = 1]`,
}

// FuzzParse checks that the parser never panics, that a syntax error has
// a position inside the query, and that a query that parses prints a
// canonical form that parses back to itself and selects the same nodes.
func FuzzParse(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	root := decode(f, bookstore)
	f.Fuzz(func(t *testing.T, query string) {
		q, err := Parse(query)
		if err != nil {
			var se *SyntaxError
			if !errors.As(err, &se) || se.Pos < 1 || se.Pos > len(query)+1 || se.Query != query || se.Reason == "" {
				t.Fatalf("Parse(%q): %#v", query, err)
			}
			return
		}
		s := q.String()
		again, err := Parse(s)
		if err != nil {
			t.Fatalf("Parse(%q) prints as %q, which does not parse: %v", query, s, err)
		}
		if s2 := again.String(); s2 != s {
			t.Fatalf("Parse(%q) prints as %q, which prints as %q", query, s, s2)
		}
		if cheap(s, 3) {
			if got, want := locations(again, root), locations(q, root); !reflect.DeepEqual(got, want) {
				t.Fatalf("%q selects %v, its canonical form %q %v", query, want, s, got)
			}
		}
	})
}

// FuzzSelect checks that evaluation never panics on any JSON document,
// and that every node SelectLocated gives is the one Select gives, lies
// where its path leads, and is the one node its path, read as a query,
// selects.
func FuzzSelect(f *testing.F) {
	docs := []string{bookstore, `[1, [2, [3]], {"a": {"a": null}}]`, `"x"`, `{"": {"'": ["\u0000", 1e400, -0.0]}}`}
	for i, s := range fuzzSeeds {
		f.Add(s, docs[i%len(docs)])
	}
	f.Fuzz(func(t *testing.T, query, doc string) {
		q, err := Parse(query)
		if err != nil || !cheap(q.String(), 2) || len(doc) > 4096 {
			return
		}
		dec := json.NewDecoder(strings.NewReader(doc))
		dec.UseNumber()
		var root any
		if dec.Decode(&root) != nil {
			return
		}
		values, nodes := q.Select(root), q.SelectLocated(root)
		if len(values) != len(nodes) {
			t.Fatalf("%q: Select gives %d values, SelectLocated %d nodes", query, len(values), len(nodes))
		}
		for i, n := range nodes {
			if !reflect.DeepEqual(n.Value, values[i]) || !reflect.DeepEqual(follow(n.Path, root), n.Value) {
				t.Fatalf("%q: node %d at %s is %v; Select gives %v; the path leads to %v", query, i, n.Path, n.Value, values[i], follow(n.Path, root))
			}
			at, err := Parse(n.Path.String())
			if err != nil {
				t.Fatalf("the normalized path %s does not parse: %v", n.Path, err)
			}
			if got := at.Select(root); len(got) != 1 || !reflect.DeepEqual(got[0], n.Value) {
				t.Fatalf("the normalized path %s selects %v, want [%v]", n.Path, got, n.Value)
			}
		}
	})
}

// cheap reports whether a canonical query is cheap enough to evaluate
// in a fuzz run: each descendant segment and filter can multiply the work
// by the size of the document, so at most max of them.
func cheap(canonical string, max int) bool {
	return strings.Count(canonical, "..")+strings.Count(canonical, "[?") <= max
}

func locations(q *Query, root any) []string {
	var out []string
	for _, n := range q.SelectLocated(root) {
		out = append(out, n.Path.String())
	}
	return out
}
