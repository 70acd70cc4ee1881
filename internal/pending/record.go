// Package pending is the format of pending golden changes: what a golden
// assertion records when its golden is missing or differs and
// GOLDEN_PENDING names a directory (or the test runs with -artifacts), and
// what `golden review` and `golden apply` read back to show the same diff
// the test showed and to write the golden as the update mode would.
//
// A record is one JSON file named "*.golden-pending.json" (see [Ext]),
// written atomically under a name no other writer can pick, so parallel
// tests and several test binaries writing into one directory never clobber
// each other. [Find] reads every record below a directory, such as a CI
// job's -outputdir holding other artifacts too.
//
// A record carries the hash of the golden as the test compared it ([HashFile],
// [HashTree]), so that a record is applied only to the golden it was made
// against: a golden edited since is never overwritten with a stale output.
package pending

import (
	"fmt"
	"io/fs"
	"path"
	"strings"
)

// Version is the format version this package writes and reads. A record of
// another version is refused, saying which version it has.
const Version = 1

// Ext ends the name of every record file; [Find] reads only these.
const Ext = ".golden-pending.json"

// Kind says whether a record is about a golden file or a golden tree.
type Kind string

// The two kinds of golden.
const (
	File Kind = "file" // a golden file (golden.Assert and friends)
	Tree Kind = "tree" // a golden tree (golden.AssertDir)
)

// Record is one pending change: the output a test produced for one golden
// that was missing or differed.
type Record struct {
	// Module is the module path of the test's package, from its go.mod.
	Module string
	// Path is the golden's path relative to the module root, slash-separated.
	Path string
	// Kind is File or Tree.
	Kind Kind
	// Package is the import path of the test's package; Test is t.Name().
	Package, Test string
	// Exact is golden.Exact: without it, the golden's side of a text
	// comparison has CRLF turned into LF first.
	Exact bool
	// Hash is [HashFile] or [HashTree] of the golden as it was compared, or
	// "" when the golden did not exist.
	Hash string
	// Content is the output, for a golden file (Kind File).
	Content []byte
	// Files are, for a golden tree (Kind Tree), the entries of the output
	// that differ from the golden tree or are not in it, and the golden
	// tree's entries the output no longer has ([Entry].Removed), sorted by
	// name. For a missing tree, every entry of the output.
	Files []Entry

	// From is the file the record was read from, set by [Find]; it is not
	// part of the format.
	From string
}

// Entry is one file or symlink of a golden tree, as golden compares trees:
// type, content, symlink target and the executable bit (what git keeps).
type Entry struct {
	// Name is the slash-separated path below the tree's root.
	Name string
	// Removed marks an entry of the golden tree that the output no longer
	// has; the other fields are then empty.
	Removed bool
	// Symlink makes the entry a symlink to Target; otherwise it is a
	// regular file holding Content, executable when Exec.
	Symlink bool
	Target  string
	Content []byte
	Exec    bool
}

// Golden returns where a question about the entry e of record r puts it:
// r.Path for a golden file, r.Path/e.Name for an entry of a tree.
func (r Record) Golden(e Entry) string {
	if r.Kind == Tree {
		return r.Path + "/" + e.Name
	}
	return r.Path
}

// Check reports why r is not a valid record, or nil. [Write] writes, and
// [Decode] accepts, only valid records: whatever a record file says, its
// golden lies inside the module root and a tree's entries inside the tree.
func (r Record) Check() error {
	switch {
	case r.Module == "" || strings.ContainsFunc(r.Module, badModuleRune):
		return fmt.Errorf("invalid module path %q", r.Module)
	case checkPath(r.Path) != nil:
		return fmt.Errorf("invalid golden path %q: %w", r.Path, checkPath(r.Path))
	case r.Kind != File && r.Kind != Tree:
		return fmt.Errorf("invalid kind %q (want %q or %q)", r.Kind, File, Tree)
	case r.Package == "":
		return fmt.Errorf("no package")
	case r.Test == "":
		return fmt.Errorf("no test name")
	case r.Hash != "" && !validHash(r.Hash):
		return fmt.Errorf("invalid hash %q (want \"sha256:\" and 64 lower-case hex digits)", r.Hash)
	case r.Kind == File && len(r.Files) > 0:
		return fmt.Errorf("a golden file's record has tree entries")
	case r.Kind == Tree && len(r.Content) > 0:
		return fmt.Errorf("a golden tree's record has file content")
	}
	if r.Kind == Tree {
		return checkEntries(r.Files)
	}
	return nil
}

func badModuleRune(r rune) bool { return r <= ' ' || r == 0x7f || r == '\\' }

// checkPath reports why p is not a slash-separated path that stays inside
// the directory it is relative to, on every operating system.
func checkPath(p string) error {
	switch {
	case p == "" || p == ".":
		return fmt.Errorf("empty")
	case !fs.ValidPath(p):
		return fmt.Errorf(`not a relative slash-separated path without "", "." or ".." elements`)
	case strings.ContainsAny(p, `\:`):
		return fmt.Errorf("contains a backslash or a colon, which Windows reads as separators or drives")
	case strings.ContainsRune(p, 0):
		return fmt.Errorf("contains a NUL byte")
	}
	return nil
}

// checkEntries checks the entries of a tree record: valid, sorted, unique
// names, none of them below a file or symlink of the output, and fields
// that fit each entry's type.
func checkEntries(files []Entry) error {
	for i, e := range files {
		if err := checkPath(e.Name); err != nil {
			return fmt.Errorf("invalid tree entry name %q: %w", e.Name, err)
		}
		if i > 0 && files[i-1].Name >= e.Name {
			return fmt.Errorf("tree entries not sorted or repeated: %q then %q", files[i-1].Name, e.Name)
		}
		switch {
		case e.Removed && (e.Symlink || e.Target != "" || len(e.Content) > 0 || e.Exec):
			return fmt.Errorf("tree entry %q is removed and has content", e.Name)
		case e.Symlink && (len(e.Content) > 0 || e.Exec):
			return fmt.Errorf("tree entry %q is a symlink and has content or an executable bit", e.Name)
		case e.Symlink && e.Target == "":
			return fmt.Errorf("tree entry %q is a symlink without a target", e.Name)
		case !e.Symlink && e.Target != "":
			return fmt.Errorf("tree entry %q is a file and has a symlink target", e.Name)
		}
	}
	// An entry of the output below another entry of the output ("a" a file
	// and "a/b" a file) cannot exist on disk.
	present := map[string]bool{}
	for _, e := range files {
		if !e.Removed {
			present[e.Name] = true
		}
	}
	for _, e := range files {
		if e.Removed {
			continue
		}
		for d := path.Dir(e.Name); d != "."; d = path.Dir(d) {
			if present[d] {
				return fmt.Errorf("tree entry %q lies below the entry %q, which is not a directory", e.Name, d)
			}
		}
	}
	return nil
}

func validHash(h string) bool {
	hex, ok := strings.CutPrefix(h, "sha256:")
	if !ok || len(hex) != 64 {
		return false
	}
	for _, c := range []byte(hex) {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}
