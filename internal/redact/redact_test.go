package redact

import (
	"encoding/json"
	"errors"
	"reflect"
	"testing"
)

func mustCompile(t testing.TB, path, repl string) Rule {
	t.Helper()
	r, err := Compile(path, repl)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestCompileMalformed(t *testing.T) {
	for _, tc := range []struct{ path, want string }{
		{"$.a[?@.b = 1]", "invalid comparison operator at position 10:\n\t$.a[?@.b = 1]\n\t         ^"},
		{"$[", "expected a selector (a quoted name, \"*\", an index, a slice or \"?\" and a filter), found the end of the query at position 3:\n\t$[\n\t  ^"},
		{"a.b", "expected \"$\" (the root) at the start of the query, found \"a\" at position 1:\n\ta.b\n\t^"},
		{"$.é x", "expected \".\", \"..\" or \"[\" to start a segment, found \"x\" at position 6:\n\t$.é x\n\t    ^"},
		{"$.a ", "blank space after the end of the query at position 4:\n\t$.a \n\t   ^"},
		{"", "expected \"$\" (the root) at the start of the query, found the end of the query at position 1:\n\t\n\t^"},
		{"$[?@.a]x", "expected \".\", \"..\" or \"[\" to start a segment, found \"x\" at position 8:\n\t$[?@.a]x\n\t       ^"},
		{"$[?length(@.*) == 1]", "argument 1 of length() must be a value: a literal, a singular query or a function giving a value at position 11:\n\t$[?length(@.*) == 1]\n\t          ^"},
	} {
		_, err := Compile(tc.path, "x")
		var se *SyntaxError
		if !errors.As(err, &se) || err.Error() != tc.want {
			t.Errorf("Compile(%q) = %v, want a SyntaxError:\n%s", tc.path, err, tc.want)
		}
	}
}

func decode(t testing.TB, s string) any {
	t.Helper()
	var v any
	if err := json.Unmarshal([]byte(s), &v); err != nil {
		t.Fatal(err)
	}
	return v
}

func encode(t testing.TB, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestApply(t *testing.T) {
	doc := `{"id":7,"meta":{"at":"now","n":[1,2]},"items":[{"id":1,"ok":true},{"id":2,"ok":false}],"c":null}`
	for _, tc := range []struct {
		name  string
		rules [][2]string
		want  string
	}{
		{"a number and an object are replaced whole", [][2]string{{"$.id", "[id]"}, {"$.meta", "[meta]"}},
			`{"c":null,"id":"[id]","items":[{"id":1,"ok":true},{"id":2,"ok":false}],"meta":"[meta]"}`},
		{"every match", [][2]string{{"$.items[*].id", "[n]"}},
			`{"c":null,"id":7,"items":[{"id":"[n]","ok":true},{"id":"[n]","ok":false}],"meta":{"at":"now","n":[1,2]}}`},
		{"a filter", [][2]string{{"$.items[?@.ok == false]", "[bad]"}},
			`{"c":null,"id":7,"items":[{"id":1,"ok":true},"[bad]"],"meta":{"at":"now","n":[1,2]}}`},
		{"a later rule sees the earlier result", [][2]string{{"$..id", "[id]"}, {`$..[?@ == "[id]"]`, "[again]"}},
			`{"c":null,"id":"[again]","items":[{"id":"[again]","ok":true},{"id":"[again]","ok":false}],"meta":{"at":"now","n":[1,2]}}`},
		{"a node and its descendants: the outer one wins", [][2]string{{"$.meta..*", "x"}, {"$..meta", "[meta]"}},
			`{"c":null,"id":7,"items":[{"id":1,"ok":true},{"id":2,"ok":false}],"meta":"[meta]"}`},
		{"the root", [][2]string{{"$", "[all]"}}, `"[all]"`},
		// A function given a missing or null value selects nothing (some
		// implementations panic here).
		{"length of a missing member", [][2]string{{"$.items[?length(@.missing) == 1]", "x"}, {"$.id", "y"}}, ""},
		{"match on null", [][2]string{{"$[?match(@.c, 'x')]", "x"}}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var rules []Rule
			for _, r := range tc.rules {
				rules = append(rules, mustCompile(t, r[0], r[1]))
			}
			got, _, err := Apply(decode(t, doc), rules)
			if tc.want == "" {
				if !errors.Is(err, ErrNothing) {
					t.Fatalf("Apply = %v, want ErrNothing", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if s := encode(t, got); s != tc.want {
				t.Errorf("Apply =\n%s\nwant\n%s", s, tc.want)
			}
		})
	}
}

func TestApplyNothing(t *testing.T) {
	rules := []Rule{mustCompile(t, "$.id", "x"), mustCompile(t, "$.nope", "y")}
	_, _, err := Apply(decode(t, `{"id":1}`), rules)
	var ne *NothingError
	if !errors.As(err, &ne) || ne.Path != "$.nope" || err.Error() != `"$.nope" selects nothing` {
		t.Fatalf("Apply = %v, want a NothingError for $.nope", err)
	}
}

func TestTrie(t *testing.T) {
	rules := []Rule{mustCompile(t, "$.a[1].b", "x"), mustCompile(t, "$.c", "y")}
	_, trie, err := Apply(decode(t, `{"a":[{},{"b":1}],"c":2}`), rules)
	if err != nil {
		t.Fatal(err)
	}
	if w, ok := trie.Name("a").Index(1).Name("b").Replaced(); !ok || w != "x" {
		t.Errorf("a[1].b: %q %v", w, ok)
	}
	if w, ok := trie.Name("c").Replaced(); !ok || w != "y" {
		t.Errorf("c: %q %v", w, ok)
	}
	if trie.Name("a").Index(0) != nil || trie.Name("z").Name("q") != nil || !trie.Name("nope").Empty() || trie.Empty() {
		t.Error("the trie holds locations that were not replaced")
	}
	var nilTrie *Trie
	if _, ok := nilTrie.Replaced(); ok || !reflect.DeepEqual(nilTrie.Index(0), nilTrie) {
		t.Error("a nil trie is not empty")
	}
}
