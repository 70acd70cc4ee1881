//go:build unix

package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tmpkit/tmpkit/internal/pending"
)

// A module with three goldens and, for a fake go command, the records and
// the go test -json events of a run that changed all three: the command's
// terminal and pipe handling is tested without running real tests (the
// end-to-end tests do that).

var scenarioFiles = map[string]string{
	"go.mod":                        "module example.com/m\n\ngo 1.26\n",
	"a/testdata/TestA.golden":       "a\n",
	"b/testdata/TestB.golden":       "b\n",
	"c/testdata/TestC.golden/f.txt": "c\n",
}

const scenarioEvents = `{"Action":"start","Package":"example.com/m/a"}
{"Action":"fail","Package":"example.com/m/a","Test":"TestA"}
{"Action":"fail","Package":"example.com/m/a"}
{"Action":"fail","Package":"example.com/m/b","Test":"TestB"}
{"Action":"fail","Package":"example.com/m/b"}
{"Action":"fail","Package":"example.com/m/c","Test":"TestC"}
{"Action":"fail","Package":"example.com/m/c"}
`

// fakeGo is a go command that, for "go test", copies the records in
// $FAKE_RECORDS into $GOLDEN_PENDING, prints $FAKE_EVENTS and exits with
// $FAKE_EXIT; for "go list" it lists three packages.
const fakeGo = `#!/bin/sh
case "$1" in
list) printf 'a\nb\nc\n' ;;
test)
	[ -n "$UPDATE_GOLDEN" ] && { echo "UPDATE_GOLDEN leaked into go test" >&2; exit 3; }
	for f in "$FAKE_RECORDS"/*; do [ -f "$f" ] && cp "$f" "$GOLDEN_PENDING"/; done
	cat "$FAKE_EVENTS"
	exit "$FAKE_EXIT" ;;
*) echo "fake go: $*" >&2; exit 2 ;;
esac
`

