package tmptest

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/tmpkit/tmpkit/internal/faketb"
)

// helper is one of the package's helpers, reduced to what they share.
type helper struct {
	name string
	call func(t testing.TB, opts ...Option)
}

// allHelpers lists every helper, Make included (creating directories).
func allHelpers() []helper {
	mkdir := func(path string, perm fs.FileMode) error { return os.Mkdir(path, perm) }
	return []helper{
		{"Dir", func(t testing.TB, o ...Option) { Dir(t, o...) }},
		{"File", func(t testing.TB, o ...Option) { File(t, o...) }},
		{"WriteFile", func(t testing.TB, o ...Option) { WriteFile(t, "data", o...) }},
		{"Unnamed", func(t testing.TB, o ...Option) { Unnamed(t, o...) }},
		{"Spooled", func(t testing.TB, o ...Option) { Spooled(t, 0, o...) }},
		{"Path", func(t testing.TB, o ...Option) { Path(t, o...) }},
		{"Make", func(t testing.TB, o ...Option) { Make(t, 0o700, mkdir, os.RemoveAll, o...) }},
	}
}

func TestBadOptionsFailBeforeCreating(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(cleanDir(t), "missing")
	const part = `a name part cannot hold "/", "\", ".." or NUL; choose the directory with In`
	tests := []struct {
		name string
		opts []Option
		want string
	}{
		{"slash", []Option{Prefix("a/b")}, `tmptest: Prefix("a/b"): ` + part},
		{"backslash", []Option{Suffix(`a\b`)}, `tmptest: Suffix("a\\b"): ` + part},
		{"dotdot", []Option{Prefix("..")}, `tmptest: Prefix(".."): ` + part},
		{"dotdot inside", []Option{Suffix("x..y")}, `tmptest: Suffix("x..y"): ` + part},
		{"NUL", []Option{Suffix("x\x00")}, `tmptest: Suffix("x\x00"): ` + part},
		{"first bad option", []Option{Prefix("a/"), Suffix("/b")}, `tmptest: Prefix("a/"): ` + part},
		{"sticky", []Option{Perm(0o1777)}, "tmptest: Perm(0o1777): not a permission mode; accepted: 0 to 0o777"},
		{"setuid", []Option{Perm(fs.ModeSetuid | 0o755)}, "tmptest: Perm(0o40000755): not a permission mode; accepted: 0 to 0o777"},
		{"empty In", []Option{In("")}, `tmptest: In(""): empty directory name; leave out In to use BaseDir()`},
		{"missing In", []Option{In(missing)}, `tmptest: In("` + missing + `"): no such directory; create it first, or leave out In to use BaseDir()`},
		{"file In", []Option{In(file)}, `tmptest: In("` + file + `"): not a directory; create it first, or leave out In to use BaseDir()`},
	}
	for _, h := range allHelpers() {
		for _, tt := range tests {
			t.Run(h.name+"/"+tt.name, func(t *testing.T) {
				// Options after tt's point into a directory that must stay empty.
				opts := append([]Option{In(cleanDir(t))}, tt.opts...)
				got := fatalOf(t, func(t testing.TB) { h.call(t, opts...) })
				if got != tt.want {
					t.Errorf("Fatalf message:\n got: %s\nwant: %s", got, tt.want)
				}
			})
		}
	}
}

func TestPathRejectsDotLeaf(t *testing.T) {
	tests := []struct {
		opts []Option
		want string
	}{
		{[]Option{Prefix(".")}, `tmptest: Path: Prefix(".") and Suffix("") make ".", which names a directory, not a new entry; change the Prefix`},
		{[]Option{Prefix("."), Suffix(".")}, `tmptest: Path: Prefix(".") and Suffix(".") make "..", which names a directory, not a new entry; change the Prefix`},
	}
	for _, tt := range tests {
		dir := cleanDir(t)
		got := fatalOf(t, func(t testing.TB) { Path(t, append(tt.opts, In(dir))...) })
		if got != tt.want {
			t.Errorf("Fatalf message:\n got: %s\nwant: %s", got, tt.want)
		}
	}
}

