package review

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/tmpkit/tmpkit/internal/pending"
)

// testModule writes a module example.com/m holding files (slash paths to
// content; a value starting with "->" makes a symlink to the rest, a name
// ending in "*" an executable file) and returns it.
func testModule(t *testing.T, files map[string]string) pending.Module {
	t.Helper()
	root, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	files["go.mod"] = "module example.com/m\n\ngo 1.26\n"
	for name, content := range files {
		perm := os.FileMode(0o644)
		if n := len(name); name[n-1] == '*' {
			name, perm = name[:n-1], 0o755
		}
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if len(content) > 2 && content[:2] == "->" {
			err = os.Symlink(content[2:], p)
		} else {
			err = os.WriteFile(p, []byte(content), perm)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	return pending.Module{Root: root, Path: "example.com/m"}
}

// fileRec returns the record of a golden file whose old content was old
// (nil: missing) and output is got.
func fileRec(path, test string, old []byte, got string) pending.Record {
	r := pending.Record{Module: "example.com/m", Path: path, Kind: pending.File, Package: "example.com/m/" + filepath.ToSlash(filepath.Dir(filepath.Dir(path))),
		Test: test, Content: []byte(got)}
	if old != nil {
		r.Hash = pending.HashFile(old, false)
	}
	return r
}

// treeRec returns the record of a golden tree whose entries were old (nil:
// missing) and whose output is got.
func treeRec(path, test string, old, got []pending.Entry) pending.Record {
	r := pending.Record{Module: "example.com/m", Path: path, Kind: pending.Tree, Package: "example.com/m/" + filepath.ToSlash(filepath.Dir(filepath.Dir(path))),
		Test: test, Files: pending.Changes(old, got, false)}
	if old != nil {
		r.Hash = pending.HashTree(old, false)
	}
	return r
}

func paths(qs []Question) []string {
	var out []string
	for _, q := range qs {
		out = append(out, q.Path)
	}
	return out
}
