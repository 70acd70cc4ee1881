package golden

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// structuredPkg is a package of goModule's module: every structured
// assertion, in real test binaries.
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

// testStructured: every structured assertion through the test binary
// of the module's structured package, saved by TestGoTest's go test run.
func testStructured(t *testing.T, m *goModule) {
	run := func(env []string, args ...string) (string, error) { return m.bin("bins", "structured", env, args...) }
	pkg := m.path("structured")
	golden := func(p string) string {
		b, err := os.ReadFile(filepath.Join(pkg, filepath.FromSlash(p)))
		if err != nil {
			return "<" + err.Error() + ">"
		}
		return string(b)
	}

	// Missing goldens fail with the command that creates each.
	out, err := run([]string{"RANDOM=r1"})
	expect(t, out, err, false,
		"UPDATE_GOLDEN=new go test ./structured -run '^TestJSON$'\n",
		"UPDATE_GOLDEN=new go test ./structured -run '^TestValue$'\n",
		"UPDATE_GOLDEN=new go test ./structured -run '^TestYAML$'\n",
		"UPDATE_GOLDEN=new go test ./structured -run '^TestParse$/^one$'\n",
		"UPDATE_GOLDEN=new go test ./structured -run '^TestParse$/^two$'\n")

	// A redaction selecting nothing fails in update mode too, writing nothing.
	out, err = run([]string{"RANDOM=r1", "FIELD=x", "UPDATE_GOLDEN=1"}, "-test.run", "^TestJSON$")
	expect(t, out, err, false, `golden: Redact("$.xid", "[id]") selects nothing in the output of AssertJSON for "structured/testdata/TestJSON.golden"`)
	if _, err := os.Stat(filepath.Join(pkg, "testdata", "TestJSON.golden")); err == nil {
		t.Fatal("a redaction that selected nothing let the golden be written")
	}

	// UPDATE_GOLDEN=1 writes every golden, Each's beside their inputs.
	out, err = run([]string{"RANDOM=r1", "UPDATE_GOLDEN=1"})
	expect(t, out, err, true)
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
	out, err = run([]string{"RANDOM=r2"})
	expect(t, out, err, true)

	// A changed output fails each assertion, and only the changed
	// subtests of Each; the printed command updates that golden alone.
	out, err = run([]string{"RANDOM=r3", "NAME=x"}, "-test.artifacts", "-test.outputdir", t.TempDir())
	expect(t, out, err, false, "--- FAIL: TestJSON", "--- FAIL: TestValue", "--- FAIL: TestYAML", "--- FAIL: TestParse/one", "--- FAIL: TestParse/two",
		`+		Name: "xvalue",`, "The output is saved in ")
	command := regexp.MustCompile(`UPDATE_GOLDEN=1 go test ./structured -run '\^TestParse\$/\^two\$'`).FindString(out)
	if command == "" {
		t.Fatalf("no update command for TestParse/two:\n%s", out)
	}
	out, err = run([]string{"NAME=x", "UPDATE_GOLDEN=1"}, "-test.run", "^TestParse$/^two$")
	expect(t, out, err, true)
	if golden("testdata/parse/two.golden") != "xTWO\n" || golden("testdata/parse/one.golden") != "ONE\n" {
		t.Errorf("the command updated: one %q, two %q", golden("testdata/parse/one.golden"), golden("testdata/parse/two.golden"))
	}

	// An input removed leaves its golden unused: a full run that passes
	// reports it.
	os.WriteFile(filepath.Join(pkg, "testdata", "parse", "two.golden"), []byte("TWO\n"), 0o644)
	if err := os.Remove(filepath.Join(pkg, "testdata", "parse", "one.input")); err != nil {
		t.Fatal(err)
	}
	out, err = run([]string{"RANDOM=r4"})
	expect(t, out, err, false, "golden: 1 unused golden that no assertion, Get or MarkUsed of this full run used:\n\tstructured/testdata/parse/one.golden\n")
}
