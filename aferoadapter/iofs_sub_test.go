package aferoadapter_test

import (
	"errors"
	"fmt"
	"io/fs"
	"syscall"
	"testing"
	"testing/fstest"

	"github.com/spf13/afero"

	"github.com/tmpkit/tmpkit/aferoadapter"
	"github.com/tmpkit/tmpkit/fixture"
)

// subTree is sampleTree below tmp/x, with a sibling outside it.
func subTree() fixture.Tree {
	tree := fixture.Tree{"tmp/secret": fixture.File("outside\n")}
	for name, e := range sampleTree {
		tree["tmp/x/"+name] = e
	}
	return tree
}

func TestSubFS(t *testing.T) {
	names := []string{"a.txt", "bin/run.sh", "empty", "etc/app.yaml", "etc/z/deep.md"}
	for _, b := range adapterBackends() {
		for _, dir := range []string{"/tmp/x", "tmp/x", "/tmp/x/", "tmp/x/", "//tmp/x"} {
			t.Run(b.name+"/"+dir, func(t *testing.T) {
				afs, _ := b.new(t)
				fixture.Write(t, aferoadapter.FS(afs), subTree())
				fsys, err := aferoadapter.SubFS(afs, dir)
				if err != nil {
					t.Fatal(err)
				}
				if err := fstest.TestFS(fsys, names...); err != nil {
					t.Fatal(err)
				}
				fixture.Assert(t, fsys, sampleTree)
			})
		}
	}
}

func TestSubFSRoot(t *testing.T) {
	afs := aferoadapter.NewMemFs()
	fixture.Write(t, aferoadapter.FS(afs), subTree())
	for _, dir := range []string{"/", ".", "//", "/."} {
		fsys, err := aferoadapter.SubFS(afs, dir)
		if err != nil {
			t.Fatalf("SubFS(%q): %v", dir, err)
		}
		if b, err := fs.ReadFile(fsys, "tmp/x/a.txt"); err != nil || string(b) != "alpha\n" {
			t.Errorf("SubFS(%q): ReadFile(\"tmp/x/a.txt\") = %q, %v; want the root's file", dir, b, err)
		}
	}
}

// TestSubFSErrors checks the errors verbatim on NewMemFs and their kind
// on every backend.
func TestSubFSErrors(t *testing.T) {
	for _, b := range adapterBackends() {
		t.Run(b.name, func(t *testing.T) {
			afs, _ := b.new(t)
			fixture.Write(t, aferoadapter.FS(afs), subTree())
			for _, c := range []struct {
				dir  string
				is   error
				text string // on NewMemFs
			}{
				{"/tmp/nope", fs.ErrNotExist, "sub /tmp/nope: no such file or directory"},
				{"tmp/nope/x", fs.ErrNotExist, "sub tmp/nope/x: no such file or directory"},
				{"/tmp/x/a.txt", syscall.ENOTDIR, "sub /tmp/x/a.txt: not a directory"},
				{"/tmp/x/a.txt/y", syscall.ENOTDIR, "sub /tmp/x/a.txt/y: not a directory"},
				{"/tmp/../tmp/x", fs.ErrInvalid, "sub /tmp/../tmp/x: invalid argument"},
				{"tmp/./x", fs.ErrInvalid, "sub tmp/./x: invalid argument"},
				{"", fs.ErrInvalid, "sub : invalid argument"},
			} {
				if b.name == "MemMapFs" && c.dir == "/tmp/x/a.txt/y" {
					c.is = fs.ErrNotExist // MemMapFs's own answer for a name through a file
				}
				fsys, err := aferoadapter.SubFS(afs, c.dir)
				var pe *fs.PathError
				if fsys != nil || !errors.As(err, &pe) || pe.Op != "sub" || pe.Path != c.dir || !errors.Is(err, c.is) {
					t.Errorf("SubFS(%q) = %v, %v; want an *fs.PathError{Op: \"sub\"} wrapping %v", c.dir, fsys, err, c.is)
				}
				if b.name == "NewMemFs" && (err == nil || err.Error() != c.text) {
					t.Errorf("SubFS(%q): %v, want %q", c.dir, err, c.text)
				}
			}
		})
	}
}

// TestSubFSConfined: where afs has links, none leads outside the
// directory, though it stays inside the root of afs; the directory itself
// may be reached through a link.
func TestSubFSConfined(t *testing.T) {
	for _, b := range adapterBackends() {
		if !b.links {
			continue
		}
		t.Run(b.name, func(t *testing.T) {
			afs, _ := b.new(t)
			dst := aferoadapter.FS(afs)
			fixture.Write(t, dst, subTree())
			must(t, dst.Symlink("../secret", "tmp/x/up"))
			must(t, dst.Symlink("etc/app.yaml", "tmp/x/in"))
			must(t, dst.Symlink("tmp/x", "lx"))
			fsys, err := aferoadapter.SubFS(afs, "/lx")
			if err != nil {
				t.Fatal(err)
			}
			if b, err := fs.ReadFile(fsys, "in"); err != nil || string(b) != "name: app\n" {
				t.Errorf("ReadFile(\"in\") = %q, %v; want the link's target inside", b, err)
			}
			_, err = fs.ReadFile(fsys, "up")
			if !errors.Is(err, aferoadapter.ErrPathEscapes) {
				t.Errorf("ReadFile(\"up\") of a link to ../secret: %v, want an error wrapping ErrPathEscapes", err)
			}
			if target, err := fs.ReadLink(fsys, "up"); err != nil || target != "../secret" {
				t.Errorf("ReadLink(\"up\") = %q, %v; want the target as stored", target, err)
			}
			if b, err := fs.ReadFile(aferoadapter.IOFS(afs), "tmp/x/up"); err != nil || string(b) != "outside\n" {
				t.Errorf("through IOFS, ReadFile(\"tmp/x/up\") = %q, %v; want the file it leads to", b, err)
			}
		})
	}
}

func ExampleSubFS() {
	afs := aferoadapter.NewMemFs()
	afs.MkdirAll("/tmp/out/logs", 0o755)
	afero.WriteFile(afs, "/tmp/out/report.txt", []byte("3 passed\n"), 0o644)
	afero.WriteFile(afs, "/tmp/out/logs/run.log", []byte("ok\n"), 0o644)

	out, err := aferoadapter.SubFS(afs, "/tmp/out")
	if err != nil {
		fmt.Println(err)
		return
	}
	report, _ := fs.ReadFile(out, "report.txt")
	fmt.Print(string(report))
	fs.WalkDir(out, ".", func(name string, d fs.DirEntry, err error) error {
		fmt.Println(name)
		return err
	})
	_, err = aferoadapter.SubFS(afs, "/tmp/missing")
	fmt.Println(err, errors.Is(err, fs.ErrNotExist))
	// Output:
	// 3 passed
	// .
	// logs
	// logs/run.log
	// report.txt
	// sub /tmp/missing: no such file or directory true
}
