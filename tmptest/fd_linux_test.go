package tmptest

import (
	"os"
	"slices"
	"testing"

	"github.com/tmpkit/tmpkit/internal/faketb"
)

// openFDs lists the process's open file descriptors.
func openFDs(t *testing.T) []string {
	t.Helper()
	fds, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		t.Skip("no /proc/self/fd:", err)
	}
	var names []string
	for _, fd := range fds {
		names = append(names, fd.Name())
	}
	return names
}

// TestNoDescriptorLeft runs every helper in subtests, twice so that the
// runtime's own descriptors (the poller) are open before counting, and
// compares /proc/self/fd before and after their cleanups.
func TestNoDescriptorLeft(t *testing.T) {
	dir := cleanDir(t)
	t.Run("warm up", func(t *testing.T) { useEverything(t, dir) })
	before := openFDs(t)
	t.Run("helpers", func(t *testing.T) {
		for range 10 {
			useEverything(t, dir)
			f := faketb.New("TestFake", nil)
			f.Run(func(tb testing.TB) {
				useEverything(tb, dir)
				File(tb, In(dir)).Close()
				sp := Spooled(tb, 0, In(dir))
				sp.File()
				sp.Close()
			})
			f.Finish()
		}
	})
	if after := openFDs(t); !slices.Equal(before, after) {
		t.Errorf("open descriptors after the helpers' cleanups: %q; want %q as before", after, before)
	}
}
