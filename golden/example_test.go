package golden_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/tmpkit/tmpkit/golden"
)

// exampleT stands in for the *testing.T of a test function, which an
// example does not have: it is named like the test, prints the first line
// of a failure (Fatalf or Errorf) and what the test would log, and makes
// numbered temp directories as t.TempDir does.
type exampleT struct {
	testing.TB
	name string
	tmp  string
	n    int
}

func newT(name string) *exampleT {
	tmp, err := os.MkdirTemp(os.Getenv("GOTMPDIR"), name) // as the testing package names it
	if err != nil {
		panic(err)
	}
	return &exampleT{name: name, tmp: tmp}
}

func (t *exampleT) Name() string               { return t.name }
func (t *exampleT) Helper()                    {}
func (t *exampleT) Log(args ...any)            { fmt.Println(args...) }
func (t *exampleT) Logf(f string, args ...any) { fmt.Printf(f+"\n", args...) }
func (t *exampleT) Fatalf(f string, args ...any) {
	first, _, _ := strings.Cut(fmt.Sprintf(f, args...), "\n")
	fmt.Println("FAIL:", first)
}
func (t *exampleT) Errorf(f string, args ...any) { t.Fatalf(f, args...) }
func (t *exampleT) Attr(key, value string)       {}
func (t *exampleT) TempDir() string {
	t.n++
	dir := filepath.Join(t.tmp, fmt.Sprintf("%03d", t.n))
	if err := os.Mkdir(dir, 0o700); err != nil {
		panic(err)
	}
	return dir
}
func (t *exampleT) ArtifactDir() string { return t.TempDir() }
func (t *exampleT) done()               { os.RemoveAll(t.tmp) }

func greet(name string) string { return "Hello, " + name + "!\n" }

func ExampleAssert() {
	// In a test: func TestGreeting(t *testing.T) { ... }
	t := newT("TestGreeting")
	defer t.done()

	golden.Assert(t, greet("world")) // compares with testdata/TestGreeting.golden
	fmt.Printf("%q\n", golden.Get(t))
	// Output:
	// "Hello, world!\n"
}

func ExampleAssertJSON() {
	t := newT("TestConfig")
	defer t.done()

	config := map[string]any{"name": "app", "ports": []int{80, 443}, "debug": false}
	golden.AssertJSON(t, config)
	fmt.Print(string(golden.Get(t))) // what testdata/TestConfig.golden holds
	// Output:
	// {
	//   "debug": false,
	//   "name": "app",
	//   "ports": [
	//     80,
	//     443
	//   ]
	// }
}

func ExampleAssertDir() {
	t := newT("TestSite")
	defer t.done()

	out := t.TempDir() // where the code under test writes a site
	os.MkdirAll(filepath.Join(out, "blog"), 0o755)
	os.WriteFile(filepath.Join(out, "index.html"), []byte("<h1>Home</h1>\n"), 0o644)
	os.WriteFile(filepath.Join(out, "blog", "first.html"), []byte("<h1>First</h1>\n"), 0o644)

	golden.AssertDir(t, os.DirFS(out)) // compares with the tree testdata/TestSite.golden.d/
	filepath.WalkDir("testdata/TestSite.golden.d", func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			fmt.Println(filepath.ToSlash(p))
		}
		return err
	})
	// Output:
	// testdata/TestSite.golden.d/blog/first.html
	// testdata/TestSite.golden.d/index.html
}

func ExampleGet() {
	t := newT("TestParse")
	defer t.done()

	input := golden.Get(t, golden.Name("TestParse/input.golden")) // a golden as test input
	fmt.Printf("%q\n", input)
	// Output:
	// "key = value\n"
}

func ExampleName() {
	t := newT("TestTranslate")
	defer t.done()

	golden.Assert(t, "Bonjour\n", golden.Name("greetings/fr.txt")) // testdata/greetings/fr.txt
	golden.Assert(t, "Hello\n", golden.Name("../en.txt"))
	// Output:
	// FAIL: golden: Name("../en.txt"): not a relative slash-separated path inside the golden directory (no leading or trailing "/", no empty, "." or ".." element)
}

