package golden

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// A small module, generated under a temp dir, whose tests run through real
// `go test` subprocesses: one package uses golden (with golden.Main), one
// does not, one defines its own -update flag.
var moduleFiles = map[string]string{
	"uses/uses_test.go": `package uses

import (
	"os"
	"testing"

	"github.com/tmpkit/tmpkit/golden"
)

func TestMain(m *testing.M) { golden.Main(m) }

func TestGreet(t *testing.T) {
	golden.Assert(t, os.Getenv("GREETING")+"hello\n")
	t.Run("sub", func(t *testing.T) { golden.Assert(t, os.Getenv("SUB")+"sub\n") })
}
`,
	"plain/plain_test.go": `package plain

import "testing"

func TestPlain(t *testing.T) {}
`,
	"ownflag/ownflag_test.go": `package ownflag

import (
	"flag"
	"os"
	"testing"

	"github.com/tmpkit/tmpkit/golden"
)

var update = flag.Bool("update", false, "this package's own update flag")

func TestOwn(t *testing.T) { golden.Assert(t, os.Getenv("GREETING")+"own\n") }
`,
}

// goModule writes the module and returns its root and a function running
// the go command there with extra environment variables.
func goModule(t *testing.T) (string, func(env []string, args ...string) (string, error)) {
	t.Helper()
	if testing.Short() {
		t.Skip("runs go test subprocesses; skipped under -short")
	}
	repo, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	sum, err := os.ReadFile(filepath.Join(repo, "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	files := map[string]string{
		"go.mod": "module example.com/gm\n\ngo 1.26\n\nrequire github.com/tmpkit/tmpkit v0.0.0\n\n" +
			"replace github.com/tmpkit/tmpkit => " + filepath.ToSlash(repo) + "\n",
		"go.sum": string(sum),
	}
	for name, content := range moduleFiles {
		files[name] = content
	}
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var base []string
	for _, kv := range os.Environ() {
		switch k, _, _ := strings.Cut(kv, "="); k {
		case "UPDATE_GOLDEN", "CI", "GOFLAGS", "GOWORK", "GOPROXY", "GREETING", "SUB":
		default:
			base = append(base, kv)
		}
	}
	base = append(base, "GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off")
	run := func(env []string, args ...string) (string, error) {
		cmd := exec.Command(args[0], args[1:]...)
		cmd.Dir = dir
		cmd.Env = append(append([]string{}, base...), env...)
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	return dir, run
}

func TestGoTestUpdateAcrossModule(t *testing.T) {
	t.Parallel()
	dir, run := goModule(t)
	golden := func(p string) string {
		b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(p)))
		if err != nil {
			return "<" + err.Error() + ">"
		}
		return string(b)
	}
	expect := func(out string, err error, ok bool, wants ...string) {
		t.Helper()
		if (err == nil) != ok {
			t.Fatalf("go test: err %v, want success %v; output:\n%s", err, ok, out)
		}
		for _, w := range wants {
			if !strings.Contains(out, w) {
				t.Fatalf("output lacks %q:\n%s", w, out)
			}
		}
	}

	// Missing goldens fail with the command that creates each; the package
	// without goldens passes; nothing is written.
	out, err := run(nil, "go", "test", "./...")
	expect(out, err, false,
		"golden: \"testdata/TestGreet.golden\" does not exist.",
		"UPDATE_GOLDEN=new go test ./uses -run '^TestGreet$'\n",
		"UPDATE_GOLDEN=new go test ./ownflag -run '^TestOwn$'\n",
		"ok  \texample.com/gm/plain")
	if _, err := os.Stat(filepath.Join(dir, "uses", "testdata")); err == nil {
		t.Fatal("a compare-only run created goldens")
	}

	// UPDATE_GOLDEN=1 works across the module, also in the package that
	// defines its own -update flag and in the one that does not use golden.
	out, err = run([]string{"UPDATE_GOLDEN=1"}, "go", "test", "./...")
	expect(out, err, true, "ok  \texample.com/gm/plain", "ok  \texample.com/gm/ownflag", "ok  \texample.com/gm/uses")
	for p, want := range map[string]string{
		"uses/testdata/TestGreet.golden":     "hello\n",
		"uses/testdata/TestGreet/sub.golden": "sub\n",
		"ownflag/testdata/TestOwn.golden":    "own\n",
	} {
		if got := golden(p); got != want {
			t.Errorf("%s = %q, want %q", p, got, want)
		}
	}

	// The go test cache: a second identical run is cached, a changed
	// UPDATE_GOLDEN is not. (go test caches nothing that read a file
	// modified in the last seconds: age the module first.)
	age(t, dir)
	run(nil, "go", "test", "./uses")
	out, err = run(nil, "go", "test", "./uses")
	expect(out, err, true, "(cached)")
	out, err = run([]string{"UPDATE_GOLDEN=0"}, "go", "test", "./uses")
	expect(out, err, true, "ok  \texample.com/gm/uses")
	if strings.Contains(out, "(cached)") {
		t.Errorf("a changed UPDATE_GOLDEN reused the cached result:\n%s", out)
	}

	// The command in a failure message, run as it is, updates that golden.
	out, err = run([]string{"SUB=x"}, "go", "test", "./uses")
	expect(out, err, false, "-sub\n", "+xsub\n", "To update it, run from the module root:\n")
	command := regexp.MustCompile(`UPDATE_GOLDEN=1 go test .*`).FindString(out)
	if command != `UPDATE_GOLDEN=1 go test ./uses -run '^TestGreet$/^sub$'` {
		t.Errorf("command = %s", command)
	}
	if _, err := exec.LookPath("sh"); err == nil { // a POSIX shell runs the command as printed
		out, err = run([]string{"SUB=x"}, "sh", "-c", command+" -v")
		expect(out, err, true, "golden: updated testdata/TestGreet/sub.golden")
		if golden("uses/testdata/TestGreet/sub.golden") != "xsub\n" || golden("uses/testdata/TestGreet.golden") != "hello\n" {
			t.Errorf("after the command: sub %q, parent %q", golden("uses/testdata/TestGreet/sub.golden"), golden("uses/testdata/TestGreet.golden"))
		}
	} else {
		run([]string{"SUB=x", "UPDATE_GOLDEN=1"}, "go", "test", "./uses")
	}

	// CI refuses updates unless UPDATE_GOLDEN=force.
	out, err = run([]string{"SUB=x", "GREETING=ci ", "CI=true", "UPDATE_GOLDEN=1"}, "go", "test", "./uses")
	expect(out, err, false, "Updates are refused under CI=true (UPDATE_GOLDEN=force overrides this)")
	out, err = run([]string{"SUB=x", "GREETING=ci ", "CI=true", "UPDATE_GOLDEN=force"}, "go", "test", "./uses")
	expect(out, err, true)
	if got := golden("uses/testdata/TestGreet.golden"); got != "ci hello\n" {
		t.Errorf("UPDATE_GOLDEN=force under CI: golden %q", got)
	}

	// A package's own -update flag updates too.
	out, err = run([]string{"GREETING=flag "}, "go", "test", "./ownflag", "-update")
	expect(out, err, true)
	if got := golden("ownflag/testdata/TestOwn.golden"); got != "flag own\n" {
		t.Errorf("-update: golden %q", got)
	}
}

