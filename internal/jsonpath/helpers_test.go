package jsonpath

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

// decode reads JSON text as encoding/json does with UseNumber.
func decode(t testing.TB, doc string) any {
	t.Helper()
	dec := json.NewDecoder(strings.NewReader(doc))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		t.Fatalf("decode %s: %v", doc, err)
	}
	return v
}

// selectText runs query on doc and returns the selected nodes as
// "path=value" lines, value in compact JSON.
func selectText(t testing.TB, query string, doc any) string {
	t.Helper()
	q, err := Parse(query)
	if err != nil {
		t.Fatalf("Parse(%q): %v", query, err)
	}
	var b strings.Builder
	for _, n := range q.SelectLocated(doc) {
		v, err := json.Marshal(n.Value)
		if err != nil {
			t.Fatal(err)
		}
		b.WriteString(n.Path.String() + "=" + string(v) + "\n")
	}
	return b.String()
}

// selectCase is one query on a document and what it selects, as
// selectText writes it, one node per line.
type selectCase struct {
	query string
	want  []string
}

func runSelectCases(t *testing.T, doc string, cases []selectCase) {
	t.Helper()
	root := decode(t, doc)
	for _, tc := range cases {
		want := strings.Join(tc.want, "\n")
		if want != "" {
			want += "\n"
		}
		if got := selectText(t, tc.query, root); got != want {
			t.Errorf("%s on %s:\ngot\n%swant\n%s", tc.query, compact(t, doc), got, want)
		}
	}
}

func compact(t testing.TB, doc string) string {
	var b bytes.Buffer
	if err := json.Compact(&b, []byte(doc)); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// bookstore is the example document of RFC 9535, section 1.5.
const bookstore = `{"store": {
  "book": [
    {"category": "reference", "author": "Nigel Rees", "title": "Sayings of the Century", "price": 8.95},
    {"category": "fiction", "author": "Evelyn Waugh", "title": "Sword of Honour", "price": 12.99},
    {"category": "fiction", "author": "Herman Melville", "title": "Moby Dick", "isbn": "0-553-21311-3", "price": 8.99},
    {"category": "fiction", "author": "J. R. R. Tolkien", "title": "The Lord of the Rings", "isbn": "0-395-19395-8", "price": 22.99}
  ],
  "bicycle": {"color": "red", "price": 399}
}}`
