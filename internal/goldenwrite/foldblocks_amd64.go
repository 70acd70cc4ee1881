//go:build amd64 && !purego

package goldenwrite

import (
	"unsafe"

	"golang.org/x/sys/cpu"
)

// haveBlocks says that foldBlocks may run: it needs AVX2. A variable, so
// that tests walk with it and without.
var haveBlocks = cpu.X86.HasAVX2

// foldBlocks walks want against got 32 bytes of got at a time, as
// foldSteps does a word at a time, for got[0:last+33] at most, folding at
// most maxFolds "\r"s (see foldWalkUnaligned). It stops at the first
// block it cannot pass, where the word walk takes over, and returns where
// it stopped and flags for the bytes of got it passed (zeros, high: 0x80
// if one was NUL, or non-ASCII).
//
// A block of got with one "\n" is checked against two loads of want, the
// one at its start and the one a byte further, so that where each block
// starts in want depends on the "\n"s of got alone, never on a compare's
// result: the loads do not wait for each other. A block with more steps
// to its first "\n".
//
//go:noescape
func foldBlocks(want, got unsafe.Pointer, last, maxFolds int) (i, j int, zeros, high uint64)
