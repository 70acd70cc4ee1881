package golden

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestEachMisuse(t *testing.T) {
	t.Parallel()
	dir := setup(t, map[string]string{"in/a.input": "a", "in/a.txt": "a", "in/b.input": "b", "in/b.golden": "B", "in/sub.input/x": "x"})
	wd, _ := os.Getwd()
	pattern := filepath.ToSlash(filepath.Join(dir, "in")) + "/"
	for _, tc := range []struct {
		pattern string
		opts    []Option
		want    string
	}{
		{"testdata/parse/*.inptu", nil, `golden: Each("testdata/parse/*.inptu"): no file matches the pattern (relative to the package directory ` +
			filepath.ToSlash(wd) + `); a test over no input would pass without checking anything`},
		{pattern + "*.input", []Option{Name("x.golden")}, `golden: Each("$DIR/in/*.input"): golden.Name is not allowed: ` +
			`Each keeps each golden beside its input (x.input -> x.golden); to move the goldens, move the inputs`},
		{pattern + "*.input", []Option{Options(Exact(), Options(Dir("elsewhere")))}, `golden: Each("$DIR/in/*.input"): golden.Dir is not allowed: ` +
			`Each keeps each golden beside its input (x.input -> x.golden); to move the goldens, move the inputs`},
		{pattern + "*.input", []Option{Redact("$.id", "x")}, `golden: Redact("$.id", "x") applies to structured output (AssertJSON, AssertYAML, AssertValue); ` +
			`Each compares text: replace volatile text with ScrubRegexp or ScrubNumbered`},
		{pattern + "b.*", nil, `golden: Each("$DIR/in/b.*"): "$DIR/in/b.golden" is a golden file, not an input; match the inputs only, as in "testdata/parse/*.input"`},
		{pattern + "a.*", nil, `golden: Each("$DIR/in/a.*"): "$DIR/in/a.input" and "$DIR/in/a.txt" would share the golden "$DIR/in/a.golden"; rename one of them`},
		{pattern + "[", nil, `golden: Each("$DIR/in/["): syntax error in pattern`},
		{pattern + "*.input", []Option{ScrubNumbered("(", "x")}, "golden: ScrubNumbered(\"(\", \"x\"): error parsing regexp: missing closing ): `(`"},
	} {
		_, err := eachInputs(newConfig(tc.opts), tc.pattern)
		if got := scrubDir(strings.ReplaceAll(errString(err), filepath.ToSlash(dir), "$DIR"), dir); got != tc.want {
			t.Errorf("Each(%q):\n%s\nwant\n%s", tc.pattern, got, tc.want)
		}
	}
	inputs, err := eachInputs(newConfig(nil), pattern+"*.input")
	if err != nil || len(inputs) != 2 || inputs[0].test != "a" || inputs[1].golden != "b.golden" {
		t.Errorf("inputs = %+v, %v; want a and b, not the directory sub.input", inputs, err)
	}
}

func errString(err error) string {
	if err == nil {
		return "<nil>"
	}
	return err.Error()
}

// TestEachUpdatesAndReportsStray runs Each for real: in update mode it
// writes each golden beside its input, then compares, and a golden whose
// input is gone is reported by Main as unused.
func TestEachUpdatesAndReportsStray(t *testing.T) {
	pkg := setup(t, map[string]string{
		"go.mod":                       "module m\n",
		"testdata/parse/one.input":     "1 + 2",
		"testdata/parse/two.input":     "3 * 4",
		"testdata/parse/gone.golden":   "an input that was removed\n",
		"testdata/parse/notes.txt":     "not a golden\n",
		"testdata/TestUnrelated.input": "x",
	})
	reg := &registry{}
	opts := []Option{Option{func(c *config) { c.reg = reg }}, noFlags()}
	pattern := filepath.Join(pkg, "testdata", "parse", "*.input")
	var names []string
	render := func(t *testing.T, input []byte) []byte {
		names = append(names, t.Name())
		return append(bytes.ToUpper(input), '\n')
	}
	t.Run("update", func(t *testing.T) { Each(t, pattern, render, append(opts, withEnv("UPDATE_GOLDEN=new"))...) })
	checkContent(t, filepath.Join(pkg, "testdata", "parse", "one.golden"), "1 + 2\n")
	checkContent(t, filepath.Join(pkg, "testdata", "parse", "two.golden"), "3 * 4\n")
	t.Run("compare", func(t *testing.T) { Each(t, pattern, render, append(opts, withEnv())...) })
	if want := "TestEachUpdatesAndReportsStray/update/one TestEachUpdatesAndReportsStray/update/two " +
		"TestEachUpdatesAndReportsStray/compare/one TestEachUpdatesAndReportsStray/compare/two"; strings.Join(names, " ") != want {
		t.Errorf("subtests %q", names)
	}

	var out bytes.Buffer
	if code := reportUnused(&out, reg, pkg, flags(), packageInfo{}); code != 1 || out.String() !=
		"golden: 1 unused golden that no assertion, Get or MarkUsed of this full run used:\n\ttestdata/parse/gone.golden\n"+unusedHint {
		t.Errorf("reportUnused = %d:\n%s", code, out.String())
	}
}

// TestEachPatternFromPackageDir: a relative pattern starts at the package
// directory fixed at start-up, as golden paths do, even after the test
// changed its working directory.
func TestEachPatternFromPackageDir(t *testing.T) {
	t.Chdir(t.TempDir())
	inputs, err := eachInputs(newConfig(nil), "each_test.go")
	if err != nil {
		t.Fatal(err)
	}
	if len(inputs) != 1 || inputs[0].path != filepath.Join(startDir, "each_test.go") || inputs[0].test != "each_test" {
		t.Errorf("inputs = %+v, want each_test.go of %s", inputs, startDir)
	}
}
