package tmptest

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"

	"github.com/tmpkit/tmpkit/internal/faketb"
)

// names returns a name source for withNames that yields list, then fails
// the test.
func names(t *testing.T, list ...string) func() string {
	return func() string {
		if len(list) == 0 {
			t.Error("the helper asked for more names than planned")
			return "exhausted"
		}
		next := list[0]
		list = list[1:]
		return next
	}
}

// TestCollisionLeavesWhatWasThere plants a regular file and a dangling
// symbolic link at the first two names a helper will try: the helper must
// take the third name, and the planted things must be exactly as before.
func TestCollisionLeavesWhatWasThere(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links need privileges on Windows")
	}
	for _, h := range allHelpers() {
		t.Run(h.name, func(t *testing.T) {
			dir := t.TempDir()
			outside := t.TempDir()
			target := filepath.Join(outside, "target") // the link dangles: nothing is here
			planted := filepath.Join(dir, "TestPlant-file")
			link := filepath.Join(dir, "TestPlant-link")
			if err := os.WriteFile(planted, []byte("precious"), 0o640); err != nil {
				t.Fatal(err)
			}
			if err := os.Symlink(target, link); err != nil {
				t.Fatal(err)
			}

			f := faketb.New("TestPlant", nil)
			opts := []Option{In(dir), withNames(names(t, "file", "link", "free"))}
			if h.name == "Unnamed" {
				opts = append(opts, withTmpfile(refuseTmpfile(syscall.EOPNOTSUPP)))
			}
			if !f.Run(func(t testing.TB) {
				h.call(t, opts...)
				if h.name == "Spooled" {
					if err := Spooled(t, 0, opts...).Rollover(); err != nil {
						t.Fatalf("Rollover: %v", err)
					}
				}
			}) {
				t.Fatalf("%s failed: %s", h.name, f.Fatals())
			}

			got, err := os.ReadFile(planted)
			if err != nil || !bytes.Equal(got, []byte("precious")) {
				t.Errorf("planted file holds %q, %v; want \"precious\"", got, err)
			}
			if info, err := os.Lstat(planted); err != nil || info.Mode() != 0o640 {
				t.Errorf("planted file: Lstat = %v, %v; want mode -rw-r-----", info.Mode(), err)
			}
			if got, err := os.Readlink(link); err != nil || got != target {
				t.Errorf("planted link: Readlink = %q, %v; want %q", got, err, target)
			}
			if names := list(t, outside); len(names) != 0 {
				t.Errorf("the link's target directory holds %q; want nothing created through the link", names)
			}
			if h.name != "Unnamed" {
				if _, err := os.Lstat(filepath.Join(dir, "TestPlant-free")); err != nil {
					t.Errorf("%s did not take the free name: %v", h.name, err)
				}
			}
			f.Finish()
			if got := list(t, dir); len(got) != 2 {
				t.Errorf("after cleanup %s holds %q; want only the planted file and link", dir, got)
			}
		})
	}
}

func TestNoUnusedNameFails(t *testing.T) {
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "TestFake-same"), 0o700); err != nil {
		t.Fatal(err)
	}
	got := fatalOf(t, func(t testing.TB) { File(t, In(dir), withNames(func() string { return "same" })) })
	want := `tmptest: In("` + dir + `"): no unused name after 10000 tries`
	if got != want {
		t.Errorf("Fatalf message:\n got: %s\nwant: %s", got, want)
	}
}

// refuseTmpfile makes Unnamed's O_TMPFILE open fail with errno.
func refuseTmpfile(errno syscall.Errno) func(dir, name string, perm fs.FileMode) (*os.File, error) {
	return func(dir, name string, perm fs.FileMode) (*os.File, error) {
		return nil, &fs.PathError{Op: "open", Path: dir, Err: errno}
	}
}
