package aferoadapter

import (
	"fmt"
	"strings"
)

// FailOn fails every call of the kind op on a name that pattern covers,
// before the call does anything, with an error wrapping err: an
// *fs.PathError naming the name as the caller gave it, or an
// *os.LinkError for "rename" and "symlink", with the op the OS would name.
// An err that already is an *fs.PathError or *os.LinkError is returned as
// it is.
//
// op is the Op of the error os returns for the call:
//
//	open      Open, OpenFile, Create
//	read      File.Read, ReadAt
//	write     File.Write, WriteAt, WriteString
//	seek, sync, close, truncate, stat (Fs.Stat and File.Stat)
//	readdir   File.Readdir, Readdirnames, ReadDir (the error says "readdirent", as os does)
//	mkdir     Mkdir, and each directory MkdirAll creates
//	remove    Remove, and each entry RemoveAll removes (the error says "unlinkat", as os does)
//	rename, chmod, chown, chtimes, lstat, symlink, readlink
//
// Like close(2), a Close that fails still releases the handle. pattern
// is described at [Inject]. FailOn panics if op is not one of these, if
// pattern is malformed or if err is nil.
func FailOn(op, pattern string, err error) Fault {
	desc := fmt.Sprintf("FailOn(%q, %q, %v)", op, pattern, err)
	ops, ok := opNames[op]
	if !ok {
		panic(fmt.Sprintf("aferoadapter: %s: unknown op; want one of %s", desc, strings.Join(sortedOpNames(), ", ")))
	}
	if err == nil {
		panic(fmt.Sprintf("aferoadapter: %s: nil error; give the errno to return, such as syscall.EIO", desc))
	}
	return Fault{kind: kindFailOn, ops: ops, pat: mustPattern(desc, pattern), err: err, desc: desc, times: -1}
}
