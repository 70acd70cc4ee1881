package tmptest

import (
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
func baseDir() (dir, from string) {
	if d := os.Getenv("TMPTEST_DIR"); d != "" {
		return d, "TMPTEST_DIR"
	}
	if d := os.Getenv("GOTMPDIR"); d != "" {
		return d, "GOTMPDIR"
	}
	return os.TempDir(), "os.TempDir()"
}

// absDir makes dir absolute without touching the disk when it already is.
func absDir(dir string) (string, error) {
	if filepath.IsAbs(dir) {
		return filepath.Clean(dir), nil
	}
	return filepath.Abs(dir)
}
