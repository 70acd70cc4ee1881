package goldenwrite

import (
	"bytes"
	"strconv"
	"testing"
)

// TestMatchesLarge checks the split walk against Fold on contents large
// enough to be split, with a difference in each part.
func TestMatchesLarge(t *testing.T) {
	var lf []byte
	for i := range 65_000 { // over 2 MB: split in two at least
		lf = append(strconv.AppendInt(append(lf, "line "...), int64(i), 10), " of the golden text é\n"...)
	}
	crlf := bytes.ReplaceAll(lf, []byte("\n"), []byte("\r\n"))
	if !Matches(crlf, lf) {
		t.Fatal("a CRLF checkout does not match")
	}
	for _, at := range []int{0, len(lf) / 3, len(lf) - 2} {
		changed := bytes.Clone(lf)
		changed[at] ^= 1
		if Matches(crlf, changed) {
			t.Errorf("a change at %d matches", at)
		}
	}
	withNUL := bytes.Clone(lf)
	withNUL[len(lf)/2] = 0
	if Matches(bytes.ReplaceAll(withNUL, []byte("\n"), []byte("\r\n")), withNUL) {
		t.Error("binary content matched once folded")
	}
	// A lone "\r" stays, in the middle of a large golden: the walk cannot
	// be split by counting "\r", and still matches.
	mid := bytes.Index(lf[len(lf)/2:], []byte("\n")) + len(lf)/2 + 1
	loneOut := append(append(bytes.Clone(lf[:mid]), "x\ry\n"...), lf[mid:]...)
	lone := bytes.ReplaceAll(loneOut, []byte("\n"), []byte("\r\n"))
	if !bytes.Equal(Fold(lone), loneOut) || !Matches(lone, loneOut) {
		t.Error("a golden with a lone \r does not match its output")
	}
}
