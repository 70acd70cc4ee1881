package golden

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func benchLines(n int, changed ...int) string {
	var b strings.Builder
	for i := range n {
		if len(changed) > 0 && changed[0] == i {
			changed = changed[1:]
			fmt.Fprintf(&b, "changed line %d\n", i)
			continue
		}
		fmt.Fprintf(&b, "line %d of the golden text\n", i)
	}
	return b.String()
}

// BenchmarkMismatch times a whole failed comparison, golden file read and
// failure message included, of 100,000 lines with 3 changed, against the
// baseline of reading the file and rendering go-cmp's cmp.Diff.
func BenchmarkMismatch(b *testing.B) {
	dir := b.TempDir()
	want, got := benchLines(100_000), benchLines(100_000, 10, 50_000, 99_990)
	if err := os.WriteFile(filepath.Join(dir, "TestX.golden"), []byte(want), 0o644); err != nil {
		b.Fatal(err)
	}
	b.Run("golden", func(b *testing.B) {
		for b.Loop() {
			cfg := newConfig(append(quiet(), Dir(dir), newRun()))
			c := &call{test: "TestX", pkgDir: dir, getenv: cfg.getenv, lookupFlag: cfg.lookupFlag}
			if err := c.assertFile(cfg, []byte(got)); err == nil {
				b.Fatal("no difference found")
			}
		}
	})
	b.Run("go-cmp", func(b *testing.B) {
		for b.Loop() {
			w, err := os.ReadFile(filepath.Join(dir, "TestX.golden"))
			if err != nil {
				b.Fatal(err)
			}
			if cmp.Diff(string(w), got) == "" {
				b.Fatal("no difference found")
			}
		}
	})
}

// BenchmarkMatch times a passing comparison of 100,000 lines against the
// baseline of reading the file and comparing bytes.
func BenchmarkMatch(b *testing.B) {
	dir := b.TempDir()
	want := benchLines(100_000)
	if err := os.WriteFile(filepath.Join(dir, "TestX.golden"), []byte(want), 0o644); err != nil {
		b.Fatal(err)
	}
	b.Run("golden", func(b *testing.B) {
		for b.Loop() {
			cfg := newConfig(append(quiet(), Dir(dir), newRun()))
			c := &call{test: "TestX", pkgDir: dir, getenv: cfg.getenv, lookupFlag: cfg.lookupFlag}
			if err := c.assertFile(cfg, []byte(want)); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("os.ReadFile+bytes.Equal", func(b *testing.B) {
		for b.Loop() {
			w, err := os.ReadFile(filepath.Join(dir, "TestX.golden"))
			if err != nil || !bytes.Equal(w, []byte(want)) {
				b.Fatal("differs", err)
			}
		}
	})
}
