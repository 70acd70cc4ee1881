//go:build amd64 || arm64

package goldenwrite

// unalignedLoads says that this machine is little-endian and loads a word
// from any address at full speed, so that foldWalkUnaligned may run.
const unalignedLoads = true
