// Package diff renders the differences between two contents for failure
// messages: a unified diff for text, sizes and a hex window for binary data.
//
// Line matching uses the LCS engine of golang.org/x/tools's internal diff
// package, as exported by github.com/aymanbagabas/go-udiff: it is the engine
// gopls uses, it is linear in the common case of a few changed lines in a long
// text, and it bounds its own work when every line differs. The rendering is
// ours, because go-udiff's unified formatter counts lines quadratically and
// knows nothing of invisible characters or output caps.
package diff

import (
	"fmt"
	"strings"

	"github.com/aymanbagabas/go-udiff/lcs"
)

// Options controls the rendering of a text diff. The zero value is ready to use.
type Options struct {
	// WantLabel and GotLabel name the two sides in the "---" and "+++"
	// header lines; they default to "want" and "got".
	WantLabel, GotLabel string
	// Context is the number of unchanged lines shown around each change;
	// 0 means 3, a negative value means none.
	Context int
	// MaxLines caps the number of lines of the diff body (hunk headers
	// included); 0 means 200, a negative value means no cap.
	MaxLines int
}

func (o Options) withDefaults() Options {
	if o.WantLabel == "" {
		o.WantLabel = "want"
	}
	if o.GotLabel == "" {
		o.GotLabel = "got"
	}
	switch {
	case o.Context == 0:
		o.Context = 3
	case o.Context < 0:
		o.Context = 0
	}
	if o.MaxLines == 0 {
		o.MaxLines = 200
	}
	return o
}

// Text returns a unified diff that turns want into got, or "" when they are
// equal. Hunk headers carry line numbers; removed and added lines show
// trailing blanks, carriage returns and other control characters visibly,
// and a side that lacks a final newline is marked as in diff(1).
func Text(want, got string, o Options) string {
	if want == got {
		return ""
	}
	return TextBytes([]byte(want), []byte(got), o)
}

// render returns the diff of the lines a and b, which edits turn one into
// the other and which come after skip lines common to both sides.
func render(a, b []string, edits []lcs.Diff, skip int, o Options) string {
	w := writer{max: o.MaxLines, skip: skip}
	fmt.Fprintf(&w.head, "--- %s\n+++ %s\n", o.WantLabel, o.GotLabel)
	for _, h := range hunks(edits, len(a), len(b), o.Context) {
		w.hunk(h, a, b)
	}
	return w.String()
}

// splitLines splits s after each "\n"; a last line without one is kept.
func splitLines(s string) []string {
	lines := strings.SplitAfter(s, "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}

// hunk is a run of edits close enough to share context lines; a0:a1 and
// b0:b1 are the line ranges it covers on each side, context included.
type hunk struct {
	a0, a1, b0, b1 int
	edits          []lcs.Diff
}

func hunks(edits []lcs.Diff, na, nb, ctx int) []hunk {
	var hs []hunk
	for _, e := range edits {
		if n := len(hs); n > 0 && e.Start-hs[n-1].edits[len(hs[n-1].edits)-1].End <= 2*ctx {
			hs[n-1].edits = append(hs[n-1].edits, e)
			continue
		}
		hs = append(hs, hunk{edits: []lcs.Diff{e}})
	}
	for i := range hs {
		h := &hs[i]
		first, last := h.edits[0], h.edits[len(h.edits)-1]
		lead := min(ctx, first.Start, first.ReplStart)
		trail := min(ctx, na-last.End, nb-last.ReplEnd)
		h.a0, h.b0 = first.Start-lead, first.ReplStart-lead
		h.a1, h.b1 = last.End+trail, last.ReplEnd+trail
	}
	return hs
}

// writer accumulates the diff body and stops at its line cap, counting what
// it leaves out so the reader knows the output is incomplete.
type writer struct {
	head    strings.Builder
	body    strings.Builder
	lines   int
	max     int
	skip    int // lines before the first of a and b, for the line numbers
	dropped int
	shown   map[rune]bool // invisible characters made visible so far
}

func (w *writer) line(s string) {
	if w.max >= 0 && w.lines >= w.max {
		w.dropped++
		return
	}
	w.lines++
	w.body.WriteString(s)
	w.body.WriteByte('\n')
}

func (w *writer) hunk(h hunk, a, b []string) {
	w.line(fmt.Sprintf("@@ -%s +%s @@", span(w.skip+h.a0, w.skip+h.a1), span(w.skip+h.b0, w.skip+h.b1)))
	i := h.a0
	for _, e := range h.edits {
		for ; i < e.Start; i++ {
			w.text(' ', a[i])
		}
		for ; i < e.End; i++ {
			w.text('-', a[i])
		}
		for j := e.ReplStart; j < e.ReplEnd; j++ {
			w.text('+', b[j])
		}
	}
	for ; i < h.a1; i++ {
		w.text(' ', a[i])
	}
}

// span formats a hunk range as diff(1) does: "start,count", 1-based, with a
// start one before the gap when the range is empty.
func span(from, to int) string {
	if to == from {
		return fmt.Sprintf("%d,0", from)
	}
	if to-from == 1 {
		return fmt.Sprintf("%d", from+1)
	}
	return fmt.Sprintf("%d,%d", from+1, to-from)
}

// text writes one line with its marker. Changed lines show invisible
// characters; context lines are written as they are.
func (w *writer) text(mark byte, line string) {
	body, hasNL := strings.CutSuffix(line, "\n")
	if mark != ' ' {
		body = w.visible(body)
	}
	w.line(string(mark) + body)
	if !hasNL {
		w.line(`\ No newline at end of file`)
	}
}

func (w *writer) String() string {
	var s strings.Builder
	s.WriteString(w.head.String())
	s.WriteString(w.body.String())
	if w.dropped > 0 {
		fmt.Fprintf(&s, "... %d more diff lines not shown\n", w.dropped)
	}
	if len(w.shown) > 0 {
		s.WriteString(legend(w.shown))
	}
	return s.String()
}
