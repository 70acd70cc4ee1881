package review_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/tmpkit/tmpkit/internal/pending"
	"github.com/tmpkit/tmpkit/internal/review"
)

// exampleModule makes a module example.com/m whose golden
// pkg/testdata/TestGreet.golden holds "hello\n", and the record of a test
// run whose output was "hello, world\n".
func exampleModule() (pending.Module, pending.Record) {
	root, _ := os.MkdirTemp("", "review-example")
	root, _ = filepath.EvalSymlinks(root)
	os.WriteFile(filepath.Join(root, "go.mod"), []byte("module example.com/m\n\ngo 1.26\n"), 0o644)
	os.MkdirAll(filepath.Join(root, "pkg", "testdata"), 0o755)
	os.WriteFile(filepath.Join(root, "pkg", "pkg.go"), []byte("package pkg\n"), 0o644)
	os.WriteFile(filepath.Join(root, "pkg", "testdata", "TestGreet.golden"), []byte("hello\n"), 0o644)
	mod := pending.Module{Root: root, Path: "example.com/m"}
	src := pending.Source{PackageDir: filepath.Join(root, "pkg"), Golden: "testdata/TestGreet.golden", Test: "TestGreet"}
	r, _ := pending.NewFile(src, []byte("hello\n"), true, []byte("hello, world\n"))
	return mod, r
}

func ExampleLoad() {
	mod, r := exampleModule()
	defer os.RemoveAll(mod.Root)
	_, qs, refused := review.Load(mod, []pending.Record{r})
	fmt.Println(len(qs), "question,", len(refused), "refused:", qs[0].Path)
	// Output: 1 question, 0 refused: pkg/testdata/TestGreet.golden
}

func ExampleDescribe() {
	mod, r := exampleModule()
	defer os.RemoveAll(mod.Root)
	_, qs, _ := review.Load(mod, []pending.Record{r})
	fmt.Print(review.Describe(qs[0]))
	// Output:
	// golden: "pkg/testdata/TestGreet.golden" differs from the output (-want +got):
	// --- pkg/testdata/TestGreet.golden
	// +++ got
	// @@ -1 +1 @@
	// -hello
	// +hello, world
}

func ExampleChange() {
	mod, r := exampleModule()
	defer os.RemoveAll(mod.Root)
	_, qs, _ := review.Load(mod, []pending.Record{r})
	fmt.Println(review.Change(qs[0]))
	// Output: changed
}

func ExampleRefusal_Error() {
	mod, r := exampleModule()
	defer os.RemoveAll(mod.Root)
	os.WriteFile(mod.Abs(r.Path), []byte("edited since\n"), 0o644)
	_, _, refused := review.Load(mod, []pending.Record{r})
	fmt.Println(refused[0].Error())
	// Output: refused pkg/testdata/TestGreet.golden: it has changed since TestGreet (example.com/m/pkg) recorded its output; nothing of it is written; run the test again
}

func ExampleAsker_Ask() {
	mod, r := exampleModule()
	defer os.RemoveAll(mod.Root)
	_, qs, _ := review.Load(mod, []pending.Record{r})
	a := review.Asker{Out: os.Stdout, Err: os.Stdout, Answers: review.Lines(strings.NewReader("skip\n"))}
	answers, _, _ := a.Ask(qs)
	fmt.Println(review.Count(answers))
	// Output:
	// [1/1] TestGreet (example.com/m/pkg)
	// golden: "pkg/testdata/TestGreet.golden" differs from the output (-want +got):
	// --- pkg/testdata/TestGreet.golden
	// +++ got
	// @@ -1 +1 @@
	// -hello
	// +hello, world
	// accept, reject, skip or quit? [a/r/s/q] skip
	// 0 accepted, 0 rejected, 1 skipped
}

func ExampleLines() {
	answers := review.Lines(strings.NewReader("a\nREJECT\nmaybe\n"))
	for range 4 {
		a, err := answers.Next()
		fmt.Printf("%q %v\n", a, err)
	}
	// Output:
	// 'a' <nil>
	// 'r' <nil>
	// '\x00' answer a (accept), r (reject), s (skip) or q (quit)
	// 'q' <nil>
}

func ExampleKeys() {
	// Each read is one key press on a terminal in raw mode.
	answers := review.Keys(strings.NewReader("s"), nil)
	a, _ := answers.Next()
	fmt.Printf("%q\n", a)
	// Output: 's'
}

func ExampleCount() {
	fmt.Println(review.Count([]review.Answer{review.Accept, review.Accept, review.Reject, review.Skip, review.Skip}))
	// Output: 2 accepted, 1 rejected, 2 skipped
}

func ExampleCounts_String() {
	fmt.Println(review.Counts{Accepted: 1}.String())
	// Output: 1 accepted, 0 rejected, 0 skipped
}

