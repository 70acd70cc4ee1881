package pending

import (
	"github.com/tmpkit/tmpkit/internal/goldenwrite"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"testing"
)

func TestHashFile(t *testing.T) {
	lf := HashFile([]byte("a\nb\n"), false)
	if crlf := HashFile([]byte("a\r\nb\r\n"), false); crlf != lf {
		t.Error("a CRLF checkout of a text golden hashes differently from its LF checkout")
	}
	if exact := HashFile([]byte("a\r\nb\r\n"), true); exact == lf {
		t.Error("under Exact, CRLF and LF hash the same")
	}
	if bin := HashFile([]byte("\x00\r\n"), false); bin == HashFile([]byte("\x00\n"), false) {
		t.Error("binary content had its CRLF folded")
	}
	const empty = "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
	if h := HashFile(nil, false); h != empty {
		t.Errorf("HashFile(nil) = %s, want %s", h, empty)
	}
}

func TestHashTree(t *testing.T) {
	base := []Entry{
		{Name: "a", Content: []byte("x\n")},
		{Name: "b/c", Content: []byte("y"), Exec: true},
		{Name: "l", Symlink: true, Target: "a"},
	}
	h := HashTree(base, false)
	reordered := []Entry{base[2], base[0], base[1], {Name: "gone", Removed: true}}
	if HashTree(reordered, false) != h {
		t.Error("the order of entries, or a removed entry, changed the hash")
	}
	if HashTree([]Entry{{Name: "a", Content: []byte("x\r\n")}, base[1], base[2]}, false) != h {
		t.Error("a CRLF checkout changed the hash")
	}
	changes := map[string][]Entry{
		"content":    {{Name: "a", Content: []byte("z\n")}, base[1], base[2]},
		"exec bit":   {base[0], {Name: "b/c", Content: []byte("y")}, base[2]},
		"target":     {base[0], base[1], {Name: "l", Symlink: true, Target: "b"}},
		"type":       {base[0], base[1], {Name: "l", Content: []byte("a")}},
		"name":       {{Name: "A", Content: []byte("x\n")}, base[1], base[2]},
		"boundaries": {{Name: "a", Content: []byte("x\nb/c")}, base[2]},
		"one less":   base[:2],
	}
	for what, entries := range changes {
		if HashTree(entries, false) == h {
			t.Errorf("a change of %s left the hash as it was", what)
		}
	}
}

// The hash of a tree read from disk with goldenwrite.ReadTree, as review
// and apply read it, is the hash of the entries golden's side records.
func TestHashTreeFromDisk(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string, perm os.FileMode) {
		p := filepath.Join(dir, "t.golden.d", filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), perm); err != nil {
			t.Fatal(err)
		}
	}
	write("a.x", "ax", 0o644)
	write("a/b", "ab\r\n", 0o600)
	write("bin/run", "#!/bin/sh\n", 0o755)
	if err := os.Symlink("../a.x", filepath.Join(dir, "t.golden.d", "bin", "link")); err != nil {
		t.Fatal(err)
	}
	files, err := goldenwrite.ReadTree(dir, "t.golden.d", goldenwrite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := FromFiles(files)
	want := []Entry{
		{Name: "a.x", Content: []byte("ax")},
		{Name: "a/b", Content: []byte("ab\r\n")},
		{Name: "bin/link", Symlink: true, Target: "../a.x"},
		{Name: "bin/run", Content: []byte("#!/bin/sh\n"), Exec: runtime.GOOS != "windows"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("FromFiles(ReadTree) =\n%+v\nwant\n%+v", got, want)
	}
	if HashTree(got, false) != HashTree(want, false) {
		t.Error("hash differs")
	}
	for i, e := range want {
		if f := e.File(); !reflect.DeepEqual(f, files[i]) {
			t.Errorf("Entry.File() = %+v, want %+v", f, files[i])
		}
	}
}
