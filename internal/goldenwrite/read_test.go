package goldenwrite

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

func TestReadFile(t *testing.T) {
	t.Parallel()
	dir := setup(t, map[string]string{"a.golden": "a\r\n", "link.golden": "-> a.golden", "empty.golden": ""})
	for name, want := range map[string]string{"a.golden": "a\r\n", "link.golden": "a\r\n", "empty.golden": ""} {
		if b, err := ReadFile(dir, name, Options{}); err != nil || string(b) != want {
			t.Errorf("ReadFile(%s) = %q, %v; want %q", name, b, err, want)
		}
	}
	_, err := ReadFile(dir, "missing.golden", Options{Label: "testdata/missing.golden"})
	checkErr(t, err, `"testdata/missing.golden" does not exist: file does not exist`)
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing golden: %v is not fs.ErrNotExist", err)
	}
	if _, err := ReadFile(filepath.Join(dir, "nodir"), "a.golden", Options{}); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing golden dir: %v is not fs.ErrNotExist", err)
	}
	outside := setup(t, map[string]string{"secret": "x"})
	os.Symlink(filepath.Join(outside, "secret"), filepath.Join(dir, "escape.golden"))
	if _, err := ReadFile(dir, "escape.golden", Options{}); err == nil {
		t.Error("read through a symlink leading out of the golden directory")
	}
}

func TestReadTree(t *testing.T) {
	t.Parallel()
	dir := setup(t, map[string]string{
		"T.golden.d/a.txt":     "a\n",
		"T.golden.d/b/c.sh":    "#!/bin/sh\n",
		"T.golden.d/b/link":    "-> c.sh",
		"T.golden.d/a.d/x.txt": "x\n",
		"T.golden.d/empty/":    "",
		"file.golden":          "f\n",
	})
	os.Chmod(filepath.Join(dir, "T.golden.d", "b", "c.sh"), 0o755)
	files, err := ReadTree(dir, "T.golden.d", Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []File{
		{Name: "a.d/x.txt", Content: []byte("x\n")},
		{Name: "a.txt", Content: []byte("a\n")},
		{Name: "b/c.sh", Exec: runtime.GOOS != "windows", Content: []byte("#!/bin/sh\n")},
		{Name: "b/link", Symlink: true, Content: []byte("c.sh")},
	}
	if len(files) != len(want) {
		t.Fatalf("ReadTree = %+v, want %+v", files, want)
	}
	for i := range want {
		if f, w := files[i], want[i]; f.Name != w.Name || f.Exec != w.Exec || f.Symlink != w.Symlink || string(f.Content) != string(w.Content) {
			t.Errorf("file %d = %+v, want %+v", i, f, w)
		}
	}
	_, err = ReadTree(dir, "file.golden", Options{Label: "L"})
	checkErr(t, err, `"L" is a regular file, not a directory; a golden tree is a directory of files`)
	if _, err := ReadTree(dir, "missing.golden.d", Options{}); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing tree: %v", err)
	}
}

func TestTypeName(t *testing.T) {
	for m, want := range map[fs.FileMode]string{
		0:                                 "regular file",
		fs.ModeDir | 0o755:                "directory",
		fs.ModeSymlink:                    "symlink",
		fs.ModeNamedPipe:                  "named pipe (FIFO)",
		fs.ModeSocket:                     "socket",
		fs.ModeDevice | fs.ModeCharDevice: "character device",
		fs.ModeDevice:                     "block device",
		fs.ModeIrregular:                  "special file",
	} {
		if got := TypeName(m); got != want {
			t.Errorf("TypeName(%v) = %q, want %q", m, got, want)
		}
	}
}
