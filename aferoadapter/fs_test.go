package aferoadapter_test

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/spf13/afero"

	"github.com/tmpkit/tmpkit/aferoadapter"
	"github.com/tmpkit/tmpkit/fixture"
)

// escapeBackends are disk-backed file systems rooted at base/root, where
// base also holds a sentinel directory that nothing may touch.
func escapeBackends() []struct {
	name string
	new  func(root string) (afero.Fs, func())
} {
	return []struct {
		name string
		new  func(root string) (afero.Fs, func())
	}{
		{"BasePathFs(OsFs)", func(root string) (afero.Fs, func()) {
			return afero.NewBasePathFs(afero.NewOsFs(), root), func() {}
		}},
		{"NewRootFs", func(root string) (afero.Fs, func()) {
			r, err := os.OpenRoot(root)
			if err != nil {
				panic(err)
			}
			return aferoadapter.NewRootFs(r), func() { r.Close() }
		}},
	}
}

// TestFSNothingEscapes writes through links that lead outside the root
// (absolute, or climbing with ".."), on the disk, and checks that every
// operation fails with ErrPathEscapes and the sentinel outside is intact.
func TestFSNothingEscapes(t *testing.T) {
	for _, b := range escapeBackends() {
		t.Run(b.name, func(t *testing.T) {
			base, root := diskRoot(t)
			sentinel := filepath.Join(base, "sentinel")
			if err := os.Mkdir(sentinel, 0o755); err != nil {
				t.Fatal(err)
			}
			secret := filepath.Join(sentinel, "secret")
			if err := os.WriteFile(secret, []byte("keep"), 0o644); err != nil {
				t.Fatal(err)
			}
			links := map[string]string{
				"abs-dir":  sentinel,
				"abs-file": secret,
				"up-dir":   "../sentinel",
				"up-file":  "../sentinel/secret",
				"dotdot":   "..",
				"sub/deep": "../../sentinel",
			}
			os.Mkdir(filepath.Join(root, "sub"), 0o755)
			for name, target := range links {
				if err := os.Symlink(target, filepath.Join(root, name)); err != nil {
					t.Fatal(err)
				}
			}
			afs, done := b.new(root)
			defer done()
			dst := aferoadapter.FS(afs)
			when := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
			ops := map[string]func() error{
				"WriteFile abs-dir/x":  func() error { return dst.WriteFile("abs-dir/x", []byte("x"), 0o644) },
				"WriteFile abs-file":   func() error { return dst.WriteFile("abs-file", []byte("x"), 0o644) },
				"WriteFile up-dir/x":   func() error { return dst.WriteFile("up-dir/x", []byte("x"), 0o644) },
				"WriteFile up-file":    func() error { return dst.WriteFile("up-file", []byte("x"), 0o644) },
				"WriteFile dotdot/x":   func() error { return dst.WriteFile("dotdot/x", []byte("x"), 0o644) },
				"WriteFile sub/deep/x": func() error { return dst.WriteFile("sub/deep/x", []byte("x"), 0o644) },
				"MkdirAll up-dir/d":    func() error { return dst.MkdirAll("up-dir/d/e", 0o755) },
				"MkdirAll abs-dir/d":   func() error { return dst.MkdirAll("abs-dir/d", 0o755) },
				"Chmod abs-file":       func() error { return dst.Chmod("abs-file", 0o600) },
				"Chmod up-file":        func() error { return dst.Chmod("up-file", 0o600) },
				"Chtimes up-file":      func() error { return dst.Chtimes("up-file", when, when) },
				"Remove up-dir/secret": func() error { return dst.Remove("up-dir/secret") },
				"RemoveAll abs-dir/secret": func() error {
					return dst.RemoveAll("abs-dir/secret")
				},
				"Symlink up-dir/l": func() error { return dst.Symlink("x", "up-dir/l") },
				"Lstat up-dir/secret": func() error {
					_, err := dst.Lstat("up-dir/secret")
					return err
				},
				"Readlink dotdot/root": func() error {
					_, err := dst.Readlink("dotdot/root")
					return err
				},
				"Open up-file": func() error {
					_, err := dst.FS().Open("up-file")
					return err
				},
				"ReadFile abs-dir/secret": func() error {
					_, err := fs.ReadFile(dst.FS(), "abs-dir/secret")
					return err
				},
			}
			for name, op := range ops {
				if err := op(); !errors.Is(err, aferoadapter.ErrPathEscapes) {
					t.Errorf("%s: got %v, want an error wrapping ErrPathEscapes", name, err)
				}
			}
			entries, _ := os.ReadDir(sentinel)
			if len(entries) != 1 {
				t.Errorf("sentinel directory holds %d entries, want only secret", len(entries))
			}
			info, err := os.Stat(secret)
			if b, _ := os.ReadFile(secret); err != nil || string(b) != "keep" || info.Mode() != 0o644 || info.ModTime().Equal(when) {
				t.Errorf("secret changed: %v %q", info, b)
			}
			if _, err := os.Lstat(filepath.Join(base, "x")); err == nil {
				t.Errorf("%s/x was created outside the root", base)
			}
		})
	}
}

