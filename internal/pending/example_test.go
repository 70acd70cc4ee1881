package pending_test

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/tmpkit/tmpkit/internal/goldenwrite"
	"github.com/tmpkit/tmpkit/internal/pending"
)

// tempModule makes a module example.com/m with a package dir "pkg" and
// returns its root.
func tempModule() string {
	root, _ := os.MkdirTemp("", "pending-example")
	root, _ = filepath.EvalSymlinks(root)
	os.WriteFile(filepath.Join(root, "go.mod"), []byte("module example.com/m\n"), 0o644)
	os.MkdirAll(filepath.Join(root, "pkg", "testdata"), 0o755)
	return root
}

// A golden assertion records what it saw; the review command finds it.
func Example() {
	root := tempModule()
	defer os.RemoveAll(root)
	dir := filepath.Join(root, "pending") // GOLDEN_PENDING
	os.Mkdir(dir, 0o755)

	src := pending.Source{PackageDir: filepath.Join(root, "pkg"), Golden: "testdata/TestX.golden", Test: "TestX"}
	r, err := pending.NewFile(src, []byte("old\n"), true, []byte("new\n"))
	if err != nil {
		fmt.Println(err)
		return
	}
	if err := pending.Write(dir, r); err != nil {
		fmt.Println(err)
		return
	}

	records, err := pending.Find(root)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range records {
		fmt.Printf("%s %s of %s in %s: %q\n", r.Kind, r.Path, r.Test, r.Package, r.Content)
	}
	// Output: file pkg/testdata/TestX.golden of TestX in example.com/m/pkg: "new\n"
}

func ExampleNewTree() {
	root := tempModule()
	defer os.RemoveAll(root)
	src := pending.Source{PackageDir: filepath.Join(root, "pkg"), Golden: "testdata/TestSite.golden", Test: "TestSite"}
	want := []pending.Entry{{Name: "index.html", Content: []byte("<p>old</p>\n")}, {Name: "old.css", Content: []byte("")}}
	got := []pending.Entry{{Name: "index.html", Content: []byte("<p>new</p>\n")}, {Name: "run.sh", Content: []byte("#!/bin/sh\n"), Exec: true}}
	r, _ := pending.NewTree(src, want, true, got)
	for _, e := range r.Files {
		fmt.Printf("%s removed=%v exec=%v\n", r.Golden(e), e.Removed, e.Exec)
	}
	// Output:
	// pkg/testdata/TestSite.golden/index.html removed=false exec=false
	// pkg/testdata/TestSite.golden/old.css removed=true exec=false
	// pkg/testdata/TestSite.golden/run.sh removed=false exec=true
}

func ExampleChanges() {
	want := []pending.Entry{{Name: "a", Content: []byte("1\r\n")}, {Name: "b", Content: []byte("2")}}
	got := []pending.Entry{{Name: "a", Content: []byte("1\n")}, {Name: "c", Symlink: true, Target: "a"}}
	for _, e := range pending.Changes(want, got, false) {
		fmt.Printf("%s removed=%v symlink=%v\n", e.Name, e.Removed, e.Symlink)
	}
	// Output:
	// b removed=true symlink=false
	// c removed=false symlink=true
}

func ExampleSame() {
	golden := pending.Entry{Name: "a", Content: []byte("x\r\n")}
	output := pending.Entry{Name: "a", Content: []byte("x\n")}
	fmt.Println(pending.Same(golden, output, false), pending.Same(golden, output, true))
	// Output: true false
}

func ExampleHashFile() {
	fmt.Println(pending.HashFile([]byte("a\r\n"), false) == pending.HashFile([]byte("a\n"), false))
	fmt.Println(pending.HashFile([]byte("a\r\n"), true) == pending.HashFile([]byte("a\n"), true))
	// Output:
	// true
	// false
}

func ExampleHashTree() {
	a := []pending.Entry{{Name: "x", Content: []byte("1")}, {Name: "y", Symlink: true, Target: "x"}}
	b := []pending.Entry{a[1], a[0]}
	fmt.Println(pending.HashTree(a, false) == pending.HashTree(b, false))
	// Output: true
}

func ExampleEncode() {
	r := pending.Record{Module: "m", Path: "testdata/x.golden", Kind: pending.File, Package: "m", Test: "TestX", Content: []byte("hi\n")}
	data, _ := pending.Encode(r)
	fmt.Print(string(data))
	// Output: {"tmpkit":"golden-pending","version":1,"module":"m","path":"testdata/x.golden","kind":"file","package":"m","test":"TestX","content":"aGkK"}
}

