package diff

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// lines returns n numbered lines; the lines in changed get other text.
func lines(n int, tag string, changed ...int) string {
	var b strings.Builder
	for i := range n {
		if len(changed) > 0 && i == changed[0] {
			changed = changed[1:]
			fmt.Fprintf(&b, "%s changed line %d\n", tag, i)
			continue
		}
		fmt.Fprintf(&b, "%s line %d of the text\n", tag, i)
	}
	return b.String()
}

// Baseline and subject run in one `go test -bench` so their ratio is
// measured on the same machine state: 100,000 lines with 3 changes.
func BenchmarkLongText3Changes(b *testing.B) {
	want := lines(100_000, "")
	got := lines(100_000, "", 10, 50_000, 99_990)
	b.Run("tmpkit", func(b *testing.B) {
		for b.Loop() {
			Text(want, got, Options{})
		}
	})
	b.Run("go-cmp", func(b *testing.B) {
		for b.Loop() {
			cmp.Diff(want, got)
		}
	})
}

// Every line differs: the worst case for an LCS search.
func BenchmarkAllLinesDiffer5000(b *testing.B) {
	want, got := lines(5_000, "a"), lines(5_000, "b")
	b.Run("tmpkit", func(b *testing.B) {
		for b.Loop() {
			Text(want, got, Options{})
		}
	})
	b.Run("go-cmp", func(b *testing.B) {
		for b.Loop() {
			cmp.Diff(want, got)
		}
	})
}