// TestFSEscapesInMemory checks the same rules on NewMemFs, where links
// cannot leave the file system but *os.Root's rules still refuse them, so
// a tree behaves the same in memory and on the disk.
func TestFSEscapesInMemory(t *testing.T) {
	afs := aferoadapter.NewMemFs()
	dst := aferoadapter.FS(afs)
	links := afs.(afero.Linker)
	for name, target := range map[string]string{"/abs": "/etc", "/up": "..", "/d/up": "../../x"} {
		afs.MkdirAll("/d", 0o755)
		if err := links.SymlinkIfPossible(target, name); err != nil {
			t.Fatal(err)
		}
	}
	for _, name := range []string{"abs/x", "up/x", "d/up/x"} {
		err := dst.WriteFile(name, nil, 0o644)
		if !errors.Is(err, aferoadapter.ErrPathEscapes) {
			t.Errorf("WriteFile(%q) = %v, want ErrPathEscapes", name, err)
		}
	}
	err := dst.WriteFile("abs/passwd", nil, 0o644)
	if got, want := err.Error(), "open abs/passwd: path escapes from parent"; got != want {
		t.Errorf("error = %q, want %q", got, want)
	}
}

// TestFSFollowsLinksInside checks that links inside the root work as with
// *os.Root: followed by WriteFile and Chmod, not by Lstat and Remove.
func TestFSFollowsLinksInside(t *testing.T) {
	for _, b := range adapterBackends() {
		if !b.links {
			continue
		}
		t.Run(b.name, func(t *testing.T) {
			afs, _ := b.new(t)
			dst := aferoadapter.FS(afs)
			must(t, dst.MkdirAll("d/e", 0o755))
			must(t, dst.Symlink("d", "l"))
			must(t, dst.Symlink("../f", "d/up"))
			must(t, dst.WriteFile("l/e/x", []byte("via link"), 0o644))
			must(t, dst.WriteFile("d/up", []byte("through up"), 0o644))
			must(t, dst.Chmod("d/up", 0o600))
			fixture.Assert(t, dst.FS(), fixture.Tree{
				"d/e/x": fixture.File("via link"),
				"d/up":  fixture.Symlink("../f"),
				"f":     fixture.File("through up").WithMode(0o600),
				"l":     fixture.Symlink("d"),
			})
			info, err := dst.Lstat("l")
			if err != nil || info.Mode().Type() != fs.ModeSymlink {
				t.Errorf("Lstat(l) = %v, %v; want the link", info, err)
			}
			must(t, dst.Remove("l"))
			if _, err := dst.Lstat("d/e/x"); err != nil {
				t.Errorf("Remove(l) removed the target: %v", err)
			}
		})
	}
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func TestFSRefusesInvalidNames(t *testing.T) {
	dst := aferoadapter.FS(aferoadapter.NewMemFs())
	for name, want := range map[string]string{
		"../x": `open ../x: invalid name "../x": has a ".." element, which steps out of a directory`,
		"/abs": `open /abs: invalid name "/abs": absolute path; give a path relative to the root`,
		"":     `open : invalid name "": empty`,
		"a//b": `open a//b: invalid name "a//b": has an empty element ("//")`,
		".":    `open .: invalid name ".": "." is the root itself, not an entry below it`,
	} {
		err := dst.WriteFile(name, nil, 0o644)
		if err == nil || err.Error() != want || !errors.Is(err, fs.ErrInvalid) {
			t.Errorf("WriteFile(%q) = %v, want %s", name, err, want)
		}
	}
}

func TestFSWithoutSymlinks(t *testing.T) {
	dst := aferoadapter.FS(afero.NewMemMapFs())
	err := dst.Symlink("a", "l")
	if got, want := err.Error(), "symlink a l: symlink not supported"; got != want || !errors.Is(err, afero.ErrNoSymlink) {
		t.Errorf("Symlink = %q, want %q", got, want)
	}
	_, err = dst.Readlink("l")
	if got, want := err.Error(), "readlink l: readlink not supported"; got != want {
		t.Errorf("Readlink = %q, want %q", got, want)
	}
}

// TestFSRefusesRewrittenTargets: afero's BasePathFs stores a link target as
// a host path, so FS refuses the link rather than keep another one.
func TestFSRefusesRewrittenTargets(t *testing.T) {
	_, root := diskRoot(t)
	dst := aferoadapter.FS(afero.NewBasePathFs(afero.NewOsFs(), root))
	err := dst.Symlink("target", "l")
	want := "symlink target l: symlink not supported: BasePathFs stored another target; use aferoadapter.NewMemFs or NewRootFs"
	if err == nil || err.Error() != want {
		t.Errorf("Symlink = %v, want %s", err, want)
	}
	if _, err := os.Lstat(filepath.Join(root, "l")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the refused link is still there: %v", err)
	}
}

// TestFSRoundTrip writes a tree through FS and reads it back through IOFS
// with fixture, on every backend.
func TestFSRoundTrip(t *testing.T) {
	tree := fixture.Tree{
		"a.txt":           fixture.File("alpha\n").WithMode(0o640),
		"ro/file":         fixture.File("read only").WithMode(0o444),
		"ro":              fixture.Dir().WithMode(0o555),
		"dir/sub/x.bin":   fixture.File([]byte{0, 1, 2}),
		"dir/empty":       fixture.Dir().WithMode(0o700),
		"dir/link-to-a":   fixture.Symlink("../a.txt"),
		"dir/sub/dangles": fixture.Symlink("nowhere"),
	}
	for _, b := range adapterBackends() {
		if !b.links {
			continue
		}
		t.Run(b.name, func(t *testing.T) {
			afs, dir := b.new(t)
			if dir != "" {
				t.Cleanup(func() { os.Chmod(filepath.Join(dir, "ro"), 0o755) })
			}
			fixture.Write(t, aferoadapter.FS(afs), tree)
			fixture.Assert(t, aferoadapter.IOFS(afs), tree)
			got, err := fixture.Read(aferoadapter.IOFS(afs))
			if err != nil {
				t.Fatal(err)
			}
			if report, err := fixture.Diff(got.FS(), tree); report != "" || err != nil {
				t.Errorf("Read gave another tree: %s %v", report, err)
			}
		})
	}
}

// TestFSWriteReplacesHardLinks: fixture.WriteFS through FS over disk-backed
// Fs replaces a hard link to a file outside the root; the file outside
// keeps its content.
func TestFSWriteReplacesHardLinks(t *testing.T) {
	for _, b := range escapeBackends() {
		t.Run(b.name, func(t *testing.T) {
			base, root := diskRoot(t)
			secret := filepath.Join(base, "secret")
			if err := os.WriteFile(secret, []byte("keep\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.Mkdir(filepath.Join(root, "d"), 0o755); err != nil {
				t.Fatal(err)
			}
			for _, name := range []string{"f", "d/g"} {
				if err := os.Link(secret, filepath.Join(root, name)); err != nil {
					t.Skipf("cannot create hard links here: %v", err)
				}
			}
			afs, done := b.new(root)
			defer done()
			tree := fixture.Tree{"f": fixture.File("new\n"), "d/g": fixture.File("new g\n").WithMode(0o600)}
			if err := fixture.WriteFS(aferoadapter.FS(afs), tree); err != nil {
				t.Fatal(err)
			}
			if r, err := fixture.Diff(os.DirFS(root), tree); r != "" || err != nil {
				t.Errorf("written tree differs: %v\n%s", err, r)
			}
			if got, err := os.ReadFile(secret); err != nil || string(got) != "keep\n" {
				t.Errorf("the file outside the root holds %q, %v; want \"keep\\n\"", got, err)
			}
		})
	}
}

// TestFSRoot: "." names the root for Chmod, Chtimes and Lstat, as it does
// for *os.Root, so that a fixture.Tree's root entry is written on every
// backend; other operations still refuse it.
func TestFSRoot(t *testing.T) {
	stamp := time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC)
	tree := fixture.Tree{".": fixture.Dir().WithMode(0o750).WithModTime(stamp), "a": fixture.File("a\n")}
	for _, b := range adapterBackends() {
		t.Run(b.name, func(t *testing.T) {
			afs, _ := b.new(t)
			dst := aferoadapter.FS(afs)
			if err := fixture.WriteFS(dst, tree); err != nil {
				t.Fatal(err)
			}
			if r, err := fixture.Diff(aferoadapter.IOFS(afs), tree); r != "" || err != nil {
				t.Errorf("written tree differs: %v\n%s", err, r)
			}
			info, err := dst.Lstat(".")
			if err != nil || !info.IsDir() || info.Mode().Perm() != 0o750 || !info.ModTime().Equal(stamp) {
				t.Errorf(`Lstat(".") = %v, %v`, info, err)
			}
			for op, err := range map[string]error{
				"Remove":    dst.Remove("."),
				"RemoveAll": dst.RemoveAll("."),
				"WriteFile": dst.WriteFile(".", nil, 0o644),
			} {
				if !errors.Is(err, fs.ErrInvalid) {
					t.Errorf(`%s(".") = %v, want an error wrapping fs.ErrInvalid`, op, err)
				}
			}
			if err := dst.Symlink("a", "."); err == nil {
				t.Error(`Symlink("a", ".") succeeded`)
			}
		})
	}
}
