package aferoadapter

import "fmt"

// Fault is one rule of [Inject]: which calls fail, and how. Build it with
// [FailOn], [DiskFull], [ReadOnly], [CrossDevice] or [MaxOpenFiles], and
// narrow it with [Fault.After] and [Fault.Times]. A Fault is a value: the
// counts that After and Times need are kept by each [Inject] call, so one
// Fault can serve several file systems. The zero Fault does nothing.
//
// The constructors panic on a malformed pattern, an unknown op or a
// negative number, as regexp.MustCompile does: these are mistakes in a
// test, found the first time it runs.
type Fault struct {
	kind faultKind
	ops  opSet   // the calls the fault may fire on
	pat  pattern // the names it covers (every name for DiskFull, MaxOpenFiles)
	err  error   // FailOn: the cause the error wraps
	n    int64   // DiskFull: capacity in bytes; MaxOpenFiles: handles
	desc string  // the constructor call, for panics and String

	after int // matching calls let through before it fires
	times int // firings left to allow; -1: no limit
}

type faultKind uint8

const (
	kindNone faultKind = iota
	kindFailOn
	kindDiskFull
	kindReadOnly
	kindCrossDevice
	kindMaxOpenFiles
)

// After returns f firing only once n calls it matches have passed: the
// first n succeed (or fail for their own reasons), the next fires. A call
// matches a fault when the fault would fire on it without After and Times;
// calls that an earlier fault of the same [Inject] fired on are not seen.
// After panics if n is negative.
func (f Fault) After(n int) Fault {
	if n < 0 {
		panic(fmt.Sprintf("aferoadapter: %s.After(%d): negative count", f.desc, n))
	}
	f.after = n
	f.desc = fmt.Sprintf("%s.After(%d)", f.desc, n)
	return f
}

// Times returns f firing at most n times; later calls it matches go
// through. Without Times a fault keeps firing. Times panics if n is
// negative.
func (f Fault) Times(n int) Fault {
	if n < 0 {
		panic(fmt.Sprintf("aferoadapter: %s.Times(%d): negative count", f.desc, n))
	}
	f.times = n
	f.desc = fmt.Sprintf("%s.Times(%d)", f.desc, n)
	return f
}

// String returns the calls that built f, such as
// `FailOn("write", "data/**", input/output error).After(2)`.
func (f Fault) String() string {
	if f.kind == kindNone {
		return "Fault{}"
	}
	return f.desc
}
