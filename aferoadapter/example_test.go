package aferoadapter_test

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/spf13/afero"

	"github.com/tmpkit/tmpkit/aferoadapter"
	"github.com/tmpkit/tmpkit/fixture"
	"github.com/tmpkit/tmpkit/tmptest"
)

// exampleT stands in for the *testing.T of a test function, which an
// example does not have: it prints what the test would log or fail with,
// and runs the cleanups at done.
type exampleT struct {
	testing.TB
	name     string
	cleanups []func()
}

func newT(name string) *exampleT                 { return &exampleT{name: name} }
func (t *exampleT) Name() string                 { return t.name }
func (t *exampleT) Helper()                      {}
func (t *exampleT) Failed() bool                 { return false }
func (t *exampleT) Cleanup(f func())             { t.cleanups = append(t.cleanups, f) }
func (t *exampleT) Logf(f string, args ...any)   { fmt.Printf(f+"\n", args...) }
func (t *exampleT) Errorf(f string, args ...any) { fmt.Printf("FAIL: "+f+"\n", args...) }
func (t *exampleT) Fatalf(f string, args ...any) { fmt.Printf("FAIL: "+f+"\n", args...) }
func (t *exampleT) done() {
	for _, f := range slices.Backward(t.cleanups) {
		f()
	}
}

func ExampleNewMemFs() {
	afs := aferoadapter.NewMemFs()

	// Parents are not invented, and errors are the OS's.
	_, err := afs.Create("/missing/config.yaml")
	fmt.Println(err)
	fmt.Println(errors.Is(err, fs.ErrNotExist), os.IsNotExist(err))

	// One namespace: "x", "/x" and "./x" are one file.
	afero.WriteFile(afs, "notes.txt", []byte("hello"), 0o644)
	b, _ := afero.ReadFile(afs, "/notes.txt")
	fmt.Println(string(b))

	// A non-empty directory is not removed.
	afs.MkdirAll("/dir/sub", 0o755)
	fmt.Println(afs.Remove("/dir"))
	// Output:
	// open /missing/config.yaml: no such file or directory
	// true true
	// hello
	// remove /dir: directory not empty
}

func ExampleNewMemFs_symlinks() {
	afs := aferoadapter.NewMemFs()
	links := afs.(afero.Symlinker)

	afs.MkdirAll("/etc/app", 0o755)
	afero.WriteFile(afs, "/etc/app/v2.yaml", []byte("version: 2\n"), 0o644)
	links.SymlinkIfPossible("v2.yaml", "/etc/app/current.yaml")

	b, _ := afero.ReadFile(afs, "/etc/app/current.yaml")
	target, _ := links.ReadlinkIfPossible("/etc/app/current.yaml")
	info, _, _ := links.LstatIfPossible("/etc/app/current.yaml")
	fmt.Printf("%s-> %s (%v)\n", b, target, info.Mode())

	links.SymlinkIfPossible("loop", "/loop")
	_, err := afs.Stat("/loop")
	fmt.Println(err)
	// Output:
	// version: 2
	// -> v2.yaml (Lrwxrwxrwx)
	// stat /loop: too many levels of symbolic links
}

func ExampleNewRootFs() {
	dir, _ := os.MkdirTemp("", "example")
	defer os.RemoveAll(dir)
	os.Symlink("/etc", dir+"/etc-link")

	root, _ := os.OpenRoot(dir)
	defer root.Close()
	afs := aferoadapter.NewRootFs(root)

	afero.WriteFile(afs, "/hello.txt", []byte("on the disk"), 0o644)
	b, _ := os.ReadFile(dir + "/hello.txt")
	fmt.Println(string(b))

	_, err := afs.Stat("/etc-link/passwd") // the link leads outside the root
	fmt.Println(err)
	// Output:
	// on the disk
	// statat /etc-link/passwd: path escapes from parent
}

func ExampleFS() {
	afs := aferoadapter.NewMemFs()
	err := fixture.WriteFS(aferoadapter.FS(afs), fixture.Tree{
		"etc/app.yaml": fixture.File("name: app\n").WithMode(0o600),
		"etc/current":  fixture.Symlink("app.yaml"),
	})
	fmt.Println(err)
	info, _ := afs.Stat("/etc/current")
	fmt.Println(info.Mode())

	// Nothing is written through a link that leads out of the root.
	afs.(afero.Linker).SymlinkIfPossible("/", "/etc/up")
	fmt.Println(aferoadapter.FS(afs).WriteFile("etc/up/x", nil, 0o644))
	// Output:
	// <nil>
	// -rw-------
	// open etc/up/x: path escapes from parent
}

func ExampleIOFS() {
	// Even afero's MemMapFs passes testing/fstest through IOFS.
	afs := afero.NewMemMapFs()
	afero.WriteFile(afs, "/b.txt", []byte("b"), 0o644)
	afero.WriteFile(afs, "/a/x.txt", []byte("x"), 0o644)
	fsys := aferoadapter.IOFS(afs)
	fmt.Println(fstest.TestFS(fsys, "a/x.txt", "b.txt"))

	fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		fmt.Println(name)
		return err
	})
	// Output:
	// <nil>
	// .
	// a
	// a/x.txt
	// b.txt
}

func ExampleNew() {
	// In a test: func TestLoad(t *testing.T) { ... }
	t := newT("TestLoad")
	defer t.done()

	afs := aferoadapter.New(t, fixture.Tree{
		"etc/app.yaml": fixture.File("port: 8080\n"),
	})
	b, err := afero.ReadFile(afs, "/etc/app.yaml")
	fmt.Printf("%q %v\n", b, err)
	// Output:
	// "port: 8080\n" <nil>
}

func ExampleTempDir() {
	t := newT("TestCache")
	afs := aferoadapter.NewMemFs()
	afs.Mkdir("/var", 0o755)

	dir := aferoadapter.TempDir(t, afs, tmptest.In("/var"), tmptest.Prefix("cache-"))
	info, _ := afs.Stat(dir)
	fmt.Println(path.Dir(dir), strings.HasPrefix(path.Base(dir), "cache-"), info.Mode())

	t.done() // the end of the test: the directory is removed
	_, err := afs.Stat(dir)
	fmt.Println(errors.Is(err, fs.ErrNotExist))
	// Output:
	// /var true drwx------
	// true
}

func ExampleTempFile() {
	t := newT("TestReport")
	afs := aferoadapter.NewMemFs()

	f := aferoadapter.TempFile(t, afs, tmptest.Suffix(".csv"))
	f.WriteString("a,b\n")
	b, _ := afero.ReadFile(afs, f.Name())
	fmt.Printf("%q %v\n", b, strings.HasSuffix(f.Name(), ".csv"))

	t.done() // the end of the test: the file is closed and removed
	_, err := afs.Stat(f.Name())
	fmt.Println(errors.Is(err, fs.ErrNotExist))
	// Output:
	// "a,b\n" true
	// true
}
