package golden

import (
	"flag"
	"go/build"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/tmpkit/tmpkit/internal/goldenwrite"
)

func TestMain(m *testing.M) {
	Main(m)
}

// pkgWithGoldens lays out a package directory with used, unused and
// unrecognised files, and a registry that saw the used ones.
func pkgWithGoldens(t *testing.T) (string, *registry) {
	t.Helper()
	pkg := setup(t, map[string]string{
		"go.mod":                                "module m\n",
		"testdata/TestUsed.golden":              "used\n",
		"testdata/TestOld.golden":               "unused\n",
		"testdata/TestOld/sub.golden":           "unused\n",
		"testdata/TestOld/deeper/sub.golden":    "unused\n",
		"testdata/TestTree.golden.d/a/b.txt":    "in a used tree\n",
		"testdata/TestStale.golden.d/a/b.txt":   "in an unused tree\n",
		"testdata/TestKept/sub.golden":          "kept\n",
		"testdata/input.txt":                    "test input\n",
		"testdata/input.golden.txt":             "test input\n",
		"testdata/TestOld/notes.md":             "not a golden\n",
		"testdata/custom/TestCustom.golden":     "used via Dir\n",
		"other/TestElsewhere.golden":            "not in a golden dir\n",
		"testdata/TestUsedNamed/named.golden":   "used via Name\n",
		"testdata/inputs.golden/a.txt":          "a test input in a directory named like a golden\n",
		"testdata/inputs.golden/case.golden":    "maybe a golden, maybe input\n",
		"testdata/src/a/a.go":                   "package a\n",
		"testdata/src/a/a.go.golden":            "an analysistest golden: another package's\n",
		"testdata/.hidden/TestH.golden":         "hidden\n",
		"testdata/TestLegacy.golden/index.html": "a tree of the layout before .golden.d, or input\n",
	})
	os.Symlink("TestOld.golden", filepath.Join(pkg, "testdata", "link.golden"))
	reg := &registry{}
	use := func(dir, name string, tree bool) {
		c := &call{pkgDir: pkg}
		e, err := reg.acquire(c.locate(config{dir: dir, name: name, nameSet: true}), tree)
		if err != nil {
			t.Fatal(err)
		}
		e.lock.Unlock()
	}
	use("testdata", "TestUsed.golden", false)
	use("testdata", "TestTree.golden.d", true)
	use("testdata/custom", "TestCustom.golden", false)
	use("testdata", "TestUsedNamed/named.golden", false)
	use(t.TempDir(), "TestOutside.golden", false)
	reg.keep(filepath.Join(pkg, "testdata", "TestKept"))
	return pkg, reg
}

func flags(kv ...string) func(string) *flag.Flag {
	fs := flag.NewFlagSet("test", flag.ContinueOnError)
	for _, name := range []string{"test.run", "test.skip", "test.list", "test.fuzz", "test.bench"} {
		fs.String(name, "", "")
	}
	for _, name := range []string{"test.failfast", "test.short", "test.fuzzworker"} {
		fs.Bool(name, false, "")
	}
	for _, s := range kv {
		k, v, _ := strings.Cut(s, "=")
		if err := fs.Set(k, v); err != nil {
			panic(err)
		}
	}
	return fs.Lookup
}

func files(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && p != dir {
			out = append(out, rel(dir, p))
		}
		return nil
	})
	slices.Sort(out)
	return out
}

const unusedHint = "Delete them, or call golden.MarkUsed(t) in a test that skips before asserting. golden.Main removes nothing; " +
	"`golden unused --remove` removes what the go test -json logs of several runs leave unused.\n"

// TestUnusedReportedNeverRemoved: Main reports the unused goldens it is
// sure of and fails; it lists the goldens it cannot judge without failing;
// it removes nothing: it does not even read the update mode (failed
// before: update mode removed them).
func TestUnusedReportedNeverRemoved(t *testing.T) {
	t.Parallel()
	pkg, reg := pkgWithGoldens(t)
	before := files(t, pkg)
	want := `golden: 4 unused goldens that no assertion, Get or MarkUsed of this full run used:
	testdata/TestOld.golden
	testdata/TestOld/deeper/sub.golden
	testdata/TestOld/sub.golden
	testdata/TestStale.golden.d/
` + unusedHint + `golden: 1 golden this run did not use, not counted as unused:
	testdata/inputs.golden/case.golden (not named after a test: it may be test input or documentation)
`
	var out strings.Builder
	if code := reportUnused(&out, reg, pkg, flags(), packageInfo{}); code != 1 {
		t.Errorf("exit code %d, want 1", code)
	}
	if out.String() != want {
		t.Errorf("report:\n%s\nwant:\n%s", out.String(), want)
	}
	if after := files(t, pkg); !slices.Equal(before, after) {
		t.Errorf("the report changed files:\n%q\n%q", before, after)
	}
}

