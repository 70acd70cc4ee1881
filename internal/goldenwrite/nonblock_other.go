//go:build !unix

package goldenwrite

// nonBlock is 0 where the file system has no FIFOs to wait on.
const nonBlock = 0