// scenario writes the module and the fake go command, and returns the
// module root and the environment that puts the fake go first in PATH.
func scenario(t *testing.T, events string, exit string) (string, []string) {
	t.Helper()
	base := t.TempDir()
	root := filepath.Join(base, "m")
	for name, content := range scenarioFiles {
		write(t, filepath.Join(root, filepath.FromSlash(name)), content, 0o644)
	}
	rec := func(path, test string, old, got string) pending.Record {
		return pending.Record{Module: "example.com/m", Path: path, Kind: pending.File, Package: "example.com/m/" + path[:1],
			Test: test, Hash: pending.HashFile([]byte(old), false), Content: []byte(got)}
	}
	tree := pending.Record{Module: "example.com/m", Path: "c/testdata/TestC.golden", Kind: pending.Tree, Package: "example.com/m/c",
		Test: "TestC", Hash: pending.HashTree([]pending.Entry{{Name: "f.txt", Content: []byte("c\n")}}, false),
		Files: []pending.Entry{{Name: "f.txt", Content: []byte("C\n")}}}
	records := filepath.Join(base, "records")
	if err := os.Mkdir(records, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, r := range []pending.Record{rec("a/testdata/TestA.golden", "TestA", "a\n", "A\n"), rec("b/testdata/TestB.golden", "TestB", "b\n", "B\n"), tree} {
		if err := pending.Write(records, r); err != nil {
			t.Fatal(err)
		}
	}
	bin := filepath.Join(base, "bin")
	write(t, filepath.Join(bin, "go"), fakeGo, 0o755)
	write(t, filepath.Join(base, "events.json"), events, 0o644)
	env := []string{"PATH=" + bin + string(os.PathListSeparator) + os.Getenv("PATH"),
		"FAKE_RECORDS=" + records, "FAKE_EVENTS=" + filepath.Join(base, "events.json"), "FAKE_EXIT=" + exit}
	return root, env
}

// snapshot returns every file below root with its content, for comparing
// a module before and after.
func snapshot(t *testing.T, root string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(root, p)
		files[filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func unchanged(t *testing.T, before, after map[string]string) {
	t.Helper()
	for name, content := range after {
		if before[name] != content {
			t.Errorf("%s changed: %q, was %q", name, content, before[name])
		}
	}
	for name := range before {
		if _, ok := after[name]; !ok {
			t.Errorf("%s was removed", name)
		}
	}
}

const prompt = "accept, reject, skip or quit? [a/r/s/q] "

// The transcript of a review through pipes: no colour, no progress, one
// answer per line.
func TestReviewPipe(t *testing.T) {
	root, env := scenario(t, scenarioEvents, "1")
	before := snapshot(t, root)
	r := runCmd(t, root, "a\nwhat\nr\ns\n", env, "review")
	want := `[1/3] TestA (example.com/m/a)
golden: "a/testdata/TestA.golden" differs from the output (-want +got):
--- a/testdata/TestA.golden
+++ got
@@ -1 +1 @@
-a
+A
` + prompt + "accept\n" + `
[2/3] TestB (example.com/m/b)
golden: "b/testdata/TestB.golden" differs from the output (-want +got):
--- b/testdata/TestB.golden
+++ got
@@ -1 +1 @@
-b
+B
` + prompt + "\n" + prompt + "reject\n" + `
[3/3] TestC (example.com/m/c)
golden: tree "c/testdata/TestC.golden": "f.txt" differs from the output (-want +got):
--- c/testdata/TestC.golden/f.txt
+++ got
@@ -1 +1 @@
-c
+C
` + prompt + "skip\n\n" + "1 accepted, 1 rejected, 1 skipped\n+1 -1 a/testdata/TestA.golden\n"
	if r.stdout != want || r.code != 0 {
		t.Errorf("exit %d, stdout:\n%s\nwant\n%s", r.code, r.stdout, want)
	}
	if r.stderr != "answer a (accept), r (reject), s (skip) or q (quit)\n" {
		t.Errorf("stderr: %q", r.stderr)
	}
	// Exactly the accepted golden changed.
	before["a/testdata/TestA.golden"] = "A\n"
	unchanged(t, before, snapshot(t, root))
}

func TestReviewAcceptAll(t *testing.T) {
	root, env := scenario(t, scenarioEvents, "1")
	r := runCmd(t, root, "", env, "review", "--accept-all")
	want := "accept a/testdata/TestA.golden (changed)\naccept b/testdata/TestB.golden (changed)\naccept c/testdata/TestC.golden/f.txt (changed)\n" +
		"3 accepted, 0 rejected, 0 skipped\n+1 -1 a/testdata/TestA.golden\n+1 -1 b/testdata/TestB.golden\n" +
		"+1 -1 c/testdata/TestC.golden/ (1 changed)\n\t+1 -1 f.txt\n"
	if r.code != 0 || r.stdout != want || r.stderr != "" {
		t.Errorf("exit %d, stdout:\n%s\nwant\n%s\nstderr:\n%s", r.code, r.stdout, want, r.stderr)
	}
	after := snapshot(t, root)
	for p, want := range map[string]string{"a/testdata/TestA.golden": "A\n", "b/testdata/TestB.golden": "B\n", "c/testdata/TestC.golden/f.txt": "C\n"} {
		if after[p] != want {
			t.Errorf("%s = %q, want %q", p, after[p], want)
		}
	}
	// A second review finds the same records (the fake go replays them),
	// now refused: the goldens changed since.
	r = runCmd(t, root, "", env, "review", "--accept-all")
	if r.code != 1 || !strings.Contains(r.stderr, "refused a/testdata/TestA.golden: it has changed since TestA (example.com/m/a) recorded its output") {
		t.Errorf("second review: exit %d, stderr:\n%s", r.code, r.stderr)
	}
}

func TestReviewRejectAllJSON(t *testing.T) {
	root, env := scenario(t, scenarioEvents, "1")
	before := snapshot(t, root)
	r := runCmd(t, root, "", env, "review", "--reject-all", "--json")
	lines := strings.Split(strings.TrimSuffix(r.stdout, "\n"), "\n")
	if r.code != 0 || len(lines) != 3 {
		t.Fatalf("exit %d, stdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
	}
	for i, want := range []string{`"golden":"a/testdata/TestA.golden","kind":"file"`, `"golden":"b/testdata/TestB.golden","kind":"file"`,
		`"golden":"c/testdata/TestC.golden","file":"f.txt","kind":"tree"`} {
		if !strings.Contains(lines[i], want) || !strings.HasSuffix(lines[i], `"decision":"reject"}`) {
			t.Errorf("line %d: %s\nwant it to hold %s", i+1, lines[i], want)
		}
	}
	if r.stderr != "0 accepted, 3 rejected, 0 skipped\n" {
		t.Errorf("stderr: %q", r.stderr)
	}
	unchanged(t, before, snapshot(t, root))

	r = runCmd(t, root, "", env, "review", "--reject-all")
	want := "reject a/testdata/TestA.golden (changed)\nreject b/testdata/TestB.golden (changed)\nreject c/testdata/TestC.golden/f.txt (changed)\n" +
		"0 accepted, 3 rejected, 0 skipped\n"
	if r.stdout != want || r.code != 0 || r.stderr != "" {
		t.Errorf("--reject-all: exit %d, stdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
	}
}

// A build failure stops the review before any question: exit 1, the
// compiler's output on stderr.
func TestReviewBuildFailure(t *testing.T) {
	events := `{"ImportPath":"example.com/m/b [example.com/m/b.test]","Action":"build-output","Output":"b/b_test.go:3:28: undefined: x\n"}
{"ImportPath":"example.com/m/b [example.com/m/b.test]","Action":"build-fail"}
` + scenarioEvents
	root, env := scenario(t, events, "1")
	r := runCmd(t, root, "a\na\na\n", env, "review")
	want := "b/b_test.go:3:28: undefined: x\ngolden review: the tests did not build (example.com/m/b [example.com/m/b.test]); nothing to review\n"
	if r.code != 1 || r.stdout != "" || r.stderr != want {
		t.Errorf("exit %d, stdout %q, stderr:\n%s", r.code, r.stdout, r.stderr)
	}
}

// Tests that failed without recording a change are named; no change means
// nothing is asked.
func TestReviewOtherFailures(t *testing.T) {
	root, env := scenario(t, `{"Action":"fail","Package":"example.com/m/d","Test":"TestD/sub"}
{"Action":"fail","Package":"example.com/m/d","Test":"TestD"}
{"Action":"fail","Package":"example.com/m/d"}
{"Action":"fail","Package":"example.com/m/e"}
`, "1")
	os.RemoveAll(filepath.Join(filepath.Dir(root), "records"))
	r := runCmd(t, root, "", env, "review")
	want := "golden review: these failed for another reason than a golden; run go test to see why:\n" +
		"\tTestD/sub (example.com/m/d)\n\t(example.com/m/e, outside any test)\n"
	if r.code != 0 || r.stdout != "no golden differs from its test's output\n" || r.stderr != want {
		t.Errorf("exit %d, stdout %q, stderr:\n%s", r.code, r.stdout, r.stderr)
	}
}

func TestReviewRefusedUnderCI(t *testing.T) {
	root, env := scenario(t, scenarioEvents, "1")
	r := runCmd(t, root, "a\n", append(env, "CI=true"), "review")
	want := "golden review: writes are refused under CI=true (--force overrides this), or use --reject-all to list the changes\n"
	if r.code != 1 || r.stdout != "" || r.stderr != want {
		t.Errorf("exit %d, stdout %q, stderr:\n%s", r.code, r.stdout, r.stderr)
	}
	if r := runCmd(t, root, "", append(env, "CI=true"), "review", "--reject-all"); r.code != 0 {
		t.Errorf("--reject-all under CI: exit %d, %s", r.code, r.stderr)
	}
}

// apply writes the records found below a directory, refusing the one
// whose golden changed since.
func TestApplyCommand(t *testing.T) {
	root, _ := scenario(t, "", "0")
	records := filepath.Join(filepath.Dir(root), "records")
	write(t, filepath.Join(root, "b", "testdata", "TestB.golden"), "edited\n", 0o644)
	r := runCmd(t, filepath.Join(root, "c"), "", nil, "apply", "--dry-run", records)
	want := "+1 -1 a/testdata/TestA.golden\n+1 -1 c/testdata/TestC.golden/ (1 changed)\n\t+1 -1 f.txt\n"
	refused := "golden apply: refused b/testdata/TestB.golden: it has changed since TestB (example.com/m/b) recorded its output; nothing of it is written; run the test again\n"
	if r.code != 1 || r.stdout != want || r.stderr != refused+"golden apply: dry run, nothing written\n" {
		t.Errorf("--dry-run: exit %d, stdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
	}
	if snapshot(t, root)["a/testdata/TestA.golden"] != "a\n" {
		t.Error("--dry-run wrote")
	}
	r = runCmd(t, filepath.Join(root, "c"), "", nil, "apply", records)
	if r.code != 1 || r.stdout != want || r.stderr != refused {
		t.Errorf("apply: exit %d, stdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
	}
	after := snapshot(t, root)
	if after["a/testdata/TestA.golden"] != "A\n" || after["b/testdata/TestB.golden"] != "edited\n" || after["c/testdata/TestC.golden/f.txt"] != "C\n" {
		t.Errorf("after apply: %v", after)
	}
}
