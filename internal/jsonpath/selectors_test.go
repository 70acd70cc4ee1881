package jsonpath

import "testing"

// The examples of RFC 9535, sections 1.5 and 2.3: each selector on the
// RFC's documents, with the nodes in this package's order (object members
// sorted by name where the RFC leaves the order open).

func TestBookstore(t *testing.T) {
	authors := []string{`$['store']['book'][0]['author']="Nigel Rees"`, `$['store']['book'][1]['author']="Evelyn Waugh"`,
		`$['store']['book'][2]['author']="Herman Melville"`, `$['store']['book'][3]['author']="J. R. R. Tolkien"`}
	book2 := `$['store']['book'][2]={"author":"Herman Melville","category":"fiction","isbn":"0-553-21311-3","price":8.99,"title":"Moby Dick"}`
	book3 := `$['store']['book'][3]={"author":"J. R. R. Tolkien","category":"fiction","isbn":"0-395-19395-8","price":22.99,"title":"The Lord of the Rings"}`
	runSelectCases(t, bookstore, []selectCase{
		{`$.store.book[*].author`, authors},
		{`$..author`, authors},
		{`$.store.*`, []string{`$['store']['bicycle']={"color":"red","price":399}`,
			`$['store']['book']=[{"author":"Nigel Rees","category":"reference","price":8.95,"title":"Sayings of the Century"},{"author":"Evelyn Waugh","category":"fiction","price":12.99,"title":"Sword of Honour"},{"author":"Herman Melville","category":"fiction","isbn":"0-553-21311-3","price":8.99,"title":"Moby Dick"},{"author":"J. R. R. Tolkien","category":"fiction","isbn":"0-395-19395-8","price":22.99,"title":"The Lord of the Rings"}]`}},
		{`$.store..price`, []string{`$['store']['bicycle']['price']=399`, `$['store']['book'][0]['price']=8.95`,
			`$['store']['book'][1]['price']=12.99`, `$['store']['book'][2]['price']=8.99`, `$['store']['book'][3]['price']=22.99`}},
		{`$..book[2]`, []string{book2}},
		{`$..book[2].author`, []string{`$['store']['book'][2]['author']="Herman Melville"`}},
		{`$..book[2].publisher`, nil},
		{`$..book[-1]`, []string{book3}},
		{`$..book[0,1]`, []string{`$['store']['book'][0]={"author":"Nigel Rees","category":"reference","price":8.95,"title":"Sayings of the Century"}`,
			`$['store']['book'][1]={"author":"Evelyn Waugh","category":"fiction","price":12.99,"title":"Sword of Honour"}`}},
		{`$..book[:2]`, []string{`$['store']['book'][0]={"author":"Nigel Rees","category":"reference","price":8.95,"title":"Sayings of the Century"}`,
			`$['store']['book'][1]={"author":"Evelyn Waugh","category":"fiction","price":12.99,"title":"Sword of Honour"}`}},
		{`$..book[?@.isbn]`, []string{book2, book3}},
		{`$..book[?@.price<10].title`, []string{`$['store']['book'][0]['title']="Sayings of the Century"`, `$['store']['book'][2]['title']="Moby Dick"`}},
	})
	if n := len(MustParse(`$..*`).Select(decode(t, bookstore))); n != 27 {
		t.Errorf("$..* selects %d nodes, want 27 (every member and element)", n)
	}
}

func TestRootIdentifier(t *testing.T) { // 2.2
	runSelectCases(t, `{"k": "v"}`, []selectCase{{`$`, []string{`$={"k":"v"}`}}})
	runSelectCases(t, `7`, []selectCase{{`$`, []string{`$=7`}}, {`$.a`, nil}, {`$[0]`, nil}, {`$[*]`, nil}})
}

func TestNameSelector(t *testing.T) { // 2.3.1
	runSelectCases(t, `{"o": {"j j": {"k.k": 3}}, "'": {"@": 2}}`, []selectCase{
		{`$.o['j j']`, []string{`$['o']['j j']={"k.k":3}`}},
		{`$.o['j j']['k.k']`, []string{`$['o']['j j']['k.k']=3`}},
		{`$.o["j j"]["k.k"]`, []string{`$['o']['j j']['k.k']=3`}},
		{`$["'"]["@"]`, []string{`$['\'']['@']=2`}},
		{`$['\'']['\u0040']`, []string{`$['\'']['@']=2`}},
		{`$.o.nope`, nil},
		{`$[0]`, nil}, // an index selects nothing in an object
	})
	runSelectCases(t, `{"é": 1, "😀": 2, "\u000b": 3, "a\"b": 4, "": 5}`, []selectCase{
		{`$.é`, []string{`$['é']=1`}},
		{`$['\u00e9']`, []string{`$['é']=1`}},
		{`$["\uD83D\uDE00"]`, []string{`$['😀']=2`}},
		{`$.😀`, []string{`$['😀']=2`}},
		{`$["\u000B"]`, []string{`$['\u000b']=3`}},
		{`$["a\"b"]`, []string{`$['a"b']=4`}},
		{`$['a"b']`, []string{`$['a"b']=4`}},
		{`$['']`, []string{`$['']=5`}},
	})
	runSelectCases(t, `["a"]`, []selectCase{{`$.a`, nil}, {`$['0']`, nil}})
}

