package tmptest

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// Dir creates a new directory, mode 0700, directly in [BaseDir] (or the
// directory of [In]) and returns its absolute path: Python's
// TemporaryDirectory and mkdtemp. At cleanup the directory is removed with
// everything in it, even what the test made read-only; symbolic links in
// it are removed, never followed. [Keep] and TMPTEST_KEEP keep it instead.
//
// Where t.TempDir nests all directories of a test in one parent named
// after it, Dir makes each one directly in its base directory, named after
// the test, and options choose its name, place and mode.
func Dir(t testing.TB, opts ...Option) string {
	t.Helper()
	c, err := resolve(opts, 0o700)
	if err != nil {
		t.Fatalf("%v", err)
	}
	dir, err := c.mkdir(t.Name(), maxTestName)
	if err != nil {
		t.Fatalf("%v", err)
	}
	c.atCleanup(t, dir, dir, nil, removeAll)
	return dir
}

// File creates a new file, mode 0600, directly in [BaseDir] (or the
// directory of [In]) and returns it open for reading and writing at offset
// 0: Python's NamedTemporaryFile. It is created with O_CREATE|O_EXCL under
// a fresh unpredictable name, so nothing already there is ever opened. At
// cleanup it is closed (closing it earlier is fine) and removed; [Keep] and
// TMPTEST_KEEP keep it instead.
func File(t testing.TB, opts ...Option) *os.File {
	t.Helper()
	c, err := resolve(opts, 0o600)
	if err != nil {
		t.Fatalf("%v", err)
	}
	f, err := c.openFile(t.Name())
	if err != nil {
		t.Fatalf("%v", err)
	}
	c.atCleanup(t, f.Name(), f.Name(), f.Close, removeAll)
	return f
}

// WriteFile creates a file as [File] does, writes content to it, closes
// it and returns its path: the quickest way to hand an input file to the
// code under test.
func WriteFile[T ~string | ~[]byte](t testing.TB, content T, opts ...Option) string {
	t.Helper()
	c, err := resolve(opts, 0o600)
	if err != nil {
		t.Fatalf("%v", err)
	}
	path, err := c.writeFile([]byte(content), t.Name())
	if err != nil {
		t.Fatalf("%v", err)
	}
	c.atCleanup(t, path, path, nil, removeAll)
	return path
}

// writeFile is the work of [WriteFile]. A failed write removes the file.
func (c *config) writeFile(content []byte, testName string) (string, error) {
	f, err := c.openFile(testName)
	if err != nil {
		return "", err
	}
	_, err = f.Write(content)
	if err1 := f.Close(); err == nil {
		err = err1
	}
	if err != nil {
		os.Remove(f.Name())
		return "", fmt.Errorf("tmptest: %w", err)
	}
	return f.Name(), nil
}

// Path returns a path where nothing exists, for code under test that
// insists on creating its file, socket or directory itself: Python's
// mktemp, made safe. The path lies in a fresh directory, mode 0700
// (or [Perm]), created in [BaseDir] (or the directory of [In]) and removed
// with whatever the test put in it at cleanup. The last element is the
// [Prefix] ("tmp" if none is given) followed by the [Suffix].
//
// The path is kept under 100 bytes, shortening the test name in it as
// needed, so net.Listen("unix", path) works even in a test with a long
// name, unless the base directory alone is too long for that (set
// TMPTEST_DIR or use [In] with a shorter one, such as "/tmp").
func Path(t testing.TB, opts ...Option) string {
	t.Helper()
	c, err := resolve(opts, 0o700)
	if err != nil {
		t.Fatalf("%v", err)
	}
	leaf, err := c.pathLeaf()
	if err != nil {
		t.Fatalf("%v", err)
	}
	dir, err := c.pathDir(t.Name(), leaf)
	if err != nil {
		t.Fatalf("%v", err)
	}
	path := filepath.Join(dir, leaf)
	c.atCleanup(t, dir, path, nil, removeAll)
	return path
}

// pathLeaf is the last element of a [Path].
func (c *config) pathLeaf() (string, error) {
	prefix := c.prefix
	if prefix == "" {
		prefix = "tmp"
	}
	leaf := prefix + c.suffix
	if leaf == "." || leaf == ".." {
		return "", fmt.Errorf("tmptest: Path: Prefix(%q) and Suffix(%q) make %q, which names a directory, not a new entry; change the Prefix", c.prefix, c.suffix, leaf)
	}
	return leaf, nil
}

// pathDir creates the fresh directory of a [Path], with as much of the
// test name as fits for dir/name/leaf to stay within maxSocketPath bytes.
func (c *config) pathDir(testName, leaf string) (string, error) {
	room := maxSocketPath - len(c.dir) - len("/-") - randomLen - len("/") - len(leaf)
	sub := *c
	sub.prefix, sub.suffix = "", ""
	return sub.mkdir(testName, min(max(room, 0), maxTestName))
}
