package jsonpath

import (
	"errors"
	"strconv"
	"testing"
)

// The function extensions of RFC 9535, section 2.4, and their
// well-typedness (2.4.3, with the examples of 2.4.9).

func TestFunctions(t *testing.T) {
	doc := `{"items": [
		{"name": "été", "tags": ["a", "b", "c"], "date": "1974-05-11", "color": "red", "author": "Bob"},
		{"name": "ab", "tags": [], "meta": {"x": 1, "y": 2}, "date": "1974-06-01", "author": "Rob"},
		{"name": 12, "tags": "abcd", "sub": {"color": "red"}, "author": "Alice"},
		{"sub": [{"color": "blue"}, {"color": "red"}], "author": null}
	]}`
	runSelectCases(t, doc, []selectCase{
		// length: code points of a string, elements, members; Nothing otherwise.
		{`$.items[?length(@.name) == 3].author`, []string{`$['items'][0]['author']="Bob"`}},
		{`$.items[?length(@.tags) == 0].author`, []string{`$['items'][1]['author']="Rob"`}},
		{`$.items[?length(@.tags) == 4].author`, []string{`$['items'][2]['author']="Alice"`}},
		{`$.items[?length(@.meta) == 2].author`, []string{`$['items'][1]['author']="Rob"`}},
		{`$.items[?length(@.name) == length(@.missing)].author`, []string{`$['items'][2]['author']="Alice"`, `$['items'][3]['author']=null`}}, // 12 has no length, nor has a missing name: Nothing == Nothing
		{`$.items[?length(@.name) != length(@.missing)].author`, []string{`$['items'][0]['author']="Bob"`, `$['items'][1]['author']="Rob"`}},
		{`$.items[?length(@.name) < 5 && length(@.name) >= 3].author`, []string{`$['items'][0]['author']="Bob"`}},
		{`$.items[?length(@) == 5].author`, []string{`$['items'][0]['author']="Bob"`, `$['items'][1]['author']="Rob"`}},
		{`$.items[?length('four') == 4].author`, []string{`$['items'][0]['author']="Bob"`, `$['items'][1]['author']="Rob"`, `$['items'][2]['author']="Alice"`, `$['items'][3]['author']=null`}},
		{`$.items[?length(4) == 4].author`, nil},
		// count: the number of nodes.
		{`$.items[?count(@.*) == 5].author`, []string{`$['items'][0]['author']="Bob"`, `$['items'][1]['author']="Rob"`}},
		{`$.items[?count(@..color) == 2].author`, []string{`$['items'][3]['author']=null`}},
		{`$.items[?count(@.tags[*]) >= 3].author`, []string{`$['items'][0]['author']="Bob"`}},
		{`$.items[?count($..author) == 4].author`, []string{`$['items'][0]['author']="Bob"`, `$['items'][1]['author']="Rob"`, `$['items'][2]['author']="Alice"`, `$['items'][3]['author']=null`}},
		{`$.items[?count(@.nope) == 0].author`, []string{`$['items'][0]['author']="Bob"`, `$['items'][1]['author']="Rob"`, `$['items'][2]['author']="Alice"`, `$['items'][3]['author']=null`}},
		// match and search: I-Regexp, whole string or any part.
		{`$.items[?match(@.date, "1974-05-..")].author`, []string{`$['items'][0]['author']="Bob"`}},
		{`$.items[?match(@.date, "1974")].author`, nil},
		{`$.items[?search(@.date, "1974")].author`, []string{`$['items'][0]['author']="Bob"`, `$['items'][1]['author']="Rob"`}},
		{`$.items[?search(@.author, "[BR]ob")].author`, []string{`$['items'][0]['author']="Bob"`, `$['items'][1]['author']="Rob"`}},
		{`$.items[?match(@.author, @.author)].author`, []string{`$['items'][0]['author']="Bob"`, `$['items'][1]['author']="Rob"`, `$['items'][2]['author']="Alice"`}},
		{`$.items[?match(@.name, ".*")].author`, []string{`$['items'][0]['author']="Bob"`, `$['items'][1]['author']="Rob"`}},
		{`$.items[?!match(@.name, ".*")].author`, []string{`$['items'][2]['author']="Alice"`, `$['items'][3]['author']=null`}},
		{`$.items[?match(@.name, "(")].author`, nil},    // not an I-Regexp: false
		{`$.items[?search(@.name, 12)].author`, nil},    // not a string: false
		{`$.items[?search(@.name, @.x)].author`, nil},   // Nothing: false
		{`$.items[?search(@.name, "\\d")].author`, nil}, // \d is not I-Regexp
		// value: the value of a single node, else Nothing.
		{`$.items[?value(@..color) == "red"].author`, []string{`$['items'][0]['author']="Bob"`, `$['items'][2]['author']="Alice"`}},
		{`$.items[?value(@.sub[*].color) == "blue"].author`, nil},
		{`$.items[?value(@.nope) == value(@.none)].author`, []string{`$['items'][0]['author']="Bob"`, `$['items'][1]['author']="Rob"`, `$['items'][2]['author']="Alice"`, `$['items'][3]['author']=null`}},
		// functions nest
		{`$.items[?length(value(@.tags)) == count(@.tags[*])].author`, []string{`$['items'][0]['author']="Bob"`, `$['items'][1]['author']="Rob"`}},
	})
}

