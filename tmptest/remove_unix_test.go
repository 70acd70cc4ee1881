//go:build unix

package tmptest

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/sys/unix"

	"github.com/tmpkit/tmpkit/internal/faketb"
)

// build makes the tree described by entries under root: a name ending in
// "/" is a directory, "name -> target" a symbolic link, anything else a
// file holding its base name. Modes are set afterwards, deepest first.
func build(t *testing.T, root string, entries []string, modes map[string]fs.FileMode) {
	t.Helper()
	for _, e := range entries {
		var err error
		name, target, isLink := strings.Cut(e, " -> ")
		switch {
		case isLink:
			err = os.Symlink(target, filepath.Join(root, name))
		case e[len(e)-1] == '/':
			err = os.Mkdir(filepath.Join(root, e), 0o700)
		default:
			err = os.WriteFile(filepath.Join(root, e), []byte(filepath.Base(e)), 0o600)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	for i := len(entries) - 1; i >= 0; i-- {
		if mode, ok := modes[entries[i]]; ok {
			if err := os.Chmod(filepath.Join(root, entries[i]), mode); err != nil {
				t.Fatal(err)
			}
		}
	}
}

func TestCleanupRemovesReadOnlyTree(t *testing.T) {
	base := cleanDir(t)
	f := faketb.New("TestReadOnly", nil)
	var dir string
	f.Run(func(tb testing.TB) {
		dir = Dir(tb, In(base))
		entries := []string{"mod/", "mod/a/", "mod/a/go.mod", "mod/a/b/", "mod/a/b/x.go",
			"locked/", "locked/secret", "nosearch/", "nosearch/f", "empty0/", "file0", "bulk/"}
		modes := map[string]fs.FileMode{
			"mod/": 0o555, "mod/a/": 0o555, "mod/a/go.mod": 0o444, "mod/a/b/": 0o555, "mod/a/b/x.go": 0o444,
			"locked/": 0, "nosearch/": 0o600, "empty0/": 0, "file0": 0, "bulk/": 0o555,
		}
		for i := range 1100 { // more than one batch (1024) of directory entries
			name := fmt.Sprintf("bulk/%d", i)
			entries, modes[name] = append(entries, name), 0o444
		}
		build(t, dir, entries, modes)
		if err := os.Chmod(dir, 0o555); err != nil {
			t.Fatal(err)
		}
	})
	f.Finish()
	if len(f.Errors()) != 0 {
		t.Errorf("cleanup reported %q; want nothing", f.Errors())
	}
	if _, err := os.Lstat(dir); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("after cleanup, Lstat(%s) = %v; want not exist", dir, err)
	}
}

// outsideTree makes a read-only directory and file for links to point at,
// restoring write permission at the end so t.TempDir can remove them.
func outsideTree(t *testing.T) (dir, file string) {
	root := t.TempDir()
	dir, file = filepath.Join(root, "dir"), filepath.Join(root, "file")
	build(t, root, []string{"dir/", "dir/inside", "file"}, map[string]fs.FileMode{"dir/": 0o555, "dir/inside": 0o444, "file": 0o444})
	t.Cleanup(func() { os.Chmod(dir, 0o755) })
	return dir, file
}

// checkUnchanged fails t unless path has the mode and content build gave it.
func checkUnchanged(t *testing.T, path string, mode fs.FileMode) {
	t.Helper()
	info, err := os.Lstat(path)
	if err != nil {
		t.Errorf("Lstat(%s): %v; want it unchanged", path, err)
		return
	}
	if info.Mode() != mode {
		t.Errorf("Lstat(%s).Mode() = %v; want %v unchanged", path, info.Mode(), mode)
		return
	}
	if mode.IsRegular() {
		if got, err := os.ReadFile(path); err != nil || string(got) != filepath.Base(path) {
			t.Errorf("%s holds %q, %v; want its content unchanged", path, got, err)
		}
	}
}

func TestCleanupNeverFollowsLinks(t *testing.T) {
	outDir, outFile := outsideTree(t)
	f := faketb.New("TestLinks", nil)
	f.Run(func(tb testing.TB) {
		dir := Dir(tb, In(cleanDir(t)))
		build(t, dir, []string{"to-dir -> " + outDir, "to-file -> " + outFile, "ro/", "ro/to-dir -> " + outDir,
			"ro/to-inside -> " + filepath.Join(outDir, "inside"), "locked/", "locked/to-dir -> " + outDir},
			map[string]fs.FileMode{"ro/": 0o555, "locked/": 0})
		if err := os.Chmod(dir, 0o500); err != nil {
			t.Fatal(err)
		}
		// The test swaps a file and a directory it was given for links.
		swap := func(path, target string) {
			if err := os.RemoveAll(path); err != nil {
				t.Fatal(err)
			}
			if err := os.Symlink(target, path); err != nil {
				t.Fatal(err)
			}
		}
		swap(File(tb, In(cleanDir(t))).Name(), outFile)
		swap(Dir(tb, In(cleanDir(t))), outDir)
		swap(filepath.Dir(Path(tb, In(cleanDir(t)))), outDir)
	})
	f.Finish()
	if len(f.Errors()) != 0 {
		t.Errorf("cleanup reported %q; want nothing", f.Errors())
	}
	checkUnchanged(t, outDir, fs.ModeDir|0o555)
	checkUnchanged(t, filepath.Join(outDir, "inside"), 0o444)
	checkUnchanged(t, outFile, 0o444)
}

func TestCleanupFailureReported(t *testing.T) {
	f := faketb.New("TestFail", nil)
	var path string
	f.Run(func(t testing.TB) {
		path = Make(t, 0o700, func(string, fs.FileMode) error { return nil },
			func(string) error { return errors.New("boom") }, In(os.TempDir()))
	})
	f.Finish()
	want := []string{fmt.Sprintf("tmptest: cleanup: boom; remove %s by hand", path)}
	if fmt.Sprint(f.Errors()) != fmt.Sprint(want) {
		t.Errorf("Errorf calls:\n got: %q\nwant: %q", f.Errors(), want)
	}
}

func TestCleanupFailureReportedUnprivileged(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root removes entries of read-only directories; run as an unprivileged user: bash .ci/as-nobody go test ./tmptest")
	}
	base := t.TempDir()
	f := faketb.New("TestFail", nil)
	var dir, file string
	f.Run(func(t testing.TB) {
		dir = Dir(t, In(base))
		file = WriteFile(t, "x", In(base))
	})
	if err := os.Chmod(base, 0o555); err != nil { // the test locks the base directory
		t.Fatal(err)
	}
	defer os.Chmod(base, 0o755)
	f.Finish()
	want := []string{
		fmt.Sprintf("tmptest: cleanup: unlinkat %s: permission denied; remove %[1]s by hand", file),
		fmt.Sprintf("tmptest: cleanup: unlinkat %s: permission denied; remove %[1]s by hand", dir),
	}
	if fmt.Sprint(f.Errors()) != fmt.Sprint(want) {
		t.Errorf("Errorf calls:\n got: %q\nwant: %q", f.Errors(), want)
	}
}

