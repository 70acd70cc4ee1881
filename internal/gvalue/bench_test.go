package gvalue

import (
	"bytes"
	"encoding/json"
	"fmt"
	"testing"
	"time"
)

// benchRecord is the shape the golden benchmark of AssertValue uses:
// strings, ints, a map, a pointer and a time.
type benchRecord struct {
	ID      string
	Name    string
	Count   int
	Version int64
	Labels  map[string]string
	Owner   *benchOwner
	Created time.Time
}

type benchOwner struct {
	Name  string
	Email string
}

// BenchRecords returns n records for benchmarks.
func benchRecords(n int) []benchRecord {
	out := make([]benchRecord, n)
	for i := range out {
		out[i] = benchRecord{
			ID: fmt.Sprintf("rec-%05d", i), Name: "a record", Count: i, Version: int64(i) * 7,
			Labels:  map[string]string{"env": "test", "team": "core"},
			Owner:   &benchOwner{"Ann", "ann@example.com"},
			Created: time.Date(2024, 1, 2, 3, 4, 5, i, time.UTC),
		}
	}
	return out
}

func BenchmarkFormat(b *testing.B) {
	v := benchRecords(10_000)
	b.Run("gvalue", func(b *testing.B) {
		for b.Loop() {
			if _, err := Format(v, nil); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("encoding/json", func(b *testing.B) {
		for b.Loop() {
			var buf bytes.Buffer
			enc := json.NewEncoder(&buf)
			enc.SetIndent("", "  ")
			if err := enc.Encode(v); err != nil {
				b.Fatal(err)
			}
		}
	})
}