func TestGoodNamePartsAccepted(t *testing.T) {
	for _, part := range []string{"", "a", ".", ".hidden", "a.b", "-x_", ".tar.gz", "ünï cödé", "a:b"} {
		if err := checkNamePart("Prefix", part); err != nil {
			t.Errorf("checkNamePart(%q) = %v; want nil", part, err)
		}
	}
}

func TestBaseDir(t *testing.T) {
	t.Setenv("TMPTEST_DIR", "")
	t.Setenv("GOTMPDIR", "")
	if got, want := BaseDir(), os.TempDir(); got != want {
		t.Errorf("BaseDir() = %q; want os.TempDir() %q", got, want)
	}
	t.Setenv("GOTMPDIR", "/from/gotmpdir")
	if got, want := BaseDir(), "/from/gotmpdir"; got != want {
		t.Errorf("BaseDir() = %q; want $GOTMPDIR %q", got, want)
	}
	t.Setenv("TMPTEST_DIR", "/from/tmptest_dir")
	if got, want := BaseDir(), "/from/tmptest_dir"; got != want {
		t.Errorf("BaseDir() = %q; want $TMPTEST_DIR %q", got, want)
	}
}

func TestBaseDirUsedAndChecked(t *testing.T) {
	dir := cleanDir(t)
	t.Setenv("TMPTEST_DIR", dir)
	f := faketb.New("TestBase", nil)
	f.Run(func(t testing.TB) {
		if got := filepath.Dir(Dir(t)); got != dir {
			t.Errorf("Dir's parent = %q; want $TMPTEST_DIR %q", got, dir)
		}
	})
	f.Finish()

	missing := filepath.Join(dir, "missing")
	t.Setenv("TMPTEST_DIR", missing)
	got := fatalOf(t, func(t testing.TB) { File(t) })
	want := `tmptest: TMPTEST_DIR="` + missing + `": no such directory; create it, or set TMPTEST_DIR to an existing directory`
	if got != want {
		t.Errorf("Fatalf message:\n got: %s\nwant: %s", got, want)
	}
	t.Setenv("TMPTEST_DIR", "")
	t.Setenv("GOTMPDIR", missing)
	got = fatalOf(t, func(t testing.TB) { Spooled(t, 1) })
	want = `tmptest: GOTMPDIR="` + missing + `": no such directory; create it, or set TMPTEST_DIR to an existing directory`
	if got != want {
		t.Errorf("Fatalf message:\n got: %s\nwant: %s", got, want)
	}
}

func TestRelativeDirMadeAbsolute(t *testing.T) {
	dir := cleanDir(t)
	t.Chdir(dir)
	if err := os.Mkdir("sub", 0o700); err != nil {
		t.Fatal(err)
	}
	defer os.Remove(filepath.Join(dir, "sub"))
	f := faketb.New("TestRel", nil)
	var got string
	f.Run(func(t testing.TB) { got = Dir(t, In("sub")) })
	if want := filepath.Join(dir, "sub"); filepath.Dir(got) != want {
		t.Errorf("Dir(In(\"sub\")) = %q; want it in %q", got, want)
	}
	t.Chdir(t.TempDir()) // cleanup must not depend on the working directory
	f.Finish()
	if _, err := os.Lstat(got); !os.IsNotExist(err) {
		t.Errorf("after cleanup, Lstat(%q) = %v; want not exist", got, err)
	}
}

func TestZeroOptionIgnored(t *testing.T) {
	for _, h := range allHelpers() {
		dir := cleanDir(t)
		f := faketb.New("TestZero", nil)
		if !f.Run(func(t testing.TB) { h.call(t, Option{}, In(dir), Option{}) }) {
			t.Errorf("%s(t, Option{}, In(dir), Option{}) failed: %s", h.name, f.Fatals())
		}
		f.Finish()
	}
}
