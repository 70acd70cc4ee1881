package expensereport_test

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/tmpkit/tmpkit/examples/expensereport"
	"github.com/tmpkit/tmpkit/golden"
	"github.com/tmpkit/tmpkit/tmptest"
)

// The inputs are written to named temp files and the JSON report goes to a
// fresh path; tmptest removes all of it when the test ends (or keeps it for
// a look with TMPTEST_KEEP=failed when the test fails). What the program
// prints and writes is compared with golden files under testdata/; after an
// intended change, UPDATE_GOLDEN=1 go test ./examples/expensereport rewrites
// them for review in the diff.
//
// The report holds values that change on every run: a random run id, the
// time it was made, the inputs' modification times. golden.Redact replaces
// them by name, so the golden still shows that they are there and where,
// and fails if one of them disappears.
func TestMainWritesTableAndJSON(t *testing.T) {
	march := tmptest.WriteFile(t, "2026-03-02,food,12.50\n2026-03-09,travel,40\n", tmptest.Suffix(".csv"))
	april := tmptest.WriteFile(t, "# April\n2026-04-01,food,7.25\n", tmptest.Suffix(".csv"))
	out := tmptest.Path(t, tmptest.Suffix(".json"))

	var stdout, stderr bytes.Buffer
	if code := expensereport.Main([]string{"-json", out, march, april}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit code %d, stderr: %s", code, stderr.String())
	}
	golden.Assert(t, stdout.String(), golden.Name("table.golden"))

	// The file as written, JSON text: AssertJSON re-indents and redacts it.
	golden.AssertJSON(t, json.RawMessage(readFile(t, out)), golden.Name("report.json.golden"),
		golden.Redact("$.run_id", "[run-id]"),
		golden.Redact("$.generated_at", "[time]"),
		golden.Redact("$.sources[*].modified", "[mtime]"),
		// The input names carry a random part: scrub them to stable names.
		golden.ScrubPath(march, "$MARCH"), golden.ScrubPath(april, "$APRIL"))
}

func readFile(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestMainReportsBadAmountWithLine(t *testing.T) {
	in := tmptest.WriteFile(t, "2026-03-02,food,12.50\n2026-03-03,food,12.505\n", tmptest.Suffix(".csv"))
	var stdout, stderr bytes.Buffer
	if code := expensereport.Main([]string{in}, &stdout, &stderr); code != 1 {
		t.Fatalf("exit code %d, want 1", code)
	}
	want := "expensereport: " + in + ":2: amount \"12.505\" has more than two decimals\n"
	if stderr.String() != want {
		t.Errorf("stderr = %q, want %q", stderr.String(), want)
	}
}

// A report written into a read-only directory fails cleanly. tmptest.Dir
// gives the directory; its cleanup removes it even though it is read-only.
func TestMainUnwritableReport(t *testing.T) {
	in := tmptest.WriteFile(t, "2026-03-02,food,1\n", tmptest.Suffix(".csv"))
	dir := tmptest.Dir(t, tmptest.Perm(0o500))
	var stdout, stderr bytes.Buffer
	code := expensereport.Main([]string{"-json", dir + "/report.json", in}, &stdout, &stderr)
	if os.Geteuid() == 0 {
		t.Skip("root writes into read-only directories; the unprivileged CI pass runs this")
	}
	if code != 1 || !strings.Contains(stderr.String(), "permission denied") {
		t.Errorf("exit code %d, stderr %q; want 1 and permission denied", code, stderr.String())
	}
}
