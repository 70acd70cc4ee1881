package goldenwrite_test

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/tmpkit/tmpkit/internal/goldenwrite"
)

// tempDir stands in for the package directory of a test.
func tempDir() string {
	dir, err := os.MkdirTemp("", "goldenwrite-example")
	if err != nil {
		panic(err)
	}
	return dir
}

func ExampleWriteFile() {
	pkg := tempDir()
	defer os.RemoveAll(pkg)
	testdata := filepath.Join(pkg, "testdata")
	o := goldenwrite.Options{Label: "testdata/TestRender.golden"}

	sum, _ := goldenwrite.WriteFile(testdata, "TestRender.golden", []byte("a\nb\n"), o)
	fmt.Println(sum)
	sum, _ = goldenwrite.WriteFile(testdata, "TestRender.golden", []byte("a\nB\nc\n"), o)
	fmt.Println(sum)
	sum, _ = goldenwrite.WriteFile(testdata, "TestRender.golden", []byte("a\nB\nc\n"), o)
	fmt.Println(sum.Changed())
	_, err := goldenwrite.WriteFile(testdata, "TestRender.golden", nil, o)
	fmt.Println(err)
	// Output:
	// +2 -0 testdata/TestRender.golden (new)
	// +2 -1 testdata/TestRender.golden
	// false
	// refused to empty "testdata/TestRender.golden", which holds 3 lines: an empty output is the classic way a bulk update erases goldens
}

func ExampleWriteTree() {
	pkg := tempDir()
	defer os.RemoveAll(pkg)
	o := goldenwrite.Options{Label: "testdata/TestSite.golden.d", PackageDir: pkg}
	testdata := filepath.Join(pkg, "testdata")

	goldenwrite.WriteTree(testdata, "TestSite.golden.d", []goldenwrite.File{
		{Name: "index.html", Content: []byte("<h1>Home</h1>\n")},
		{Name: "old.html", Content: []byte("old\n")},
	}, o)
	sum, err := goldenwrite.WriteTree(testdata, "TestSite.golden.d", []goldenwrite.File{
		{Name: "index.html", Content: []byte("<h1>Home</h1>\n<p>new</p>\n")},
		{Name: "blog/first.html", Content: []byte("<h1>First</h1>\n")},
		{Name: "run.sh", Exec: true, Content: []byte("#!/bin/sh\n")},
	}, o)
	if err != nil {
		fmt.Println(err)
	}
	fmt.Println(sum)
	for _, f := range sum.Files {
		fmt.Println("\t" + f.String())
	}

	// A golden tree pointed at the package by mistake is refused.
	_, err = goldenwrite.WriteTree(filepath.Dir(pkg), filepath.Base(pkg), nil, goldenwrite.Options{Label: "..", PackageDir: pkg})
	fmt.Println(err)
	// Output:
	// +3 -1 testdata/TestSite.golden.d/ (2 added, 1 removed, 1 changed)
	//	+1 -0 blog/first.html (new)
	//	+1 -0 index.html
	//	+0 -1 old.html (removed)
	//	+1 -0 run.sh (new)
	// write tree "..": refused: it is the package directory; a golden tree holds only goldens, and an update removes what the output does not have
}

func ExampleReadFile() {
	dir := tempDir()
	defer os.RemoveAll(dir)
	os.WriteFile(filepath.Join(dir, "TestX.golden"), []byte("a\r\nb\r\n"), 0o644)

	b, err := goldenwrite.ReadFile(dir, "TestX.golden", goldenwrite.Options{})
	fmt.Printf("%q %v\n", b, err)
	_, err = goldenwrite.ReadFile("/dev", "zero", goldenwrite.Options{Label: "/dev/zero"})
	fmt.Println(err)
	_, err = goldenwrite.ReadFile(dir, "TestY.golden", goldenwrite.Options{Label: "testdata/TestY.golden"})
	fmt.Println(errors.Is(err, fs.ErrNotExist))
	// Output:
	// "a\r\nb\r\n" <nil>
	// "/dev/zero" is a character device, not a regular file
	// true
}

