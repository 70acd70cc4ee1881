package review

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tmpkit/tmpkit/internal/pending"
)

// applyModule is a module with goldens, and records of changes to them
// written into a directory laid out as a CI job's -outputdir.
func applyModule(t *testing.T) (pending.Module, string) {
	t.Helper()
	mod := testModule(t, map[string]string{
		"a/testdata/A.golden":        "one\ntwo\nthree\n",
		"a/testdata/Edited.golden":   "edited locally\n",
		"a/testdata/T.golden.d/keep": "k\n",
		"a/testdata/T.golden.d/chg":  "c1\n",
		"a/testdata/T.golden.d/gone": "g\n",
		"a/testdata/T.golden.d/run*": "#!/bin/sh\n",
		"a/testdata/Empty.golden":    "will be emptied\n",
		"a/testdata/Link.golden":     "->A.golden",
		"a/testdata/Mode.golden":     "mode\n",
		"c/keep.txt":                 "k\n",
	})
	if err := os.Chmod(mod.Abs("a/testdata/Mode.golden"), 0o600); err != nil {
		t.Fatal(err)
	}
	pkgTree := treeRec("c", "TestC", []pending.Entry{{Name: "keep.txt", Content: []byte("k\n")}}, []pending.Entry{{Name: "other.txt", Content: []byte("o\n")}})
	pkgTree.Package = "example.com/m/c"
	oldTree := []pending.Entry{
		{Name: "chg", Content: []byte("c1\n")}, {Name: "gone", Content: []byte("g\n")},
		{Name: "keep", Content: []byte("k\n")}, {Name: "run", Content: []byte("#!/bin/sh\n"), Exec: true},
	}
	newTree := []pending.Entry{
		{Name: "chg", Content: []byte("c2\n")}, {Name: "keep", Content: []byte("k\n")},
		{Name: "new/file", Content: []byte("n\n")}, {Name: "run", Content: []byte("#!/bin/sh\n")},
	}
	records := []pending.Record{
		fileRec("a/testdata/A.golden", "TestA", []byte("one\ntwo\nthree\n"), "one\n2\nthree\nfour\n"),
		fileRec("a/testdata/Edited.golden", "TestEdited", []byte("as recorded\n"), "new\n"),
		fileRec("a/testdata/New.golden", "TestNew", nil, "created\n"),
		fileRec("a/testdata/Empty.golden", "TestEmpty", []byte("will be emptied\n"), ""),
		fileRec("a/testdata/Link.golden", "TestLink", []byte("one\ntwo\nthree\n"), "x\n"),
		fileRec("a/testdata/Mode.golden", "TestMode", []byte("mode\n"), "mode 2\n"),
		treeRec("a/testdata/T.golden.d", "TestT", oldTree, newTree),
		// A tree golden that is its package's directory (Dir("..") and
		// Name("c") in package c): refused, by apply and by its dry run.
		pkgTree,
	}
	out := t.TempDir()
	for i, r := range records {
		dir := filepath.Join(out, "_artifacts", string(rune('0'+i)))
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := pending.Write(dir, r); err != nil {
			t.Fatal(err)
		}
	}
	return mod, out
}

func read(t *testing.T, mod pending.Module, p string) string {
	t.Helper()
	b, err := os.ReadFile(mod.Abs(p))
	if err != nil {
		return "<" + err.Error() + ">"
	}
	return string(b)
}

const applyLines = `+2 -1 a/testdata/A.golden
+1 -1 a/testdata/Mode.golden
+1 -0 a/testdata/New.golden (new)
+2 -2 a/testdata/T.golden.d/ (1 added, 1 removed, 2 changed)
	+1 -1 chg
	+0 -1 gone (removed)
	+1 -0 new/file (new)
	+0 -0 run (executable bit)
`

const applyErrors = `golden apply: refused a/testdata/Edited.golden: it has changed since TestEdited (example.com/m/a) recorded its output; nothing of it is written; run the test again
golden apply: refused: "a/testdata/Link.golden" is a symlink, which an update never writes through nor replaces
golden apply: refused to empty "a/testdata/Empty.golden", which holds 1 line: an empty output is the classic way a bulk update erases goldens; --force overrides this
golden apply: write tree "c": refused: it is the package directory; a golden tree holds only goldens, and an update removes what the output does not have
`