func TestWellTypedness(t *testing.T) {
	for _, q := range []string{
		`$[?length(@) < 3]`, `$[?count(@.*) == 1]`, `$[?match(@.timezone, 'Europe/.*')]`,
		`$[?value(@..color) == "red"]`, `$[?count(@) == 1]`, `$[?length("abc") == 3]`, `$[?length(length(@)) == 1]`,
		`$[?length(value(@.*)) == 1]`, `$[?match("a", "a")]`, `$[?match(value(@.*), "a")]`, `$[?!search(@, "a")]`,
		`$[?count($) == 1]`, `$[?count(@[?@.a]) == 1]`, `$[?length(null) == 1]`, `$[?length(@['a'][0]) == 1]`,
	} {
		if _, err := Parse(q); err != nil {
			t.Errorf("Parse(%q): %v, want well-typed", q, err)
		}
	}
	for q, want := range map[string]string{
		`$[?length(@.*) < 3]`:                         "argument 1 of length() must be a value: a literal, a singular query or a function giving a value at position 11",
		`$[?count(1) == 1]`:                           "argument 1 of count() must be a query at position 10",
		`$[?count(value(@)) == 1]`:                    "argument 1 of count() must be a query at position 10",
		`$[?match(@.timezone, 'Europe/.*') == true]`:  "match() gives a logical result, which cannot be compared at position 4",
		`$[?value(@..color)]`:                         "value() gives a value, not a logical result: compare it at position 4",
		`$[?length(@)]`:                               "length() gives a value, not a logical result: compare it at position 4",
		`$[?length(@.a == 1) == 1]`:                   "argument 1 of length() must be a value: a literal, a singular query or a function giving a value at position 11",
		`$[?length((@.a)) == 1]`:                      "argument 1 of length() must be a value: a literal, a singular query or a function giving a value at position 11",
		`$[?length(@[ 'a' ]) == 1]`:                   "argument 1 of length() must be a value: a literal, a singular query or a function giving a value at position 11",
		`$[?length(match(@, 'a')) == 1]`:              "argument 1 of length() must be a value: a literal, a singular query or a function giving a value at position 11",
		`$[?match(@, 'a', 'b')]`:                      "match() takes 2 argument(s), not 3 at position 4",
		`$[?length() == 0]`:                           "length() takes 1 argument(s), not 0 at position 4",
		`$[?foo(@) == 0]`:                             "unknown function foo() (RFC 9535 defines length, count, match, search and value) at position 4",
		`$[?length (@) == 0]`:                         `expected a query, a literal or a function call, found "length" (true, false and null are lower case) at position 4`,
		`$[?Length(@) == 0]`:                          `expected a query, a literal or a function call, found "L" at position 4`,
		`$[?count(@.*) == 1 && length(@)]`:            "length() gives a value, not a logical result: compare it at position 23",
		`$[?count(@.*) == 1 || 'x']`:                  "the literal 'x' must be compared with something: a filter tests a query, a function or a comparison at position 23",
		`$[?match(@, 'a') && length(@) == 1 || true]`: "the literal true must be compared with something: a filter tests a query, a function or a comparison at position 39",
	} {
		_, err := Parse(q)
		var se *SyntaxError
		if !errors.As(err, &se) || se.Error() != "jsonpath: "+want {
			t.Errorf("Parse(%q) = %v\nwant jsonpath: %s", q, err, want)
		}
	}
}

// TestWellTypednessOfOtherSignatures checks the typing rules on the
// signatures of the examples of RFC 9535, 2.4.9, which none of the five
// functions have: a logical parameter, a nodes result.
func TestWellTypednessOfOtherSignatures(t *testing.T) {
	extra := func(name string) *function {
		switch name {
		case "foo": // NodesType -> NodesType
			return &function{name, []ftype{typeNodes}, typeNodes}
		case "bar", "blt": // LogicalType -> LogicalType
			return &function{name, []ftype{typeLogical}, typeLogical}
		case "bnl": // NodesType -> LogicalType
			return &function{name, []ftype{typeNodes}, typeLogical}
		case "bal": // ValueType -> LogicalType
			return &function{name, []ftype{typeValue}, typeLogical}
		}
		return lookupFunction(name)
	}
	for q, want := range map[string]string{
		`$[?count(foo(@.*)) == 1]`:      "",
		`$[?foo(@.*)]`:                  "",
		`$[?bar(@.a)]`:                  "",
		`$[?bar(foo(@.*))]`:             "",
		`$[?bnl(@.*)]`:                  "",
		`$[?blt(1==1)]`:                 "",
		`$[?blt(!@.a && (@.b || @.c))]`: "",
		`$[?bal(1)]`:                    "",
		`$[?blt(1)]`:                    "argument 1 of blt() must be a logical expression at position 8",
		`$[?blt(length(@))]`:            "argument 1 of blt() must be a logical expression at position 8",
		`$[?bnl(1)]`:                    "argument 1 of bnl() must be a query at position 8",
		`$[?bnl(bar(@))]`:               "argument 1 of bnl() must be a query at position 8",
		`$[?foo(@.*) == 1]`:             "foo() gives nodes, which cannot be compared at position 4",
		`$[?bal(foo(@.*))]`:             "argument 1 of bal() must be a value: a literal, a singular query or a function giving a value at position 8",
		`$[?value(foo(@.*)) == 1]`:      "",
	} {
		_, err := parse(q, extra)
		got := ""
		if err != nil {
			got = err.(*SyntaxError).Reason + " at position " + strconv.Itoa(err.(*SyntaxError).Pos)
		}
		if got != want {
			t.Errorf("%s: %q, want %q", q, got, want)
		}
	}
}