// TestUnusedNotJudgedAfterPartialRuns: only a full run can tell.
func TestUnusedNotJudgedAfterPartialRuns(t *testing.T) {
	if !fullRun(flags()) {
		t.Error("a run without flags is not full")
	}
	for _, f := range []string{"test.run=TestX", "test.skip=TestX", "test.failfast=true", "test.short=true",
		"test.list=.", "test.fuzz=FuzzX", "test.fuzzworker=true"} {
		if fullRun(flags(f)) {
			t.Errorf("-%s: a full run", f)
		}
	}
}

// TestUnusedDoubts: with a test file excluded by build constraints, no
// golden is counted; a benchmark's golden is counted only when the
// benchmarks ran, an example's only if it runs (failed before: all were
// reported, and removed in update mode).
func TestUnusedDoubts(t *testing.T) {
	t.Parallel()
	pkg := setup(t, map[string]string{
		"testdata/TestGone.golden":              "x\n",
		"testdata/BenchmarkB.golden":            "x\n",
		"testdata/ExampleQuiet.golden":          "x\n",
		"testdata/ExampleGone/sub.golden":       "x\n",
		"testdata/BenchmarkGone.golden.d/a.txt": "x\n",
	})
	reg := &registry{}
	info := packageInfo{benchmarks: []string{"BenchmarkB"}, examples: map[string]bool{"ExampleQuiet": false, "ExampleLoud": true}}
	var out strings.Builder
	if code := reportUnused(&out, reg, pkg, flags(), info); code != 1 {
		t.Errorf("exit code %d, want 1", code)
	}
	want := `golden: 2 unused goldens that no assertion, Get or MarkUsed of this full run used:
	testdata/ExampleGone/sub.golden
	testdata/TestGone.golden
` + unusedHint + `golden: 3 goldens this run did not use, not counted as unused:
	testdata/BenchmarkB.golden (benchmarks did not run; to judge it: go test . -run '^$' -bench .)
	testdata/BenchmarkGone.golden.d/ (benchmarks did not run; to judge it: go test . -run '^$' -bench .)
	testdata/ExampleQuiet.golden (ExampleQuiet has no output comment, so it does not run)
`
	if out.String() != want {
		t.Errorf("report:\n%s\nwant:\n%s", out.String(), want)
	}

	out.Reset()
	reportUnused(&out, reg, pkg, flags("test.bench=."), info)
	if !strings.Contains(out.String(), "\ttestdata/BenchmarkB.golden\n") || !strings.Contains(out.String(), "\ttestdata/BenchmarkGone.golden.d/\n") {
		t.Errorf("with -bench ., benchmark goldens are judged:\n%s", out.String())
	}

	out.Reset()
	info.excluded = []string{"a_windows_test.go", "b_test.go"}
	if code := reportUnused(&out, reg, pkg, flags("test.bench=."), info); code != 0 {
		t.Errorf("with excluded files: exit code %d, want 0", code)
	}
	const why = " (not judged: a_windows_test.go, b_test.go excluded by build constraints here)\n"
	want = "golden: 5 goldens this run did not use, not counted as unused:\n" +
		"\ttestdata/BenchmarkB.golden" + why + "\ttestdata/BenchmarkGone.golden.d/" + why +
		"\ttestdata/ExampleGone/sub.golden" + why + "\ttestdata/ExampleQuiet.golden" + why + "\ttestdata/TestGone.golden" + why
	if out.String() != want {
		t.Errorf("report:\n%s\nwant:\n%s", out.String(), want)
	}
}

// TestUnusedThroughSymlinkedDir: a golden used through a symlinked Dir is
// used, matched by its real path (failed before: it was unused, and
// removed in update mode).
func TestUnusedThroughSymlinkedDir(t *testing.T) {
	t.Parallel()
	pkg := setup(t, map[string]string{"testdata/real/TestS.golden": "s\n", "testdata/real/TestS.golden.d/a.txt": "a\n"})
	if err := os.Symlink(filepath.Join("testdata", "real"), filepath.Join(pkg, "golden")); err != nil {
		t.Skip("no symlinks:", err)
	}
	reg := &registry{}
	for _, tree := range []bool{false, true} {
		c := &call{pkgDir: pkg, test: "TestS"}
		loc := c.locate(config{dir: "golden"})
		if tree {
			loc = c.locateTree(config{dir: "golden"})
		}
		e, err := reg.acquire(loc, tree)
		if err != nil {
			t.Fatal(err)
		}
		e.lock.Unlock()
	}
	var out strings.Builder
	if code := reportUnused(&out, reg, pkg, flags(), packageInfo{}); code != 0 || out.Len() != 0 {
		t.Errorf("exit code %d, report:\n%s", code, out.String())
	}
}

