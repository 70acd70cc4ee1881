package golden

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestGoTest runs the generated module's packages through real `go test`
// and through the test binaries it saved, one case after another, as a
// user would: compare, update across the module, the go test cache, the
// printed command, CI, -update, -artifacts, test attributes in a -json
// log, what golden.Main judges, what AssertDir refuses to write, and the
// structured assertions.
func TestGoTest(t *testing.T) {
	t.Parallel()
	m := newModule(t)

	// One go test run over the whole module, compare-only: missing
	// goldens fail with the command that creates each; the package without
	// goldens passes; nothing is written. Every test binary is saved.
	out, err := m.run(nil, "go", "test", "-o", "bins/", "./...")
	expect(t, out, err, false,
		"golden: \"uses/testdata/TestGreet.golden\" does not exist.",
		"UPDATE_GOLDEN=new go test ./uses -run '^TestGreet$'\n",
		"UPDATE_GOLDEN=new go test ./ownflag -run '^TestOwn$'\n",
		"ok  \texample.com/gm/plain")
	if _, err := os.Stat(m.path("uses/testdata")); err == nil {
		t.Fatal("a compare-only run created goldens")
	}
	all := out

	t.Run("update across the module", func(t *testing.T) { testUpdateAcrossModule(t, m) })
	t.Run("go test cache and the printed command", func(t *testing.T) { testCacheAndCommand(t, m) })
	t.Run("CI, -update and -artifacts", func(t *testing.T) { testCIFlagArtifacts(t, m) })
	t.Run("attributes in a -json log", func(t *testing.T) { testAttrs(t, m) })
	t.Run("Main", func(t *testing.T) { testMainCases(t, m, all) })
	t.Run("AssertDir guards and default paths", func(t *testing.T) { testTrees(t, m, all) })
	t.Run("structured assertions", func(t *testing.T) { testStructured(t, m) })
}

// testUpdateAcrossModule: UPDATE_GOLDEN=1 works in every package, also in
// the one that defines its own -update flag and in the one that does not
// use golden.
func testUpdateAcrossModule(t *testing.T, m *goModule) {
	for _, pkg := range []string{"uses", "ownflag", "plain"} {
		out, err := m.bin("bins", pkg, []string{"UPDATE_GOLDEN=1"}, "-test.v")
		expect(t, out, err, true, "PASS")
	}
	for p, want := range map[string]string{
		"uses/testdata/TestGreet.golden":     "hello\n",
		"uses/testdata/TestGreet/sub.golden": "sub\n",
		"ownflag/testdata/TestOwn.golden":    "own\n",
	} {
		if got := m.content(p); got != want {
			t.Errorf("%s = %q, want %q", p, got, want)
		}
	}
}

// testCacheAndCommand: a second identical go test run is cached, a
// changed UPDATE_GOLDEN is not; the command in a failure message, run as
// it is, updates that golden and only it. (go test caches nothing that
// read a file modified in the last seconds: the module is aged first.)
func testCacheAndCommand(t *testing.T, m *goModule) {
	age(t, m.dir)
	m.run(nil, "go", "test", "./uses")
	out, err := m.run(nil, "go", "test", "./uses")
	expect(t, out, err, true, "(cached)")
	out, err = m.run([]string{"UPDATE_GOLDEN=0"}, "go", "test", "./uses")
	expect(t, out, err, true, "ok  \texample.com/gm/uses")
	if strings.Contains(out, "(cached)") {
		t.Errorf("a changed UPDATE_GOLDEN reused the cached result:\n%s", out)
	}

	out, err = m.bin("bins", "uses", []string{"SUB=x"})
	expect(t, out, err, false, "-sub\n", "+xsub\n", "To update it, run from the module root:\n")
	command := regexp.MustCompile(`UPDATE_GOLDEN=1 go test .*`).FindString(out)
	if command != `UPDATE_GOLDEN=1 go test ./uses -run '^TestGreet$/^sub$'` {
		t.Errorf("command = %s", command)
	}
	if _, err := exec.LookPath("sh"); err != nil {
		t.Skip("no POSIX shell to run the command as printed")
	}
	out, err = m.run([]string{"SUB=x"}, "sh", "-c", command+" -v")
	expect(t, out, err, true, "golden: wrote +1 -1 uses/testdata/TestGreet/sub.golden")
	if m.content("uses/testdata/TestGreet/sub.golden") != "xsub\n" || m.content("uses/testdata/TestGreet.golden") != "hello\n" {
		t.Errorf("after the command: sub %q, parent %q", m.content("uses/testdata/TestGreet/sub.golden"), m.content("uses/testdata/TestGreet.golden"))
	}
}

// testCIFlagArtifacts: CI refuses updates unless UPDATE_GOLDEN=force; a
// package's own -update flag updates too; -artifacts saves the output of
// a failed comparison.
func testCIFlagArtifacts(t *testing.T, m *goModule) {
	env := []string{"SUB=x", "GREETING=ci ", "CI=true"}
	out, err := m.bin("bins", "uses", append(env, "UPDATE_GOLDEN=1"))
	expect(t, out, err, false, "Updates are refused under CI=true (UPDATE_GOLDEN=force overrides this)")
	out, err = m.bin("bins", "uses", append(env, "UPDATE_GOLDEN=force"))
	expect(t, out, err, true, "golden: this run wrote 1 golden:\n\t+1 -1 uses/testdata/TestGreet.golden\n")
	if got := m.content("uses/testdata/TestGreet.golden"); got != "ci hello\n" {
		t.Errorf("UPDATE_GOLDEN=force under CI: golden %q", got)
	}

	out, err = m.bin("bins", "ownflag", []string{"GREETING=flag "}, "-update")
	expect(t, out, err, true)
	if got := m.content("ownflag/testdata/TestOwn.golden"); got != "flag own\n" {
		t.Errorf("-update: golden %q", got)
	}

	outdir := t.TempDir()
	out, err = m.bin("bins", "uses", []string{"GREETING=b "}, "-test.run", "^TestGreet$", "-test.artifacts", "-test.outputdir", outdir)
	expect(t, out, err, false, "The output is saved in "+outdir)
	var saved []string
	filepath.WalkDir(outdir, func(p string, d os.DirEntry, err error) error {
		if err == nil && d.Name() == "TestGreet.golden" {
			saved = append(saved, p)
		}
		return nil
	})
	if len(saved) != 1 {
		t.Fatalf("artifacts: %q\n%s", saved, out)
	}
	checkContent(t, saved[0], "b hello\n")
}

// testAttrs: each assertion records its golden and golden directory as
// test attributes, module-relative, which go test -json carries.
func testAttrs(t *testing.T, m *goModule) {
	exe, _ := filepath.Abs(m.path("bins/child.test"))
	out, err := m.runIn("chdir/child", nil, "go", "tool", "test2json", "-p", "example.com/gm/chdir/child", exe, "-test.v=test2json", "-test.run", "^TestUsed$")
	expect(t, out, err, true,
		`{"Action":"attr","Package":"example.com/gm/chdir/child","Test":"TestUsed","Key":"golden","Value":"file chdir/child/testdata/TestUsed.golden"}`,
		`{"Action":"attr","Package":"example.com/gm/chdir/child","Test":"TestUsed","Key":"golden-dir","Value":"chdir/child/testdata"}`)
}