func ExampleDecode() {
	_, err := pending.Decode([]byte(`{"tmpkit":"golden-pending","version":1,"module":"m","path":"../x","kind":"file","package":"m","test":"T"}`))
	fmt.Println(err)
	// Output: invalid pending record: invalid golden path "../x": not a relative slash-separated path without "", "." or ".." elements
}

func ExampleRecord_Check() {
	r := pending.Record{Module: "m", Path: "t.golden", Kind: pending.Tree, Package: "m", Test: "T",
		Files: []pending.Entry{{Name: "a"}, {Name: "a/b"}}}
	fmt.Println(r.Check())
	// Output: tree entry "a/b" lies below the entry "a", which is not a directory
}

func ExampleRecord_Golden() {
	r := pending.Record{Path: "pkg/testdata/TestT.golden", Kind: pending.Tree}
	fmt.Println(r.Golden(pending.Entry{Name: "dir/f.txt"}))
	// Output: pkg/testdata/TestT.golden/dir/f.txt
}

func ExampleFindModule() {
	root := tempModule()
	defer os.RemoveAll(root)
	m, _ := pending.FindModule(filepath.Join(root, "pkg", "testdata"))
	fmt.Println(m.Path, m.Root == root)
	// Output: example.com/m true
}

func ExampleModule_Rel() {
	root := tempModule()
	defer os.RemoveAll(root)
	m, _ := pending.FindModule(root)
	rel, _ := m.Rel(filepath.Join(root, "pkg", "testdata", "TestX.golden"))
	fmt.Println(rel)
	// Output: pkg/testdata/TestX.golden
}

func ExampleModule_Abs() {
	m := pending.Module{Root: filepath.FromSlash("/src/m"), Path: "example.com/m"}
	fmt.Println(filepath.ToSlash(m.Abs("pkg/testdata/TestX.golden")))
	// Output: /src/m/pkg/testdata/TestX.golden
}

func ExampleNewFile() {
	root := tempModule()
	defer os.RemoveAll(root)
	src := pending.Source{PackageDir: filepath.Join(root, "pkg"), Golden: "testdata/TestNew.golden", Test: "TestNew"}
	r, _ := pending.NewFile(src, nil, false, []byte("first output\n"))
	fmt.Printf("%s hash=%q\n", r.Path, r.Hash)
	// Output: pkg/testdata/TestNew.golden hash=""
}

func ExampleWrite() {
	dir, _ := os.MkdirTemp("", "pending")
	defer os.RemoveAll(dir)
	r := pending.Record{Module: "m", Path: "testdata/x.golden", Kind: pending.File, Package: "m", Test: "TestX"}
	pending.Write(dir, r)
	pending.Write(dir, r) // a second record, never over the first
	entries, _ := os.ReadDir(dir)
	fmt.Println(len(entries))
	// Output: 2
}

func ExampleFind() {
	dir, _ := os.MkdirTemp("", "pending")
	defer os.RemoveAll(dir)
	os.WriteFile(filepath.Join(dir, "bad"+pending.Ext), []byte("{}"), 0o644)
	records, err := pending.Find(dir)
	fmt.Println(len(records), err != nil)
	// Output: 0 true
}

func ExampleFromFiles() {
	dir, _ := os.MkdirTemp("", "tree")
	defer os.RemoveAll(dir)
	os.MkdirAll(filepath.Join(dir, "TestX.golden.d"), 0o755)
	os.WriteFile(filepath.Join(dir, "TestX.golden.d", "run.sh"), []byte("#!/bin/sh\n"), 0o755)
	os.Symlink("run.sh", filepath.Join(dir, "TestX.golden.d", "start"))
	files, _ := goldenwrite.ReadTree(dir, "TestX.golden.d", goldenwrite.Options{})
	for _, e := range pending.FromFiles(files) {
		fmt.Printf("%s symlink=%v target=%q\n", e.Name, e.Symlink, e.Target)
	}
	// Output:
	// run.sh symlink=false target=""
	// start symlink=true target="run.sh"
}

func ExampleEntry_File() {
	f := pending.Entry{Name: "link", Symlink: true, Target: "a.txt"}.File()
	fmt.Printf("%s symlink=%v content=%q\n", f.Name, f.Symlink, f.Content)
	// Output: link symlink=true content="a.txt"
}
