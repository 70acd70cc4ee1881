package aferoadapter_test

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"

	"github.com/spf13/afero"

	"github.com/tmpkit/tmpkit/aferoadapter"
)

// fuzzLinks are the symlinks of the fuzz trees: relative, dangling, a
// loop, links to links, a link climbing with "..".
var fuzzLinks = map[string]string{
	"l-file":  "d/f",
	"l-dir":   "d",
	"d/l-up":  "../top",
	"l-dang":  "nowhere/x",
	"loop-a":  "loop-b",
	"loop-b":  "loop-a",
	"l-chain": "l-dir/e",
	"d/l-dot": ".",
	"l-slash": "d/",
}

// buildFuzzTree makes the same tree in afs (names from its root) and, when
// dir is not empty, on the disk in dir.
func buildFuzzTree(tb testing.TB, afs afero.Fs, dir string) {
	tb.Helper()
	for _, d := range []string{"d", "d/e", "empty"} {
		must(tb, afs.Mkdir("/"+d, 0o755))
		if dir != "" {
			must(tb, os.Mkdir(filepath.Join(dir, d), 0o755))
		}
	}
	for name, content := range map[string]string{"top": "top", "d/f": "f", "d/e/g": "g"} {
		must(tb, afero.WriteFile(afs, "/"+name, []byte(content), 0o644))
		if dir != "" {
			must(tb, os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644))
		}
	}
	for name, target := range fuzzLinks {
		must(tb, afs.(afero.Linker).SymlinkIfPossible(target, "/"+name))
		if dir != "" {
			must(tb, os.Symlink(target, filepath.Join(dir, name)))
		}
	}
}

// outcome summarises a Stat-like result for comparison across backends.
func outcome(info fs.FileInfo, err error) string {
	if err != nil {
		var errno syscall.Errno
		if errors.As(err, &errno) {
			return "errno " + errno.Error()
		}
		return "error " + err.Error()
	}
	if info == nil {
		return "ok "
	}
	size := info.Size()
	if info.IsDir() {
		size = 0 // a disk reports its block size, NewMemFs 0
	}
	return fmt.Sprintf("%v size %d", info.Mode().Type(), size)
}

// FuzzMemFsNames resolves fuzzed names in NewMemFs and on the disk, in the
// same tree, and requires the same outcome (type and size, or errno) for
// Stat, Lstat and Readlink; and that "x", "/x" and "./x" resolve alike.
// Names with a ".." element are compared only inside NewMemFs: on the disk
// they would leave the temporary directory.
func FuzzMemFsNames(f *testing.F) {
	for _, seed := range []string{"top", "d/f", "l-file", "l-dir/e/g", "d/l-up", "l-dang", "loop-a", "l-chain/g",
		"d/l-dot/l-dot/f", "l-slash/f", "top/", "top/.", "d//e/./g", "l-dir/", "nope/../top", "d/../top", "", ".",
		"d/\x00", strings.Repeat("n", 256), "l-dir/../top", "/", "///d"} {
		f.Add(seed)
	}
	dir := f.TempDir()
	mem := aferoadapter.NewMemFs()
	buildFuzzTree(f, mem, dir)
	lstater := mem.(afero.Lstater)
	reader := mem.(afero.LinkReader)
	f.Fuzz(func(t *testing.T, name string) {
		memStat := outcome(mem.Stat(name))
		info, _, err := lstater.LstatIfPossible(name)
		memLstat := outcome(info, err)
		target, err := reader.ReadlinkIfPossible(name)
		memLink := outcome(nil, err) + target
		for _, alias := range []string{"/" + name, "./" + name} {
			if name == "" {
				break
			}
			if got := outcome(mem.Stat(alias)); got != memStat {
				t.Errorf("Stat(%q) = %s, Stat(%q) = %s", alias, got, name, memStat)
			}
		}
		if strings.HasPrefix(name, "/") || slices.Contains(strings.Split(name, "/"), "..") {
			return
		}
		disk := dir + "/" + name // not filepath.Join: it would clean the name
		if name == "" {
			disk = ""
		}
		if got := outcome(os.Stat(disk)); got != memStat {
			t.Errorf("Stat(%q): disk %s, NewMemFs %s", name, got, memStat)
		}
		if got := outcome(os.Lstat(disk)); got != memLstat {
			t.Errorf("Lstat(%q): disk %s, NewMemFs %s", name, got, memLstat)
		}
		target, err = os.Readlink(disk)
		if got := outcome(nil, err) + target; got != memLink {
			t.Errorf("Readlink(%q): disk %s, NewMemFs %s", name, got, memLink)
		}
	})
}

