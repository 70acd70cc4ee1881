//go:build !amd64 && !arm64

package goldenwrite

// unalignedLoads says that foldWalkUnaligned may not run here: this
// machine may be big-endian, or fault on (or emulate) a word load from an
// address that is not a multiple of 8.
const unalignedLoads = false
