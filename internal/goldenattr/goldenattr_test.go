package goldenattr

import (
	"fmt"
	"testing"
)

func TestRoundTrip(t *testing.T) {
	for _, tt := range []struct {
		kind  Kind
		path  string
		value string
	}{
		{File, "testdata/TestX.golden", "file testdata/TestX.golden"},
		{Tree, "testdata/TestX.golden.d", "tree testdata/TestX.golden.d"},
		{Used, "testdata/TestX", "used testdata/TestX"},
		{File, "with space/a b.golden", "file with space/a b.golden"},
		{File, "line\nbreak", `file "line\nbreak"`},
		{File, `"quoted"`, `file "\"quoted\""`},
		{File, "/abs/outside.golden", "file /abs/outside.golden"},
	} {
		v := Value(tt.kind, tt.path)
		if v != tt.value {
			t.Errorf("Value(%s, %q) = %q, want %q", tt.kind, tt.path, v, tt.value)
		}
		k, p, err := Parse(v)
		if err != nil || k != tt.kind || p != tt.path {
			t.Errorf("Parse(%q) = %s, %q, %v", v, k, p, err)
		}
		if d, err := ParseDir(DirValue(tt.path)); err != nil || d != tt.path {
			t.Errorf("ParseDir(DirValue(%q)) = %q, %v", tt.path, d, err)
		}
	}
}

func TestParseErrors(t *testing.T) {
	for value, want := range map[string]string{
		"":                   `goldenattr: "": want a kind (file, tree or used), a space and a path`,
		"dir testdata":       `goldenattr: "dir testdata": want a kind (file, tree or used), a space and a path`,
		"file":               `goldenattr: "file": no path after the kind`,
		"file ":              `goldenattr: "file ": no path after the kind`,
		`file "unterminated`: `goldenattr: "file \"unterminated": invalid syntax`,
		`tree ""`:            `goldenattr: "tree \"\"": empty path`,
	} {
		if _, _, err := Parse(value); err == nil || err.Error() != want {
			t.Errorf("Parse(%q) = %v, want %s", value, err, want)
		}
	}
	if _, err := ParseDir(""); err == nil || err.Error() != "goldenattr: empty golden directory" {
		t.Errorf("ParseDir(\"\") = %v", err)
	}
}

func FuzzParse(f *testing.F) {
	f.Add("file testdata/x.golden")
	f.Add(`tree "a\nb"`)
	f.Fuzz(func(t *testing.T, value string) {
		k, p, err := Parse(value)
		if err != nil {
			return
		}
		if k2, p2, err := Parse(Value(k, p)); err != nil || k2 != k || p2 != p {
			t.Fatalf("%q: parsed %s %q, which does not round-trip: %s %q %v", value, k, p, k2, p2, err)
		}
	})
}

func ExampleValue() {
	fmt.Println(Value(File, "testdata/TestX.golden"))
	fmt.Println(Value(Tree, "testdata/TestSite.golden.d"))
	// Output:
	// file testdata/TestX.golden
	// tree testdata/TestSite.golden.d
}

func ExampleParse() {
	kind, path, err := Parse("tree testdata/TestSite.golden.d")
	fmt.Println(kind, path, err)
	// Output:
	// tree testdata/TestSite.golden.d <nil>
}

func ExampleDirValue() {
	fmt.Println(DirValue("test-fixtures"))
	// Output:
	// test-fixtures
}

func ExampleParseDir() {
	dir, err := ParseDir("test-fixtures")
	fmt.Println(dir, err)
	// Output:
	// test-fixtures <nil>
}
