//go:build linux

package aferoadapter_test

import (
	"slices"
	"testing"

	"github.com/spf13/afero"

	"github.com/tmpkit/tmpkit/aferoadapter"
)

// TestMemFsRemoveAllLikeOs runs RemoveAll on names where os.RemoveAll's
// algorithm shows (it empties what "./" and "d/.." lead to, a file parent
// is an unlinkat error) in NewMemFs and, relative to the working
// directory, on the disk: the error texts and what is left must be the
// same.
func TestMemFsRemoveAllLikeOs(t *testing.T) {
	for _, name := range []string{"./", "d/..", "d/e/..", "f/x", "nope/x", "d/.", "d/", "l/", "l"} {
		t.Run(name, func(t *testing.T) {
			mem := aferoadapter.NewMemFs()
			disk := afero.NewOsFs()
			t.Chdir(t.TempDir())
			for _, afs := range []afero.Fs{mem, disk} {
				must(t, afs.MkdirAll("d/e", 0o755))
				must(t, afero.WriteFile(afs, "d/e/g", []byte("g"), 0o644))
				must(t, afero.WriteFile(afs, "f", []byte("f"), 0o644))
				must(t, afs.(afero.Linker).SymlinkIfPossible("d", "l"))
			}
			memErr, diskErr := errString(mem.RemoveAll(name)), errString(disk.RemoveAll(name))
			if memErr != diskErr {
				t.Errorf("RemoveAll(%q): disk %q, NewMemFs %q", name, diskErr, memErr)
			}
			if m, d := listTree(t, mem, "."), listTree(t, disk, "."); !slices.Equal(m, d) {
				t.Errorf("after RemoveAll(%q): disk holds %q, NewMemFs %q", name, d, m)
			}
		})
	}
}

// TestMemFsRemoveAllRoot: "/" is a root, as on Linux, where os.RemoveAll
// empties it and then fails to remove it.
func TestMemFsRemoveAllRoot(t *testing.T) {
	mem := aferoadapter.NewMemFs()
	must(t, mem.MkdirAll("/d/e", 0o755))
	must(t, afero.WriteFile(mem, "/f", nil, 0o644))
	if got, want := errString(mem.RemoveAll("/")), "unlinkat .//: device or resource busy"; got != want {
		t.Errorf("RemoveAll(\"/\") = %q, want %q", got, want)
	}
	if got := listTree(t, mem, "/"); len(got) != 0 {
		t.Errorf("after RemoveAll(\"/\") the root holds %q, want nothing", got)
	}
}

func errString(err error) string {
	if err == nil {
		return "<nil>"
	}
	return err.Error()
}

// listTree lists the names below dir, depth first, sorted.
func listTree(t *testing.T, afs afero.Fs, dir string) []string {
	t.Helper()
	var names []string
	entries, err := afero.ReadDir(afs, dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		name := dir + "/" + e.Name()
		names = append(names, name)
		if e.IsDir() {
			names = append(names, listTree(t, afs, name)...)
		}
	}
	return names
}
