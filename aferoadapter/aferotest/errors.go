package aferotest

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"syscall"
)

// errnoNames spells the errnos the suite expects, for details that read
// like the C constants.
var errnoNames = map[syscall.Errno]string{
	syscall.ENOENT:       "ENOENT",
	syscall.EEXIST:       "EEXIST",
	syscall.ENOTDIR:      "ENOTDIR",
	syscall.EISDIR:       "EISDIR",
	syscall.ENOTEMPTY:    "ENOTEMPTY",
	syscall.EINVAL:       "EINVAL",
	syscall.ELOOP:        "ELOOP",
	syscall.EBADF:        "EBADF",
	syscall.EACCES:       "EACCES",
	syscall.EPERM:        "EPERM",
	syscall.EBUSY:        "EBUSY",
	syscall.ENAMETOOLONG: "ENAMETOOLONG",
	syscall.EFBIG:        "EFBIG",
	syscall.ENXIO:        "ENXIO",
}

// sentinels are the package-level errors a detail names rather than quotes.
var sentinels = []struct {
	err  error
	name string
}{
	{fs.ErrClosed, "fs.ErrClosed"},
	{fs.ErrNotExist, "fs.ErrNotExist"},
	{fs.ErrExist, "fs.ErrExist"},
	{fs.ErrPermission, "fs.ErrPermission"},
	{fs.ErrInvalid, "fs.ErrInvalid"},
	{io.EOF, "io.EOF"},
}

// describe formats err by type, op and cause, leaving out paths, so a
// detail is stable across runs: `*fs.PathError{Op: "open", Err: ENOENT}`.
func describe(err error) string {
	var pe *fs.PathError
	var le *os.LinkError
	switch {
	case err == nil:
		return "nil error"
	case errors.As(err, &pe) && pe == err:
		return fmt.Sprintf("*fs.PathError{Op: %q, Err: %s}", pe.Op, cause(pe.Err))
	case errors.As(err, &le) && le == err:
		return fmt.Sprintf("*os.LinkError{Op: %q, Err: %s}", le.Op, cause(le.Err))
	}
	return cause(err)
}

func cause(err error) string {
	var errno syscall.Errno
	if errors.As(err, &errno) && errno == err {
		if name, ok := errnoNames[errno]; ok {
			return name
		}
		return fmt.Sprintf("errno %d", int(errno))
	}
	for _, s := range sentinels {
		if err == s.err {
			return s.name
		}
	}
	return fmt.Sprintf("%T(%q)", err, err.Error())
}

// wantPathErr checks that err is an *fs.PathError wrapping errno, as the
// os package returns.
func wantPathErr(what string, err error, errno syscall.Errno) error {
	var pe *fs.PathError
	if err == nil || !errors.As(err, &pe) || pe != err || !errors.Is(err, errno) {
		return fmt.Errorf("%s: got %s, want *fs.PathError wrapping %s", what, describe(err), errnoNames[errno])
	}
	return nil
}

// wantLinkErr checks that err is an *os.LinkError wrapping errno.
func wantLinkErr(what string, err error, errno syscall.Errno) error {
	var le *os.LinkError
	if err == nil || !errors.As(err, &le) || le != err || !errors.Is(err, errno) {
		return fmt.Errorf("%s: got %s, want *os.LinkError wrapping %s", what, describe(err), errnoNames[errno])
	}
	return nil
}

// wantIs checks that err wraps target (errors.Is).
func wantIs(what string, err, target error) error {
	if !errors.Is(err, target) {
		return fmt.Errorf("%s: got %s, want an error wrapping %s", what, describe(err), cause(target))
	}
	return nil
}

// wantOK checks that err is nil.
func wantOK(what string, err error) error {
	if err != nil {
		return fmt.Errorf("%s: %s, want success", what, describe(err))
	}
	return nil
}

// wantFailure checks that err is not nil: the suite asks for any error
// where os returns one without an errno or sentinel to match.
func wantFailure(what string, err error) error {
	if err == nil {
		return fmt.Errorf("%s: got nil error, want an error", what)
	}
	return nil
}
