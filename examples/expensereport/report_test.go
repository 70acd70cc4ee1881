package expensereport_test

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/tmpkit/tmpkit/examples/expensereport"
	"github.com/tmpkit/tmpkit/tmptest"
)

// The inputs are written to named temp files, the JSON report goes to a
// fresh path; tmptest removes all of it when the test ends (or keeps it for
// a look with TMPTEST_KEEP=failed when the test fails).
func TestMainWritesTableAndJSON(t *testing.T) {
	march := tmptest.WriteFile(t, "2026-03-02,food,12.50\n2026-03-09,travel,40\n", tmptest.Suffix(".csv"))
	april := tmptest.WriteFile(t, "# April\n2026-04-01,food,7.25\n", tmptest.Suffix(".csv"))
	out := tmptest.Path(t, tmptest.Suffix(".json"))

	var stdout, stderr bytes.Buffer
	if code := expensereport.Main([]string{"-json", out, march, april}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit code %d, stderr: %s", code, stderr.String())
	}

	const table = "" +
		"category            amount\n" +
		"food                 19.75\n" +
		"travel               40.00\n" +
		"total (3 expenses)   59.75\n"
	if stdout.String() != table {
		t.Errorf("stdout:\n%s\nwant:\n%s", stdout.String(), table)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var rep expensereport.Report
	if err := json.Unmarshal(data, &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Count != 3 || rep.TotalCents != 5975 || rep.ByCategory["food"] != 1975 {
		t.Errorf("report = %+v", rep)
	}
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
