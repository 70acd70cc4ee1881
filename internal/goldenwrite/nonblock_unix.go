//go:build unix

package goldenwrite

import "syscall"

// nonBlock opens a file without waiting: a FIFO without a writer opens at
// once instead of hanging, and is then refused by the type check.
const nonBlock = syscall.O_NONBLOCK