func ExampleDir() {
	t := newT("TestDirOption")
	defer t.done()

	golden.Assert(t, "kept apart\n", golden.Dir("testdata/golden")) // testdata/golden/TestDirOption.golden
	fmt.Printf("%q\n", golden.Get(t, golden.Dir("testdata/golden")))
	// Output:
	// "kept apart\n"
}

func ExampleExact() {
	t := newT("TestLineEndings")
	defer t.done()

	// The golden holds "a\r\nb\r\n", as a Windows checkout may leave a
	// golden written as "a\nb\n". Its line endings, read as LF, match the
	// output; the output's own are never folded.
	golden.Assert(t, "a\nb\n")
	// Exact compares bytes: only "a\r\nb\r\n" matches.
	golden.Assert(t, "a\nb\n", golden.Exact())
	fmt.Printf("%q\n", golden.Get(t))
	fmt.Printf("%q\n", golden.Get(t, golden.Exact()))
	// Output:
	// FAIL: golden: "golden/testdata/TestLineEndings.golden" differs from the output (-want +got):
	// "a\nb\n"
	// "a\r\nb\r\n"
}

func ExampleScrub() {
	t := newT("TestVersion")
	defer t.done()

	version := "v1.4.2"
	golden.Assert(t, "tool "+version+"\n", golden.Scrub(version, "$VERSION"))
	fmt.Printf("%q\n", golden.Get(t))
	// Output:
	// "tool $VERSION\n"
}

func ExampleScrubRegexp() {
	t := newT("TestLog")
	defer t.done()

	log := "12:04:05 started\n12:04:07 done in 2.003s\n"
	golden.Assert(t, log,
		golden.ScrubRegexp(regexp.MustCompile(`\d\d:\d\d:\d\d`), "HH:MM:SS"),
		golden.ScrubRegexp(regexp.MustCompile(`in [\d.]+s`), "in Ns"))
	fmt.Print(string(golden.Get(t)))
	// Output:
	// HH:MM:SS started
	// HH:MM:SS done in Ns
}

func ExampleScrubPath() {
	t := newT("TestPaths")
	defer t.done()

	out := t.TempDir()
	msg := fmt.Sprintf("wrote %s\n", filepath.ToSlash(filepath.Join(out, "report.txt")))
	golden.Assert(t, msg, golden.ScrubPath(out, "$OUT"))
	fmt.Printf("%q\n", golden.Get(t))
	// Output:
	// "wrote $OUT/report.txt\n"
}

func ExampleScrubTempDirs() {
	t := newT("TestTempDirs")
	defer t.done()

	config := filepath.Join(t.TempDir(), "config.yaml")
	msg := fmt.Sprintf("no config at %s\n", filepath.ToSlash(config))
	golden.Assert(t, msg, golden.ScrubTempDirs())
	fmt.Printf("%q\n", golden.Get(t))
	// Output:
	// "no config at $TESTTMP/001/config.yaml\n"
}

func ExampleMarkUsed() {
	t := newT("TestWindowsOnly")
	defer t.done()

	// A test that skips on this platform keeps golden.Main from reporting
	// its goldens as unused.
	golden.MarkUsed(t)
	fmt.Println("skipped; testdata/TestWindowsOnly.golden kept")
	// Output:
	// skipped; testdata/TestWindowsOnly.golden kept
}

// ExampleMain shows a TestMain that reports what updates wrote and, after
// a full, passing run, the goldens no test used.
func ExampleMain() {
	_ = func(m *testing.M) { // func TestMain(m *testing.M)
		golden.Main(m)
	}
}

// ExampleRun shows a TestMain with work after the tests.
func ExampleRun() {
	_ = func(m *testing.M) { // func TestMain(m *testing.M)
		code := golden.Run(m)
		// ... tear down what the tests shared ...
		os.Exit(code)
	}
}
