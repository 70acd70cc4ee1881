package review

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tmpkit/tmpkit/internal/goldenattr"
)

// logOf returns a go test -json log of a full, passing run of pkg in which
// test used the goldens given as attribute values ("file a/testdata/x.golden"),
// each with its golden directory.
func logOf(pkg, test string, uses ...string) string {
	var b strings.Builder
	ev := func(e map[string]string) {
		data, _ := json.Marshal(e)
		b.Write(data)
		b.WriteByte('\n')
	}
	ev(map[string]string{"Action": "start", "Package": pkg})
	ev(map[string]string{"Action": "run", "Package": pkg, "Test": test})
	ev(map[string]string{"Action": "attr", "Package": pkg, "Test": test, "Key": goldenattr.RunKey, "Value": "full"})
	for _, u := range uses {
		ev(map[string]string{"Action": "attr", "Package": pkg, "Test": test, "Key": goldenattr.Key, "Value": u})
		_, p, _ := strings.Cut(u, " ")
		dir := p[:strings.Index(p, "testdata/")+len("testdata")]
		if i := strings.Index(p, "golden/"); i >= 0 {
			dir = p[:i+len("golden")]
		}
		ev(map[string]string{"Action": "attr", "Package": pkg, "Test": test, "Key": goldenattr.DirKey, "Value": dir})
	}
	ev(map[string]string{"Action": "pass", "Package": pkg, "Test": test})
	ev(map[string]string{"Action": "pass", "Package": pkg})
	return b.String()
}

func writeLogs(t *testing.T, logs ...string) []string {
	t.Helper()
	dir := t.TempDir()
	var names []string
	for i, l := range logs {
		name := filepath.Join(dir, fmt.Sprintf("%d.log", i+1))
		if err := os.WriteFile(name, []byte(l), 0o644); err != nil {
			t.Fatal(err)
		}
		names = append(names, name)
	}
	return names
}

var unusedModule = map[string]string{
	"a/testdata/A.golden":         "a",
	"a/testdata/B.golden":         "b",
	"a/testdata/C.golden":         "unused",
	"a/testdata/notes.txt":        "not a golden",
	"a/testdata/T.golden.d/x":     "tree",
	"a/testdata/U.golden.d/y":     "unused tree",
	"a/testdata/Sub/case.golden":  "in a used subtest folder",
	"a/testdata/Kept/one.golden":  "kept",
	"a/testdata/.hidden/x.golden": "hidden dir",
	"a/golden/custom.golden":      "custom dir, unused",
	"a/golden/used.golden":        "custom dir, used",
	"q/testdata/input.golden":     "package q uses no golden: not judged",
	"a/testdata/nested/go.mod":    "module nested\n",
	"a/testdata/nested/x.golden":  "another module",
	"a/testdata/Sub/other.golden": "unused, beside a used one",
	"a/testdata/link.golden":      "->A.golden",
}

func TestUnusedMergesLogs(t *testing.T) {
	mod := testModule(t, unusedModule)
	logs := writeLogs(t,
		logOf("example.com/m/a", "TestA", "file a/testdata/A.golden", "tree a/testdata/T.golden.d", "file a/testdata/Sub/case.golden"),
		logOf("example.com/m/a", "TestB", "file a/testdata/B.golden", "used a/testdata/Kept", "file a/golden/used.golden"),
	)
	var out, errw bytes.Buffer
	code := Unused(Pruning{Logs: logs, ModuleDir: mod.Root, Out: &out, Err: &errw})
	want := "a/golden/custom.golden\na/testdata/C.golden\na/testdata/Sub/other.golden\na/testdata/U.golden.d/\n"
	if code != 1 || out.String() != want {
		t.Errorf("exit %d, stdout:\n%s\nwant\n%s\nstderr:\n%s", code, out.String(), want, errw.String())
	}
	if want := "golden unused: 4 goldens no test of the 2 logs used (golden unused --remove removes them):\n"; errw.String() != want {
		t.Errorf("stderr:\n%s\nwant\n%s", errw.String(), want)
	}

	// A golden one log used is used; with both, only the others are listed.
	out.Reset()
	errw.Reset()
	code = Unused(Pruning{Logs: logs[:1], ModuleDir: mod.Root, Out: &out, Err: &errw})
	if code != 1 || !strings.Contains(out.String(), "a/testdata/B.golden\n") || !strings.Contains(out.String(), "a/testdata/Kept/one.golden\n") {
		t.Errorf("one log: exit %d, stdout:\n%s", code, out.String())
	}
}