func ExampleReadTree() {
	dir := tempDir()
	defer os.RemoveAll(dir)
	os.MkdirAll(filepath.Join(dir, "T.golden.d", "blog"), 0o755)
	os.WriteFile(filepath.Join(dir, "T.golden.d", "blog", "first.html"), []byte("first\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "T.golden.d", "run.sh"), []byte("#!/bin/sh\n"), 0o755)

	files, _ := goldenwrite.ReadTree(dir, "T.golden.d", goldenwrite.Options{})
	for _, f := range files {
		fmt.Printf("%s exec=%v %q\n", f.Name, f.Exec, f.Content)
	}
	// Output:
	// blog/first.html exec=false "first\n"
	// run.sh exec=true "#!/bin/sh\n"
}

func ExampleMatches() {
	fmt.Println(goldenwrite.Matches([]byte("a\r\nb\r\n"), []byte("a\nb\n"))) // a CRLF checkout
	fmt.Println(goldenwrite.Matches([]byte("a\nb\n"), []byte("a\r\nb\r\n"))) // output printing CRLF
	// Output:
	// true
	// false
}

func ExampleFold() {
	fmt.Printf("%q\n", goldenwrite.Fold([]byte("a\r\nb\r\n")))
	fmt.Printf("%q\n", goldenwrite.Fold([]byte("\x00\r\n"))) // binary: as it is
	// Output:
	// "a\nb\n"
	// "\x00\r\n"
}

func ExampleTypeName() {
	fmt.Println(goldenwrite.TypeName(fs.ModeNamedPipe))
	fmt.Println(goldenwrite.TypeName(fs.ModeDevice | fs.ModeCharDevice))
	// Output:
	// named pipe (FIFO)
	// character device
}

func ExampleSummary_String() {
	fmt.Println(goldenwrite.Summary{Path: "testdata/TestX.golden", Plus: 3, Minus: 1})
	fmt.Println(goldenwrite.Summary{Path: "testdata/TestLogo.golden", Binary: true, Plus: 16, Minus: 16})
	fmt.Println(goldenwrite.Summary{Path: "testdata/TestSite.golden.d", Tree: true, Plus: 1, Files: []goldenwrite.Summary{
		{Path: "a.html", New: true, Plus: 1}, {Path: "b.html", Gone: true},
	}})
	// Output:
	// +3 -1 testdata/TestX.golden
	// +16 -16 bytes testdata/TestLogo.golden
	// +1 -0 testdata/TestSite.golden.d/ (1 added, 1 removed)
}

func ExampleSummary_Changed() {
	fmt.Println(goldenwrite.Summary{Path: "testdata/TestX.golden"}.Changed())
	fmt.Println(goldenwrite.Summary{Path: "testdata/TestX.golden", New: true}.Changed())
	// Output:
	// false
	// true
}

func ExampleEmptyError_Is() {
	err := error(&goldenwrite.EmptyError{Label: "testdata/TestX.golden", Old: "3 lines"})
	fmt.Println(errors.Is(err, goldenwrite.ErrEmpty))
	// Output:
	// true
}

func ExampleEmptyError_Error() {
	fmt.Println(&goldenwrite.EmptyError{Label: "testdata/TestX.golden", Old: "3 lines"})
	// Output:
	// refused to empty "testdata/TestX.golden", which holds 3 lines: an empty output is the classic way a bulk update erases goldens
}

func ExampleGuardError_Error() {
	fmt.Println(&goldenwrite.GuardError{Label: "testdata/TestX.golden.d", Reason: `it holds ".git", a repository`})
	// Output:
	// write tree "testdata/TestX.golden.d": refused: it holds ".git", a repository; a golden tree holds only goldens, and an update removes what the output does not have
}

func ExampleNotRegularError_Error() {
	fmt.Println(&goldenwrite.NotRegularError{Label: "testdata/TestX.golden", Mode: fs.ModeNamedPipe})
	// Output:
	// "testdata/TestX.golden" is a named pipe (FIFO), not a regular file
}

func ExampleNotDirError_Error() {
	fmt.Println(&goldenwrite.NotDirError{Label: "testdata/TestX.golden.d", Mode: 0o644})
	// Output:
	// "testdata/TestX.golden.d" is a regular file, not a directory; a golden tree is a directory of files
}

func ExampleRealPath() {
	dir := tempDir()
	defer os.RemoveAll(dir)
	os.Mkdir(filepath.Join(dir, "real"), 0o755)
	os.Symlink("real", filepath.Join(dir, "link"))

	a := goldenwrite.RealPath(filepath.Join(dir, "link", "TestX.golden"))
	b := goldenwrite.RealPath(filepath.Join(dir, "real", "TestX.golden"))
	fmt.Println(a == b, filepath.Base(filepath.Dir(a)))
	// Output:
	// true real
}
