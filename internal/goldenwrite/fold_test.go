package goldenwrite

import (
	"bytes"
	"math/rand/v2"
	"strconv"
	"strings"
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

// foldOracle is foldEqual as its doc says it: want with the "\r" of each
// "\r\n" removed equals got, and got is text.
func foldOracle(want, got []byte) bool {
	return bytes.Equal(bytes.ReplaceAll(want, []byte("\r\n"), []byte("\n")), got) && !isBinary(got)
}

// checkWalks fails t unless foldMatch agrees with foldOracle on want and
// got, and, in the case they take (every "\r" of want folded), both walks
// and foldEqual.
func checkWalks(t *testing.T, want, got []byte) {
	t.Helper()
	oracle := foldOracle(want, got)
	if foldMatch(want, got) != oracle {
		t.Fatalf("foldMatch(%q, %q) != %v", want, got, oracle)
	}
	if bytes.Count(want, []byte{'\r'}) != len(want)-len(got) {
		return // not the walks' case
	}
	blocks := haveBlocks
	defer func() { haveBlocks = blocks }()
	withBlocks := func(on bool) func(want, got []byte) (bool, uint64, uint64) {
		return func(want, got []byte) (bool, uint64, uint64) {
			haveBlocks = on
			return foldWalkUnaligned(want, got)
		}
	}
	for _, w := range []struct {
		name string
		walk func(want, got []byte) (bool, uint64, uint64)
	}{{"foldWalk", foldWalk}, {"foldWalkUnaligned", withBlocks(false)}, {"foldWalkUnaligned+foldBlocks", withBlocks(blocks)}} {
		equal, zeros, high := w.walk(want, got)
		if text := zeros&highs == 0 && (high&highs == 0 || !isBinary(got)); (equal && text) != oracle {
			t.Fatalf("%s(%q, %q): equal %v, text %v; want %v", w.name, want, got, equal, text, oracle)
		}
		if equal && (zeros&highs != 0) != (bytes.IndexByte(got, 0) >= 0) {
			t.Fatalf("%s(%q, %q): NUL flag %v", w.name, want, got, zeros&highs != 0)
		}
	}
	if foldEqual(want, got) != oracle {
		t.Fatalf("foldEqual(%q, %q) != %v", want, got, oracle)
	}
}

// TestFoldWalks checks the two walks against the oracle on short inputs
// built from the bytes that matter, in every alignment the word loads see.
func TestFoldWalks(t *testing.T) {
	for _, tt := range [][2]string{
		{"", ""}, {"\r\n", "\n"}, {"\r\n", "\r\n"}, {"a\r\r\n", "a\r\n"}, {"a\r\nb", "a\nb"},
		{"line one\r\nline two\r\n", "line one\nline two\n"}, {"line one\r\nline two\n", "line one\nline two\n"},
		{"0123456\r\n", "0123456\n"}, {"01234567\r\n", "01234567\n"}, {"\r\n\r\n\r\n\r\n\r\n", "\n\n\n\n\n"},
		{"abcdefg\r\nabcdefgh\x00\r\n", "abcdefg\nabcdefgh\x00\n"}, {"héllo wörld\r\n", "héllo wörld\n"},
		{"abcdefgh\xff\r\n", "abcdefgh\xff\n"}, {"abcdefgh\r", "abcdefgh\n"}, {"abcdefgh\rx", "abcdefgh\nx"},
		{"abcdefgh\r\n", "abcdefgh\n\n"}, {"abcdefgh\r\nabcdefgh\r\n", "abcdefgh\nabcdefgh"},
		// The 32-byte blocks of foldBlocks: a "\n" at each end, several
		// in one, a change on either side of a fold.
		{strings.Repeat("0123456789abcdefghijklmnopqrstu\r\n", 4), strings.Repeat("0123456789abcdefghijklmnopqrstu\n", 4)},
		{strings.Repeat("0123456789abcdefghijklmnopqrstuv\r\n", 4), strings.Repeat("0123456789abcdefghijklmnopqrstuv\n", 4)},
		{strings.Repeat("\r\n0123456789abcdefghijklmnopqrstuv", 4), strings.Repeat("\n0123456789abcdefghijklmnopqrstuv", 4)},
		{strings.Repeat("ab\r\n", 30), strings.Repeat("ab\n", 30)},
		{strings.Repeat("0123456789abcdef\r\n", 8) + "x", strings.Repeat("0123456789abcdef\n", 8) + "y"},
		{strings.Repeat("0123456789abcdefghij\r\n", 4), strings.Repeat("0123456789abcdefghij\n", 3) + "0123456789abcdefghiJ\n"},
		{strings.Repeat("0123456789abcdefghij\r\n", 4), strings.Repeat("0123456789abcdefghij\n", 2) + "0123456789abcdefghij\r\n" + "0123456789abcdefghij\n"},
		{strings.Repeat("0123456789abcdefghij\r\n", 4), strings.Repeat("0123456789abcdefghij\n", 2) + "0123456789\x00bcdefghij\n" + "0123456789abcdefghij\n"},
		{strings.Repeat("0123456789abcdefghij\r\n", 4), strings.Repeat("0123456789abcdéfghij\n", 4)},
		{strings.Repeat("0123456789abcdefghij\r\r\n", 4), strings.Repeat("0123456789abcdefghij\r\n", 4)},
		{strings.Repeat("0123456789abcdefghij\r\n", 4) + "\r\n", strings.Repeat("0123456789abcdefghij\n", 4)},
		{strings.Repeat("0123456789abcdefghijklmnopqrstuvwxyz\r\n", 3), strings.Repeat("0123456789abcdefghijklmnopqrstuvwxyz\n", 3) + "\n"},
	} {
		for pad := range 33 { // shift the inputs against the word and block loads
			p := strings.Repeat("p", pad)
			checkWalks(t, []byte(p+tt[0]), []byte(p+tt[1]))
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	alphabet := []string{"a", "b", "\r", "\n", "\n", "\r\n", "\x00", "é", "\xff", "0123456789", "0123456789abcdefghijklmnopqrstuvwxyz"}
	for range 100_000 {
		var got []byte
		for range r.IntN(24) {
			got = append(got, alphabet[r.IntN(len(alphabet))]...)
		}
		want := bytes.ReplaceAll(got, []byte("\n"), []byte("\r\n"))
		if len(want) > 0 && r.IntN(2) == 0 { // and a change
			want[r.IntN(len(want))] = alphabet[r.IntN(len(alphabet))][0]
		}
		checkWalks(t, want, got)
	}
}

// FuzzFoldWalks checks both walks against the oracle: on the input as
// given, and on got with its "\n"s written "\r\n", as a CRLF checkout.
func FuzzFoldWalks(f *testing.F) {
	f.Add([]byte("a\r\nb\r\n"), []byte("a\nb\n"))
	f.Add([]byte("01234567\r\n\r\nabcdefgh"), []byte("01234567\n\nabcdefgh"))
	f.Fuzz(func(t *testing.T, want, got []byte) {
		checkWalks(t, want, got)
		checkWalks(t, bytes.ReplaceAll(got, []byte("\n"), []byte("\r\n")), got)
	})
}

// TestMatchesAllocatesNothing: the comparison every passing test makes,
// CRLF golden included, allocates nothing below a megabyte.
func TestMatchesAllocatesNothing(t *testing.T) {
	lf := bytes.Repeat([]byte("a line of the golden text\n"), 1000)
	crlf := bytes.ReplaceAll(lf, []byte("\n"), []byte("\r\n"))
	lone := append(bytes.Clone(crlf), "x\ry\r\n"...)
	for _, tt := range []struct{ want, got []byte }{{lf, lf}, {crlf, lf}, {lone, append(bytes.Clone(lf), "x\ry\n"...)}, {crlf, crlf[1:]}} {
		if n := testing.AllocsPerRun(10, func() { Matches(tt.want, tt.got) }); n != 0 {
			t.Errorf("Matches of %d bytes: %v allocations", len(tt.want), n)
		}
	}
}

// TestFoldBlocksSteps: foldBlocks walks a megabyte a call; a large input
// crosses several steps, with changes placed around their ends.
func TestFoldBlocksSteps(t *testing.T) {
	lf := bytes.Repeat([]byte("a line of the golden text, 41 bytes long\n"), 3*blockStep/41+100)
	crlf := bytes.ReplaceAll(lf, []byte("\n"), []byte("\r\n"))
	checkWalks(t, crlf, lf)
	for _, at := range []int{blockStep - 1, blockStep, blockStep + 31, blockStep + 33, 2*blockStep + 5, len(lf) - 40} {
		changed := bytes.Clone(lf)
		changed[at] ^= 1
		checkWalks(t, crlf, changed)
		if foldEqual(crlf, changed) {
			t.Errorf("a change at %d matches", at)
		}
	}
}