// A golden used through a symlinked directory is matched by its real path.
func TestUnusedRealPaths(t *testing.T) {
	files := map[string]string{"a/real/A.golden": "a", "a/testdata": "->../a/real"}
	mod := testModule(t, files)
	logs := writeLogs(t, logOf("example.com/m/a", "TestA", "file a/testdata/A.golden"))
	var out, errw bytes.Buffer
	if code := Unused(Pruning{Logs: logs, ModuleDir: mod.Root, Out: &out, Err: &errw}); code != 0 || out.String() != "" {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out.String(), errw.String())
	}
	if errw.String() != "golden unused: every golden was used by the 1 log\n" {
		t.Errorf("stderr: %q", errw.String())
	}
}

func TestUnusedRefusesLogs(t *testing.T) {
	mod := testModule(t, map[string]string{"a/testdata/A.golden": "a", "a/testdata/C.golden": "c"})
	full := logOf("example.com/m/a", "TestA", "file a/testdata/A.golden")
	failed := strings.Replace(full, `"Action":"pass","Package":"example.com/m/a","Test":"TestA"`, `"Action":"fail","Package":"example.com/m/a","Test":"TestA"`, 1)
	partial := strings.Replace(full, `"Value":"full"`, `"Value":"partial -test.run=^TestA$"`, 1)
	noRun := strings.Replace(full, `"Key":"golden-run"`, `"Key":"other"`, 1)
	cut := full[:strings.LastIndex(strings.TrimSuffix(full, "\n"), "\n")+1]
	tests := map[string]struct{ log, msg string }{
		"failed":  {failed, "the run failed (TestA in example.com/m/a failed); a failed run may have skipped assertions"},
		"partial": {partial, "it ran only some tests (-test.run=^TestA$)"},
		"no-run":  {noRun, "it does not say whether every test ran in example.com/m/a (no golden-run attribute: the tmpkit that ran the tests does not record it)"},
		"cut":     {cut, "it is cut short: no result for example.com/m/a"},
		"empty":   {"go: downloading x\n", "it holds no go test -json events"},
		"nouse": {logOf("example.com/m/a", "TestNone")[:strings.Index(logOf("example.com/m/a", "TestNone"), "\n")+1] + `{"Action":"pass","Package":"example.com/m/a"}` + "\n",
			"it records no golden use (no golden attribute): not a run of tests using golden, or one whose -run matched none of them"},
		"garbled": {full + "{not json\n", "line 8 is not a go test -json event: invalid character 'n' looking for beginning of object key string"},
		"badattr": {full + `{"Action":"attr","Package":"p","Test":"T","Key":"golden","Value":"dir x"}` + "\n",
			`T: goldenattr: "dir x": want a kind (file, tree or used), a space and a path`},
	}
	for name, tt := range tests {
		logs := writeLogs(t, full, tt.log)
		var out, errw bytes.Buffer
		code := Unused(Pruning{Logs: logs, ModuleDir: mod.Root, Out: &out, Err: &errw, Remove: true})
		want := "golden unused: refused " + logs[1] + ": " + tt.msg + "\n" +
			"golden unused: nothing listed or removed: give logs of full runs that passed (go test -json ./...)\n"
		if code != 1 || out.String() != "" || errw.String() != want {
			t.Errorf("%s: exit %d, stdout %q, stderr:\n%s\nwant\n%s", name, code, out.String(), errw.String(), want)
		}
	}
	missing := filepath.Join(t.TempDir(), "missing.log")
	var errw bytes.Buffer
	if code := Unused(Pruning{Logs: []string{missing}, ModuleDir: mod.Root, Out: &errw, Err: &errw}); code != 1 ||
		!strings.HasPrefix(errw.String(), "golden unused: refused "+missing+": open "+missing+": no such file or directory\n") {
		t.Errorf("missing log: exit %d, %s", code, errw.String())
	}
	if _, err := os.Stat(mod.Abs("a/testdata/C.golden")); err != nil {
		t.Error("a refused log removed a golden:", err)
	}
}

