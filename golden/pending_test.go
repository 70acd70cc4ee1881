package golden

import (
	"path/filepath"
	"slices"
	"sync"
	"testing"

	"github.com/tmpkit/tmpkit/fixture"
	"github.com/tmpkit/tmpkit/internal/pending"
)

// pendingModule makes a module example.com/m whose package directory is
// its root, holding files, and returns the root and the options that run an
// assertion there with GOLDEN_PENDING set to a fresh directory, which it
// also returns. reads counts the assertion's reads of GOLDEN_PENDING.
func pendingModule(t *testing.T, files map[string]string) (root, pend string, reads *int, opts []Option) {
	t.Helper()
	files["go.mod"] = "module example.com/m\n"
	root = setup(t, files)
	pend = t.TempDir()
	var mu sync.Mutex
	reads = new(int)
	env := Option{func(c *config) {
		c.getenv = func(k string) string {
			if k != "GOLDEN_PENDING" {
				return ""
			}
			mu.Lock()
			defer mu.Unlock()
			*reads++
			return pend
		}
		c.pkgDir = root
	}}
	return root, pend, reads, []Option{env, noFlags(), Dir(filepath.Join(root, "testdata"))}
}

func findRecords(t *testing.T, dir string) []pending.Record {
	t.Helper()
	rs, err := pending.Find(dir)
	if err != nil {
		t.Fatal(err)
	}
	slices.SortFunc(rs, func(a, b pending.Record) int { return cmpString(a.Path+a.Test, b.Path+b.Test) })
	return rs
}

func cmpString(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// TestPendingRecordsDifferences checks what a missing and a differing
// golden file and tree record under GOLDEN_PENDING, and that a passing
// assertion records nothing and does not even read the variable (so
// passing tests stay in go test's cache when it changes).
func TestPendingRecordsDifferences(t *testing.T) {
	_, pend, reads, opts := pendingModule(t, map[string]string{
		"testdata/TestSame.golden":         "same\n",
		"testdata/TestDiffer.golden":       "old\r\n",
		"testdata/TestTree.golden.d/a.txt": "a\n",
		"testdata/TestTree.golden.d/b.txt": "b\n",
	})
	if f := assertFake(t, "TestSame", "same\n", opts...); f.Failed() {
		t.Fatalf("a passing assertion failed:\n%s", f.Output())
	}
	if *reads != 0 {
		t.Errorf("a passing assertion read GOLDEN_PENDING %d times; want 0", *reads)
	}
	assertFake(t, "TestDiffer", "new\n", opts...)
	assertFake(t, "TestMissing", "fresh\n", opts...)
	assertDirFake(t, "TestTree", fixture.Tree{"a.txt": fixture.File("a\n"), "c.txt": fixture.File("c\n")}, opts...)

	rs := findRecords(t, pend)
	if len(rs) != 3 {
		t.Fatalf("got %d records, want 3: %+v", len(rs), rs)
	}
	differ, missing, tree := rs[0], rs[1], rs[2]
	if differ.Path != "testdata/TestDiffer.golden" || differ.Kind != pending.File || differ.Test != "TestDiffer" ||
		differ.Package != "example.com/m" || string(differ.Content) != "new\n" ||
		differ.Hash != pending.HashFile([]byte("old\r\n"), false) {
		t.Errorf("differing golden's record: %+v", differ)
	}
	if missing.Path != "testdata/TestMissing.golden" || missing.Hash != "" || string(missing.Content) != "fresh\n" {
		t.Errorf("missing golden's record: %+v", missing)
	}
	var names []string
	for _, e := range tree.Files {
		names = append(names, e.Name+map[bool]string{true: " removed", false: ""}[e.Removed])
	}
	if tree.Path != "testdata/TestTree.golden.d" || tree.Kind != pending.Tree || tree.Hash == "" ||
		!slices.Equal(names, []string{"b.txt removed", "c.txt"}) {
		t.Errorf("tree's record: %+v (entries %q)", tree, names)
	}
}

// TestPendingParallelRecordsAllLand runs 20 parallel differing assertions
// and finds 20 records: none clobbers another.
func TestPendingParallelRecordsAllLand(t *testing.T) {
	_, pend, _, opts := pendingModule(t, map[string]string{})
	var wg sync.WaitGroup
	for i := range 20 {
		wg.Go(func() {
			assertFake(t, "TestP/"+string(rune('a'+i)), "out\n", opts...)
		})
	}
	wg.Wait()
	if rs := findRecords(t, pend); len(rs) != 20 {
		t.Errorf("got %d records, want 20", len(rs))
	}
}