// FuzzFSNames writes through FS with fuzzed names on the disk (afero's
// BasePathFs over OsFs, rooted at base/root, with links leading out) and in
// NewMemFs with the same tree: nothing may appear or change outside the
// root, and both backends must accept and refuse the same names.
func FuzzFSNames(f *testing.F) {
	for _, seed := range []string{"x", "d/x", "up/x", "abs/x", "esc/secret", "l-dir/x", "d/l-up", "../x", "/x",
		"a//b", ".", "", "C:x", `..\x`, "d/l-dot/x", "l-dang", "loop-a/x", "top/x"} {
		f.Add(seed)
	}
	base := f.TempDir()
	root := filepath.Join(base, "root")
	sentinel := filepath.Join(base, "sentinel")
	for _, d := range []string{root, sentinel} {
		must(f, os.Mkdir(d, 0o755))
	}
	must(f, os.WriteFile(filepath.Join(sentinel, "secret"), []byte("keep"), 0o644))
	disk := afero.NewBasePathFs(afero.NewOsFs(), root)
	escapes := map[string]string{"up": "..", "abs": sentinel, "esc": "../sentinel"}
	f.Fuzz(func(t *testing.T, name string) {
		mem := aferoadapter.NewMemFs()
		buildFuzzTree(t, mem, root)
		for link, target := range escapes {
			must(t, os.Symlink(target, filepath.Join(root, link)))
			must(t, mem.(afero.Linker).SymlinkIfPossible(target, "/"+link))
		}
		defer func() {
			entries, _ := os.ReadDir(root)
			for _, e := range entries {
				os.Chmod(filepath.Join(root, e.Name()), 0o755)
				os.RemoveAll(filepath.Join(root, e.Name()))
			}
		}()
		for _, op := range []string{"WriteFile", "MkdirAll", "Chmod", "RemoveAll"} {
			var errs [2]error
			for i, afs := range []afero.Fs{disk, mem} {
				dst := aferoadapter.FS(afs)
				switch op {
				case "WriteFile":
					errs[i] = dst.WriteFile(name, []byte("fuzz"), 0o644)
				case "MkdirAll":
					errs[i] = dst.MkdirAll(name+"/sub", 0o755)
				case "Chmod":
					errs[i] = dst.Chmod(name, 0o700) // keeps directories usable: permissions are not the point here
				case "RemoveAll":
					errs[i] = dst.RemoveAll(name)
				}
			}
			if (errs[0] == nil) != (errs[1] == nil) ||
				errors.Is(errs[0], aferoadapter.ErrPathEscapes) != errors.Is(errs[1], aferoadapter.ErrPathEscapes) ||
				errors.Is(errs[0], fs.ErrInvalid) != errors.Is(errs[1], fs.ErrInvalid) {
				t.Errorf("%s(%q): disk %v; NewMemFs %v", op, name, errs[0], errs[1])
			}
		}
		entries, err := os.ReadDir(base)
		if err != nil || len(entries) != 2 {
			t.Fatalf("%q: the base directory holds %d entries (%v), want root and sentinel only", name, len(entries), err)
		}
		if b, err := os.ReadFile(filepath.Join(sentinel, "secret")); err != nil || string(b) != "keep" {
			t.Fatalf("%q: the sentinel changed: %q %v", name, b, err)
		}
		if entries, _ := os.ReadDir(sentinel); len(entries) != 1 {
			t.Fatalf("%q: the sentinel directory holds %d entries", name, len(entries))
		}
		if info, err := os.Stat(filepath.Join(sentinel, "secret")); err != nil || info.Mode() != 0o644 {
			t.Fatalf("%q: the sentinel's mode changed: %v %v", name, info, err)
		}
	})
}