func ExampleWrite() {
	mod, r := exampleModule()
	defer os.RemoveAll(mod.Root)
	goldens, qs, _ := review.Load(mod, []pending.Record{r})
	review.Write(review.UpdateWriter{Module: mod}, os.Stdout, goldens, qs, []review.Answer{review.Accept})
	b, _ := os.ReadFile(mod.Abs(r.Path))
	fmt.Printf("%q\n", b)
	// Output:
	// +1 -1 pkg/testdata/TestGreet.golden
	// "hello, world\n"
}

func ExampleUpdateWriter_WriteFile() {
	mod, r := exampleModule()
	defer os.RemoveAll(mod.Root)
	goldens, _, _ := review.Load(mod, []pending.Record{r})
	line, err := review.UpdateWriter{Module: mod, DryRun: true}.WriteFile(goldens[0], []byte(""))
	fmt.Printf("%q\n%v\n", line, err)
	// Output:
	// ""
	// refused to empty "pkg/testdata/TestGreet.golden", which holds 1 line: an empty output is the classic way a bulk update erases goldens
}

func ExampleUpdateWriter_WriteTree() {
	mod, _ := exampleModule()
	defer os.RemoveAll(mod.Root)
	src := pending.Source{PackageDir: mod.Abs("pkg"), Golden: "testdata/TestSite.golden.d", Test: "TestSite"}
	r, _ := pending.NewTree(src, nil, false, []pending.Entry{{Name: "index.html", Content: []byte("<p>hi</p>\n")}})
	goldens, _, _ := review.Load(mod, []pending.Record{r})
	line, _ := review.UpdateWriter{Module: mod}.WriteTree(goldens[0], r.Files)
	fmt.Println(line)
	// Output:
	// +1 -0 pkg/testdata/TestSite.golden.d/ (new, 1 added)
	// 	+1 -0 index.html (new)
}

func ExampleApply() {
	mod, r := exampleModule()
	defer os.RemoveAll(mod.Root)
	records, _ := os.MkdirTemp("", "records")
	defer os.RemoveAll(records)
	pending.Write(records, r)
	code := review.Apply(review.Applying{Records: records, ModuleDir: mod.Root, DryRun: true, Out: os.Stdout, Err: os.Stdout})
	fmt.Println("exit", code)
	// Output:
	// +1 -1 pkg/testdata/TestGreet.golden
	// golden apply: dry run, nothing written
	// exit 0
}

func ExampleUnused() {
	mod, _ := exampleModule()
	defer os.RemoveAll(mod.Root)
	log := filepath.Join(mod.Root, "test.log")
	os.WriteFile(log, []byte(`{"Action":"start","Package":"example.com/m/pkg"}
{"Action":"attr","Package":"example.com/m/pkg","Test":"TestOther","Key":"golden-run","Value":"full"}
{"Action":"attr","Package":"example.com/m/pkg","Test":"TestOther","Key":"golden","Value":"file pkg/testdata/TestOther.golden"}
{"Action":"attr","Package":"example.com/m/pkg","Test":"TestOther","Key":"golden-dir","Value":"pkg/testdata"}
{"Action":"pass","Package":"example.com/m/pkg","Test":"TestOther"}
{"Action":"pass","Package":"example.com/m/pkg"}
`), 0o644)
	code := review.Unused(review.Pruning{Logs: []string{log}, ModuleDir: mod.Root, Out: os.Stdout, Err: os.Stdout})
	fmt.Println("exit", code)
	// Output:
	// golden unused: 1 golden no test of the 1 log used (golden unused --remove removes them):
	// pkg/testdata/TestGreet.golden
	// exit 1
}

func ExampleReview() {
	mod, _ := exampleModule() // pkg has no test files: nothing differs
	defer os.RemoveAll(mod.Root)
	code := review.Review(context.Background(), review.Session{
		Test:  review.GoTest{Dir: mod.Root, Env: append(os.Environ(), "GOFLAGS=", "GOWORK=off")},
		Asker: review.Asker{Out: os.Stdout, Err: os.Stdout, Answers: review.Lines(strings.NewReader(""))},
	})
	fmt.Println("exit", code)
	// Output:
	// no golden differs from its test's output
	// exit 0
}

func ExampleGoTest_Run() {
	mod, _ := exampleModule()
	defer os.RemoveAll(mod.Root)
	os.WriteFile(mod.Abs("pkg/pkg_test.go"), []byte("package pkg\n\nfunc TestBroken(t *testing.T) {}\n"), 0o644)
	dir, _ := os.MkdirTemp("", "pending")
	defer os.RemoveAll(dir)
	res := review.GoTest{Dir: mod.Root, Env: append(os.Environ(), "GOFLAGS=", "GOWORK=off")}.Run(context.Background(), dir)
	fmt.Println(res.BuildFailed)
	// Output: [example.com/m/pkg [example.com/m/pkg.test]]
}
