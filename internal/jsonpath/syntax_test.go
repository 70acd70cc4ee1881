package jsonpath

import (
	"errors"
	"strings"
	"testing"
)

// The grammar of RFC 9535 (sections 2.1 to 2.5 and the collected ABNF of
// appendix A): what parses, in which canonical form, and what does not,
// with the message and position.

func TestParseCanonical(t *testing.T) {
	for query, want := range map[string]string{
		`$`:                                   `$`,
		`$.a`:                                 `$['a']`,
		`$.a.b_c.D9.é.😀`:                      `$['a']['b_c']['D9']['é']['😀']`,
		`$._`:                                 `$['_']`,
		`$.*`:                                 `$[*]`,
		`$..a`:                                `$..['a']`,
		`$..*`:                                `$..[*]`,
		`$..[0]`:                              `$..[0]`,
		`$[ 'a' , "b" ]`:                      `$['a', 'b']`,
		"$ \t\n\r.a":                          `$['a']`,
		`$["\b\f\n\r\t\/\\\""]`:               `$['\b\f\n\r\t/\\"']`,
		`$['\'']`:                             `$['\'']`,
		`$['\u0000\u001F\u007f']`:             "$['\\u0000\\u001f\x7f']",
		`$["\uD834\uDD1E"]`:                   `$['𝄞']`,
		`$['\uabcd']`:                         "$['\uabcd']",
		`$[0, -1, 9007199254740991]`:          `$[0, -1, 9007199254740991]`,
		`$[1:2:3, :, ::, 1:, :2, ::-1, -1::]`: `$[1:2:3, :, :, 1:, :2, ::-1, -1:]`,
		`$[ 1 : 2 : 3 ]`:                      `$[1:2:3]`,
		`$[?@]`:                               `$[?@]`,
		`$[?@.a==1]`:                          `$[?@['a'] == 1]`,
		`$[?( @.a )]`:                         `$[?(@['a'])]`,
		`$[?!@.a]`:                            `$[?!@['a']]`,
		`$[?! (@.a)]`:                         `$[?!(@['a'])]`,
		`$[?@.a&&@.b||!@.c]`:                  `$[?@['a'] && @['b'] || !@['c']]`,
		`$[?(@.a||@.b)&&@.c]`:                 `$[?(@['a'] || @['b']) && @['c']]`,
		`$[?@<1.5e3||@>=-0||@!=1E-2||@<=0.0]`: `$[?@ < 1.5e3 || @ >= -0 || @ != 1E-2 || @ <= 0.0]`,
		`$[?@=="x"&&'y'!=@]`:                  `$[?@ == 'x' && 'y' != @]`,
		`$[?@==true||@==false||@==null]`:      `$[?@ == true || @ == false || @ == null]`,
		`$[?$.a[0].b]`:                        `$[?$['a'][0]['b']]`,
		`$[?@..a]`:                            `$[?@..['a']]`,
		`$[?@[?@[?@]]]`:                       `$[?@[?@[?@]]]`,
		`$[?length( @ )>1]`:                   `$[?length(@) > 1]`,
		`$[?match(@,'a')]`:                    `$[?match(@, 'a')]`,
		`$[?search( @.a , $.b )]`:             `$[?search(@['a'], $['b'])]`,
		`$[?count(@.*)==value($.a)]`:          `$[?count(@[*]) == value($['a'])]`,
		`$ [0] ..a`:                           `$[0]..['a']`,
	} {
		q, err := Parse(query)
		if err != nil {
			t.Errorf("Parse(%q): %v", query, err)
			continue
		}
		if got := q.String(); got != want {
			t.Errorf("Parse(%q).String() = %q, want %q", query, got, want)
		}
		if again, err := Parse(q.String()); err != nil || again.String() != want {
			t.Errorf("the canonical form %q does not read back: %v", want, err)
		}
	}
}

