package aferoadapter

import (
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path"
	"strconv"
	"strings"
	"testing"

	"github.com/spf13/afero"

	"github.com/tmpkit/tmpkit/tmptest"
)

// TempDir creates a new directory on afs for the test t and returns its
// name, as tmptest.Dir does on the disk, with the same options and rules:
//
//   - It is created in tmptest.In(dir), which must exist on afs, or else in
//     tmptest.BaseDir() on afs, created if missing (a fresh NewMemFs has no
//     /tmp).
//   - Its name is tmptest.Prefix (by default the sanitised test name), a
//     random part, and tmptest.Suffix; it is created with Mkdir, which fails
//     on an existing name, so it is always new.
//   - Its mode is tmptest.Perm, exactly, or 0700.
//   - At cleanup it is removed with all it holds, read-only directories
//     included, never following a link, unless tmptest.Keep() was given or
//     TMPTEST_KEEP (read then) says to keep it: "failed" keeps it when t
//     failed, "all" always; the kept name is logged. Any other value than
//     those, "never" or empty fails the test.
//
// TempDir fails the test if the options are invalid or the directory cannot
// be created.
func TempDir(t testing.TB, afs afero.Fs, opts ...tmptest.Option) string {
	t.Helper()
	name, _, c, err := makeTemp(afs, t.Name(), opts, true)
	if err != nil {
		t.Fatalf("aferoadapter: TempDir: %v\n(check the tmptest options and that afs is writable)", err)
		return ""
	}
	t.Cleanup(func() { cleanup(t, afs, name, c.keep, nil) })
	return name
}

// TempFile creates a new file on afs for the test t, opened for reading
// and writing, with the rules of [TempDir]; its default mode is 0600. At
// cleanup it is closed (if the test did not) and removed unless kept.
func TempFile(t testing.TB, afs afero.Fs, opts ...tmptest.Option) afero.File {
	t.Helper()
	name, f, c, err := makeTemp(afs, t.Name(), opts, false)
	if err != nil {
		t.Fatalf("aferoadapter: TempFile: %v\n(check the tmptest options and that afs is writable)", err)
		return nil
	}
	t.Cleanup(func() { cleanup(t, afs, name, c.keep, f) })
	return f
}

// makeTemp creates a fresh directory (dir) or empty file on afs as opts
// say, and returns its name and, for a file, its open handle.
func makeTemp(afs afero.Fs, testName string, opts []tmptest.Option, dir bool) (string, afero.File, tempConfig, error) {
	c, err := resolveOptions(opts)
	if err != nil {
		return "", nil, c, err
	}
	parent := c.dir
	if parent == "" {
		parent = toSlash(tmptest.BaseDir())
		if err := afs.MkdirAll(parent, 0o755); err != nil {
			return "", nil, c, fmt.Errorf("create the base directory: %w", err)
		}
	} else if info, err := afs.Stat(parent); err != nil {
		return "", nil, c, fmt.Errorf("tmptest.In(%q): %w", parent, err)
	} else if !info.IsDir() {
		return "", nil, c, fmt.Errorf("tmptest.In(%q): not a directory", parent)
	}
	prefix := c.prefix
	if !c.prefixSet {
		prefix = sanitize(testName) + "-"
	}
	perm := fs.FileMode(0o700)
	if !dir {
		perm = 0o600
	}
	if c.permSet {
		perm = c.perm
	}
	for range 10000 {
		name := path.Join(parent, prefix+strconv.FormatUint(uint64(rand.Uint32()), 10)+c.suffix)
		var f afero.File
		if dir {
			err = afs.Mkdir(name, 0o700)
		} else {
			f, err = afs.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
		}
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return "", nil, c, err
		}
		// The exact mode, whatever the umask, set once created: the open
		// handle stays writable even when the mode is read-only.
		if err := afs.Chmod(name, perm); err != nil {
			if f != nil {
				f.Close()
			}
			afs.RemoveAll(name)
			return "", nil, c, err
		}
		return name, f, c, nil
	}
	return "", nil, c, fmt.Errorf("no unused name in %s after 10000 tries", parent)
}

// sanitize turns a test name into a name part: letters, digits, '.', '_'
// and '-' stay, the rest becomes '_', at most 64 bytes.
func sanitize(name string) string {
	b := []byte(name)
	for i, c := range b {
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '.' || c == '_' || c == '-') {
			b[i] = '_'
		}
	}
	return strings.TrimLeft(string(b[:min(len(b), 64)]), ".")
}
