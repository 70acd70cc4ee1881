package golden

import (
	"os"
	"strings"
	"testing"
)

// testMainCases: golden.Main never removes a golden, judges only its own
// package's golden directories, by real path, and fails the run only for
// goldens it is sure of; for the others it says why it cannot judge.
// (With -tags, the tags are read from the binary's build information:
// TestBuildContextReadsTheBinary; their effect: TestAnalysePackage.)
// Before, in update mode it removed the parent package's goldens after a
// test changed directory, a golden used through a symlinked Dir, a
// subpackage's goldens and a documentation file under Dir("."), the
// goldens of benchmarks and of _windows_test.go and build-tagged files,
// and a test input named *.golden; and plain go test failed on several.
func testMainCases(t *testing.T, m *goModule, all string) {
	// The go test ./... run: each package's verdict.
	for _, want := range []string{
		"ok  \texample.com/gm/dotdir\t", "ok  \texample.com/gm/bench\t", "ok  \texample.com/gm/constrained\t",
		"FAIL\texample.com/gm/chdir/child\t",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("go test ./... output lacks %q:\n%s", want, all)
		}
	}
	before := snapshotFiles(t, m.dir)

	for _, tt := range []struct {
		pkg  string
		args []string
		ok   bool
		want string // the output after the test lines
	}{
		{"chdir/child", nil, false, "golden: 1 unused golden that no assertion, Get or MarkUsed of this full run used:\n" +
			"\tchdir/child/testdata/TestOld.golden\n" + unusedHint +
			"golden: 1 golden this run did not use, not counted as unused:\n" +
			"\tchdir/child/testdata/inputs.golden/case.golden (not named after a test: it may be test input or documentation)\n"},
		{"dotdir", nil, true, "golden: 1 golden this run did not use, not counted as unused:\n" +
			"\tdotdir/docs/usage.golden (not named after a test: it may be test input or documentation)\n"},
		{"bench", nil, true, "golden: 1 golden this run did not use, not counted as unused:\n" +
			"\tbench/testdata/BenchmarkB.golden (benchmarks did not run; to judge it: go test ./bench -run '^$' -bench .)\n"},
		{"bench", []string{"-test.bench", ".", "-test.benchtime", "1x"}, true, ""},
		{"constrained", nil, true, "golden: 3 goldens this run did not use, not counted as unused:\n" +
			"\tconstrained/testdata/TestGone.golden (not judged: c_integration_test.go, c_windows_test.go excluded by build constraints here)\n" +
			"\tconstrained/testdata/TestInt.golden (not judged: c_integration_test.go, c_windows_test.go excluded by build constraints here)\n" +
			"\tconstrained/testdata/TestWin.golden (not judged: c_integration_test.go, c_windows_test.go excluded by build constraints here)\n"},
	} {
		for _, update := range []string{"", "1"} {
			out, err := m.bin("bins", tt.pkg, []string{"UPDATE_GOLDEN=" + update}, tt.args...)
			_, report, _ := strings.Cut(out, "PASS\n")
			if (err == nil) != tt.ok || report != tt.want {
				t.Errorf("%s %q UPDATE_GOLDEN=%s: err %v, report:\n%s\nwant:\n%s", tt.pkg, tt.args, update, err, report, tt.want)
			}
		}
	}

	// A benchmark's missing golden fails with a command that runs the
	// benchmark.
	os.Remove(m.path("bench/testdata/BenchmarkB.golden"))
	out, err := m.bin("bins", "bench", nil, "-test.run", "^$", "-test.bench", ".", "-test.benchtime", "1x")
	expect(t, out, err, false, `golden: "bench/testdata/BenchmarkB.golden" does not exist.`, "UPDATE_GOLDEN=new go test ./bench -run '^$' -bench '^BenchmarkB$'\n")
	out, err = m.run(nil, "sh", "-c", "UPDATE_GOLDEN=new go test ./bench -run '^$' -bench '^BenchmarkB$' -benchtime 1x")
	expect(t, out, err, true)
	if got := m.content("bench/testdata/BenchmarkB.golden"); got != "bench\n" {
		t.Errorf("the printed command did not create the benchmark's golden: %q", got)
	}

	// Nothing was removed, in any run.
	after := snapshotFiles(t, m.dir)
	for p, content := range before {
		if strings.HasPrefix(p, "bins") || strings.HasPrefix(p, "uses/") || strings.HasPrefix(p, "ownflag/") {
			continue
		}
		if after[p] != content {
			t.Errorf("%s changed: %q, was %q", p, after[p], content)
		}
	}
}

// testTrees: in update mode, AssertDir refuses to write a golden tree
// that is the package directory or a testdata directory, and writes
// Assert's and AssertDir's default goldens side by side.
func testTrees(t *testing.T, m *goModule, all string) {
	for _, want := range []string{
		`golden: write tree "trees": refused: it is the package directory; a golden tree holds only goldens, and an update removes what the output does not have`,
		`golden: write tree "trees/testdata": refused: it is a testdata directory, a golden directory itself; a golden tree holds only goldens, and an update removes what the output does not have`,
		`golden: tree "trees/testdata/TestBoth.golden.d" does not exist.`,
	} {
		if !strings.Contains(all, want) {
			t.Errorf("go test ./... output lacks %q:\n%s", want, all)
		}
	}
	for name, want := range map[string]string{"trees/trees.go": "package trees\n", "trees/notes.md": "notes\n", "trees/testdata/input.txt": "test input\n"} {
		if got := m.content(name); got != want {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}
	out, err := m.bin("bins", "trees", []string{"BOTH=1"}, "-test.run", "^TestBoth$", "-test.v")
	expect(t, out, err, true, "golden: wrote +1 -0 trees/testdata/TestBoth.golden.d/ (new, 1 added)")
	if m.content("trees/testdata/TestBoth.golden") != "file\n" || m.content("trees/testdata/TestBoth.golden.d/out.txt") != "out\n" {
		t.Errorf("default goldens: %q, %q", m.content("trees/testdata/TestBoth.golden"), m.content("trees/testdata/TestBoth.golden.d/out.txt"))
	}
}
