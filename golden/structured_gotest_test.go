package golden

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// structuredPkg is a package added to goModule's module: every structured
// assertion, in real `go test` runs.
var structuredPkg = map[string]string{
	"structured/structured_test.go": `package structured

import (
	"os"
	"strings"
	"testing"

	"github.com/tmpkit/tmpkit/golden"
)

func TestMain(m *testing.M) { golden.Main(m) }

type item struct {
	ID   string
	Name string
}

func TestJSON(t *testing.T) {
	golden.AssertJSON(t, map[string]any{"id": os.Getenv("RANDOM"), "name": os.Getenv("NAME") + "json"},
		golden.Redact("$."+os.Getenv("FIELD")+"id", "[id]"))
}

func TestValue(t *testing.T) {
	golden.AssertValue(t, []item{{os.Getenv("RANDOM"), os.Getenv("NAME") + "value"}}, golden.Redact("$[*].ID", "[id]"))
}

func TestYAML(t *testing.T) {
	golden.AssertYAML(t, "name: "+os.Getenv("NAME")+"yaml\nid: "+os.Getenv("RANDOM")+"\n", golden.Redact("$.id", "[id]"))
}

func TestParse(t *testing.T) {
	golden.Each(t, "testdata/parse/*.input", func(t *testing.T, input []byte) string {
		return os.Getenv("NAME") + strings.ToUpper(string(input))
	})
}
`,
	"structured/testdata/parse/one.input": "one\n",
	"structured/testdata/parse/two.input": "two\n",
}

func TestGoTestStructured(t *testing.T) {
	t.Parallel()
	dir, run := goModule(t)
	for name, content := range structuredPkg {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	pkg := filepath.Join(dir, "structured")
	golden := func(p string) string {
		b, err := os.ReadFile(filepath.Join(pkg, filepath.FromSlash(p)))
		if err != nil {
			return "<" + err.Error() + ">"
		}
		return string(b)
	}
	expect := func(out string, err error, ok bool, wants ...string) {
		t.Helper()
		if (err == nil) != ok {
			t.Fatalf("go test: err %v, want success %v; output:\n%s", err, ok, out)
		}
		for _, w := range wants {
			if !strings.Contains(out, w) {
				t.Fatalf("output lacks %q:\n%s", w, out)
			}
		}
	}

	// Missing goldens fail with the command that creates each.
	out, err := run([]string{"RANDOM=r1"}, "go", "test", "./structured")
	expect(out, err, false,
		"UPDATE_GOLDEN=new go test ./structured -run '^TestJSON$'\n",
		"UPDATE_GOLDEN=new go test ./structured -run '^TestValue$'\n",
		"UPDATE_GOLDEN=new go test ./structured -run '^TestYAML$'\n",
		"UPDATE_GOLDEN=new go test ./structured -run '^TestParse$/^one$'\n",
		"UPDATE_GOLDEN=new go test ./structured -run '^TestParse$/^two$'\n")

	// A redaction selecting nothing fails in update mode too, writing nothing.
	out, err = run([]string{"RANDOM=r1", "FIELD=x", "UPDATE_GOLDEN=1"}, "go", "test", "./structured", "-run", "^TestJSON$")
	expect(out, err, false, `golden: Redact("$.xid", "[id]") selects nothing in the output of AssertJSON for "testdata/TestJSON.golden"`)
	if _, err := os.Stat(filepath.Join(pkg, "testdata", "TestJSON.golden")); err == nil {
		t.Fatal("a redaction that selected nothing let the golden be written")
	}

	// UPDATE_GOLDEN=1 writes every golden, Each's beside their inputs.
	out, err = run([]string{"RANDOM=r1", "UPDATE_GOLDEN=1"}, "go", "test", "./structured")
	expect(out, err, true)
	for p, want := range map[string]string{
		"testdata/TestJSON.golden":  "{\n  \"id\": \"[id]\",\n  \"name\": \"json\"\n}\n",
		"testdata/TestValue.golden": "[]structured.item{\n\t{\n\t\tID: \"[id]\",\n\t\tName: \"value\",\n\t},\n}\n",
		"testdata/TestYAML.golden":  "id: '[id]'\nname: yaml\n",
		"testdata/parse/one.golden": "ONE\n",
		"testdata/parse/two.golden": "TWO\n",
	} {
		if got := golden(p); got != want {
			t.Errorf("%s = %q, want %q", p, got, want)
		}
	}
	if got := strings.Join(files(t, filepath.Join(pkg, "testdata")), " "); got != "TestJSON.golden TestValue.golden TestYAML.golden "+
		"parse parse/one.golden parse/one.input parse/two.golden parse/two.input" {
		t.Errorf("testdata holds %s", got)
	}

	// Volatile values are redacted: another run with other ids passes.
	out, err = run([]string{"RANDOM=r2"}, "go", "test", "./structured")
	expect(out, err, true)

	// A changed output fails each assertion, and only the changed
	// subtests of Each; the printed command updates that golden alone.
	out, err = run([]string{"RANDOM=r3", "NAME=x"}, "go", "test", "./structured", "-artifacts", "-outputdir", t.TempDir())
	expect(out, err, false, "--- FAIL: TestJSON", "--- FAIL: TestValue", "--- FAIL: TestYAML", "--- FAIL: TestParse/one", "--- FAIL: TestParse/two",
		`+		Name: "xvalue",`, "The output is saved in ")
	command := regexp.MustCompile(`UPDATE_GOLDEN=1 go test ./structured -run '\^TestParse\$/\^two\$'`).FindString(out)
	if command == "" {
		t.Fatalf("no update command for TestParse/two:\n%s", out)
	}
	out, err = run([]string{"NAME=x", "UPDATE_GOLDEN=1"}, "go", "test", "./structured", "-run", "^TestParse$/^two$")
	expect(out, err, true)
	if golden("testdata/parse/two.golden") != "xTWO\n" || golden("testdata/parse/one.golden") != "ONE\n" {
		t.Errorf("the command updated: one %q, two %q", golden("testdata/parse/one.golden"), golden("testdata/parse/two.golden"))
	}

	// An input removed leaves its golden unused: a full run that passes
	// reports it.
	os.WriteFile(filepath.Join(pkg, "testdata", "parse", "two.golden"), []byte("TWO\n"), 0o644)
	if err := os.Remove(filepath.Join(pkg, "testdata", "parse", "one.input")); err != nil {
		t.Fatal(err)
	}
	out, err = run([]string{"RANDOM=r4"}, "go", "test", "./structured")
	expect(out, err, false, "golden: 1 unused golden file(s): no assertion, Get or Keep of this full run touched them:\n\ttestdata/parse/one.golden\n")
}
