package jsonpath

import (
	"reflect"
	"testing"
)

// Normalized paths, RFC 9535 section 2.7: the examples of its table, and
// the escaping of every character class its grammar names.

func TestNormalizedPaths(t *testing.T) {
	root := decode(t, `{"a": {"b": [0, 1, 2]}, "\u000b": 1, "\u0061b": 2, "list": [0, 1, 2, 3, 4]}`)
	for query, want := range map[string]string{
		`$.a`:          `$['a']`,
		`$.list[1]`:    `$['list'][1]`,
		`$.list[-3]`:   `$['list'][2]`,
		`$.a.b[1:2]`:   `$['a']['b'][1]`,
		`$["\u000B"]`:  `$['\u000b']`,
		`$["\u0061b"]`: `$['ab']`,
	} {
		nodes := MustParse(query).SelectLocated(root)
		if len(nodes) != 1 || nodes[0].Path.String() != want {
			t.Errorf("%s locates %v, want one node at %s", query, nodes, want)
		}
	}
	for name, want := range map[string]string{
		"\b\f\n\r\t":       `$['\b\f\n\r\t']`,
		"\x00\x01\x1f\x7f": "$['\\u0000\\u0001\\u001f\x7f']",
		`'\"`:              `$['\'\\"']`,
		" &(]é😀":           `$[' &(]é😀']`,
	} {
		p := NormalizedPath{Name(name)}
		if got := p.String(); got != want {
			t.Errorf("NormalizedPath{Name(%q)} = %s, want %s", name, got, want)
		}
		// A normalized path is a query that selects the node it names.
		if got := MustParse(p.String()).Select(map[string]any{name: 7}); !reflect.DeepEqual(got, []any{7}) {
			t.Errorf("%s selects %v, want [7]", p, got)
		}
	}
	if got := (NormalizedPath{}).String(); got != "$" {
		t.Errorf("the root's path prints %q", got)
	}
	if got := (NormalizedPath{Index(0), Name("a"), Index(12)}).String(); got != `$[0]['a'][12]` {
		t.Errorf("mixed path prints %q", got)
	}
}

// TestSelectLocatedValues checks that each located node is where its path
// says, and that Select gives the same values.
func TestSelectLocatedValues(t *testing.T) {
	root := decode(t, bookstore)
	q := MustParse(`$..*`)
	nodes, values := q.SelectLocated(root), q.Select(root)
	if len(nodes) != len(values) {
		t.Fatalf("SelectLocated gives %d nodes, Select %d", len(nodes), len(values))
	}
	for i, n := range nodes {
		if !reflect.DeepEqual(n.Value, values[i]) || !reflect.DeepEqual(follow(n.Path, root), n.Value) {
			t.Errorf("node %d at %s: %v; Select gives %v; the path leads to %v", i, n.Path, n.Value, values[i], follow(n.Path, root))
		}
	}
}

// follow returns the value at path in root.
func follow(path NormalizedPath, root any) any {
	v := root
	for _, s := range path {
		switch s := s.(type) {
		case Name:
			v = v.(map[string]any)[string(s)]
		case Index:
			v = v.([]any)[s]
		}
	}
	return v
}

// TestConcurrentUse runs one Query from several goroutines (run it with
// -race): a Query keeps no state between calls, and what it computes once
// (a literal pattern, the unassigned code points) is computed before or
// safely.
func TestConcurrentUse(t *testing.T) {
	q := MustParse(`$..book[?match(@.author, '\\p{Lu}\\P{Cn}*') && @.price < 10]`)
	root := decode(t, bookstore)
	want := locations(q, root)
	done := make(chan []string)
	for range 8 {
		go func() { done <- locations(q, root) }()
	}
	for range 8 {
		if got := <-done; !reflect.DeepEqual(got, want) {
			t.Errorf("concurrent run gives %v, want %v", got, want)
		}
	}
	if len(want) != 2 {
		t.Errorf("the query selects %v, want the two cheap books", want)
	}
}
