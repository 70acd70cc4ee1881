package jsonpath

import (
	"encoding/json"
	"math"
	"testing"
)

// The examples of RFC 9535, section 2.3.5: filter selectors, comparisons
// with Nothing, logical operators and existence tests.

func TestFilterSelector(t *testing.T) { // 2.3.5.3
	doc := `{"a": [3, 5, 1, 2, 4, 6, {"b": "j"}, {"b": "k"}, {"b": {}}, {"b": "kilo"}],
		"o": {"p": 1, "q": 2, "r": 3, "s": 5, "t": {"u": 6}}, "e": "f"}`
	runSelectCases(t, doc, []selectCase{
		{`$.a[?@.b == 'kilo']`, []string{`$['a'][9]={"b":"kilo"}`}},
		{`$.a[?(@.b == 'kilo')]`, []string{`$['a'][9]={"b":"kilo"}`}},
		{`$.a[?@>3.5]`, []string{`$['a'][1]=5`, `$['a'][4]=4`, `$['a'][5]=6`}},
		{`$.a[?@.b]`, []string{`$['a'][6]={"b":"j"}`, `$['a'][7]={"b":"k"}`, `$['a'][8]={"b":{}}`, `$['a'][9]={"b":"kilo"}`}},
		{`$[?@.*]`, []string{`$['a']=[3,5,1,2,4,6,{"b":"j"},{"b":"k"},{"b":{}},{"b":"kilo"}]`, `$['o']={"p":1,"q":2,"r":3,"s":5,"t":{"u":6}}`}},
		{`$[?@[?@.b]]`, []string{`$['a']=[3,5,1,2,4,6,{"b":"j"},{"b":"k"},{"b":{}},{"b":"kilo"}]`}},
		{`$.o[?@<3, ?@<3]`, []string{`$['o']['p']=1`, `$['o']['q']=2`, `$['o']['p']=1`, `$['o']['q']=2`}},
		{`$.a[?@<2 || @.b == "k"]`, []string{`$['a'][2]=1`, `$['a'][7]={"b":"k"}`}},
		{`$.a[?match(@.b, "[jk]")]`, []string{`$['a'][6]={"b":"j"}`, `$['a'][7]={"b":"k"}`}},
		{`$.a[?search(@.b, "[jk]")]`, []string{`$['a'][6]={"b":"j"}`, `$['a'][7]={"b":"k"}`, `$['a'][9]={"b":"kilo"}`}},
		{`$.o[?@>1 && @<4]`, []string{`$['o']['q']=2`, `$['o']['r']=3`}},
		{`$.o[?@.u || @.x]`, []string{`$['o']['t']={"u":6}`}},
		{`$.a[?@.b == $.x]`, []string{`$['a'][0]=3`, `$['a'][1]=5`, `$['a'][2]=1`, `$['a'][3]=2`, `$['a'][4]=4`, `$['a'][5]=6`}},
		{`$.a[?@ == @]`, []string{`$['a'][0]=3`, `$['a'][1]=5`, `$['a'][2]=1`, `$['a'][3]=2`, `$['a'][4]=4`, `$['a'][5]=6`,
			`$['a'][6]={"b":"j"}`, `$['a'][7]={"b":"k"}`, `$['a'][8]={"b":{}}`, `$['a'][9]={"b":"kilo"}`}},
		{`$.a[?!@.b]`, []string{`$['a'][0]=3`, `$['a'][1]=5`, `$['a'][2]=1`, `$['a'][3]=2`, `$['a'][4]=4`, `$['a'][5]=6`}},
		{`$.a[?!(@ > 2 || @.b)]`, []string{`$['a'][2]=1`, `$['a'][3]=2`}},
		{`$.a[?(@ > 2 || @.b) && !(@.b == 'j')]`, []string{`$['a'][0]=3`, `$['a'][1]=5`, `$['a'][4]=4`, `$['a'][5]=6`,
			`$['a'][7]={"b":"k"}`, `$['a'][8]={"b":{}}`, `$['a'][9]={"b":"kilo"}`}},
		{`$.o[?@ > 1 && @ < 5 || @.u]`, []string{`$['o']['q']=2`, `$['o']['r']=3`, `$['o']['t']={"u":6}`}}, // && binds tighter
		{`$.e[?@]`, nil}, // a filter selects nothing in a string
		{`$[?$.e == 'f'].p`, []string{`$['o']['p']=1`}},
	})
}