func TestUnusedNotesSkippedTests(t *testing.T) {
	mod := testModule(t, map[string]string{"a/testdata/A.golden": "a"})
	skip := logOf("example.com/m/a", "TestA", "file a/testdata/A.golden") +
		`{"Action":"skip","Package":"example.com/m/a","Test":"TestWindowsOnly"}` + "\n" +
		`{"Action":"skip","Package":"example.com/m/a","Test":"TestRan"}` + "\n"
	ran := logOf("example.com/m/a", "TestRan")
	var out, errw bytes.Buffer
	Unused(Pruning{Logs: writeLogs(t, skip, ran), ModuleDir: mod.Root, Out: &out, Err: &errw})
	want := "golden unused: these tests skipped in every log, so goldens only they use count as unused (golden.MarkUsed before t.Skip keeps them):\n" +
		"\texample.com/m/a TestWindowsOnly\n"
	if !strings.HasPrefix(errw.String(), want) {
		t.Errorf("stderr:\n%s\nwant it to start with\n%s", errw.String(), want)
	}
}

func TestUnusedRemove(t *testing.T) {
	mod := testModule(t, map[string]string{
		"a/testdata/A.golden":             "a",
		"a/testdata/Old/deep/x.golden":    "unused, alone in its folders",
		"a/testdata/Old/y.txt":            "not a golden: keeps Old",
		"a/testdata/U.golden.d/y":         "unused tree",
		"a/testdata/U.golden.d/sub/z":     "unused tree",
		"a/testdata/Mod.golden.d/go.mod":  "module x\n",
		"a/testdata/Src.golden.d/main.go": "package main\n",
	})
	logs := writeLogs(t, logOf("example.com/m/a", "TestA", "file a/testdata/A.golden"))
	var out, errw bytes.Buffer
	code := Unused(Pruning{Logs: logs, ModuleDir: mod.Root, Remove: true, Out: &out, Err: &errw})
	wantOut := "removed a/testdata/Old/deep/x.golden\nremoved a/testdata/U.golden.d/\n"
	wantErr := `golden unused: write tree "a/testdata/Src.golden.d": refused: it holds "main.go", Go source; a golden tree holds only goldens, and an update removes what the output does not have` + "\n"
	if code != 1 || out.String() != wantOut || errw.String() != wantErr {
		t.Errorf("exit %d, stdout:\n%s\nwant\n%s\nstderr:\n%s\nwant\n%s", code, out.String(), wantOut, errw.String(), wantErr)
	}
	for p, gone := range map[string]bool{
		"a/testdata/A.golden": false, "a/testdata/Old/deep": true, "a/testdata/Old/y.txt": false,
		"a/testdata/U.golden.d": true, "a/testdata/Mod.golden.d/go.mod": false, "a/testdata/Src.golden.d/main.go": false,
	} {
		_, err := os.Lstat(mod.Abs(p))
		if os.IsNotExist(err) != gone {
			t.Errorf("%s: removed %v, want %v", p, os.IsNotExist(err), gone)
		}
	}
}

func TestUnusedRemoveRefusedUnderCI(t *testing.T) {
	mod := testModule(t, map[string]string{"a/testdata/A.golden": "a", "a/testdata/B.golden": "b"})
	logs := writeLogs(t, logOf("example.com/m/a", "TestA", "file a/testdata/A.golden"))
	var out, errw bytes.Buffer
	code := Unused(Pruning{Logs: logs, ModuleDir: mod.Root, Remove: true, Out: &out, Err: &errw, Getenv: func(string) string { return "yes" }})
	if code != 1 || errw.String() != "golden unused: writes are refused under CI=yes (--force overrides this); without --remove it lists them\n" {
		t.Errorf("exit %d, stderr %q", code, errw.String())
	}
	out.Reset()
	if code := Unused(Pruning{Logs: logs, ModuleDir: mod.Root, Remove: true, Force: true, Out: &out, Err: &errw, Getenv: func(string) string { return "yes" }}); code != 0 || out.String() != "removed a/testdata/B.golden\n" {
		t.Errorf("forced: exit %d, stdout %q", code, out.String())
	}
}
