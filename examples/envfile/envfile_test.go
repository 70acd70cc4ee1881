package envfile_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/tmpkit/tmpkit/examples/envfile"
	"github.com/tmpkit/tmpkit/golden"
)

// TestMain reports goldens that no input uses any more: remove an input
// and its golden shows up as unused.
func TestMain(m *testing.M) { golden.Main(m) }

// Each file testdata/parse/NAME.input is a case: its subtest TestParse/NAME
// parses it and compares the result with testdata/parse/NAME.golden. A new
// case is a new input file and a run with UPDATE_GOLDEN=new, which writes
// its golden for review.
func TestParse(t *testing.T) {
	golden.Each(t, "testdata/parse/*.input", func(t *testing.T, input []byte) string {
		vars, err := envfile.Parse(input)
		if err != nil {
			return "error: " + err.Error() + "\n"
		}
		var b strings.Builder
		for _, v := range vars {
			fmt.Fprintf(&b, "%d: %s=%q\n", v.Line, v.Key, v.Value)
		}
		return b.String()
	})
}

// FuzzParse checks that any input parses or fails with a line number,
// never panics, and that parsed keys are unique.
func FuzzParse(f *testing.F) {
	f.Add([]byte("A=1\nexport B='x' # c\nC=\"a\\nb\nc\"\n"))
	f.Add([]byte("=\n\"\n'\nA=\"\\"))
	f.Fuzz(func(t *testing.T, data []byte) {
		vars, err := envfile.Parse(data)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "line ") {
				t.Fatalf("error without a line: %v", err)
			}
			return
		}
		seen := map[string]bool{}
		for _, v := range vars {
			if seen[v.Key] || v.Line < 1 {
				t.Fatalf("duplicate key or bad line in %+v", vars)
			}
			seen[v.Key] = true
		}
	})
}
