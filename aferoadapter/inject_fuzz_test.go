package aferoadapter_test

import (
	"fmt"
	"io/fs"
	"strings"
	"syscall"
	"testing"

	"github.com/spf13/afero"

	"github.com/tmpkit/tmpkit/aferoadapter"
	"github.com/tmpkit/tmpkit/fixture"
)

// FuzzInjectTransparent runs a call on names from the fuzzer on NewMemFs
// and on Inject(NewMemFs()) with faults that cover every name but never
// fire, which makes Inject take MkdirAll and RemoveAll apart: both must
// give the same error and leave the same tree.
func FuzzInjectTransparent(f *testing.F) {
	for _, s := range []struct {
		op          uint8
		name, name2 string
	}{
		{0, "a/b/c", ""}, {1, "d", ""}, {1, "d/./x/", ""}, {2, "l/x", ""}, {3, "d/f", "e"}, {4, "d/f", ""},
		{0, "d/f/g", ""}, {1, "/", ""}, {1, "d/..", ""}, {5, "d/sub", ""}, {0, "l", ""}, {1, "ro/x", ""},
	} {
		f.Add(s.op, s.name, s.name2)
	}
	never := []aferoadapter.Fault{
		aferoadapter.FailOn("mkdir", "**", syscall.EIO).After(1 << 30),
		aferoadapter.FailOn("remove", "**", syscall.EIO).After(1 << 30),
		aferoadapter.ReadOnly("**/never-named").After(1 << 30),
		aferoadapter.DiskFull(1 << 40),
	}
	tree := fixture.Tree{
		"d/f": fixture.File("f"), "d/sub/g": fixture.File("g"), "l": fixture.Symlink("d"),
		"ro": fixture.Dir().WithMode(0o555), "e": fixture.Dir(),
	}
	f.Fuzz(func(t *testing.T, op uint8, name, name2 string) {
		plain := aferoadapter.New(t, tree)
		base := aferoadapter.New(t, tree)
		injected := aferoadapter.Inject(base, never...)
		call := func(afs afero.Fs) string {
			switch op % 6 {
			case 0:
				return fmt.Sprint(afs.MkdirAll(name, 0o755))
			case 1:
				return fmt.Sprint(afs.RemoveAll(name))
			case 2:
				return fmt.Sprint(afs.Mkdir(name, 0o755))
			case 3:
				return fmt.Sprint(afs.Rename(name, name2))
			case 4:
				return fmt.Sprint(afs.Remove(name))
			}
			_, err := afs.Stat(name)
			return fmt.Sprint(err)
		}
		want, got := call(plain), call(injected)
		if got != want {
			t.Fatalf("op %d on %q, %q: through Inject %s, without %s", op%6, name, name2, got, want)
		}
		if got, want := treeListing(base), treeListing(plain); got != want {
			t.Fatalf("op %d on %q, %q: through Inject the tree is\n%s\nwithout\n%s", op%6, name, name2, got, want)
		}
	})
}

// treeListing lists every entry of afs with its mode and content or target,
// whatever its name (fixture trees and fs.FS refuse some).
func treeListing(afs afero.Fs) string {
	var b strings.Builder
	afero.Walk(afs, "/", func(p string, info fs.FileInfo, err error) error {
		if err != nil {
			fmt.Fprintf(&b, "%q: %v\n", p, err)
			return nil
		}
		content := ""
		switch {
		case info.Mode()&fs.ModeSymlink != 0:
			content, _ = afs.(afero.LinkReader).ReadlinkIfPossible(p)
		case info.Mode().IsRegular():
			data, _ := afero.ReadFile(afs, p)
			content = string(data)
		}
		fmt.Fprintf(&b, "%q %v %q\n", p, info.Mode(), content)
		return nil
	})
	return b.String()
}