func TestSyntaxErrors(t *testing.T) {
	for _, tc := range []struct{ query, want string }{
		{``, `expected "$" (the root) at the start of the query, found the end of the query at position 1`},
		{` $`, `expected "$" (the root) at the start of the query, found blank space at position 1`},
		{`@.a`, `expected "$" (the root) at the start of the query, found "@" at position 1`},
		{`$ `, `blank space after the end of the query at position 2`},
		{`$.a b`, `expected ".", ".." or "[" to start a segment, found "b" at position 5`},
		{`$a`, `expected ".", ".." or "[" to start a segment, found "a" at position 2`},
		{`$.`, `expected a member name, "*" or "[" after ".", found the end of the query at position 3`},
		{`$. a`, `expected a member name, "*" or "[" after ".", found blank space at position 3`},
		{`$.1`, `expected a member name, "*" or "[" after ".", found "1" at position 3`},
		{`$.-a`, `expected a member name, "*" or "[" after ".", found "-" at position 3`},
		{`$.['a']`, `expected a member name, "*" or "[" after ".", found "[" at position 3`},
		{`$..`, `expected a member name, "*" or "[" after "..", found the end of the query at position 4`},
		{`$...a`, `expected a member name, "*" or "[" after "..", found "." at position 4`},
		{`$[]`, `expected a selector (a quoted name, "*", an index, a slice or "?" and a filter), found "]" at position 3`},
		{`$['a',]`, `expected a selector (a quoted name, "*", an index, a slice or "?" and a filter), found "]" at position 7`},
		{`$[,'a']`, `expected a selector (a quoted name, "*", an index, a slice or "?" and a filter), found "," at position 3`},
		{`$['a' 'b']`, `expected "," or "]", found "'" at position 7`},
		{`$['a'`, `expected "," or "]", found the end of the query at position 6`},
		{`$[a]`, `expected a selector (a quoted name, "*", an index, a slice or "?" and a filter), found "a" at position 3`},
		{`$[@]`, `expected a selector (a quoted name, "*", an index, a slice or "?" and a filter), found "@" at position 3`},
		{`$['a`, `string literal is not closed at position 3`},
		{`$["a\"]`, `string literal is not closed at position 3`},
		{`$['a` + "\n" + `']`, `control character U+000A in a string literal must be escaped at position 5`},
		{"$['\x7f\xff']", `invalid UTF-8 byte 0xff at position 5`},
		{"$.a\xff", `expected ".", ".." or "[" to start a segment, found invalid UTF-8 byte 0xff at position 4`},
		{`$["\'"]`, `invalid escape "\\'" in a string literal at position 4`},
		{`$['\"']`, `invalid escape "\\\"" in a string literal at position 4`},
		{`$['\a']`, `invalid escape "\\a" in a string literal at position 4`},
		{`$['\u12']`, `\u must be followed by four hexadecimal digits at position 4`},
		{`$['\u+123']`, `\u must be followed by four hexadecimal digits at position 4`},
		{`$['\uDC00']`, `low surrogate \uDC00 without a high surrogate before it at position 4`},
		{`$['\uD800']`, `high surrogate \uD800 must be followed by a \u escape of a low surrogate at position 4`},
		{`$['\uD800\u0041']`, `high surrogate \uD800 must be followed by a \u escape of a low surrogate at position 4`},
		{`$[01]`, `integer 01 has a leading zero at position 3`},
		{`$[-0]`, `integer -0 has a leading zero at position 3`},
		{`$[-]`, `expected a digit, found "]" at position 4`},
		{`$[- 1]`, `expected a digit, found blank space at position 4`},
		{`$[+1]`, `expected a selector (a quoted name, "*", an index, a slice or "?" and a filter), found "+" at position 3`},
		{`$[1.0]`, `expected "," or "]", found "." at position 4`},
		{`$[9007199254740992]`, `integer 9007199254740992 is outside the I-JSON range [-(2^53)+1, (2^53)-1] at position 3`},
		{`$[-9007199254740992]`, `integer -9007199254740992 is outside the I-JSON range [-(2^53)+1, (2^53)-1] at position 3`},
		{`$[::9007199254740992]`, `integer 9007199254740992 is outside the I-JSON range [-(2^53)+1, (2^53)-1] at position 5`},
		{`$[99999999999999999999]`, `integer 99999999999999999999 is outside the I-JSON range [-(2^53)+1, (2^53)-1] at position 3`},
		{`$[1:2:3:4]`, `expected "," or "]", found ":" at position 8`},
		{`$[?]`, `expected a query, a literal or a function call, found "]" at position 4`},
		{`$[?@.a = 1]`, `invalid comparison operator at position 8`},
		{`$[?@.a === 1]`, `expected a query, a literal or a function call, found "=" at position 10`},
		{`$[?@.a == 1 == 2]`, `expected "," or "]", found "=" at position 13`},
		{`$[?1]`, `the literal 1 must be compared with something: a filter tests a query, a function or a comparison at position 4`},
		{`$[?(true)]`, `the literal true must be compared with something: a filter tests a query, a function or a comparison at position 5`},
		{`$[?True == true]`, `expected a query, a literal or a function call, found "T" at position 4`},
		{`$[?@ == nul]`, `expected a query, a literal or a function call, found "nul" (true, false and null are lower case) at position 9`},
		{`$[?!1]`, `"!" negates a query, a function or a parenthesized expression, not the literal 1 at position 5`},
		{`$[?!@.a == 1]`, `"!" cannot negate a comparison without parentheses: write !(... == ...) at position 4`},
		{`$[?!!@.a]`, `expected a query, a literal or a function call, found "!" at position 5`},
		{`$[?(@.a]`, `expected ")", found "]" at position 8`},
		{`$[?@.a)]`, `expected "," or "]", found ")" at position 7`},
		{"$[?@.a\x01]", `expected "," or "]", found control character U+0001 at position 7`},
		{`$[?@.* == 1]`, `only a singular query (names and indexes, no blank space inside brackets) can be compared at position 4`},
		{`$[?1 == @..a]`, `only a singular query (names and indexes, no blank space inside brackets) can be compared at position 9`},
		{`$[?@['a','b'] == 1]`, `only a singular query (names and indexes, no blank space inside brackets) can be compared at position 4`},
		{`$[?@[0:1] == 1]`, `only a singular query (names and indexes, no blank space inside brackets) can be compared at position 4`},
		{`$[?@[ 0 ] == 1]`, `only a singular query (names and indexes, no blank space inside brackets) can be compared at position 4`},
		{`$[?@ == [1]]`, `expected a query, a literal or a function call, found "[" at position 9`},
		{`$[?@ == 01]`, `number 01 has a leading zero at position 9`},
		{`$[?@ == 1.]`, `expected a digit after the decimal point, found "]" at position 11`},
		{`$[?@ == .5]`, `expected a query, a literal or a function call, found "." at position 9`},
		{`$[?@ == 1e]`, `expected a digit in the exponent, found "]" at position 11`},
		{`$[?@ == -]`, `expected a digit in the number, found "]" at position 10`},
		{`$[?@ == 1ee2]`, `expected a digit in the exponent, found "e" at position 11`},
		{`$[?@.a & @.b]`, `expected "," or "]", found "&" at position 8`},
	} {
		_, err := Parse(tc.query)
		var se *SyntaxError
		if !errors.As(err, &se) || se.Error() != "jsonpath: "+tc.want || se.Query != tc.query {
			t.Errorf("Parse(%q) = %v\nwant jsonpath: %s", tc.query, err, tc.want)
		}
	}
}

func TestNestingIsBounded(t *testing.T) {
	deep := "$" + strings.Repeat("[?@", maxDepth) + strings.Repeat("]", maxDepth)
	if _, err := Parse(deep); err != nil {
		t.Errorf("%d nested filters: %v", maxDepth, err)
	}
	for _, q := range []string{
		"$" + strings.Repeat("[?@", maxDepth+1) + strings.Repeat("]", maxDepth+1),
		"$[?" + strings.Repeat("(", 100_000) + "@" + strings.Repeat(")", 100_000) + "]",
		"$[?" + strings.Repeat("length(", 100_000) + "@" + strings.Repeat(")", 100_000) + "]",
	} {
		_, err := Parse(q)
		var se *SyntaxError
		if !errors.As(err, &se) || se.Reason != "nested more than 500 deep" {
			t.Errorf("Parse of a deeply nested query: %v, want nested more than 500 deep", err)
		}
	}
}

func TestMustParse(t *testing.T) {
	defer func() {
		if r := recover(); r == nil || r.(error).Error() != `jsonpath: expected "$" (the root) at the start of the query, found "x" at position 1` {
			t.Errorf("MustParse of a malformed query panicked with %v", r)
		}
	}()
	MustParse("x")
}
