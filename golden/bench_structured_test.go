package golden

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/tmpkit/tmpkit/internal/faketb"
)

// benchItem is a record of the benchmarks: strings, ints, a map, a pointer
// and a time.
type benchItem struct {
	ID        string            `json:"id"`
	Name      string            `json:"name"`
	Count     int               `json:"count"`
	Version   int64             `json:"version"`
	ETag      string            `json:"etag"`
	Labels    map[string]string `json:"labels"`
	Owner     *benchOwner       `json:"owner"`
	CreatedAt time.Time         `json:"created_at"`
}

type benchOwner struct {
	Name  string `json:"name"`
	Email string `json:"email"`
}

func benchItems(n int) []benchItem {
	items := make([]benchItem, n)
	for i := range items {
		items[i] = benchItem{
			ID: fmt.Sprintf("item-%05d", i), Name: "an item of the catalogue", Count: i, Version: int64(i) * 7,
			ETag: fmt.Sprintf("W/\"%08x\"", int64(i)*2654435761), Labels: map[string]string{"env": "test", "team": "core"},
			Owner:     &benchOwner{"Ann Example", "ann@example.com"},
			CreatedAt: time.Date(2024, 1, 2, 3, 4, 5, i, time.UTC),
		}
	}
	return items
}

// variant is one side of an interleaved comparison: once prepares and
// returns one run of it.
type variant struct {
	name string
	run  func()
}

// interleave runs each variant as a sub-benchmark, then all of them in an
// "interleaved" sub-benchmark alternating them in every iteration, which
// reports the first variant's time divided by each other's as
// "<first>/<other>": both sides then see the same load of a shared machine.
func interleave(b *testing.B, variants ...variant) {
	for _, v := range variants {
		b.Run(v.name, func(b *testing.B) {
			for b.Loop() {
				v.run()
			}
		})
	}
	b.Run("interleaved", func(b *testing.B) {
		total := make([]time.Duration, len(variants))
		for round := 0; b.Loop(); round++ {
			for k := range variants {
				j := (round + k) % len(variants)
				start := time.Now()
				variants[j].run()
				total[j] += time.Since(start)
			}
		}
		for j, v := range variants[1:] {
			b.ReportMetric(float64(total[0])/float64(total[j+1]), variants[0].name+"/"+v.name)
		}
	})
}

// benchAssert returns one passing run of assert against the golden named
// name in dir, through the exported function as a test calls it.
func benchAssert(b *testing.B, dir, name string, assert func(testing.TB, any, ...Option), v any, opts ...Option) func() {
	opts = append(opts, Dir(dir), Name(name), noFlags())
	f := &faketb.TB{TB: b}
	assert(f, v, append(opts, withEnv("UPDATE_GOLDEN=1"), newRun())...) // writes the golden
	return func() {
		if !f.Run(func(t testing.TB) { assert(t, v, append(opts, withEnv(), newRun())...) }) || f.Failed() {
			b.Fatal(f.Fatals())
		}
	}
}

// BenchmarkRedact times AssertJSON of a 1 MB document with three Redacts
// (a member, one field of every item, a descendant search) against
// AssertJSON of it without them: the whole assertion, golden read
// included. Target: at most 3x.
func BenchmarkRedact(b *testing.B) {
	dir := b.TempDir()
	doc := map[string]any{"request_id": "req-81f2", "items": benchItems(2800)}
	if data, _ := marshalJSON(doc); len(data) < 1<<20 {
		b.Fatalf("the document is %d bytes, want 1 MB", len(data))
	}
	interleave(b,
		variant{"AssertJSON+3Redact", benchAssert(b, dir, "redacted.golden", AssertJSON, doc,
			Redact("$.request_id", "[request]"), Redact("$.items[*].created_at", "[time]"), Redact("$..etag", "[etag]"))},
		variant{"AssertJSON", benchAssert(b, dir, "plain.golden", AssertJSON, doc)},
	)
}

// BenchmarkAssertValue times AssertValue of 10,000 records against
// AssertJSON of the same slice. Target: at most 2x.
func BenchmarkAssertValue(b *testing.B) {
	dir := b.TempDir()
	items := benchItems(10_000)
	interleave(b,
		variant{"AssertValue", benchAssert(b, dir, "value.golden", AssertValue, items)},
		variant{"AssertJSON", benchAssert(b, dir, "json.golden", AssertJSON, items)},
	)
	if fi, err := os.Stat(filepath.Join(dir, "value.golden")); err == nil {
		b.ReportMetric(float64(fi.Size()), "golden-bytes")
	}
}
