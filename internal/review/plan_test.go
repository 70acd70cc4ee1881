package review

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/tmpkit/tmpkit/internal/pending"
)

// Accepting some entries of a tree writes only those; the others keep
// what the golden tree holds.
func TestWritePartOfATree(t *testing.T) {
	mod := testModule(t, map[string]string{"p/testdata/T.golden.d/a": "a1\n", "p/testdata/T.golden.d/b": "b1\n", "p/testdata/T.golden.d/c": "c\n"})
	old := []pending.Entry{{Name: "a", Content: []byte("a1\n")}, {Name: "b", Content: []byte("b1\n")}, {Name: "c", Content: []byte("c\n")}}
	got := []pending.Entry{{Name: "a", Content: []byte("a2\n")}, {Name: "b", Content: []byte("b2\n")}, {Name: "d", Content: []byte("d\n")}}
	goldens, qs, refused := Load(mod, []pending.Record{treeRec("p/testdata/T.golden.d", "TestT", old, got)})
	if len(refused) > 0 || !slices.Equal(paths(qs), []string{"p/testdata/T.golden.d/a", "p/testdata/T.golden.d/b", "p/testdata/T.golden.d/c", "p/testdata/T.golden.d/d"}) {
		t.Fatal(paths(qs), refused)
	}
	var out bytes.Buffer
	errs := Write(UpdateWriter{Module: mod}, &out, goldens, qs, []Answer{Accept, Reject, Skip, Accept})
	want := "+2 -1 p/testdata/T.golden.d/ (1 added, 1 changed)\n\t+1 -1 a\n\t+1 -0 d (new)\n"
	if len(errs) > 0 || out.String() != want {
		t.Errorf("errors %v, stdout:\n%s\nwant\n%s", errs, out.String(), want)
	}
	for p, want := range map[string]string{"p/testdata/T.golden.d/a": "a2\n", "p/testdata/T.golden.d/b": "b1\n", "p/testdata/T.golden.d/c": "c\n", "p/testdata/T.golden.d/d": "d\n"} {
		if got := read(t, mod, p); got != want {
			t.Errorf("%s = %q, want %q", p, got, want)
		}
	}
}

// A file that becomes a directory: accepting what goes inside without
// removing the file is refused, and nothing of the tree is written.
func TestWriteTreeConflict(t *testing.T) {
	mod := testModule(t, map[string]string{"p/testdata/T.golden.d/a": "file\n"})
	old := []pending.Entry{{Name: "a", Content: []byte("file\n")}}
	got := []pending.Entry{{Name: "a/b", Content: []byte("inside\n")}}
	goldens, qs, _ := Load(mod, []pending.Record{treeRec("p/testdata/T.golden.d", "TestT", old, got)})
	var out bytes.Buffer
	errs := Write(UpdateWriter{Module: mod}, &out, goldens, qs, []Answer{Reject, Accept})
	if len(errs) != 1 || errs[0].Error() != `refused p/testdata/T.golden.d: "a/b" lies below "a", which is a file: accept both changes or neither` {
		t.Errorf("errors %v", errs)
	}
	if read(t, mod, "p/testdata/T.golden.d/a") != "file\n" || out.String() != "" {
		t.Error("the tree changed")
	}
	// Both accepted, the file makes room for the directory.
	errs = Write(UpdateWriter{Module: mod}, &out, goldens, qs, []Answer{Accept, Accept})
	if len(errs) > 0 || read(t, mod, "p/testdata/T.golden.d/a/b") != "inside\n" {
		t.Errorf("errors %v, stdout %s", errs, out.String())
	}
}

func TestCount(t *testing.T) {
	if got := Count([]Answer{Accept, Accept, Reject, Skip, Skip}).String(); got != "2 accepted, 1 rejected, 2 skipped" {
		t.Errorf("Count = %q", got)
	}
	if !strings.HasPrefix(Count(nil).String(), "0 accepted") {
		t.Error("zero count")
	}
}
