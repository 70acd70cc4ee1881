package goldenwrite

import (
	"bytes"
	"encoding/binary"
	"math/bits"
	"runtime"
	"sync"
	"sync/atomic"
	"unicode/utf8"
)

// foldEqual reports whether want, with the "\r" of each "\r\n" removed,
// equals got, and got is text: no NUL byte, valid UTF-8. want and got
// start at the same line start.
//
// It is the cost of a golden checked out with CRLF line endings, paid on
// every passing comparison on Windows, so it walks both 8 bytes at a time:
// where the words differ, want must hold "\r\n" and got "\n". The same
// loads tell whether got holds a NUL byte or a non-ASCII byte, so text
// that is ASCII needs no second pass for the binary check.
func foldEqual(want, got []byte) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	output := got
	var zeros, high uint64 // the NUL and non-ASCII bytes seen in got
	for {
		for len(want) >= 8 && len(got) >= 8 {
			g := binary.LittleEndian.Uint64(got)
			zeros |= (g - ones) &^ g & highs
			high |= g & highs
			if x := binary.LittleEndian.Uint64(want) ^ g; x != 0 {
				k := bits.TrailingZeros64(x) >> 3
				want, got = want[k:], got[k:]
				break
			}
			want, got = want[8:], got[8:]
		}
		for len(want) > 0 && len(got) > 0 && want[0] == got[0] {
			zeros, high = zeros|boolBit(got[0] == 0), high|boolBit(got[0] >= utf8.RuneSelf)
			want, got = want[1:], got[1:]
		}
		if len(want) == 0 || len(got) == 0 {
			break
		}
		if len(want) < 2 || want[0] != '\r' || want[1] != '\n' || got[0] != '\n' {
			return false
		}
		want = want[1:] // the "\r"; the "\n" is compared next
	}
	if len(want) != len(got) || zeros != 0 {
		return false
	}
	// Every byte of got was loaded above, so the flags are exact: ASCII
	// text without NUL is text; anything non-ASCII needs the full check.
	return high == 0 || !isBinary(output)
}

func boolBit(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}

// matchesFolded is Matches once the first difference of want and got, p,
// is known to be the "\r" of a "\r\n" of want.
func matchesFolded(want, got []byte, p int) bool {
	// The part before p, which got shares, must hold no "\r\n": got's
	// line endings are never folded.
	if bytes.Contains(want[:p], []byte("\r\n")) {
		return false
	}
	lp := bytes.LastIndexByte(want[:p], '\n') + 1
	if isBinary(got[:lp]) {
		return false
	}
	want, got = want[lp:], got[lp:]
	// Folded, want is as long as got: a cheap test that rejects most
	// differences before the walk.
	cr, folded := bytes.Count(want, []byte{'\r'}), len(want)-len(got)
	if folded < 0 || folded > cr {
		return false
	}
	if folded == cr {
		// Every "\r" must be folded, so where each line of want starts in
		// got is known: the walk can be split.
		return foldEqualParallel(want, got)
	}
	return foldEqual(want, got)
}

// parallelMin is the size from which a walk is split among the CPUs: a
// goroutine costs a microsecond, a megabyte's walk a millisecond.
const parallelMin = 1 << 20

// foldEqualParallel is foldEqual for want holding no lone "\r", split at
// line starts among the CPUs when it is large.
func foldEqualParallel(want, got []byte) bool {
	n := min(runtime.GOMAXPROCS(0), len(want)/parallelMin)
	if n < 2 {
		return foldEqual(want, got)
	}
	type part struct{ want, got []byte }
	parts := make([]part, 0, n)
	w0, g0 := 0, 0
	for k := 1; k <= n; k++ {
		w1, g1 := len(want), len(got)
		if k < n {
			w1 = len(want) * k / n
			i := bytes.IndexByte(want[w1:], '\n')
			if i < 0 {
				continue
			}
			w1 += i + 1
			g1 = g0 + (w1 - w0) - bytes.Count(want[w0:w1], []byte{'\r'})
			if g1 > len(got) {
				return false
			}
		}
		parts = append(parts, part{want[w0:w1], got[g0:g1]})
		w0, g0 = w1, g1
	}
	var wg sync.WaitGroup
	var failed atomic.Bool
	for _, pt := range parts {
		wg.Go(func() {
			if !foldEqual(pt.want, pt.got) {
				failed.Store(true)
			}
		})
	}
	wg.Wait()
	return !failed.Load()
}
