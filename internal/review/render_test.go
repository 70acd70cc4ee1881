package review

import (
	"testing"

	"github.com/tmpkit/tmpkit/internal/pending"
)

func TestDescribe(t *testing.T) {
	mod := testModule(t, map[string]string{
		"p/testdata/TestText.golden":          "one\ntwo\r\nthree\n",
		"p/testdata/TestBin.golden":           "\x00\x01\x02",
		"p/testdata/TestT.golden/changed.txt": "a\nb\n",
		"p/testdata/TestT.golden/exec.sh*":    "#!/bin/sh\n",
		"p/testdata/TestT.golden/both.sh":     "old\n",
		"p/testdata/TestT.golden/gone.txt":    "bye\n",
		"p/testdata/TestT.golden/link":        "->changed.txt",
		"p/testdata/TestT.golden/was-link":    "->changed.txt",
	})
	oldTree := []pending.Entry{
		{Name: "both.sh", Content: []byte("old\n")},
		{Name: "changed.txt", Content: []byte("a\nb\n")},
		{Name: "exec.sh", Content: []byte("#!/bin/sh\n"), Exec: true},
		{Name: "gone.txt", Content: []byte("bye\n")},
		{Name: "link", Symlink: true, Target: "changed.txt"},
		{Name: "was-link", Symlink: true, Target: "changed.txt"},
	}
	newTree := []pending.Entry{
		{Name: "both.sh", Content: []byte("new\n"), Exec: true},
		{Name: "changed.txt", Content: []byte("a\nc\n")},
		{Name: "exec.sh", Content: []byte("#!/bin/sh\n")},
		{Name: "link", Symlink: true, Target: "exec.sh"},
		{Name: "new.txt", Content: []byte("hello\n")},
		{Name: "new-link", Symlink: true, Target: "new.txt"},
		{Name: "was-link", Content: []byte("now a file\n")},
	}
	records := []pending.Record{
		fileRec("p/testdata/TestText.golden", "TestText", []byte("one\ntwo\nthree\n"), "one\n2\nthree\n"),
		fileRec("p/testdata/TestBin.golden", "TestBin", []byte("\x00\x01\x02"), "\x00\x01\x03"),
		fileRec("p/testdata/TestNew.golden", "TestNew", nil, "first\nsecond\n"),
		treeRec("p/testdata/TestT.golden", "TestT", oldTree, newTree),
		treeRec("p/testdata/TestNewTree.golden", "TestNewTree", nil, []pending.Entry{{Name: "a", Content: []byte("a\n")}}),
	}
	_, qs, refused := Load(mod, records)
	if len(refused) > 0 {
		t.Fatal(refused)
	}
	want := map[string]string{
		"p/testdata/TestBin.golden": `golden: "p/testdata/TestBin.golden" differs from the output:
binary content differs: want 3 bytes, got 3 bytes; first difference at offset 2 (0x2)
want: 00000000  00 01 02                                          |...|
got:  00000000  00 01 03                                          |...|
`,
		"p/testdata/TestNew.golden": `golden: "p/testdata/TestNew.golden" does not exist; the output:
--- p/testdata/TestNew.golden
+++ got
@@ -0,0 +1,2 @@
+first
+second
`,
		"p/testdata/TestNewTree.golden/a": `golden: tree "p/testdata/TestNewTree.golden" does not exist; "a" is new in the output:
--- p/testdata/TestNewTree.golden/a
+++ got
@@ -0,0 +1 @@
+a
`,
		"p/testdata/TestT.golden/both.sh": `golden: tree "p/testdata/TestT.golden": "both.sh" is executable in the output, not executable in the golden tree
golden: tree "p/testdata/TestT.golden": "both.sh" differs from the output (-want +got):
--- p/testdata/TestT.golden/both.sh
+++ got
@@ -1 +1 @@
-old
+new
`,
		"p/testdata/TestT.golden/changed.txt": `golden: tree "p/testdata/TestT.golden": "changed.txt" differs from the output (-want +got):
--- p/testdata/TestT.golden/changed.txt
+++ got
@@ -1,2 +1,2 @@
 a
-b
+c
`,
		"p/testdata/TestT.golden/exec.sh": `golden: tree "p/testdata/TestT.golden": "exec.sh" is not executable in the output, executable in the golden tree
`,
		"p/testdata/TestT.golden/gone.txt": `golden: tree "p/testdata/TestT.golden": "gone.txt" is no longer in the output:
--- p/testdata/TestT.golden/gone.txt
+++ got
@@ -1 +0,0 @@
-bye
`,
		"p/testdata/TestT.golden/link": `golden: tree "p/testdata/TestT.golden": "link" is a symlink to "exec.sh" in the output, to "changed.txt" in the golden tree
`,
		"p/testdata/TestT.golden/new-link": `golden: tree "p/testdata/TestT.golden": "new-link" is new in the output:
+ symlink to "new.txt"
`,
		"p/testdata/TestT.golden/new.txt": `golden: tree "p/testdata/TestT.golden": "new.txt" is new in the output:
--- p/testdata/TestT.golden/new.txt
+++ got
@@ -0,0 +1 @@
+hello
`,
		"p/testdata/TestT.golden/was-link": `golden: tree "p/testdata/TestT.golden": "was-link" is a file in the output, a symlink to "changed.txt" in the golden tree:
- symlink to "changed.txt"
--- p/testdata/TestT.golden/was-link
+++ got
@@ -0,0 +1 @@
+now a file
`,
		// The golden's CRLF is folded before the diff, as the test does.
		"p/testdata/TestText.golden": `golden: "p/testdata/TestText.golden" differs from the output (-want +got):
--- p/testdata/TestText.golden
+++ got
@@ -1,3 +1,3 @@
 one
-two
+2
 three
`,
	}
	if len(qs) != len(want) {
		t.Errorf("%d questions, want %d: %q", len(qs), len(want), paths(qs))
	}
	for _, q := range qs {
		if got := Describe(q); got != want[q.Path] {
			t.Errorf("Describe(%s) =\n%s\nwant\n%s", q.Path, got, want[q.Path])
		}
	}
}
