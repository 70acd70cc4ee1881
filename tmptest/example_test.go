package tmptest_test

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/tmpkit/tmpkit/internal/faketb"
	"github.com/tmpkit/tmpkit/tmptest"
)

// test runs body the way go test runs a test function called name: with
// a testing.TB whose cleanups run when body is done. A failure is printed;
// the log is dropped (kept paths hold random names). An Example function
// has no *testing.T of its own; in a real test, pass the t you are given.
func test(name string, body func(t testing.TB)) { faketb.Example{}.Run(name, body) }

// exists reports whether anything is at path.
func exists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}

// shape replaces the random part of a name with "<random>".
func shape(path string) string {
	return regexp.MustCompile(`[a-z2-7]{10}`).ReplaceAllString(filepath.Base(path), "<random>")
}

// A typical test hands a file to the code under test and forgets about it.
func Example() {
	test("TestLoadConfig", func(t testing.TB) {
		path := tmptest.WriteFile(t, "name: demo\n", tmptest.Suffix(".yaml"))
		data, err := os.ReadFile(path) // stands for config.Load(path)
		fmt.Printf("%q %v\n", data, err)
	})
	// Output:
	// "name: demo\n" <nil>
}

func ExampleDir() {
	var dir string
	test("TestBuild", func(t testing.TB) {
		dir = tmptest.Dir(t)
		info, _ := os.Stat(dir)
		fmt.Println(shape(dir), info.Mode())
		os.WriteFile(filepath.Join(dir, "out.txt"), []byte("built"), 0o644)
	})
	fmt.Println("after the test:", exists(dir))
	// Output:
	// TestBuild-<random> drwx------
	// after the test: false
}

func ExampleFile() {
	test("TestAppend", func(t testing.TB) {
		f := tmptest.File(t, tmptest.Suffix(".log"))
		fmt.Fprintln(f, "first line")
		data := tmptest.ReadBack(t, f)
		info, _ := f.Stat()
		fmt.Printf("%s %v %q\n", shape(f.Name()), info.Mode(), data)
	})
	// Output:
	// TestAppend-<random>.log -rw------- "first line\n"
}

func ExampleWriteFile() {
	test("TestParse", func(t testing.TB) {
		text := tmptest.WriteFile(t, "a,b\n1,2\n", tmptest.Suffix(".csv"))
		binary := tmptest.WriteFile(t, []byte{0xff, 0x00})
		a, _ := os.ReadFile(text)
		b, _ := os.ReadFile(binary)
		fmt.Printf("%s %q\n%s %q\n", shape(text), a, shape(binary), b)
	})
	// Output:
	// TestParse-<random>.csv "a,b\n1,2\n"
	// TestParse-<random> "\xff\x00"
}

func ExampleUnnamed() {
	test("TestScratch", func(t testing.TB) {
		dir := tmptest.Dir(t)
		f := tmptest.Unnamed(t, tmptest.In(dir))
		f.WriteString("scratch data")
		f.Seek(0, io.SeekStart)
		data, _ := io.ReadAll(f)
		entries, _ := os.ReadDir(dir)
		fmt.Printf("%q, entries in the directory: %d\n", data, len(entries))
	})
	// Output:
	// "scratch data", entries in the directory: 0
}

func ExamplePath() {
	test("TestServer", func(t testing.TB) {
		sock := tmptest.Path(t, tmptest.Suffix(".sock"))
		fmt.Println(filepath.Base(sock), exists(sock), len(sock) < 100)
	})
	// Output:
	// tmp.sock false true
}

func ExampleBaseDir() {
	base := tmptest.BaseDir() // $TMPTEST_DIR, else $GOTMPDIR, else os.TempDir()
	test("TestBase", func(t testing.TB) {
		fmt.Println(filepath.Dir(tmptest.Dir(t)) == filepath.Clean(base))
	})
	// Output:
	// true
}

func ExamplePrefix() {
	test("TestNames", func(t testing.TB) {
		fmt.Println(shape(tmptest.Dir(t, tmptest.Prefix("cache-"))))
		tmptest.Dir(t, tmptest.Prefix("../escape"))
	})
	// Output:
	// cache-TestNames-<random>
	// tmptest: Prefix("../escape"): a name part cannot hold "/", "\", ".." or NUL; choose the directory with In
}

