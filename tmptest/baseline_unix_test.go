//go:build unix

package tmptest_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	gtfs "gotest.tools/v3/fs"

	"github.com/tmpkit/tmpkit/tmptest"
)

// The feature table in docs/comparison.md compares tmptest with t.TempDir and
// gotest.tools' fs.NewDir. These tests show what the baselines do with a
// read-only tree (0555 directory holding a 0444 file, like a Go module
// cache), next to TestCleanupRemovesReadOnlyTree for tmptest. They run the
// baseline in a child test process whose TMPDIR is a tmptest.Dir, so what
// the baseline leaves behind is still removed.

const baselineChild = "TMPTEST_BASELINE_CHILD"

// runBaselineChild runs the test named test in a child process with TMPDIR
// set to a fresh directory, and returns its output, whether it passed and
// the directory.
func runBaselineChild(t *testing.T, test string) (out string, passed bool, tmp string) {
	t.Helper()
	if os.Geteuid() == 0 {
		t.Skip("root ignores permission bits; the unprivileged CI pass runs this")
	}
	tmp = tmptest.Dir(t)
	cmd := exec.Command(os.Args[0], "-test.run=^"+test+"$", "-test.v")
	cmd.Env = append(os.Environ(), baselineChild+"=1", "TMPDIR="+tmp, "GOTMPDIR=", "TMPTEST_DIR=")
	b, err := cmd.CombinedOutput()
	return string(b), err == nil, tmp
}

func makeReadOnlyTree(t *testing.T, dir string) {
	t.Helper()
	sub := filepath.Join(dir, "ro")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(sub, "f"), []byte("x"), 0o444); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(sub, 0o555); err != nil {
		t.Fatal(err)
	}
}

// t.TempDir's cleanup fails the test on a read-only tree.
func TestBaselineTempDirFailsOnReadOnlyTree(t *testing.T) {
	if os.Getenv(baselineChild) != "" {
		makeReadOnlyTree(t, t.TempDir())
		return
	}
	out, passed, _ := runBaselineChild(t, "TestBaselineTempDirFailsOnReadOnlyTree")
	if passed || !strings.Contains(out, "TempDir RemoveAll cleanup:") || !strings.Contains(out, "permission denied") {
		t.Errorf("want the child to fail with TempDir RemoveAll cleanup: ... permission denied; passed=%v, output:\n%s", passed, out)
	}
}

// gotest.tools' Dir.Remove ignores the error: the test passes and the tree
// stays behind.
func TestBaselineGotestToolsLeavesReadOnlyTree(t *testing.T) {
	if os.Getenv(baselineChild) != "" {
		dir := gtfs.NewDir(t, "baseline")
		defer dir.Remove()
		makeReadOnlyTree(t, dir.Path())
		return
	}
	out, passed, tmp := runBaselineChild(t, "TestBaselineGotestToolsLeavesReadOnlyTree")
	left, _ := filepath.Glob(filepath.Join(tmp, "baseline-*", "ro", "f"))
	if !passed || len(left) != 1 {
		t.Errorf("want the child to pass and leave its tree behind; passed=%v, left=%v, output:\n%s", passed, left, out)
	}
}

// tmptest removes the same tree and the test passes.
func TestBaselineTmptestRemovesReadOnlyTree(t *testing.T) {
	if os.Getenv(baselineChild) != "" {
		makeReadOnlyTree(t, tmptest.Dir(t))
		return
	}
	out, passed, tmp := runBaselineChild(t, "TestBaselineTmptestRemovesReadOnlyTree")
	left, _ := os.ReadDir(tmp)
	if !passed || len(left) != 0 {
		t.Errorf("want the child to pass and leave nothing; passed=%v, left=%v, output:\n%s", passed, left, out)
	}
}
