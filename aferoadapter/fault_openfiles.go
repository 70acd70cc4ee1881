package aferoadapter

import (
	"fmt"
	"syscall"
)

// MaxOpenFiles lets at most n handles from Open, OpenFile and Create be
// open at once: the next fails with an *fs.PathError{Op: "open"} wrapping
// EMFILE, as open(2) does past RLIMIT_NOFILE. Close frees a slot; closing
// a handle twice frees one. Only handles opened through the injected file
// system count. MaxOpenFiles panics if n is negative.
func MaxOpenFiles(n int) Fault {
	desc := fmt.Sprintf("MaxOpenFiles(%d)", n)
	if n < 0 {
		panic(fmt.Sprintf("aferoadapter: %s: negative limit", desc))
	}
	return Fault{kind: kindMaxOpenFiles, ops: opOpen, n: int64(n), err: syscall.EMFILE, desc: desc, times: -1}
}

// openHandles returns the number of handles open through in.
func (in *injectFs) openHandles() int64 {
	in.mu.Lock()
	defer in.mu.Unlock()
	return int64(in.open)
}

// released frees the slot of a handle closed for the first time.
func (in *injectFs) released() {
	if !in.limitOpen {
		return
	}
	in.mu.Lock()
	in.open--
	in.mu.Unlock()
}
