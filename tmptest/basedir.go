package tmptest

import (
	"fmt"
	"os"
	"path/filepath"
)

// BaseDir reports where helpers create things when no [In] option is given,
// like Python's tempfile.gettempdir: $TMPTEST_DIR if set, else $GOTMPDIR
// (where go test keeps its own temporary files), else [os.TempDir].
//
// The environment is read on every call, inside the test, so go test's
// cache sees the variables and a test can change them with t.Setenv.
func BaseDir() string {
	dir, _ := baseDir()
	return dir
}

// baseDir is BaseDir plus where the answer came from, for messages.
func baseDir() (dir, where string) {
	for _, name := range []string{"TMPTEST_DIR", "GOTMPDIR"} {
		if d := os.Getenv(name); d != "" {
			return d, fmt.Sprintf("%s=%q", name, d)
		}
	}
	d := os.TempDir()
	return d, fmt.Sprintf("os.TempDir() %q", d)
}

// absDir makes dir absolute without touching the disk when it already is.
func absDir(dir string) (string, error) {
	if filepath.IsAbs(dir) {
		return filepath.Clean(dir), nil
	}
	return filepath.Abs(dir)
}
