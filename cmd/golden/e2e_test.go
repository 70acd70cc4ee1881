package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// The three broken outputs, in the order review asks about them.
var brokenGoldens = []string{
	"alpha/testdata/TestGreet.golden",
	"beta/testdata/TestSite.golden.d/index.html",
	"gamma/testdata/TestTable/two.golden",
}

func TestEndToEnd(t *testing.T) {
	m := newE2EModule(t)

	// Three outputs broken; answers a, r, s: exactly the first golden is
	// updated, and nothing else in the module changes.
	t.Run("review", func(t *testing.T) {
		t.Parallel()
		dir := m.copy(t, true)
		before := tree(t, dir)
		r := m.run(t, dir, "a\nr\ns\n", "review")
		if r.code != 0 {
			t.Fatalf("exit %d\nstdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
		}
		for i, g := range brokenGoldens {
			if !strings.Contains(r.stdout, "["+string(rune('1'+i))+"/3] ") {
				t.Errorf("question %d missing", i+1)
			}
			if !strings.Contains(r.stdout, g) {
				t.Errorf("%s is not shown:\n%s", g, r.stdout)
			}
		}
		if want := "1 accepted, 1 rejected, 1 skipped\n+1 -1 alpha/testdata/TestGreet.golden\n"; !strings.HasSuffix(r.stdout, want) {
			t.Errorf("stdout ends:\n%s\nwant\n%s", r.stdout[max(0, len(r.stdout)-200):], want)
		}
		if r.stderr != "" {
			t.Errorf("stderr: %s", r.stderr)
		}
		if got := changes(before, tree(t, dir)); !slices.Equal(got, []string{"alpha/testdata/TestGreet.golden"}) {
			t.Errorf("changed: %q, want only alpha/testdata/TestGreet.golden", got)
		}
		if got, _ := os.ReadFile(filepath.Join(dir, "alpha", "testdata", "TestGreet.golden")); string(got) != "hello, world\n" {
			t.Errorf("TestGreet.golden = %q", got)
		}
	})

	// --accept-all writes what UPDATE_GOLDEN=1 writes, byte for byte.
	t.Run("accept-all", func(t *testing.T) {
		t.Parallel()
		reviewed, updated := m.copy(t, true), m.copy(t, true)
		r := m.run(t, reviewed, "", "review", "--accept-all")
		if r.code != 0 || !strings.Contains(r.stdout, "3 accepted, 0 rejected, 0 skipped\n") {
			t.Fatalf("exit %d\nstdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
		}
		m.goTest(t, updated, []string{"UPDATE_GOLDEN=1"}, "./...")
		a, b := tree(t, reviewed), tree(t, updated)
		if diff := changes(b, a); len(diff) > 0 {
			t.Errorf("review --accept-all and UPDATE_GOLDEN=1 differ in %q", diff)
		}
		if diff := changes(tree(t, m.copy(t, true)), a); len(diff) != 3 {
			t.Errorf("--accept-all changed %q, want the three goldens", diff)
		}
	})

	// --json lists the three, each a JSON object naming its golden.
	t.Run("json", func(t *testing.T) {
		t.Parallel()
		dir := m.copy(t, true)
		r := m.run(t, dir, "", "review", "--json", "--reject-all")
		var got []string
		for _, line := range strings.Split(strings.TrimSuffix(r.stdout, "\n"), "\n") {
			var q struct{ Golden, File, Kind string }
			if err := json.Unmarshal([]byte(line), &q); err != nil {
				t.Fatalf("not a JSON line: %q: %v", line, err)
			}
			if q.File != "" {
				q.Golden += "/" + q.File
			}
			got = append(got, q.Golden)
		}
		if r.code != 0 || !slices.Equal(got, brokenGoldens) {
			t.Errorf("exit %d, goldens %q, want %q\nstderr:\n%s", r.code, got, brokenGoldens, r.stderr)
		}
	})

	// A CI run records with -artifacts into its -outputdir; the directory,
	// moved elsewhere as a download would, is applied; the golden edited in
	// between is refused, the others are written.
	t.Run("apply", func(t *testing.T) {
		t.Parallel()
		dir := m.copy(t, true)
		out := filepath.Join(t.TempDir(), "out")
		if err := os.Mkdir(out, 0o755); err != nil {
			t.Fatal(err)
		}
		if o, err := m.goTestErr(dir, []string{"CI=true"}, "-artifacts", "-outputdir", out, "./..."); err == nil {
			t.Fatalf("the broken module's tests passed:\n%s", o)
		}
		downloaded := filepath.Join(t.TempDir(), "artifacts")
		if err := os.Rename(out, downloaded); err != nil {
			t.Fatal(err)
		}
		write(t, filepath.Join(dir, "gamma", "testdata", "TestTable", "two.golden"), "two: edited by hand\n", 0o644)
		before := tree(t, dir)
		r := m.run(t, dir, "", "apply", downloaded)
		wantOut := "+1 -1 alpha/testdata/TestGreet.golden\n" +
			"+1 -1 beta/testdata/TestSite.golden.d/ (1 changed)\n\t+1 -1 index.html\n"
		wantErr := "golden apply: refused gamma/testdata/TestTable/two.golden: it has changed since TestTable/two (example.com/e2e/gamma) " +
			"recorded its output; nothing of it is written; run the test again\n"
		if r.code != 1 || r.stdout != wantOut || r.stderr != wantErr {
			t.Errorf("exit %d\nstdout:\n%s\nwant\n%s\nstderr:\n%s\nwant\n%s", r.code, r.stdout, wantOut, r.stderr, wantErr)
		}
		want := []string{"alpha/testdata/TestGreet.golden", "beta/testdata/TestSite.golden.d/index.html"}
		if got := changes(before, tree(t, dir)); !slices.Equal(got, want) {
			t.Errorf("changed %q, want %q", got, want)
		}
	})

	// The structured assertions update, record and count as used as Assert
	// does: review --accept-all writes exactly what UPDATE_GOLDEN=1 writes,
	// all five changed goldens, and a golden of Each whose input was
	// removed is unused.
	t.Run("structured", func(t *testing.T) {
		t.Parallel()
		reviewed, updated := m.copy(t, false), m.copy(t, false)
		for _, dir := range []string{reviewed, updated} {
			write(t, filepath.Join(dir, "delta", "broken.go"), "package delta\n\nconst broken = true\n", 0o644)
		}
		before := tree(t, reviewed)
		r := m.run(t, reviewed, "", "review", "--accept-all", "./delta")
		if r.code != 0 || !strings.Contains(r.stdout, "5 accepted, 0 rejected, 0 skipped\n") {
			t.Fatalf("exit %d\nstdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
		}
		want := []string{"delta/testdata/TestJSON.golden", "delta/testdata/TestValue.golden",
			"delta/testdata/TestYAML.golden", "delta/testdata/parse/a.golden", "delta/testdata/parse/b.golden"}
		if got := changes(before, tree(t, reviewed)); !slices.Equal(got, want) {
			t.Errorf("review --accept-all changed %q, want %q", got, want)
		}
		m.goTest(t, updated, []string{"UPDATE_GOLDEN=1"}, "./delta")
		if diff := changes(tree(t, updated), tree(t, reviewed)); len(diff) > 0 {
			t.Errorf("review --accept-all and UPDATE_GOLDEN=1 differ in %q", diff)
		}
		if err := os.Remove(filepath.Join(reviewed, "delta", "testdata", "parse", "b.input")); err != nil {
			t.Fatal(err)
		}
		o, _ := m.goTestErr(reviewed, nil, "-json", "./...")
		logFile := filepath.Join(t.TempDir(), "plain.log")
		write(t, logFile, o, 0o644)
		r = m.run(t, reviewed, "", "unused", logFile)
		wantOut := "delta/testdata/parse/b.golden\ngamma/testdata/Stale.golden\ngamma/testdata/linuxonly.golden\n"
		if r.code != 1 || r.stdout != wantOut {
			t.Errorf("unused: exit %d, stdout:\n%s\nwant:\n%s\nstderr:\n%s", r.code, r.stdout, wantOut, r.stderr)
		}
	})

	// Two logs, as two CI jobs with different build tags would give: only
	// the golden neither used is listed; a failed or -run log is refused.
	t.Run("unused", func(t *testing.T) {
		t.Parallel()
		dir := m.copy(t, false)
		logs := t.TempDir()
		log := func(name string, env []string, args ...string) string {
			t.Helper()
			o, _ := m.goTestErr(dir, env, append([]string{"-json"}, args...)...)
			p := filepath.Join(logs, name)
			if err := os.WriteFile(p, []byte(o), 0o644); err != nil {
				t.Fatal(err)
			}
			return p
		}
		tagged := log("tagged.log", nil, "-tags", "linuxonly", "./...")
		plain := log("plain.log", nil, "./...")
		r := m.run(t, dir, "", "unused", tagged, plain)
		if r.code != 1 || r.stdout != "gamma/testdata/Stale.golden\n" {
			t.Errorf("two logs: exit %d, stdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
		}
		r = m.run(t, dir, "", "unused", plain)
		if r.code != 1 || r.stdout != "gamma/testdata/Stale.golden\ngamma/testdata/linuxonly.golden\n" {
			t.Errorf("one log: exit %d, stdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
		}
		runLog := log("run.log", nil, "-run", "TestGreet", "./...")
		write(t, filepath.Join(dir, "alpha", "broken.go"), "package alpha\n\nconst broken = true\n", 0o644)
		failed := log("failed.log", nil, "./...")
		before := tree(t, dir)
		for _, bad := range []string{runLog, failed} {
			r = m.run(t, dir, "", "unused", "--remove", plain, tagged, bad)
			if r.code != 1 || r.stdout != "" || !strings.HasPrefix(r.stderr, "golden unused: refused "+bad+": ") {
				t.Errorf("log %s: exit %d, stdout %q, stderr:\n%s", filepath.Base(bad), r.code, r.stdout, r.stderr)
			}
		}
		if got := changes(before, tree(t, dir)); len(got) > 0 {
			t.Errorf("a refused log changed %q", got)
		}
		r = m.run(t, dir, "", "unused", "--remove", plain, tagged)
		if r.code != 0 || r.stdout != "removed gamma/testdata/Stale.golden\n" {
			t.Errorf("--remove: exit %d, stdout %q, stderr:\n%s", r.code, r.stdout, r.stderr)
		}
		if got := changes(before, tree(t, dir)); !slices.Equal(got, []string{"gamma/testdata/Stale.golden (removed)"}) {
			t.Errorf("--remove changed %q", got)
		}
	})
}
