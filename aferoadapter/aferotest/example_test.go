package aferotest_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/spf13/afero"

	"github.com/tmpkit/tmpkit/aferoadapter"
	"github.com/tmpkit/tmpkit/aferoadapter/aferotest"
)

// ExampleRun shows the suite in a test of your own backend: each check
// becomes a subtest, and a difference from a disk fails it.
func ExampleRun() {
	testMyFs := func(t *testing.T) {
		aferotest.Run(t, aferotest.Backend{
			Name: "MyFs",
			New:  func(testing.TB) (afero.Fs, string) { return aferoadapter.NewMemFs(), "/" },
		})
	}
	_ = testMyFs // func TestMyFs(t *testing.T) in your _test.go file
}

func ExampleEvaluate() {
	results := aferotest.Evaluate(&testing.T{}, aferotest.Backend{
		Name: "MemMapFs",
		New:  func(testing.TB) (afero.Fs, string) { return afero.NewMemMapFs(), "/" },
		Skip: map[string]string{"concurrent/shared-handle": "racy", "concurrent/stress": "racy"},
	})
	for _, r := range results {
		if r.Check == "create/missing-parent" || r.Check == "readat/short" {
			fmt.Printf("%s: %s: %s\n", r.Check, r.Status, r.Detail)
		}
	}
	// Output:
	// create/missing-parent: FAIL: Create("nodir/f"): got nil error, want *fs.PathError wrapping ENOENT
	// readat/short: FAIL: ReadAt(10 bytes, 2) = 3 "llo", nil error; want 3 "llo", io.EOF
}

func ExampleTable() {
	mem := aferotest.Evaluate(&testing.T{}, aferotest.Backend{
		Name: "NewMemFs",
		New:  func(testing.TB) (afero.Fs, string) { return aferoadapter.NewMemFs(), "/" },
	})
	table := aferotest.Table([]string{"NewMemFs"}, mem)
	lines := strings.Split(strings.TrimSpace(table), "\n")
	fmt.Println(strings.Join(lines[:4], "\n"))
	fmt.Println(lines[len(lines)-1])
	// Output:
	// | check | NewMemFs |
	// |---|---|
	// | create/new-file | pass |
	// | create/mode | pass |
	// | **pass / FAIL / skip** | 103 / 0 / 0 |
}

func ExampleChecks() {
	checks := aferotest.Checks()
	fmt.Println(len(checks), "checks; the first:")
	fmt.Printf("%s: %s\n", checks[0].Name, checks[0].Want)
	// Output:
	// 103 checks; the first:
	// create/new-file: Create makes an empty regular file that reads back what is written
}

func ExampleStatus_String() {
	fmt.Println(aferotest.Pass, aferotest.Fail, aferotest.Skip)
	fmt.Printf("%q\n", aferotest.Fail.String())
	// Output:
	// pass FAIL skip
	// "FAIL"
}