// TestLinkInLockedDirNotEntered covers a link whose unlink fails: the base
// directory is read-only, so the link to a writable outside directory
// cannot go. Cleanup must report that, not empty the directory behind it.
func TestLinkInLockedDirNotEntered(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root removes entries of read-only directories; run as an unprivileged user: bash .ci/as-nobody go test ./tmptest")
	}
	outside := t.TempDir()
	build(t, outside, []string{"sub/", "sub/file"}, nil)
	base := t.TempDir()
	f := faketb.New("TestLocked", nil)
	var dir string
	f.Run(func(t testing.TB) { dir = Dir(t, In(base)) })
	if err := os.Remove(dir); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, dir); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(base, 0o555); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(base, 0o755)
	f.Finish()
	want := fmt.Sprintf("[tmptest: cleanup: unlinkat %s: permission denied; remove %[1]s by hand]", dir)
	if got := fmt.Sprint(f.Errors()); got != want {
		t.Errorf("Errorf calls:\n got: %s\nwant: %s", got, want)
	}
	checkUnchanged(t, filepath.Join(outside, "sub", "file"), 0o600)
}

func TestNoFollowHelpersRefuseLinks(t *testing.T) {
	outside := t.TempDir()
	build(t, outside, []string{"dir/"}, map[string]fs.FileMode{"dir/": 0o500})
	defer os.Chmod(filepath.Join(outside, "dir"), 0o700)
	dir := t.TempDir()
	build(t, dir, []string{"link -> " + filepath.Join(outside, "dir")}, nil)
	fd, err := unix.Open(dir, unix.O_RDONLY|unix.O_DIRECTORY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer unix.Close(fd)
	if got, err := openDirNoFollow(fd, "link"); err != unix.ELOOP && err != unix.ENOTDIR {
		unix.Close(got)
		t.Errorf("openDirNoFollow(link) error = %v; want ELOOP or ENOTDIR", err)
	}
	if err := chmodDirNoFollow(fd, "link"); err != unix.ENOTDIR {
		t.Errorf("chmodDirNoFollow(link) error = %v; want ENOTDIR", err)
	}
	checkUnchanged(t, filepath.Join(outside, "dir"), fs.ModeDir|0o500)
}
