package golden

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"testing"
)

func update() []Option { return []Option{noFlags(), withEnv("UPDATE_GOLDEN=1")} }

func TestUpdateWritesAtomicallyAndLogs(t *testing.T) {
	t.Parallel()
	dir := setup(t, nil)
	f := assertFake(t, "TestX/sub", "v1\n", append(update(), Dir(dir))...)
	if f.Failed() || !slices.Equal(f.Logs(), []string{"golden: wrote +1 -0 " + filepath.ToSlash(dir) + "/TestX/sub.golden (new)"}) {
		t.Fatalf("create: failed %v %s, logs %q", f.Failed(), f.Fatals(), f.Logs())
	}
	p := filepath.Join(dir, "TestX", "sub.golden")
	checkMode(t, p, 0o644)
	checkMode(t, filepath.Dir(p), 0o755|os.ModeDir)

	// An existing golden keeps its mode.
	if err := os.Chmod(p, 0o600); err != nil {
		t.Fatal(err)
	}
	f = assertFake(t, "TestX/sub", "v2\n", append(update(), Dir(dir), newRun())...)
	if f.Failed() || !slices.Equal(f.Logs(), []string{"golden: wrote +1 -1 " + filepath.ToSlash(dir) + "/TestX/sub.golden"}) {
		t.Fatalf("update: failed %v %s, logs %q", f.Failed(), f.Fatals(), f.Logs())
	}
	checkMode(t, p, 0o600)
	checkContent(t, p, "v2\n")
	checkNoTempFiles(t, filepath.Dir(p))
}

func TestUpdateSkipsUnchanged(t *testing.T) {
	t.Parallel()
	dir := setup(t, map[string]string{"same.golden": "same\r\n"})
	p := filepath.Join(dir, "same.golden")
	before, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	f := assertFake(t, "TestX", "same\n", append(update(), Dir(dir), Name("same.golden"))...)
	if f.Failed() || len(f.Logs()) != 0 {
		t.Fatalf("failed %v %s, logs %q", f.Failed(), f.Fatals(), f.Logs())
	}
	after, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	if !os.SameFile(before, after) {
		t.Errorf("an unchanged golden was rewritten")
	}
	checkContent(t, p, "same\r\n") // a CRLF checkout stays as it is
}

// TestInterruptedUpdateKeepsOldGolden injects a failure between the write
// of the temporary file and the rename.
func TestInterruptedUpdateKeepsOldGolden(t *testing.T) {
	t.Parallel()
	dir := setup(t, map[string]string{"TestX.golden": "old\n"})
	var sawTemp string
	interrupt := withBeforeRename(func(tmp, dst string) error {
		b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(tmp)))
		if err != nil || string(b) != "new\n" {
			t.Errorf("temp file %q holds %q, %v", tmp, b, err)
		}
		sawTemp = tmp
		return errors.New("interrupted")
	})
	f := assertFake(t, "TestX", "new\n", append(update(), Dir(dir), interrupt)...)
	if sawTemp == "" {
		t.Fatal("the hook did not run")
	}
	checkMessage(t, f, dir, `golden: write "$DIR/TestX.golden": interrupted`)
	checkContent(t, filepath.Join(dir, "TestX.golden"), "old\n")
	checkNoTempFiles(t, dir)
}

func TestUpdateRefusesNonRegularFile(t *testing.T) {
	t.Parallel()
	dir := setup(t, nil)
	if err := os.Mkdir(filepath.Join(dir, "TestX.golden"), 0o755); err != nil {
		t.Fatal(err)
	}
	f := assertFake(t, "TestX", "x\n", append(update(), Dir(dir))...)
	if runtime.GOOS == "windows" {
		return // the error text differs
	}
	checkMessage(t, f, dir, `golden: "$DIR/TestX.golden" is a directory, not a regular file; `+
		`an update never replaces a directory, which may hold more than goldens: move it, or give the assertion its own path with golden.Name`)
}

func TestUpdateDoesNotFollowSymlinksOut(t *testing.T) {
	t.Parallel()
	outside := setup(t, map[string]string{"victim": "precious\n"})
	dir := setup(t, nil)
	if err := os.Symlink(filepath.Join(outside, "victim"), filepath.Join(dir, "TestX.golden")); err != nil {
		t.Skip("no symlinks:", err)
	}
	f := assertFake(t, "TestX", "x\n", append(update(), Dir(dir))...)
	if !f.Failed() {
		t.Errorf("an update through a symlink leading out of the golden dir passed")
	}
	checkContent(t, filepath.Join(outside, "victim"), "precious\n")
}

func checkMode(t *testing.T, p string, want os.FileMode) {
	t.Helper()
	if runtime.GOOS == "windows" {
		return
	}
	fi, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode() != want {
		t.Errorf("%s: mode %v, want %v", p, fi.Mode(), want)
	}
}

func checkContent(t *testing.T, p, want string) {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil || string(b) != want {
		t.Errorf("%s holds %q (%v), want %q", p, b, err, want)
	}
}

func checkNoTempFiles(t *testing.T, dir string) {
	t.Helper()
	matches, _ := filepath.Glob(filepath.Join(dir, ".*.tmp"))
	if len(matches) != 0 {
		t.Errorf("temporary files left: %q", matches)
	}
}

// TestUpdateReadOnlyDir proves something only unprivileged (root ignores
// permission bits); .ci/as-nobody runs it.
func TestUpdateReadOnlyDir(t *testing.T) {
	t.Parallel()
	if runtime.GOOS == "windows" || os.Geteuid() == 0 {
		t.Skip("needs an unprivileged user on Unix: run with bash .ci/as-nobody")
	}
	dir := setup(t, map[string]string{"TestX.golden": "old\n"})
	if err := os.Chmod(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(dir, 0o755) })
	f := assertFake(t, "TestX", "new\n", append(update(), Dir(dir))...)
	checkMessage(t, f, dir, `golden: write "$DIR/TestX.golden": permission denied`)
	checkContent(t, filepath.Join(dir, "TestX.golden"), "old\n")
}
