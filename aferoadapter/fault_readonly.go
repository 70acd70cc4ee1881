package aferoadapter

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"syscall"

	"github.com/spf13/afero"
)

// ReadOnly makes every change below a name that pattern covers fail with
// EROFS, as on a read-only mount: opening for writing, creating,
// truncating, writing, removing (RemoveAll too), making a directory
// (MkdirAll too), renaming, Chmod, Chown, Chtimes and Symlink. It fails
// the way Linux fails on a read-only mount, which the tests check on one:
// the checks the kernel makes first come first, so a missing name for
// Chmod is ENOENT, an existing one for Mkdir or Symlink is EEXIST,
// opening a directory for writing is EISDIR, O_CREATE of an existing file
// opened read-only succeeds, and a rename into or out of the read-only
// part fails with EXDEV, as across any mount point. ReadOnly panics if
// pattern is malformed.
func ReadOnly(pattern string) Fault {
	desc := fmt.Sprintf("ReadOnly(%q)", pattern)
	return Fault{kind: kindReadOnly, ops: changeOps, pat: mustPattern(desc, pattern), err: syscall.EROFS, desc: desc, times: -1}
}

// readOnlyError returns the errno a read-only mount at the names p covers
// fails c with: EROFS, EXDEV for a rename in or out of it, or nil when c
// is not covered or Linux checks for another error first, which afs then
// gives: a missing file to change (ENOENT), an existing one to create
// (EEXIST), a directory to open for writing (EISDIR), a handle not open
// for writing (EBADF, EINVAL).
func readOnlyError(p pattern, afs afero.Fs, c *call) error {
	if c.op == opRename {
		from, to := p.covers(faultName(c.name)), p.covers(faultName(c.name2))
		switch {
		case from && to:
			return syscall.EROFS
		case from || to:
			return syscall.EXDEV
		}
		return nil
	}
	if !p.covers(faultName(c.name)) || !refusesReadOnly(afs, c) {
		return nil
	}
	return syscall.EROFS
}

// refusesReadOnly reports whether a read-only mount refuses c with EROFS
// rather than with the error Linux checks for first.
func refusesReadOnly(afs afero.Fs, c *call) bool {
	switch c.op {
	case opOpen:
		return refusesOpen(afs, c.name, c.flag)
	case opWrite, opTruncate:
		return c.file.writable()
	case opMkdir, opSymlink:
		if _, err := lstat(afs, c.name); err == nil {
			return false // EEXIST
		}
		return isDir(afs, parentName(c.name))
	case opChmod, opChown, opChtimes:
		_, err := afs.Stat(c.name)
		return err == nil
	}
	return true // remove: refused before the name is looked up
}

// refusesOpen reports whether open(2) on a read-only mount fails with
// EROFS: for a file that exists, when it would write or truncate it; for
// one that does not, when it would create it in an existing directory.
func refusesOpen(afs afero.Fs, name string, flag int) bool {
	writes := flag&(os.O_WRONLY|os.O_RDWR|os.O_TRUNC) != 0
	create := flag&os.O_CREATE != 0
	if !writes && !create {
		return false
	}
	if create && flag&os.O_EXCL != 0 {
		if _, err := lstat(afs, name); err == nil {
			return false // EEXIST, even for a dangling link
		}
	}
	info, err := afs.Stat(name)
	switch {
	case err == nil:
		return writes && !info.IsDir()
	case errors.Is(err, fs.ErrNotExist):
		return create && isDir(afs, parentName(name))
	}
	return false
}

func isDir(afs afero.Fs, name string) bool {
	info, err := afs.Stat(name)
	return err == nil && info.IsDir()
}

// parentName is the directory holding name, as the caller spelled it.
func parentName(name string) string {
	name = strings.TrimRight(toSlash(name), "/")
	i := strings.LastIndexByte(name, '/')
	switch {
	case i < 0:
		return "."
	case i == 0:
		return "/"
	}
	return name[:i]
}