func TestGoTestUnusedAndArtifacts(t *testing.T) {
	t.Parallel()
	dir, run := goModule(t)
	env := []string{"GREETING=a "}
	if out, err := run(append(env, "UPDATE_GOLDEN=1"), "go", "test", "./uses"); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	testdata := filepath.Join(dir, "uses", "testdata")
	os.WriteFile(filepath.Join(testdata, "TestGone.golden"), []byte("gone\n"), 0o644)
	os.WriteFile(filepath.Join(testdata, "input.txt"), []byte("input\n"), 0o644)

	out, err := run(env, "go", "test", "./uses")
	if err == nil || !strings.Contains(out, "golden: 1 unused golden file(s): no assertion, Get or Keep of this full run touched them:\n\ttestdata/TestGone.golden\n"+
		"To remove them, run from the module root:\n\tUPDATE_GOLDEN=1 go test ./uses\n") {
		t.Fatalf("a full run with an unused golden: err %v\n%s", err, out)
	}
	if out, err := run(env, "go", "test", "-run", "TestGreet", "./uses"); err != nil {
		t.Fatalf("a partial run reported unused goldens: %v\n%s", err, out)
	}
	if out, err := run(append(env, "UPDATE_GOLDEN=1"), "go", "test", "-v", "./uses"); err != nil || !strings.Contains(out, "golden: removed unused testdata/TestGone.golden") {
		t.Fatalf("update mode: %v\n%s", err, out)
	}
	if _, err := os.Stat(filepath.Join(testdata, "TestGone.golden")); err == nil {
		t.Error("the unused golden is still there")
	}
	if _, err := os.Stat(filepath.Join(testdata, "input.txt")); err != nil {
		t.Error("the test input was removed:", err)
	}

	// -artifacts saves the output of a failed comparison.
	outdir := t.TempDir()
	out, err = run([]string{"GREETING=b "}, "go", "test", "./uses", "-run", "^TestGreet$", "-artifacts", "-outputdir", outdir)
	if err == nil || !strings.Contains(out, "The output is saved in "+outdir) {
		t.Fatalf("-artifacts: err %v\n%s", err, out)
	}
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

// age sets the modification time of everything below dir an hour back.
func age(t *testing.T, dir string) {
	t.Helper()
	old := time.Now().Add(-time.Hour)
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil {
			err = os.Chtimes(p, old, old)
		}
		return err
	})
}
