package review

import (
	"fmt"
	"slices"
	"testing"

	"github.com/tmpkit/tmpkit/internal/pending"
)

func TestLoadOrdersQuestions(t *testing.T) {
	mod := testModule(t, map[string]string{
		"b/testdata/TestB.golden":          "b\n",
		"a/testdata/TestT.golden/z.txt":    "z\n",
		"a/testdata/TestT.golden/gone.txt": "g\n",
		"a/testdata/TestT.golden/same.txt": "s\n",
	})
	oldTree := []pending.Entry{{Name: "gone.txt", Content: []byte("g\n")}, {Name: "same.txt", Content: []byte("s\n")}, {Name: "z.txt", Content: []byte("z\n")}}
	newTree := []pending.Entry{{Name: "new/x", Content: []byte("x\n")}, {Name: "same.txt", Content: []byte("s\n")}, {Name: "z.txt", Content: []byte("Z\n")}}
	records := []pending.Record{
		fileRec("b/testdata/TestB.golden", "TestB", []byte("b\n"), "B\n"),
		fileRec("a/testdata/TestA.golden", "TestA", nil, "new\n"),
		treeRec("a/testdata/TestT.golden", "TestT", oldTree, newTree),
		fileRec("b/testdata/TestB.golden", "TestB", []byte("b\n"), "B\n"), // the same change twice (-count=2)
	}
	goldens, qs, refused := Load(mod, records)
	if len(refused) > 0 {
		t.Fatalf("refused: %v", refused)
	}
	want := []string{
		"a/testdata/TestA.golden",
		"a/testdata/TestT.golden/gone.txt",
		"a/testdata/TestT.golden/new/x",
		"a/testdata/TestT.golden/z.txt",
		"b/testdata/TestB.golden",
	}
	if got := paths(qs); !slices.Equal(got, want) {
		t.Errorf("questions %q, want %q", got, want)
	}
	if len(goldens) != 3 {
		t.Errorf("%d goldens, want 3", len(goldens))
	}
	if g := qs[4].Golden; !slices.Equal(g.Tests, []string{"TestB (example.com/m/b)"}) || string(g.Old) != "b\n" || !g.Exists {
		t.Errorf("merged golden = %+v", g)
	}
	if g := qs[0].Golden; g.Exists {
		t.Errorf("a missing golden exists: %+v", g)
	}
}

// Load refuses, naming the golden and saying why, a record whose golden
// changed since it was recorded, records that disagree, records of another
// module, and goldens that cannot be read as what the record says.
func TestLoadRefuses(t *testing.T) {
	mod := testModule(t, map[string]string{
		"p/testdata/edited.golden": "edited\n",
		"p/testdata/now.golden":    "appeared\n",
		"p/testdata/tree.golden/a": "a\n",
		"p/testdata/file.golden":   "f\n",
		"p/testdata/dir.golden/x":  "x\n",
		"p/testdata/ok.golden":     "ok\n",
		"p/testdata/link.golden":   "->ok.golden",
	})
	other := fileRec("p/testdata/other.golden", "TestO", nil, "x\n")
	other.Module = "example.com/other"
	tree := treeRec("p/testdata/tree.golden", "TestTree", []pending.Entry{{Name: "a", Content: []byte("old\n")}}, nil)
	records := []pending.Record{
		fileRec("p/testdata/edited.golden", "TestE", []byte("recorded\n"), "out\n"),
		fileRec("p/testdata/now.golden", "TestN", nil, "out\n"),
		fileRec("p/testdata/gone.golden", "TestG", []byte("was there\n"), "out\n"),
		fileRec("p/testdata/twice.golden", "TestA", nil, "one\n"),
		fileRec("p/testdata/twice.golden", "TestB", nil, "two\n"),
		fileRec("p/testdata/os.golden", "TestOS", nil, "linux\n"),
		fileRec("p/testdata/os.golden", "TestOS", nil, "windows\n"),
		other,
		tree,
		fileRec("p/testdata/dir.golden", "TestD", []byte("x\n"), "y\n"),
		treeRec("p/testdata/file.golden", "TestF", []pending.Entry{{Name: "f"}}, nil),
		fileRec("p/testdata/link.golden", "TestL", []byte("ok\n"), "y\n"),
		fileRec("p/testdata/ok.golden", "TestOK", []byte("ok\n"), "fine\n"),
	}
	goldens, _, refused := Load(mod, records)
	var got []string
	for _, r := range refused {
		got = append(got, r.Error())
	}
	want := []string{
		`refused: "p/testdata/dir.golden" is a directory, not a regular file`,
		"refused p/testdata/edited.golden: it has changed since TestE (example.com/m/p) recorded its output; nothing of it is written; run the test again",
		`refused: "p/testdata/file.golden" is a regular file, not a directory; a golden tree is a directory of files`,
		"refused p/testdata/gone.golden: it existed when TestG (example.com/m/p) recorded its output, and it does not now; run the test again",
		`refused: "p/testdata/link.golden" is a symlink, which an update never writes through nor replaces`,
		"refused p/testdata/now.golden: it did not exist when TestN (example.com/m/p) recorded its output, and it does now; run the test again",
		"refused p/testdata/os.golden: two records of TestOS (example.com/m/p) hold different outputs for it (two runs or systems disagree); apply the records of one run at a time",
		"refused p/testdata/other.golden: recorded by TestO (example.com/m/p) in module example.com/other; this is module example.com/m",
		"refused p/testdata/tree.golden: it has changed since TestTree (example.com/m/p) recorded its output; nothing of it is written; run the test again",
		"refused p/testdata/twice.golden: TestA (example.com/m/p) and TestB (example.com/m/p) recorded different outputs for it; run them one at a time",
	}
	if !slices.Equal(got, want) {
		t.Errorf("refusals:\n%s\nwant\n%s", fmt.Sprint(got), fmt.Sprint(want))
		for i := range max(len(got), len(want)) {
			if i >= len(got) || i >= len(want) || got[i] != want[i] {
				t.Logf("first difference at %d", i)
				break
			}
		}
	}
	if len(goldens) != 1 || goldens[0].Record.Path != "p/testdata/ok.golden" {
		t.Errorf("goldens loaded: %+v", goldens)
	}
}