func TestWildcardSelector(t *testing.T) { // 2.3.2
	runSelectCases(t, `{"o": {"j": 1, "k": 2}, "a": [5, 3]}`, []selectCase{
		{`$[*]`, []string{`$['a']=[5,3]`, `$['o']={"j":1,"k":2}`}},
		{`$.o[*]`, []string{`$['o']['j']=1`, `$['o']['k']=2`}},
		{`$.o[*, *]`, []string{`$['o']['j']=1`, `$['o']['k']=2`, `$['o']['j']=1`, `$['o']['k']=2`}},
		{`$.a[*]`, []string{`$['a'][0]=5`, `$['a'][1]=3`}},
		{`$.a.*`, []string{`$['a'][0]=5`, `$['a'][1]=3`}},
		{`$.o.j[*]`, nil},
	})
}

func TestIndexSelector(t *testing.T) { // 2.3.3
	runSelectCases(t, `["a", "b"]`, []selectCase{
		{`$[1]`, []string{`$[1]="b"`}},
		{`$[-2]`, []string{`$[0]="a"`}},
		{`$[2]`, nil},
		{`$[-3]`, nil},
		{`$[9007199254740991]`, nil},
		{`$[-9007199254740991]`, nil},
	})
}

func TestSliceSelector(t *testing.T) { // 2.3.4
	all := `["a", "b", "c", "d", "e", "f", "g"]`
	runSelectCases(t, all, []selectCase{
		{`$[1:3]`, []string{`$[1]="b"`, `$[2]="c"`}},
		{`$[5:]`, []string{`$[5]="f"`, `$[6]="g"`}},
		{`$[1:5:2]`, []string{`$[1]="b"`, `$[3]="d"`}},
		{`$[5:1:-2]`, []string{`$[5]="f"`, `$[3]="d"`}},
		{`$[::-1]`, []string{`$[6]="g"`, `$[5]="f"`, `$[4]="e"`, `$[3]="d"`, `$[2]="c"`, `$[1]="b"`, `$[0]="a"`}},
		{`$[:]`, []string{`$[0]="a"`, `$[1]="b"`, `$[2]="c"`, `$[3]="d"`, `$[4]="e"`, `$[5]="f"`, `$[6]="g"`}},
		{`$[-2:]`, []string{`$[5]="f"`, `$[6]="g"`}},
		{`$[:-5]`, []string{`$[0]="a"`, `$[1]="b"`}},
		{`$[::0]`, nil}, // step 0 selects nothing
		{`$[3:1]`, nil},
		{`$[-100:2]`, []string{`$[0]="a"`, `$[1]="b"`}},
		{`$[5:100]`, []string{`$[5]="f"`, `$[6]="g"`}},
		{`$[100:-100:-3]`, []string{`$[6]="g"`, `$[3]="d"`, `$[0]="a"`}},
		{`$[1 : 3 : 1]`, []string{`$[1]="b"`, `$[2]="c"`}},
		{`$[-9007199254740991:9007199254740991:9007199254740991]`, []string{`$[0]="a"`}},
	})
	runSelectCases(t, `{"a": 1}`, []selectCase{{`$[:]`, nil}})
	runSelectCases(t, `[]`, []selectCase{{`$[::-1]`, nil}, {`$[0:]`, nil}})
}

func TestSegments(t *testing.T) { // 2.5
	runSelectCases(t, `["a", "b", "c", "d", "e", "f", "g"]`, []selectCase{
		{`$[0, 3]`, []string{`$[0]="a"`, `$[3]="d"`}},
		{`$[0:2, 5]`, []string{`$[0]="a"`, `$[1]="b"`, `$[5]="f"`}},
		{`$[0, 0]`, []string{`$[0]="a"`, `$[0]="a"`}},
	})
	runSelectCases(t, `{"o": {"j": 1, "k": 2}, "a": [5, 3, [{"j": 4}, {"k": 6}]]}`, []selectCase{
		{`$..j`, []string{`$['a'][2][0]['j']=4`, `$['o']['j']=1`}},
		{`$..[0]`, []string{`$['a'][0]=5`, `$['a'][2][0]={"j":4}`}},
		{`$..*`, []string{`$['a']=[5,3,[{"j":4},{"k":6}]]`, `$['o']={"j":1,"k":2}`, `$['a'][0]=5`, `$['a'][1]=3`,
			`$['a'][2]=[{"j":4},{"k":6}]`, `$['a'][2][0]={"j":4}`, `$['a'][2][1]={"k":6}`, `$['a'][2][0]['j']=4`,
			`$['a'][2][1]['k']=6`, `$['o']['j']=1`, `$['o']['k']=2`}},
		{`$..o`, []string{`$['o']={"j":1,"k":2}`}},
		{`$.o..[*, *]`, []string{`$['o']['j']=1`, `$['o']['k']=2`, `$['o']['j']=1`, `$['o']['k']=2`}},
		{`$.a..[0, 1]`, []string{`$['a'][0]=5`, `$['a'][1]=3`, `$['a'][2][0]={"j":4}`, `$['a'][2][1]={"k":6}`}},
		{`$ .o ['j']`, []string{`$['o']['j']=1`}},
	})
}

func TestNullSemantics(t *testing.T) { // 2.6
	runSelectCases(t, `{"a": null, "b": [null], "c": [{}], "null": 1}`, []selectCase{
		{`$.a`, []string{`$['a']=null`}},
		{`$.a[0]`, nil},
		{`$.a.d`, nil},
		{`$.b[0]`, []string{`$['b'][0]=null`}},
		{`$.b[*]`, []string{`$['b'][0]=null`}},
		{`$.b[?@]`, []string{`$['b'][0]=null`}},
		{`$.b[?@==null]`, []string{`$['b'][0]=null`}},
		{`$.c[?@.d==null]`, nil},
		{`$.null`, []string{`$['null']=1`}},
	})
}
