//go:build unix

package golden

import (
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/tmpkit/tmpkit/internal/faketb"
)

// TestSpecialGoldensRefused: a FIFO golden made Assert and Get block
// forever, and Dir("/dev"), Name("zero") read without limit. Each is
// refused before it is opened, naming it and its type (failed before: the
// FIFO read hung).
func TestSpecialGoldensRefused(t *testing.T) {
	t.Parallel()
	dir := setup(t, nil)
	if err := syscall.Mkfifo(filepath.Join(dir, "TestX.golden"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name string
		run  func(tb testing.TB)
		want string
	}{
		{"Assert", func(tb testing.TB) { Assert(tb, "x", append(quiet(), Dir(dir))...) },
			`golden: "$DIR/TestX.golden" is a named pipe (FIFO), not a regular file`},
		{"Get", func(tb testing.TB) { Get(tb, append(quiet(), Dir(dir))...) },
			`golden: "$DIR/TestX.golden" is a named pipe (FIFO), not a regular file`},
		{"update", func(tb testing.TB) { Assert(tb, "x", append(update(), Dir(dir))...) },
			`golden: "$DIR/TestX.golden" is a named pipe (FIFO), not a regular file`},
		{"device", func(tb testing.TB) { Assert(tb, "x", append(quiet(), Dir("/dev"), Name("zero"))...) },
			`golden: "/dev/zero" is a character device, not a regular file`},
	} {
		done := make(chan *faketb.TB, 1)
		go func() { done <- runFake(t, "TestX", tt.run) }()
		select {
		case f := <-done:
			checkMessage(t, f, dir, tt.want)
		case <-time.After(10 * time.Second):
			t.Fatalf("%s still blocks after 10s", tt.name)
		}
	}
}