// TestUnusedDirDot: with golden.Dir("."), the package directory is a golden
// directory: its subpackages' goldens are not its own, and a documentation
// file named *.golden is never counted (failed before: both were removed).
func TestUnusedDirDot(t *testing.T) {
	t.Parallel()
	pkg := setup(t, map[string]string{
		"pkg.go":                    "package pkg\n",
		"TestDot.golden":            "used\n",
		"TestDotOld.golden":         "unused\n",
		"sub/sub.go":                "package sub\n",
		"sub/testdata/TestS.golden": "another package's\n",
		"sub/TestS.golden":          "another package's\n",
		"docs/usage.golden":         "documentation\n",
	})
	reg := &registry{}
	c := &call{pkgDir: pkg, test: "TestDot"}
	e, _ := reg.acquire(c.locate(config{dir: "."}), false)
	e.lock.Unlock()
	var out strings.Builder
	if code := reportUnused(&out, reg, pkg, flags(), packageInfo{}); code != 1 {
		t.Errorf("exit code %d, want 1", code)
	}
	want := "golden: 1 unused golden that no assertion, Get or MarkUsed of this full run used:\n\tTestDotOld.golden\n" + unusedHint +
		"golden: 1 golden this run did not use, not counted as unused:\n" +
		"\tdocs/usage.golden (not named after a test: it may be test input or documentation)\n"
	if out.String() != want {
		t.Errorf("report:\n%s\nwant:\n%s", out.String(), want)
	}
}

// TestAnalysePackage reads which test files build here, the benchmarks and
// which examples run.
func TestAnalysePackage(t *testing.T) {
	t.Parallel()
	dir := setup(t, map[string]string{
		"a_test.go": `package p

import "testing"

func TestA(t *testing.T)            {}
func BenchmarkA(b *testing.B)       {}
func Benchmarkless(b *testing.B)    {}
func ExampleLoud()                  {
	// Output: x
}
func ExampleQuiet() {}
`,
		"b_windows_test.go":     "package p\n",
		"c_integration_test.go": "//go:build integration\n\npackage p\n",
		"d_test.go":             "package p\n\nfunc BenchmarkD(b *testing.B) {}\n",
		"e_test.go":             "package p\n\nfunc broken(\n",
		"p.go":                  "package p\n",
	})
	ctx := build.Default
	ctx.GOOS, ctx.GOARCH, ctx.BuildTags = "linux", "amd64", nil
	got := analysePackage(dir, ctx)
	want := packageInfo{
		excluded:   []string{"b_windows_test.go", "c_integration_test.go", "e_test.go"},
		benchmarks: []string{"BenchmarkA", "BenchmarkD"},
		examples:   map[string]bool{"ExampleLoud": true, "ExampleQuiet": false},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("analysePackage = %+v, want %+v", got, want)
	}
	ctx.BuildTags = []string{"integration"}
	if got := analysePackage(dir, ctx); !slices.Equal(got.excluded, []string{"b_windows_test.go", "e_test.go"}) {
		t.Errorf("with -tags integration: excluded %q", got.excluded)
	}
}

func TestPrintWritten(t *testing.T) {
	reg := &registry{}
	reg.wrote("pkg/testdata/TestB.golden", goldenwrite.Summary{Plus: 2, Minus: 1})
	reg.wrote("pkg/testdata/TestA.golden.d", goldenwrite.Summary{Tree: true, New: true, Plus: 1, Files: []goldenwrite.Summary{{New: true}}})
	reg.wrote("/tmp/elsewhere/TestC.golden", goldenwrite.Summary{Plus: 1})
	var out strings.Builder
	printWritten(&out, reg)
	want := "golden: this run wrote 2 goldens:\n\t+1 -0 pkg/testdata/TestA.golden.d/ (new, 1 added)\n\t+2 -1 pkg/testdata/TestB.golden\n"
	if out.String() != want {
		t.Errorf("summary:\n%s\nwant:\n%s", out.String(), want)
	}
	out.Reset()
	printWritten(&out, &registry{})
	if out.Len() != 0 {
		t.Errorf("nothing written: %q", out.String())
	}
}

// TestBuildContextReadsTheBinary: the build tags Main judges test files
// with are those this test binary was built with (here, -race's).
func TestBuildContextReadsTheBinary(t *testing.T) {
	ctx := buildContext()
	if ctx.GOOS != runtime.GOOS || ctx.GOARCH != runtime.GOARCH {
		t.Errorf("GOOS/GOARCH %s/%s", ctx.GOOS, ctx.GOARCH)
	}
	if slices.Contains(ctx.BuildTags, "race") != raceEnabled {
		t.Errorf("build tags %q; built with -race: %v", ctx.BuildTags, raceEnabled)
	}
}