// TestComparisons is the table of RFC 9535, section 2.3.5.2.3: each
// expression is evaluated as the filter of a query over the members of
// the document, so a true one selects both of them.
func TestComparisons(t *testing.T) {
	root := decode(t, `{"obj": {"x": "y"}, "arr": [2, 3]}`)
	for expr, want := range map[string]bool{
		`$.absent1 == $.absent2`: true, `$.absent1 <= $.absent2`: true, `$.absent == 'g'`: false,
		`$.absent1 != $.absent2`: false, `$.absent != 'g'`: true, `1 <= 2`: true, `1 > 2`: false,
		`13 == '13'`: false, `'a' <= 'b'`: true, `'a' > 'b'`: false, `$.obj == $.arr`: false,
		`$.obj != $.arr`: true, `$.obj == $.obj`: true, `$.obj != $.obj`: false, `$.arr == $.arr`: true,
		`$.arr != $.arr`: false, `$.obj == 17`: false, `$.obj != 17`: true, `$.obj <= $.arr`: false,
		`$.obj < $.arr`: false, `$.obj <= $.obj`: true, `$.arr <= $.arr`: true, `1 <= $.arr`: false,
		`1 >= $.arr`: false, `1 > $.arr`: false, `1 < $.arr`: false, `true <= true`: true, `true > true`: false,
		// Beyond the table: numbers by value, strings by code point, null.
		`1 == 1.0`: true, `1 == 1e0`: true, `10 == 1e1`: true, `-0 == 0`: true, `0.1 < 0.2`: true,
		`$.arr[0] == 2.0`: true, `'é' > 'z'`: true, `'😀' > '\uffff'`: true,
		`'' < 'a'`: true, `'ab' > 'a'`: true, `null == null`: true, `null < null`: false, `null <= null`: true,
		`true == false`: false, `true < false`: false, `'1' < 2`: false, `$.obj.x == 'y'`: true,
	} {
		n := len(MustParse(`$[?` + expr + `]`).Select(root))
		if got := n == 2; got != want || n%2 != 0 {
			t.Errorf("%s = %v (%d nodes), want %v", expr, got, n, want)
		}
	}
}

// TestNumbersOfEveryGoType compares numbers held in every Go type the
// package accepts, exactly: integers above 2^53 are not rounded.
func TestNumbersOfEveryGoType(t *testing.T) {
	doc := map[string]any{
		"int": 3, "int8": int8(3), "int16": int16(3), "int32": int32(3), "int64": int64(3), "uint": uint(3),
		"uint8": uint8(3), "uint16": uint16(3), "uint32": uint32(3), "uint64": uint64(3), "uintptr": uintptr(3),
		"float32": float32(3), "float64": 3.0, "number": json.Number("3"), "numberFloat": json.Number("3.0e0"),
	}
	if n := len(MustParse(`$[?@ == 3]`).Select(doc)); n != len(doc) {
		t.Errorf("$[?@ == 3] selects %d of the %d threes", n, len(doc))
	}
	big := map[string]any{
		"maxInt64": int64(math.MaxInt64), "maxUint64": uint64(math.MaxUint64), "above2^53": int64(1<<53 + 1),
		"numberAbove2^53": json.Number("9007199254740993"), "hugeNumber": json.Number("1e400"), "nan": math.NaN(),
		"minInt64": int64(math.MinInt64), "notANumber": json.Number("x"),
	}
	for query, want := range map[string]string{
		`$[?@ == 9007199254740993]`:       `$['above2^53']=9007199254740993` + "\n" + `$['numberAbove2^53']=9007199254740993` + "\n",
		`$[?@ == 9007199254740992]`:       "",
		`$[?@ == 18446744073709551615]`:   `$['maxUint64']=18446744073709551615` + "\n",
		`$[?@ > 9223372036854775807]`:     `$['hugeNumber']=1e400` + "\n" + `$['maxUint64']=18446744073709551615` + "\n",
		`$[?@ == 9223372036854775807]`:    `$['maxInt64']=9223372036854775807` + "\n",
		`$[?@ < -9223372036854775807]`:    `$['minInt64']=-9223372036854775808` + "\n",
		`$[?@ > 1.8446744073709552e19]`:   `$['hugeNumber']=1e400` + "\n",
		`$[?@ < 9223372036854775807.5]`:   `$['above2^53']=9007199254740993` + "\n" + `$['maxInt64']=9223372036854775807` + "\n" + `$['minInt64']=-9223372036854775808` + "\n" + `$['numberAbove2^53']=9007199254740993` + "\n",
		`$[?@ == @]`:                      "", // NaN equals nothing; filled in below
		`$[?@ == 'x' || @ == "x"]`:        "",
		`$[?@ >= 18446744073709551615.0]`: `$['hugeNumber']=1e400` + "\n", // the float is 2^64: above every uint64
	} {
		if query == `$[?@ == @]` {
			if n := len(MustParse(query).Select(big)); n != len(big)-2 {
				t.Errorf("%s selects %d nodes, want all but the NaN and the json.Number that is no number (%d)", query, n, len(big)-2)
			}
			continue
		}
		if got := selectText(t, query, big); got != want {
			t.Errorf("%s:\ngot\n%swant\n%s", query, got, want)
		}
	}
}

func TestFilterOnGoValuesOutsideJSON(t *testing.T) {
	type point struct{ X int }
	doc := []any{point{1}, point{1}, []int{1}, map[string]int{"a": 1}}
	if n := len(MustParse(`$[?@ == $[0]]`).Select(doc)); n != 0 {
		t.Errorf("values outside the JSON model compare equal: %d nodes", n)
	}
	if n := len(MustParse(`$[?@]`).Select(doc)); n != 4 {
		t.Errorf("existence of values outside the JSON model: %d nodes, want 4", n)
	}
	if n := len(MustParse(`$[*][*]`).Select(doc)); n != 0 {
		t.Errorf("a []int or map[string]int is walked into: %d nodes", n)
	}
}
