package golden

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/tmpkit/tmpkit/fixture"
)

// TestAssertDirUpdateGuards: in update mode AssertDir wiped whatever Dir
// and Name pointed at: Dir(".."), Name("pkg") deleted a package's .go
// files, Dir("."), Name("testdata") test inputs, and a .git inside a
// golden tree went too. Each update is refused, naming what it found, and
// nothing is removed or written (failed before: all were removed).
func TestAssertDirUpdateGuards(t *testing.T) {
	t.Parallel()
	const why = "; a golden tree holds only goldens, and an update removes what the output does not have"
	out := fixture.Tree{"out.txt": fixture.File("out\n")}
	for _, tt := range []struct {
		name, dir, tree, want string
	}{
		{"a package", ".", "pkg", `golden: write tree "$DIR/pkg": refused: it holds "pkg.go", Go source` + why},
		{"test inputs", "pkg", "testdata", `golden: write tree "$DIR/pkg/testdata": refused: it is a testdata directory, a golden directory itself` + why},
		{"a repository", "pkg/testdata", "TestX.golden.d", `golden: write tree "$DIR/pkg/testdata/TestX.golden.d": refused: it holds ".git", a repository` + why},
		{"a module", "pkg/testdata", "TestM.golden.d", `golden: write tree "$DIR/pkg/testdata/TestM.golden.d": refused: it holds "go.mod", a module root` + why},
	} {
		m := setup(t, map[string]string{
			"go.mod":                                "module m\n",
			"pkg/pkg.go":                            "package pkg\n",
			"pkg/notes.md":                          "notes\n",
			"pkg/testdata/input.txt":                "a test input\n",
			"pkg/testdata/TestX.golden.d/a.txt":     "a\n",
			"pkg/testdata/TestX.golden.d/.git/HEAD": "ref: refs/heads/main\n",
			"pkg/testdata/TestM.golden.d/go.mod":    "module x\n",
		})
		before := snapshotFiles(t, m)
		f := assertDirFake(t, "TestX", out, append(update(), Dir(filepath.Join(m, tt.dir)), Name(tt.tree))...)
		checkMessage(t, f, filepath.ToSlash(m), tt.want)
		if after := snapshotFiles(t, m); !mapsEqual(before, after) {
			t.Errorf("%s: the refused update changed files:\n%q\n%q", tt.name, before, after)
		}
	}
}

// TestAssertDirFailedUpdateLeavesTheOldTree injects a failure while the
// new tree is written, and while it is swapped in: the old tree is whole
// and the error names the entry (failed before: entries removed before the
// failure were lost).
func TestAssertDirFailedUpdateLeavesTheOldTree(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ failAt, want string }{
		{"TestTree.golden.d/b.txt", `golden: write tree "$DIR/TestTree.golden.d": b.txt: interrupted`},
		{"TestTree.golden.d", `golden: write tree "$DIR/TestTree.golden.d": interrupted`},
	} {
		dir := setup(t, map[string]string{"TestTree.golden.d/a.txt": "old a\n", "TestTree.golden.d/stale.txt": "stale\n"})
		before := snapshotFiles(t, dir)
		fail := withBeforeRename(func(tmp, dst string) error {
			if filepath.ToSlash(dst) == tt.failAt {
				return errors.New("interrupted")
			}
			return nil
		})
		out := fixture.Tree{"a.txt": fixture.File("new a\n"), "b.txt": fixture.File("b\n")}
		f := assertDirFake(t, "TestTree", out, append(update(), Dir(dir), fail)...)
		checkMessage(t, f, dir, tt.want)
		if after := snapshotFiles(t, dir); !mapsEqual(before, after) {
			t.Errorf("fail at %s: files changed:\n%q\n%q", tt.failAt, before, after)
		}
	}
}

// TestAssertDirReadOnlySubdir: unprivileged, a 0555 subdirectory in a
// golden tree made an update remove some files, fail with a bare
// "permission denied" naming no entry, and never write the new ones
// (failed before). Root ignores permission bits: .ci/as-nobody runs it.
func TestAssertDirReadOnlySubdir(t *testing.T) {
	if runtime.GOOS == "windows" || os.Geteuid() == 0 {
		t.Skip("needs an unprivileged user on Unix: run with bash .ci/as-nobody")
	}
	t.Parallel()
	dir := setup(t, map[string]string{"TestTree.golden.d/a.txt": "a\n", "TestTree.golden.d/ro/b.txt": "b\n"})
	ro := filepath.Join(dir, "TestTree.golden.d", "ro")
	os.Chmod(ro, 0o555)
	t.Cleanup(func() { os.Chmod(ro, 0o755) })
	before := snapshotFiles(t, dir)
	f := assertDirFake(t, "TestTree", fixture.Tree{"new.txt": fixture.File("new\n")}, append(update(), Dir(dir))...)
	checkMessage(t, f, dir, `golden: write tree "$DIR/TestTree.golden.d": TestTree.golden.d/ro: permission denied: `+
		`this user cannot remove what it holds, so the old tree could not be replaced; nothing was changed `+
		`(make it writable, for example with chmod -R u+w)`)
	if after := snapshotFiles(t, dir); !mapsEqual(before, after) {
		t.Errorf("files changed:\n%q\n%q", before, after)
	}
}

// snapshotFiles lists every entry below dir, hidden ones included, as
// path -> content ("dir" for a directory, "-> target" for a symlink).
func snapshotFiles(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || p == dir {
			return err
		}
		r := rel(dir, p)
		switch {
		case d.IsDir():
			out[r] = "dir"
		case d.Type()&os.ModeSymlink != 0:
			target, _ := os.Readlink(p)
			out[r] = "-> " + target
		default:
			b, _ := os.ReadFile(p)
			out[r] = string(b)
		}
		return nil
	})
	return out
}
