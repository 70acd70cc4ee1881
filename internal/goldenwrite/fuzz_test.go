package goldenwrite

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// FuzzWritePaths writes a golden file and a golden tree under names from
// the fuzzer, with a symlink leading out of the golden directory in place:
// whatever the names, nothing outside the golden directory changes.
func FuzzWritePaths(f *testing.F) {
	for _, s := range []string{"x.golden", "../x", "a/../../x", "/abs", "", ".", "out/x", "a//b", `a\..\x`, "T.golden.d/.git/x"} {
		f.Add(s, "a/b.txt")
	}
	f.Fuzz(func(t *testing.T, name, file string) {
		if strings.ContainsRune(name, 0) || strings.ContainsRune(file, 0) {
			return
		}
		parent := t.TempDir()
		dir := filepath.Join(parent, "testdata")
		secret := filepath.Join(parent, "secret")
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		os.WriteFile(secret, []byte("secret\n"), 0o644)
		os.Symlink(parent, filepath.Join(dir, "out"))
		WriteFile(dir, name, []byte("data\n"), Options{})
		WriteTree(dir, name, []File{{Name: file, Content: []byte("data\n")}}, Options{})
		entries, _ := os.ReadDir(parent)
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		if !slices.Equal(names, []string{"secret", "testdata"}) {
			t.Fatalf("WriteFile/WriteTree(%q, %q) changed the parent of the golden directory: %q", name, file, names)
		}
		if b, err := os.ReadFile(secret); err != nil || string(b) != "secret\n" {
			t.Fatalf("WriteFile/WriteTree(%q, %q) changed a file outside: %q %v", name, file, b, err)
		}
	})
}