func TestApply(t *testing.T) {
	mod, records := applyModule(t)
	var out, errw bytes.Buffer
	code := Apply(Applying{Records: records, ModuleDir: filepath.Join(mod.Root, "a"), Out: &out, Err: &errw, Getenv: func(string) string { return "" }})
	if code != 1 || out.String() != applyLines || errw.String() != applyErrors {
		t.Errorf("exit %d, stdout:\n%s\nwant\n%s\nstderr:\n%s\nwant\n%s", code, out.String(), applyLines, errw.String(), applyErrors)
	}
	for p, want := range map[string]string{
		"a/testdata/A.golden":            "one\n2\nthree\nfour\n",
		"a/testdata/Edited.golden":       "edited locally\n",
		"a/testdata/New.golden":          "created\n",
		"a/testdata/Empty.golden":        "will be emptied\n",
		"a/testdata/T.golden.d/chg":      "c2\n",
		"a/testdata/T.golden.d/keep":     "k\n",
		"a/testdata/T.golden.d/new/file": "n\n",
		"a/testdata/Mode.golden":         "mode 2\n",
	} {
		if got := read(t, mod, p); got != want {
			t.Errorf("%s = %q, want %q", p, got, want)
		}
	}
	if _, err := os.Lstat(mod.Abs("a/testdata/T.golden.d/gone")); !os.IsNotExist(err) {
		t.Errorf("gone is still there: %v", err)
	}
	if fi, err := os.Stat(mod.Abs("a/testdata/T.golden.d/run")); err != nil || fi.Mode().Perm()&0o111 != 0 {
		t.Errorf("run kept its executable bit: %v %v", fi.Mode(), err)
	}
	if fi, err := os.Stat(mod.Abs("a/testdata/Mode.golden")); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("Mode.golden lost its mode: %v %v", fi.Mode(), err)
	}

	// Applied again, everything applied is now refused: the goldens changed.
	out.Reset()
	errw.Reset()
	if code := Apply(Applying{Records: records, ModuleDir: mod.Root, Out: &out, Err: &errw, Getenv: func(string) string { return "" }}); code != 1 ||
		out.String() != "" || strings.Count(errw.String(), "it has changed since") != 4 || strings.Count(errw.String(), "refused") != 8 {
		t.Errorf("second apply: exit %d, stdout %q, stderr:\n%s", code, out.String(), errw.String())
	}
}

func TestApplyForceEmpties(t *testing.T) {
	mod, records := applyModule(t)
	var out bytes.Buffer
	Apply(Applying{Records: records, ModuleDir: mod.Root, Force: true, Out: &out, Err: &bytes.Buffer{}, Getenv: func(string) string { return "true" }})
	if got := read(t, mod, "a/testdata/Empty.golden"); got != "" {
		t.Errorf("forced, Empty.golden holds %q", got)
	}
	if !strings.Contains(out.String(), "+0 -1 a/testdata/Empty.golden\n") {
		t.Errorf("stdout:\n%s", out.String())
	}
}

func TestApplyDryRun(t *testing.T) {
	mod, records := applyModule(t)
	before := snapshotDir(t, mod.Root)
	var out, errw bytes.Buffer
	code := Apply(Applying{Records: records, ModuleDir: mod.Root, DryRun: true, Out: &out, Err: &errw, Getenv: func(string) string { return "true" }})
	// The same lines and refusals as the real apply, CI or not.
	if code != 1 || out.String() != applyLines || errw.String() != applyErrors+"golden apply: dry run, nothing written\n" {
		t.Errorf("exit %d, stdout:\n%s\nwant\n%s\nstderr:\n%s", code, out.String(), applyLines, errw.String())
	}
	if after := snapshotDir(t, mod.Root); after != before {
		t.Errorf("a dry run changed the module:\n%s\nwas\n%s", after, before)
	}
}

func TestApplyRefusedUnderCI(t *testing.T) {
	mod, records := applyModule(t)
	var out, errw bytes.Buffer
	code := Apply(Applying{Records: records, ModuleDir: mod.Root, Out: &out, Err: &errw, Getenv: func(k string) string { return map[string]string{"CI": "1"}[k] }})
	if want := "golden apply: writes are refused under CI=1 (--force overrides this), or use --dry-run\n"; code != 1 || errw.String() != want || out.String() != "" {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out.String(), errw.String())
	}
	for _, ci := range []string{"", "0", "false"} {
		if msg := refusedUnderCI(func(string) string { return ci }, false); msg != "" {
			t.Errorf("CI=%q refused: %s", ci, msg)
		}
	}
}

func TestApplyNothing(t *testing.T) {
	mod := testModule(t, map[string]string{})
	dir := t.TempDir()
	var out, errw bytes.Buffer
	if code := Apply(Applying{Records: dir, ModuleDir: mod.Root, Out: &out, Err: &errw}); code != 0 || errw.String() != "golden apply: no pending records below "+dir+"\n" {
		t.Errorf("exit %d, stderr %q", code, errw.String())
	}
	os.WriteFile(filepath.Join(dir, "x"+pending.Ext), []byte("{}"), 0o644)
	errw.Reset()
	if code := Apply(Applying{Records: dir, ModuleDir: mod.Root, Out: &out, Err: &errw}); code != 1 || !strings.Contains(errw.String(), "x"+pending.Ext+": not a pending record") {
		t.Errorf("a broken record: exit %d, stderr %q", code, errw.String())
	}
}

// snapshotDir lists every entry below root with its mode and content.
func snapshotDir(t *testing.T, root string) string {
	t.Helper()
	var b strings.Builder
	filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			t.Fatal(err)
		}
		fi, _ := d.Info()
		b.WriteString(p + " " + fi.Mode().String())
		if d.Type().IsRegular() {
			c, _ := os.ReadFile(p)
			b.WriteString(" " + string(c))
		}
		b.WriteString("\n")
		return nil
	})
	return b.String()
}
