package golden

import (
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestMain(m *testing.M) {
	Main(m)
}

// pkgWithGoldens lays out a package directory with used, unused and
// unrecognised files, and a registry that saw the used ones.
func pkgWithGoldens(t *testing.T) (string, *registry) {
	t.Helper()
	pkg := setup(t, map[string]string{
		"go.mod":                              "module m\n",
		"testdata/TestUsed.golden":            "used\n",
		"testdata/TestOld.golden":             "unused\n",
		"testdata/TestOld/sub.golden":         "unused\n",
		"testdata/TestOld/deeper/sub.golden":  "unused\n",
		"testdata/TestTree.golden/a/b.txt":    "in a used tree\n",
		"testdata/TestStale.golden/a/b.txt":   "in an unused tree\n",
		"testdata/TestKept/sub.golden":        "kept\n",
		"testdata/input.txt":                  "test input\n",
		"testdata/input.golden.txt":           "test input\n",
		"testdata/TestOld/notes.md":           "not a golden\n",
		"testdata/custom/TestCustom.golden":   "used via Dir\n",
		"other/TestElsewhere.golden":          "not in a golden dir\n",
		"testdata/TestUsedNamed/named.golden": "used via Name\n",
	})
	os.Mkdir(filepath.Join(pkg, "testdata", "dir.golden.d"), 0o755)
	os.Symlink("TestOld.golden", filepath.Join(pkg, "testdata", "link.golden"))
	reg := &registry{}
	use := func(dir, name string, tree bool) {
		c := &call{cwd: pkg}
		e, err := reg.acquire(c.locate(config{dir: dir, name: name, nameSet: true}), tree)
		if err != nil {
			t.Fatal(err)
		}
		e.lock.Unlock()
	}
	use("testdata", "TestUsed.golden", false)
	use("testdata", "TestTree.golden", true)
	use("testdata/custom", "TestCustom.golden", false)
	use("testdata", "TestUsedNamed/named.golden", false)
	use(t.TempDir(), "TestOutside.golden", false)
	reg.keep(filepath.Join(pkg, "testdata", "TestKept"))
	return pkg, reg
}

func flags(kv ...string) func(string) *flag.Flag {
	fs := flag.NewFlagSet("test", flag.ContinueOnError)
	for _, name := range []string{"test.run", "test.skip", "test.list", "test.fuzz"} {
		fs.String(name, "", "")
	}
	for _, name := range []string{"test.failfast", "test.short", "test.fuzzworker"} {
		fs.Bool(name, false, "")
	}
	for _, s := range kv {
		k, v, _ := strings.Cut(s, "=")
		if err := fs.Set(k, v); err != nil {
			panic(err)
		}
	}
	return fs.Lookup
}

func env(kv ...string) func(string) string {
	m := map[string]string{}
	for _, s := range kv {
		k, v, _ := strings.Cut(s, "=")
		m[k] = v
	}
	return func(k string) string { return m[k] }
}

func files(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && p != dir {
			out = append(out, rel(dir, p))
		}
		return nil
	})
	slices.Sort(out)
	return out
}

func TestUnusedReported(t *testing.T) {
	t.Parallel()
	pkg, reg := pkgWithGoldens(t)
	before := files(t, pkg)
	var out strings.Builder
	if code := afterRun(&out, reg, pkg, env(), flags()); code != 1 {
		t.Errorf("exit code %d, want 1", code)
	}
	want := `golden: 4 unused golden file(s): no assertion, Get or Keep of this full run touched them:
	testdata/TestOld.golden
	testdata/TestOld/deeper/sub.golden
	testdata/TestOld/sub.golden
	testdata/TestStale.golden/a/b.txt
To remove them, run from the module root:
	UPDATE_GOLDEN=1 go test .
A test that skips before asserting keeps its goldens with golden.Keep(t).
`
	if out.String() != want {
		t.Errorf("report:\n%s\nwant:\n%s", out.String(), want)
	}
	if after := files(t, pkg); !slices.Equal(before, after) {
		t.Errorf("the report changed files:\n%q\n%q", before, after)
	}

	out.Reset()
	afterRun(&out, reg, pkg, env("CI=true", "UPDATE_GOLDEN=1"), flags())
	if !strings.Contains(out.String(), "Updates are refused under CI=true; to remove them, run outside CI from the module root:\n\tUPDATE_GOLDEN=1 go test .\n") {
		t.Errorf("under CI:\n%s", out.String())
	}
}

func TestUnusedRemovedInUpdateMode(t *testing.T) {
	t.Parallel()
	pkg, reg := pkgWithGoldens(t)
	var out strings.Builder
	if code := afterRun(&out, reg, pkg, env("UPDATE_GOLDEN=1"), flags()); code != 0 {
		t.Errorf("exit code %d, want 0", code)
	}
	want := `golden: removed unused testdata/TestOld.golden
golden: removed unused testdata/TestOld/deeper/sub.golden
golden: removed unused testdata/TestOld/sub.golden
golden: removed unused testdata/TestStale.golden/a/b.txt
`
	if out.String() != want {
		t.Errorf("log:\n%s\nwant:\n%s", out.String(), want)
	}
	wantFiles := []string{
		"go.mod", "other", "other/TestElsewhere.golden", "testdata",
		"testdata/TestKept", "testdata/TestKept/sub.golden",
		"testdata/TestOld", "testdata/TestOld/notes.md",
		"testdata/TestTree.golden", "testdata/TestTree.golden/a", "testdata/TestTree.golden/a/b.txt",
		"testdata/TestUsed.golden", "testdata/TestUsedNamed", "testdata/TestUsedNamed/named.golden",
		"testdata/custom", "testdata/custom/TestCustom.golden",
		"testdata/dir.golden.d", "testdata/input.golden.txt", "testdata/input.txt", "testdata/link.golden",
	}
	if got := files(t, pkg); !slices.Equal(got, wantFiles) {
		t.Errorf("left:\n%q\nwant:\n%q", got, wantFiles)
	}
}

func TestUnusedNotCheckedAfterPartialRuns(t *testing.T) {
	t.Parallel()
	pkg, reg := pkgWithGoldens(t)
	before := files(t, pkg)
	for _, f := range []string{"test.run=TestX", "test.skip=TestX", "test.failfast=true", "test.short=true",
		"test.list=.", "test.fuzz=FuzzX", "test.fuzzworker=true"} {
		var out strings.Builder
		if code := afterRun(&out, reg, pkg, env("UPDATE_GOLDEN=1"), flags(f)); code != 0 || out.Len() != 0 {
			t.Errorf("-%s: code %d, output %q", f, code, out.String())
		}
	}
	if after := files(t, pkg); !slices.Equal(before, after) {
		t.Errorf("partial runs changed files:\n%q\n%q", before, after)
	}
}
