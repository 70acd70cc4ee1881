package tmptest

import (
	"os"
	"testing"

	"github.com/tmpkit/tmpkit/internal/faketb"
)

// fatalOf runs fn through a new faketb.TB and returns its Fatalf message,
// failing t if fn returned normally, stopped other than by one Fatalf, or
// did not call Helper first.
func fatalOf(t *testing.T, fn func(t testing.TB)) string {
	t.Helper()
	f := faketb.New("TestFake", nil)
	if f.Run(fn) {
		t.Fatalf("the helper returned; want it to call Fatalf")
	}
	f.Finish()
	if calls := f.Calls(); len(calls) == 0 || calls[0] != "Helper" {
		t.Errorf("calls = %q; want Helper first", calls)
	}
	fatals := f.Fatals()
	if len(fatals) != 1 {
		t.Fatalf("Fatalf messages = %q; want one", fatals)
	}
	return fatals[0]
}

// cleanDir returns a new directory for In, checked empty at the end.
func cleanDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	t.Cleanup(func() {
		if names := list(t, dir); len(names) > 0 {
			t.Errorf("%s holds %q; want nothing left", dir, names)
		}
	})
	return dir
}

// list returns the sorted names in dir.
func list(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}
