package goldenwrite

import (
	"bytes"
	"crypto/rand"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"

	"github.com/tmpkit/tmpkit/internal/diff"
)

// WriteFile makes the golden file name (slash-separated) below dir hold
// data, creating dir and the directories name implies. It writes only when
// the content changed (as [Matches] sees it, or byte for byte with
// [Options].Exact), atomically, keeping the mode of the file it replaces.
// A directory, symlink or special file at name is refused, never replaced:
// it may not be a golden at all. Replacing content with nothing needs
// [Options].Force; without it the error satisfies errors.Is(err, [ErrEmpty]).
//
// The [Summary] says what changed; it is zero-valued apart from its Path
// when nothing did.
func WriteFile(dir, name string, data []byte, o Options) (Summary, error) {
	label := o.label(dir, name)
	sum := Summary{Path: label}
	if err := checkName(name); err != nil {
		return sum, fmt.Errorf("write %q: %w", label, err)
	}
	root, err := openRoot(dir, o.DryRun)
	if err != nil {
		return sum, fmt.Errorf("write %q: %w", label, bare(err))
	}
	defer root.Close()
	if err := makeDirs(root, path.Dir(name), o.DryRun); err != nil {
		return sum, fmt.Errorf("write %q: cannot make its directory %q: %w", label, path.Dir(name), bare(err))
	}
	perm, old, exists := NewFileMode, []byte(nil), false
	fi, err := root.Lstat(name)
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return sum, fmt.Errorf("write %q: %w", label, bare(err))
	case fi.IsDir():
		return sum, fmt.Errorf("write %q: it is a directory, which an update never replaces: it may hold more than goldens", label)
	case fi.Mode()&fs.ModeSymlink != 0:
		return sum, fmt.Errorf("write %q: it is a symlink, which an update never writes through nor replaces", label)
	case !fi.Mode().IsRegular():
		return sum, fmt.Errorf("write %q: it is a %s, not a regular file", label, TypeName(fi.Mode()))
	default:
		if old, err = readRegular(root, name, label); err != nil {
			return sum, err
		}
		perm, exists = fi.Mode().Perm(), true
	}
	if exists && (bytes.Equal(old, data) || !o.Exact && Matches(old, data)) {
		return sum, nil
	}
	if len(old) > 0 && len(data) == 0 && !o.Force {
		return sum, &EmptyError{Label: label, Old: describe(old)}
	}
	if !o.DryRun {
		if err := writeAtomic(root, name, data, perm, o.BeforeRename); err != nil {
			return sum, fmt.Errorf("write %q: %w", label, bare(err))
		}
	}
	sum.New = !exists
	sum.count(old, data, o.Exact)
	return sum, nil
}

// ErrEmpty is what an [EmptyError] is: errors.Is(err, ErrEmpty) tells a
// refusal to empty a golden from other failures.
var ErrEmpty = errors.New("refused to empty a golden")

// EmptyError reports a write refused because it would empty a golden that
// holds something.
type EmptyError struct {
	Label string // the golden
	Old   string // what it holds: "3 lines", "12 bytes", "2 files"
}

func (e *EmptyError) Error() string {
	return fmt.Sprintf("refused to empty %q, which holds %s: an empty output is the classic way a bulk update erases goldens", e.Label, e.Old)
}

// Is makes errors.Is(err, [ErrEmpty]) hold.
func (e *EmptyError) Is(target error) bool { return target == ErrEmpty }

// describe says how much a golden file holds, for an [EmptyError].
func describe(b []byte) string {
	if isBinary(b) {
		return plural(len(b), "byte")
	}
	n := bytes.Count(b, []byte{'\n'})
	if !bytes.HasSuffix(b, []byte{'\n'}) {
		n++
	}
	return plural(n, "line")
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

// Matches reports whether the output got matches the golden want, as a
// golden comparison sees it: byte for byte, or, when want is text (no NUL
// byte, valid UTF-8), once want's "\r\n" line endings are read as "\n", so
// that a golden checked out with Windows line endings matches. The
// output's own line endings are never folded: output that starts printing
// "\r\n" differs from a golden holding "\n". Below a megabyte it
// allocates nothing; above, a CRLF golden's walk is split among the CPUs.
func Matches(want, got []byte) bool {
	return MatchesFrom(want, got, diff.FirstDifference(want, got))
}

// MatchesFrom is [Matches] once the first difference of want and got, p,
// is known (as diff.FirstDifference returns it, -1 when they are equal).
func MatchesFrom(want, got []byte, p int) bool {
	if p < 0 {
		return true
	}
	// Folding only removes the "\r" of a "\r\n" of want, so the first
	// difference must be one: an LF golden that differs fails here, at no
	// further cost.
	if p+1 >= len(want) || want[p] != '\r' || want[p+1] != '\n' {
		return false
	}
	return matchesFolded(want, got, p)
}

// Fold returns want with its "\r\n" line endings read as "\n" when it is
// text, as [Matches] reads it, and want itself otherwise.
func Fold(want []byte) []byte {
	if !bytes.Contains(want, []byte("\r\n")) || isBinary(want) {
		return want
	}
	return bytes.ReplaceAll(want, []byte("\r\n"), []byte("\n"))
}

// isBinary reports whether b is compared byte for byte: it holds a NUL
// byte or is not valid UTF-8.
func isBinary(b []byte) bool { return diff.IsBinary(b) }

// openRoot opens dir as an [os.Root], creating it first if it is missing
// (not in a dry run, which makes nothing), so that every write below it
// stays inside it, whatever symlinks it holds.
func openRoot(dir string, dryRun bool) (*os.Root, error) {
	if dryRun {
		return os.OpenRoot(dir) // a dry run makes nothing, dir included
	}
	if err := os.MkdirAll(dir, NewDirMode); err != nil {
		return nil, err
	}
	return os.OpenRoot(dir)
}

// writeAtomic replaces the file name below root with data, with
// permission bits perm: it writes a temporary file in the same directory,
// syncs it and renames it over name, so that readers, and the file left
// behind by an interrupted write, hold the old or the new content, never a
// part. before, if not nil, runs before the rename; when it or anything
// else fails, the temporary file is removed and nothing else changes.
func writeAtomic(root *os.Root, name string, data []byte, perm fs.FileMode, before func(tmp, dst string) error) (err error) {
	tmp := tempName(name, ".tmp")
	if err := createFile(root, tmp, data, perm); err != nil {
		return err
	}
	defer func() {
		if err != nil {
			root.Remove(tmp)
		}
	}()
	if before != nil {
		if err := before(tmp, name); err != nil {
			return err
		}
	}
	return root.Rename(tmp, name)
}

// createFile creates the new file name below root holding data, synced,
// with permission bits perm; on failure it removes what it created.
func createFile(root *os.Root, name string, data []byte, perm fs.FileMode) (err error) {
	f, err := root.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if err1 := f.Close(); err == nil {
		err = err1
	}
	if err == nil {
		err = root.Chmod(name, perm)
	}
	if err != nil {
		root.Remove(name)
	}
	return err
}

// tempName returns a fresh hidden name beside name, ending in suffix.
func tempName(name, suffix string) string {
	return path.Join(path.Dir(name), "."+path.Base(name)+"."+rand.Text()[:12]+suffix)
}

// checkName reports why name is not a slash-separated path below the
// golden directory, or nil.
func checkName(name string) error {
	if name == "." || !fs.ValidPath(name) {
		return fmt.Errorf("%q is not a slash-separated path inside the golden directory", name)
	}
	return nil
}
