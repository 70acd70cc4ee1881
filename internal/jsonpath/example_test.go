package jsonpath_test

import (
	"encoding/json"
	"fmt"

	"github.com/tmpkit/tmpkit/internal/jsonpath"
)

func ExampleParse() {
	_, err := jsonpath.Parse(`$.items[?@.price = 10]`)
	fmt.Println(err)
	q, _ := jsonpath.Parse(`$.items[?@.price < 10].name`)
	fmt.Println(q)
	// Output:
	// jsonpath: invalid comparison operator at position 18
	// $['items'][?@['price'] < 10]['name']
}

func ExampleMustParse() {
	q := jsonpath.MustParse(`$..id`)
	fmt.Println(q.Select(map[string]any{"id": 1, "sub": []any{map[string]any{"id": 2}}}))
	// Output: [1 2]
}

func ExampleQuery_Select() {
	var doc any
	_ = json.Unmarshal([]byte(`{"items": [{"name": "pen", "price": 2}, {"name": "ink", "price": 12}]}`), &doc)
	fmt.Println(jsonpath.MustParse(`$.items[?@.price < 10].name`).Select(doc))
	// Output: [pen]
}

func ExampleQuery_SelectLocated() {
	var doc any
	_ = json.Unmarshal([]byte(`{"items": [{"id": "a7"}, {"id": "b2", "sub": {"id": "c3"}}]}`), &doc)
	for _, n := range jsonpath.MustParse(`$..id`).SelectLocated(doc) {
		fmt.Println(n.Path, n.Value)
	}
	// Output:
	// $['items'][0]['id'] a7
	// $['items'][1]['id'] b2
	// $['items'][1]['sub']['id'] c3
}

func ExampleQuery_String() {
	fmt.Println(jsonpath.MustParse(`$.a["b"][?@.c=='d' && length(@.e)>1]`))
	// Output: $['a']['b'][?@['c'] == 'd' && length(@['e']) > 1]
}

func ExampleNormalizedPath_String() {
	fmt.Println(jsonpath.NormalizedPath{jsonpath.Name("it's"), jsonpath.Index(0), jsonpath.Name("a\nb")})
	// Output: $['it\'s'][0]['a\nb']
}
