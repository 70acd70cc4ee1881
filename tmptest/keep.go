package tmptest

import (
	"errors"
	"fmt"
	"os"
	"testing"
)

// keepMode is the retention policy of TMPTEST_KEEP, after pytest's
// tmp_path retention ("failed", "all", "none").
type keepMode uint8

const (
	keepNever  keepMode = iota // "" or "never": remove everything
	keepFailed                 // "failed": keep what a failed test created
	keepAll                    // "all": keep everything
)

// keepFromEnv reads TMPTEST_KEEP. It runs inside each helper call so that
// go test's cache sees the variable and t.Setenv can change it.
func keepFromEnv() (keepMode, error) {
	switch v := os.Getenv("TMPTEST_KEEP"); v {
	case "", "never":
		return keepNever, nil
	case "failed":
		return keepFailed, nil
	case "all":
		return keepAll, nil
	default:
		return 0, fmt.Errorf(`tmptest: TMPTEST_KEEP=%q: unknown value; accepted: "failed", "all", "never" or empty`, v)
	}
}

// keepReason says why a path stays after the test, or "" when it goes.
// It runs at cleanup, when t.Failed is final.
func (c *config) keepReason(t testing.TB) string {
	switch {
	case c.keep:
		return "Keep()"
	case c.keepEnv == keepAll:
		return "TMPTEST_KEEP=all"
	case c.keepEnv == keepFailed && t.Failed():
		return "TMPTEST_KEEP=failed and the test failed"
	}
	return ""
}

// atCleanup registers [config.finish] of path to run when t ends, and
// lists shown, the path as returned to the user ("" for none), in
// [Created] until then. It is a helper too: testing reports what a cleanup
// logs at the line that called t.Cleanup, skipping helpers, so without
// t.Helper here every kept path and cleanup failure pointed at this file
// instead of the test.
func (c *config) atCleanup(t testing.TB, path, shown string, closeFile func() error, remove func(string) error) {
	t.Helper()
	id := created.add(t.Name(), shown)
	t.Cleanup(func() {
		t.Helper()
		defer created.drop(id)
		c.finish(t, path, closeFile, remove)
	})
}

// finish ends path's life: closeFile (if not nil) runs first, then path is
// kept and logged, or removed with remove. A failure is reported with
// t.Errorf, never dropped. An empty path only closes.
func (c *config) finish(t testing.TB, path string, closeFile func() error, remove func(string) error) {
	t.Helper()
	if closeFile != nil {
		// Closing early is fine: ErrClosed means the test did it.
		if err := closeFile(); err != nil && !errors.Is(err, os.ErrClosed) {
			t.Errorf("tmptest: cleanup: %v", err)
		}
	}
	if path == "" {
		return
	}
	if why := c.keepReason(t); why != "" {
		t.Logf("tmptest: kept %s (%s)", path, why)
		return
	}
	if err := remove(path); err != nil {
		t.Errorf("tmptest: cleanup: %v; remove %s by hand", err, path)
	}
}
