package diff

import (
	"bytes"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"
)

// IsBinary reports whether b is to be compared as binary data: it holds a
// NUL byte or is not valid UTF-8.
//
// A large b is checked in parts, one per CPU, each cut at the start of a
// UTF-8 sequence: a mismatch of a large golden checks the whole shared
// part, and this halves its cost on two CPUs.
func IsBinary(b []byte) bool {
	n := min(runtime.GOMAXPROCS(0), len(b)/parallelMin)
	if n < 2 {
		return bytes.IndexByte(b, 0) >= 0 || !utf8.Valid(b)
	}
	var binary atomic.Bool
	var wg sync.WaitGroup
	for k, start := 0, 0; k < n; k++ {
		end := len(b)
		if k < n-1 {
			end = len(b) * (k + 1) / n
			// A cut before a byte that starts a sequence leaves each
			// part valid if, and only if, the whole is. In valid UTF-8
			// one comes within three bytes; where none does, the whole
			// is not, and neither is the part starting at the cut.
			for i := 0; i < 3 && !utf8.RuneStart(b[end]); i++ {
				end--
			}
		}
		part := b[start:end]
		wg.Go(func() {
			if bytes.IndexByte(part, 0) >= 0 || !utf8.Valid(part) {
				binary.Store(true)
			}
		})
		start = end
	}
	wg.Wait()
	return binary.Load()
}

// countByte is bytes.Count of c in b, split among the CPUs when b is
// large: the line number of a difference near the end of a large golden
// counts the lines of all of it.
func countByte(b []byte, c byte) int {
	n := min(runtime.GOMAXPROCS(0), len(b)/parallelMin)
	if n < 2 {
		return bytes.Count(b, []byte{c})
	}
	var total atomic.Int64
	var wg sync.WaitGroup
	for k := range n {
		part := b[len(b)*k/n : len(b)*(k+1)/n]
		wg.Go(func() { total.Add(int64(bytes.Count(part, []byte{c}))) })
	}
	wg.Wait()
	return int(total.Load())
}

// parallelMin is the size from which IsBinary and countByte split their work: a
// goroutine costs a microsecond, a megabyte's check about a tenth of a
// millisecond.
const parallelMin = 1 << 20

// Bytes returns "" when want and got are equal, a [Binary] report when
// either is binary, and a [Text] diff otherwise.
func Bytes(want, got []byte, o Options) string {
	report, _ := Report(want, got, o)
	return report
}

// FirstDifference returns the offset of the first byte at which want and
// got differ, or the length of the shorter one when it is a prefix of the
// other, or -1 when they are equal.
func FirstDifference(want, got []byte) int {
	n := prefixLen(want, got)
	if n == len(want) && n == len(got) {
		return -1
	}
	return n
}

// Binary returns "" when want and got are equal, and otherwise a report of
// their sizes, the first differing offset and a 16-byte hex window of each
// side around it:
//
//	binary content differs: want 20 bytes, got 20 bytes; first difference at offset 17 (0x11)
//	want: 00000010  00 01 02 03                                       |....|
//	got:  00000010  00 ff 02 03                                       |....|
func Binary(want, got []byte) string {
	off := FirstDifference(want, got)
	if off < 0 {
		return ""
	}
	return binaryAt(want, got, off)
}

// binaryAt is Binary once the first difference, off, is known.
func binaryAt(want, got []byte, off int) string {
	start := off &^ 15
	var b strings.Builder
	fmt.Fprintf(&b, "binary content differs: want %s, got %s; first difference at offset %d (%#x)\n",
		size(len(want)), size(len(got)), off, off)
	fmt.Fprintf(&b, "want: %s\n", hexLine(start, want))
	fmt.Fprintf(&b, "got:  %s\n", hexLine(start, got))
	return b.String()
}

func size(n int) string {
	if n == 1 {
		return "1 byte"
	}
	return fmt.Sprintf("%d bytes", n)
}

// hexLine formats up to 16 bytes of data from start like hexdump -C.
func hexLine(start int, data []byte) string {
	if start >= len(data) {
		return fmt.Sprintf("%08x  (end of content)", start)
	}
	window := data[start:min(start+16, len(data))]
	var b strings.Builder
	fmt.Fprintf(&b, "%08x ", start)
	for i := range 16 {
		if i == 8 {
			b.WriteByte(' ')
		}
		if i < len(window) {
			fmt.Fprintf(&b, " %02x", window[i])
		} else {
			b.WriteString("   ")
		}
	}
	b.WriteString("  |")
	for _, c := range window {
		if c < 0x20 || c > 0x7e {
			c = '.'
		}
		b.WriteByte(c)
	}
	b.WriteByte('|')
	return b.String()
}