func ExampleSuffix() {
	test("TestNames", func(t testing.TB) {
		fmt.Println(shape(tmptest.WriteFile(t, "{}", tmptest.Suffix(".json"))))
	})
	// Output:
	// TestNames-<random>.json
}

func ExampleIn() {
	test("TestProject", func(t testing.TB) {
		project := tmptest.Dir(t)
		src := tmptest.Dir(t, tmptest.In(project), tmptest.Prefix("src-"))
		fmt.Println(filepath.Dir(src) == project)
		tmptest.File(t, tmptest.In("/no/such/dir"))
	})
	// Output:
	// true
	// tmptest: In("/no/such/dir"): no such directory; create it first, or leave out In to use BaseDir()
}

func ExamplePerm() {
	test("TestModes", func(t testing.TB) {
		script := tmptest.WriteFile(t, "#!/bin/sh\necho hi\n", tmptest.Perm(0o755))
		shared := tmptest.Dir(t, tmptest.Perm(0o750))
		a, _ := os.Stat(script)
		b, _ := os.Stat(shared)
		fmt.Println(a.Mode(), b.Mode())
	})
	// Output:
	// -rwxr-xr-x drwxr-x---
}

func ExampleKeep() {
	var dir string
	test("TestDebug", func(t testing.TB) {
		dir = tmptest.Dir(t, tmptest.Keep())
		os.WriteFile(filepath.Join(dir, "state.json"), []byte("{}"), 0o600)
		// At cleanup, t.Log reports: tmptest: kept /tmp/TestDebug-<random> (Keep())
	})
	fmt.Println("after the test:", exists(filepath.Join(dir, "state.json")))
	os.RemoveAll(dir) // kept things are yours to remove
	// Output:
	// after the test: true
}

func ExampleMake() {
	// A toy file system: a set of directory names.
	fsys := map[string]bool{}
	mkdir := func(path string, perm os.FileMode) error {
		if fsys[path] {
			return os.ErrExist // Make tries another name
		}
		fsys[path] = true
		return nil
	}
	remove := func(path string) error { delete(fsys, path); return nil }

	test("TestToy", func(t testing.TB) {
		dir := tmptest.Make(t, 0o700, mkdir, remove, tmptest.In("/virtual"), tmptest.Suffix(".d"))
		fmt.Println(strings.HasPrefix(dir, filepath.FromSlash("/virtual/")), shape(dir), len(fsys))
	})
	fmt.Println("after the test:", len(fsys))
	// Output:
	// true TestToy-<random>.d 1
	// after the test: 0
}

// Created lists the temporary paths of a test, for scrubbing them from
// output that would otherwise differ at every run.
func ExampleCreated() {
	test("TestReport", func(t testing.TB) {
		out := tmptest.Dir(t)
		sock := tmptest.Path(t, tmptest.Suffix(".sock"))
		report := "wrote " + filepath.Join(out, "report.txt") + ", served on " + sock // the code under test's output

		for i, path := range tmptest.Created(t) {
			report = strings.ReplaceAll(report, path, fmt.Sprintf("$TMP%d", i+1))
		}
		fmt.Println(report)
	})
	// Output:
	// wrote $TMP1/report.txt, served on $TMP2
}

func ExampleReadBack() {
	test("TestLog", func(t testing.TB) {
		f := tmptest.File(t)
		fmt.Fprintln(f, "started") // stands for the code under test writing to f
		fmt.Printf("%q\n", tmptest.ReadBack(t, f))
		fmt.Fprintln(f, "stopped") // the offset did not move: writing goes on at the end
		fmt.Printf("%q\n", tmptest.ReadBack(t, f))
	})
	// Output:
	// "started\n"
	// "started\nstopped\n"
}

// Options are values: build a set once and pass it to every helper.
func ExampleOption() {
	test("TestCache", func(t testing.TB) {
		cache := []tmptest.Option{tmptest.Prefix("cache-"), tmptest.Perm(0o750)}
		dir := tmptest.Dir(t, cache...)
		info, _ := os.Stat(dir)
		fmt.Println(shape(dir), info.Mode())

		var none tmptest.Option // the zero Option does nothing
		fmt.Println(shape(tmptest.Dir(t, none)))
	})
	// Output:
	// cache-TestCache-<random> drwxr-x---
	// TestCache-<random>
}
