package tmptest

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/tmpkit/tmpkit/internal/faketb"
)

func TestKeepEnvRejected(t *testing.T) {
	t.Setenv("TMPTEST_KEEP", "sometimes")
	for _, h := range allHelpers() {
		t.Run(h.name, func(t *testing.T) {
			dir := cleanDir(t)
			got := fatalOf(t, func(t testing.TB) { h.call(t, In(dir)) })
			want := `tmptest: TMPTEST_KEEP="sometimes": unknown value; accepted: "failed", "all", "never" or empty`
			if got != want {
				t.Errorf("Fatalf message:\n got: %s\nwant: %s", got, want)
			}
		})
	}
}

func TestKeepPolicy(t *testing.T) {
	tests := []struct {
		env    string
		keep   bool // Keep() given
		failed bool // the test failed
		why    string
	}{
		{"", false, false, ""},
		{"", false, true, ""},
		{"never", false, true, ""},
		{"failed", false, false, ""},
		{"failed", false, true, "TMPTEST_KEEP=failed and the test failed"},
		{"all", false, false, "TMPTEST_KEEP=all"},
		{"all", false, true, "TMPTEST_KEEP=all"},
		{"", true, false, "Keep()"},
		{"never", true, true, "Keep()"},
		{"failed", true, false, "Keep()"},
	}
	for _, tt := range tests {
		name := fmt.Sprintf("env=%q/keep=%v/failed=%v", tt.env, tt.keep, tt.failed)
		t.Run(name, func(t *testing.T) {
			t.Setenv("TMPTEST_KEEP", tt.env)
			dir := t.TempDir()
			opts := []Option{In(dir)}
			if tt.keep {
				opts = append(opts, Keep())
			}
			f := faketb.New("TestKeep", nil)
			var paths []string
			var file *os.File
			f.Run(func(t testing.TB) {
				file = File(t, opts...)
				paths = append(paths, file.Name(), Dir(t, opts...), WriteFile(t, "x", opts...))
				sp := Spooled(t, 0, opts...)
				if _, err := sp.File(); err != nil {
					t.Fatalf("Spooled: %v", err)
				}
				paths = append(paths, sp.Name(), filepath.Dir(Path(t, opts...)))
				if tt.failed {
					t.Fail()
				}
			})
			// The policy was read at the call: changing it now changes nothing.
			t.Setenv("TMPTEST_KEEP", "never")
			f.Finish()

			var wantLogs []string
			for _, p := range slices.Backward(paths) {
				_, err := os.Lstat(p)
				if kept := err == nil; kept != (tt.why != "") {
					t.Errorf("after cleanup, Lstat(%s) = %v; want kept %v", p, err, tt.why != "")
				}
				if tt.why != "" {
					wantLogs = append(wantLogs, fmt.Sprintf("tmptest: kept %s (%s)", p, tt.why))
				}
			}
			if !slices.Equal(f.Logs(), wantLogs) {
				t.Errorf("logs:\n got: %q\nwant: %q", f.Logs(), wantLogs)
			}
			if _, err := file.Write([]byte("x")); !errors.Is(err, os.ErrClosed) {
				t.Errorf("File after cleanup: Write error = %v; want it closed, kept or not", err)
			}
			if len(f.Errors()) != 0 {
				t.Errorf("Errorf calls: %q; want none", f.Errors())
			}
		})
	}
}
