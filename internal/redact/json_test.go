package redact

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
)

// indent writes v as golden.AssertJSON does.
func indent(t testing.TB, v any) []byte {
	t.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestJSONKeepsEverythingElse(t *testing.T) {
	type item struct {
		Zeta  string `json:"zeta"`
		ID    int    `json:"id"`
		Alpha any    `json:"alpha"`
	}
	doc := indent(t, []item{{"z", 1, map[string]any{"x": 1.50}}, {"<&>", 2, []int{}}})
	got, err := JSON(doc, []Rule{mustCompile(t, "$[*].id", "[id]"), mustCompile(t, "$[0].alpha", "[alpha]")})
	if err != nil {
		t.Fatal(err)
	}
	want := `[
  {
    "zeta": "z",
    "id": "[id]",
    "alpha": "[alpha]"
  },
  {
    "zeta": "<&>",
    "id": "[id]",
    "alpha": []
  }
]
`
	if string(got) != want {
		t.Errorf("JSON =\n%s\nwant\n%s", got, want)
	}
	if same, _ := JSON(doc, nil); !bytes.Equal(same, doc) {
		t.Error("JSON without rules changed the document")
	}
	root, err := JSON([]byte(" {\"a\": 1}\n"), []Rule{mustCompile(t, "$", `"quoted" <html>`)})
	if err != nil || string(root) != ` "\"quoted\" <html>"`+"\n" {
		t.Errorf("JSON replacing the root = %q, %v", root, err)
	}
	escaped, err := JSON(indent(t, map[string]int{"a\"b": 1, "é\n": 2}), []Rule{mustCompile(t, `$["a\"b"]`, "x"), mustCompile(t, `$["é\n"]`, "y")})
	if err != nil || string(escaped) != "{\n  \"a\\\"b\": \"x\",\n  \"é\\n\": \"y\"\n}\n" {
		t.Errorf("JSON with escaped member names = %q, %v", escaped, err)
	}
	if _, err := JSON(doc, []Rule{mustCompile(t, "$[5]", "x")}); !errors.Is(err, ErrNothing) {
		t.Errorf("a path selecting nothing: %v", err)
	}
}

// FuzzParseJSON checks the fast decoder against encoding/json.
func FuzzParseJSON(f *testing.F) {
	for _, s := range []string{`{"a":[1,-2.5e3,"x\u00e9\n",true,false,null],"b":{}}`, `[]`, `"\ud83d\ude00"`, `  7 `,
		`{"a":1,"a":2}`, "\"\xff\"", `[1,]`, `{"a" 1}`, `tru`, `[[[[`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := parseJSON(data)
		dec := json.NewDecoder(bytes.NewReader(data))
		dec.UseNumber()
		var want any
		if dec.Decode(&want) != nil || dec.InputOffset() != int64(len(bytes.TrimRight(data, " \t\r\n"))) {
			return // invalid JSON: parseJSON must only not panic
		}
		if _, more := dec.Token(); more == nil {
			return
		}
		if err != nil {
			t.Fatalf("parseJSON(%q): %v", data, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("parseJSON(%q) = %#v, encoding/json gives %#v", data, got, want)
		}
	})
}

// FuzzJSON checks that splicing the text gives what decoding, redacting
// and encoding again gives (on documents whose members are sorted, as
// re-encoding a map sorts them).
func FuzzJSON(f *testing.F) {
	f.Add(`{"a":[1,{"b":2,"c":[3]}],"d":"x"}`, "$..b", "$.a[0]")
	f.Add(`[{"id":1},{"id":2},{"x":{"id":3}}]`, "$..id", "$[?@.x]")
	f.Add(`{"a b":{"é":1},"c":null}`, `$["a b"]["é"]`, `$.c`)
	f.Add(`7`, "$", "$")
	f.Fuzz(func(t *testing.T, doc, path1, path2 string) {
		var v any
		dec := json.NewDecoder(strings.NewReader(doc))
		dec.UseNumber()
		if dec.Decode(&v) != nil {
			return
		}
		var rules []Rule
		for i, p := range []string{path1, path2} {
			r, err := Compile(p, "[r"+string(rune('0'+i))+"]")
			if err != nil {
				return
			}
			rules = append(rules, r)
		}
		text := indent(t, v)
		got, err := JSON(text, rules)
		want, _, werr := Apply(v, rules)
		if (err == nil) != (werr == nil) {
			t.Fatalf("JSON error %v, Apply error %v", err, werr)
		}
		if err != nil {
			return
		}
		if string(got) != string(indent(t, want)) {
			t.Fatalf("JSON(%s, %q, %q) =\n%s\nwant\n%s", text, path1, path2, got, indent(t, want))
		}
	})
}
