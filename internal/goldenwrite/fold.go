package goldenwrite

import (
	"bytes"
	"runtime"
	"sync"
)

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
	return foldMatch(want[lp:], got[lp:])
}

// parallelMin is the size from which a walk is split among the CPUs: a
// goroutine costs a microsecond, a megabyte's walk a millisecond.
const parallelMin = 1 << 20

// foldMatch reports whether want, read as Fold reads it, equals got,
// and got is text. want and got start at the same line start.
//
// It counts want's "\r"s first: folded, want is shorter by one byte per
// "\r\n", so when it is shorter by as many bytes as it holds "\r"s, each
// is the "\r" of a "\r\n" to fold, as foldEqual requires. Then where each
// line of want starts in got is known, and a large walk is split among
// the CPUs at line starts (the counts too are taken in parallel). A golden
// holding a "\r" that is not folded (a lone one, or output's own "\r\n"
// in the same place) is walked byte by byte.
func foldMatch(want, got []byte) bool {
	n := min(runtime.GOMAXPROCS(0), len(want)/parallelMin)
	if n < 2 { // in one piece, allocating nothing
		switch foldCase(bytes.Count(want, []byte{'\r'}), len(want)-len(got)) {
		case cannotFold:
			return false
		case loneCR:
			return foldBytes(want, got) && !isBinary(got)
		}
		return foldEqual(want, got)
	}
	wantAt := make([]int, n+1) // part k of want is want[wantAt[k]:wantAt[k+1]]
	wantAt[n] = len(want)
	for k := 1; k < n; k++ {
		at := max(wantAt[k-1], len(want)*k/n)
		if i := bytes.IndexByte(want[at:], '\n'); i >= 0 {
			wantAt[k] = at + i + 1
		} else {
			wantAt[k] = len(want)
		}
	}
	crs := make([]int, n)
	eachPart(n, func(k int) { crs[k] = bytes.Count(want[wantAt[k]:wantAt[k+1]], []byte{'\r'}) })
	cr := 0
	for _, c := range crs {
		cr += c
	}
	switch foldCase(cr, len(want)-len(got)) {
	case cannotFold:
		return false
	case loneCR:
		return foldBytes(want, got) && !isBinary(got)
	}
	gotAt := make([]int, n+1)
	for k := range n {
		gotAt[k+1] = gotAt[k] + wantAt[k+1] - wantAt[k] - crs[k]
	}
	// Each part of got starts a line, as want's does, unless the walk
	// fails: each is text on its own if, and only if, all of it is.
	equal := make([]bool, n)
	eachPart(n, func(k int) {
		equal[k] = foldEqual(want[wantAt[k]:wantAt[k+1]], got[gotAt[k]:gotAt[k+1]])
	})
	for _, e := range equal {
		if !e {
			return false
		}
	}
	return true
}

// The cases of foldCase.
const (
	cannotFold = iota // want cannot fold to got's length
	everyCR           // every "\r" of want is one to fold: foldEqual
	loneCR            // some "\r" stays: foldBytes
)

// foldCase tells, from the count of want's "\r"s and how much longer
// than got want is, which comparison foldMatch makes.
func foldCase(cr, folded int) int {
	switch {
	case folded < 0 || folded > cr:
		return cannotFold
	case folded < cr:
		return loneCR
	}
	return everyCR
}

// foldBytes reports whether want, with the "\r" of each "\r\n" removed,
// equals got, a byte at a time: the rare golden with a "\r" that is not
// folded pays for it.
func foldBytes(want, got []byte) bool {
	i := 0
	for j := 0; j < len(want); j, i = j+1, i+1 {
		if want[j] == '\r' && j+1 < len(want) && want[j+1] == '\n' {
			j++ // the "\n" is compared
		}
		if i == len(got) || got[i] != want[j] {
			return false
		}
	}
	return i == len(got)
}

// eachPart runs f(0) to f(n-1), each in a goroutine of its own but the
// last, which runs in the caller's, and returns once all have.
func eachPart(n int, f func(k int)) {
	var wg sync.WaitGroup
	for k := range n - 1 {
		wg.Go(func() { f(k) })
	}
	f(n - 1)
	wg.Wait()
}
