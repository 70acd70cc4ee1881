//go:build !amd64 || purego

package goldenwrite

import "unsafe"

// haveBlocks says that foldBlocks may run: only on amd64. A variable, as
// there.
var haveBlocks = false

func foldBlocks(want, got unsafe.Pointer, last, maxFolds int) (i, j int, zeros, high uint64) {
	panic("goldenwrite: foldBlocks without AVX2")
}
