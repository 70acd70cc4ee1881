package goldenwrite

import (
	"encoding/binary"
	"math/bits"
	"unsafe"
)

// The byte patterns of the word walks.
const (
	ones  = 0x0101010101010101
	highs = 0x8080808080808080
)

// foldEqual reports whether want, with the "\r" of each "\r\n" removed,
// equals got, and got is text: no NUL byte, valid UTF-8, given that every
// "\r" of want is one to remove (see foldMatch): the walk takes a "\r\n"
// that want and got share for equal bytes. want and got start at the same
// line start.
//
// It is the cost of a golden checked out with CRLF line endings, paid on
// every passing comparison on Windows, so it walks both 8 bytes at a time:
// where the words differ, want must hold "\r\n" and got "\n". The same
// loads tell whether got holds a NUL byte or a non-ASCII byte, so text
// that is ASCII needs no second pass for the binary check.
func foldEqual(want, got []byte) bool {
	walk := foldWalk
	if unalignedLoads {
		walk = foldWalkUnaligned
	}
	equal, zeros, high := walk(want, got)
	// Every byte of got was loaded, so the flags are exact: ASCII text
	// without NUL is text; anything non-ASCII needs the full check.
	return equal && zeros&highs == 0 && (high&highs == 0 || !isBinary(got))
}

// foldWalk is the walk of foldEqual, without the binary check: it
// reports whether want folds to got, and ORs into zeros a word with its
// high bits set where got has NUL bytes (and maybe above them) and into
// high every byte of got.
func foldWalk(want, got []byte) (equal bool, zeros, high uint64) {
	for {
		for len(want) >= 8 && len(got) >= 8 {
			g := binary.LittleEndian.Uint64(got)
			zeros |= (g - ones) &^ g
			high |= g
			if x := binary.LittleEndian.Uint64(want) ^ g; x != 0 {
				k := bits.TrailingZeros64(x) >> 3
				want, got = want[k:], got[k:]
				break
			}
			want, got = want[8:], got[8:]
		}
		for len(want) > 0 && len(got) > 0 && want[0] == got[0] {
			zeros, high = zeros|boolBit(got[0] == 0)<<7, high|uint64(got[0])
			want, got = want[1:], got[1:]
		}
		if len(want) == 0 || len(got) == 0 {
			return len(want) == len(got), zeros, high
		}
		if len(want) < 2 || want[0] != '\r' || want[1] != '\n' || got[0] != '\n' {
			return false, zeros, high
		}
		want = want[1:] // the "\r"; the "\n" is compared next
	}
}

// foldWalkUnaligned is foldWalk for machines that load a word from any
// address (see unalignedLoads): it loads through unsafe pointers, which
// the loop conditions keep inside want and got, because the bounds checks
// and slice updates of foldWalk cost about as much as the walk itself
// (77 against 40 ms for 200 MB of short lines). Where the CPU has AVX2,
// foldBlocks first goes as far as it can verify (13 ms for the same), and
// the word walk goes on from there.
func foldWalkUnaligned(want, got []byte) (equal bool, zeros, high uint64) {
	wp, gp := unsafe.Pointer(unsafe.SliceData(want)), unsafe.Pointer(unsafe.SliceData(got))
	i, j := 0, 0 // got[i] is compared with want[j]
	if haveBlocks && len(got) >= 33 && len(want) >= len(got) {
		// A megabyte a call: the routine cannot be preempted, and a
		// collection's stop waits for it to return.
		for last := len(got) - 33; i <= last; {
			step := min(last, i+blockStep)
			di, dj, z, h := foldBlocks(unsafe.Add(wp, j), unsafe.Add(gp, i), step-i, len(want)-len(got)-(j-i))
			i, j, zeros, high = i+di, j+dj, zeros|z, high|h
			if i <= step {
				break // a block it could not pass: the word walk goes on
			}
		}
	}
	for i <= len(got)-8 && j <= len(want)-9 {
		g := *(*uint64)(unsafe.Add(gp, i))
		w := *(*uint64)(unsafe.Add(wp, j))
		zeros |= (g - ones) &^ g
		high |= g
		if g == w {
			i, j = i+8, j+8
			continue
		}
		// The first byte that differs (the words are little-endian) must
		// be got's "\n" where want has "\r", and want's next byte "\n":
		// want[j+n+1], n < 8, is inside want.
		n := bits.TrailingZeros64(g^w) >> 3
		if byte(g>>(n*8)) != '\n' || byte(w>>(n*8)) != '\r' || *(*byte)(unsafe.Add(wp, j+n+1)) != '\n' {
			return false, zeros, high
		}
		i, j = i+n+1, j+n+2
	}
	equal, z, h := foldWalk(want[j:], got[i:])
	return equal, zeros | z, high | h
}

// blockStep is how far one call of foldBlocks walks at most: about 70 µs.
const blockStep = 1 << 20

func boolBit(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}
