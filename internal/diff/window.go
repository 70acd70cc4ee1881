package diff

import (
	"bytes"

	"github.com/aymanbagabas/go-udiff/lcs"
)

// Large contents that differ in a few places (a golden file of millions of
// lines with one change near its end) share almost all their lines. The
// diff is capped at a few hundred lines anyway, so splitting and matching
// every line is wasted work: only the window from the first differing line
// to the last one, with its context, is split and matched; the lines
// before it only count, for the line numbers. Finding the window costs a
// few memcmp-speed passes over the contents and no allocation.

// window is the part of want and got a diff must look at: want[start:wantEnd]
// and got[start:gotEnd], which begin after the same skip lines.
type window struct {
	start, wantEnd, gotEnd int
	skip                   int // lines before start
}

// findWindow returns the window of want and got outside of which they
// share whole lines, widened by ctx lines of context on each side.
func findWindow(want, got []byte, ctx int) window {
	p := prefixLen(want, got)
	if p < len(want) || p < len(got) {
		// Back to the start of the line holding the first difference.
		p = bytes.LastIndexByte(want[:p], '\n') + 1
	}
	return windowFrom(want, got, p, ctx)
}

// windowFrom is findWindow once the start of the line holding the first
// difference, p, is known.
func windowFrom(want, got []byte, p, ctx int) window {
	s := suffixLen(want[p:], got[p:])
	if !lineStart(want, p, len(want)-s) || !lineStart(got, p, len(got)-s) {
		// Forward to the start of the line after the last difference:
		// the common suffix begins mid-line, after the differing bytes.
		if i := bytes.IndexByte(want[len(want)-s:], '\n'); i >= 0 {
			s -= i + 1
		} else {
			s = 0
		}
	}
	start := p
	for n := 0; n < ctx && start > 0; n++ {
		start = bytes.LastIndexByte(want[:start-1], '\n') + 1
	}
	w := window{start: start, wantEnd: len(want) - s, gotEnd: len(got) - s}
	for n := 0; n < ctx && w.wantEnd < len(want); n++ {
		i := bytes.IndexByte(want[w.wantEnd:], '\n')
		if i < 0 {
			i = len(want) - w.wantEnd - 1
		}
		w.wantEnd += i + 1
		w.gotEnd += i + 1
	}
	w.skip = countByte(want[:start], '\n')
	return w
}

// lineStart reports whether offset i of b, at or after p (itself a line
// start), starts a line.
func lineStart(b []byte, p, i int) bool { return i == p || b[i-1] == '\n' }

// chunk is how much prefixLen and suffixLen compare at once: bytes.Equal
// runs at memcmp speed, a byte loop at a fraction of it.
const chunk = 4096

// prefixLen returns the length of the longest common prefix of a and b.
func prefixLen(a, b []byte) int {
	n := min(len(a), len(b))
	i := 0
	for i+chunk <= n && bytes.Equal(a[i:i+chunk], b[i:i+chunk]) {
		i += chunk
	}
	for i < n && a[i] == b[i] {
		i++
	}
	return i
}

// suffixLen returns the length of the longest common suffix of a and b.
func suffixLen(a, b []byte) int {
	n := min(len(a), len(b))
	i := 0
	for i+chunk <= n && bytes.Equal(a[len(a)-i-chunk:len(a)-i], b[len(b)-i-chunk:len(b)-i]) {
		i += chunk
	}
	for i < n && a[len(a)-1-i] == b[len(b)-1-i] {
		i++
	}
	return i
}

// TextBytes is [Text] over byte slices, without copying them: for large
// contents, such as a golden file read from disk and the output compared
// with it.
func TextBytes(want, got []byte, o Options) string {
	w := findWindow(want, got, 0)
	if w.start == len(want) && w.start == len(got) {
		return ""
	}
	return textFrom(want, got, w.start, o)
}

// textFrom renders the diff of want and got, whose first difference lies
// in the line starting at p.
func textFrom(want, got []byte, p int, o Options) string {
	o = o.withDefaults()
	w := windowFrom(want, got, p, o.Context)
	a, b := splitLines(string(want[w.start:w.wantEnd])), splitLines(string(got[w.start:w.gotEnd]))
	return render(a, b, lcs.DiffLines(a, b), w.skip, o)
}

// Report returns "" when want and got are equal, and otherwise what
// [Bytes] returns, and whether that is a [Binary] report. It reads large
// contents as few times as it can: it finds their first difference once,
// and checks the part they share for binary content once.
func Report(want, got []byte, o Options) (report string, binary bool) {
	return ReportFrom(want, got, FirstDifference(want, got), o)
}

// ReportFrom is [Report] once the first difference of want and got, p,
// is known (as [FirstDifference] returns it, -1 when they are equal): a
// caller that compared them already need not compare them again.
func ReportFrom(want, got []byte, p int, o Options) (report string, binary bool) {
	if p < 0 {
		return "", false
	}
	// A line start is never inside a UTF-8 sequence: the binary check can
	// take the shared part and the rest of each side apart.
	lp := bytes.LastIndexByte(want[:p], '\n') + 1
	if IsBinary(want[:lp]) || IsBinary(want[lp:]) || IsBinary(got[lp:]) {
		return binaryAt(want, got, p), true
	}
	return textFrom(want, got, lp, o), false
}

// Count returns how many lines a change from want to got adds and removes,
// as a diff would show them (the +N -M of a summary).
func Count(want, got []byte) (added, removed int) {
	if bytes.Equal(want, got) {
		return 0, 0
	}
	_, _, _, edits := windowEdits(want, got, 0)
	for _, e := range edits {
		removed += e.End - e.Start
		added += e.ReplEnd - e.ReplStart
	}
	return added, removed
}

// windowEdits returns the window of want and got with ctx lines of
// context, its lines on each side and the edits that turn a into b.
func windowEdits(want, got []byte, ctx int) (w window, a, b []string, edits []lcs.Diff) {
	w = findWindow(want, got, ctx)
	a = splitLines(string(want[w.start:w.wantEnd]))
	b = splitLines(string(got[w.start:w.gotEnd]))
	return w, a, b, lcs.DiffLines(a, b)
}

// CountBytes returns how many bytes a change from want to got adds and
// removes: what lies between their common prefix and common suffix, for
// the summary of binary content.
func CountBytes(want, got []byte) (added, removed int) {
	p := prefixLen(want, got)
	s := suffixLen(want[p:], got[p:])
	return len(got) - p - s, len(want) - p - s
}
