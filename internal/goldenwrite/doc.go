// Package goldenwrite reads and writes golden files and golden trees as
// package golden's update mode does, so that the golden command (review,
// apply) writes exactly what an update run would: one implementation of
// every promise an update makes.
//
//   - A golden file is written atomically (a temporary file in the same
//     directory, synced, then renamed over it), only when its content
//     changed, keeping the mode of the file it replaces (new files 0644,
//     new directories 0755).
//   - A golden tree is staged whole beside the old one and swapped in by
//     two renames; the old tree is removed only once the new one is in
//     place, and restored if the swap fails, so a failed update leaves the
//     old tree whole. A tree whose files did not change is not touched.
//   - Nothing is written outside the golden directory: every access goes
//     through an [os.Root], and no symlink is written through. A directory,
//     symlink or special file where a golden file goes, and a symlink or
//     special file where a golden tree goes, are refused, never replaced.
//   - A golden tree is never, and never holds, the package directory, a
//     golden directory itself (testdata), a module root (go.mod), a
//     repository (.git) or Go source: such a tree is refused before
//     anything is removed or written ([WriteTree]).
//   - A golden that holds something is not emptied unless [Options].Force:
//     an empty capture is the classic way a bulk update erases goldens.
//   - Text goldens are compared as golden.Assert compares them ([Matches]):
//     a golden checked out with CRLF line endings matches the same text
//     with LF, so it is not rewritten for that alone.
//   - Reads never block and never read more than the file held when it was
//     checked: a FIFO, device or socket is refused before it is opened.
//
// Every write returns a [Summary], whose String is the "+N -M path" line an
// update prints.
//
// Like every internal package of the module, it imports no public one (not
// fixture), so a golden tree is its own small type: a []File.
package goldenwrite

import (
	"io/fs"
	"path"
	"path/filepath"
)

// Default modes of what a write creates; an existing file keeps its mode.
const (
	NewFileMode fs.FileMode = 0o644
	NewExecMode fs.FileMode = 0o755
	NewDirMode  fs.FileMode = 0o755
)

// File is one file or symlink of a golden tree, as git keeps it.
type File struct {
	Name    string // slash-separated path inside the tree
	Symlink bool   // a symlink whose target is Content
	Exec    bool   // an executable file (ignored for a symlink)
	Content []byte // the file's content, or the symlink's target
}

// Options controls a read or a write. The zero value compares text
// CRLF-insensitively on the golden's side, refuses to empty a golden, and
// names the golden dir/name.
type Options struct {
	// Label is how errors and the [Summary] name the golden, such as
	// "testdata/TestX.golden"; "" means dir and name joined with "/".
	Label string
	// Force allows replacing a golden that holds something with empty
	// content (a file) or no files (a tree).
	Force bool
	// Exact compares bytes as they are when deciding whether a golden
	// changed; otherwise the golden's CRLF line endings are folded, as
	// [Matches] does.
	Exact bool
	// PackageDir, if set, is the directory of the package whose test
	// writes: a golden tree may not be it, nor contain it.
	PackageDir string
	// BeforeRename, if set, runs before each rename that makes a write
	// visible: tmp is the file or staged tree, dst the name it will take,
	// both relative to the golden directory. An error it returns stops
	// the write as a failing rename would. For tests of failure paths.
	BeforeRename func(tmp, dst string) error
	// DryRun runs every check a write runs, against what is on disk, and
	// returns the Summary the write would return, but creates, removes and
	// writes nothing: what `golden apply --dry-run` prints is then what
	// the apply would do, refusals included.
	DryRun bool
}

func (o Options) label(dir, name string) string {
	if o.Label != "" {
		return o.Label
	}
	return path.Join(filepath.ToSlash(dir), name)
}
