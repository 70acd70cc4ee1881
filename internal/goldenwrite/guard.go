package goldenwrite

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"slices"
	"strings"
)

// A golden tree update removes whatever the tree's directory holds that
// the output does not. Pointed by mistake at something else (Dir(".."),
// Name("pkg") inside package pkg; Dir("."), Name("testdata")), it would
// delete source code, test inputs or a repository. So before anything is
// removed or written, the place and what is there are checked: a golden
// tree is never, and never contains, the package directory, a golden
// directory itself, a module root, a repository or Go source.

// GuardError reports a tree update refused because of what the tree is
// or holds; nothing was removed or written.
type GuardError struct {
	Label  string // the golden tree
	Reason string // why: `holds "a/go.mod", a module root`
}

func (e *GuardError) Error() string {
	return fmt.Sprintf("write tree %q: refused: %s; a golden tree holds only goldens, and an update removes what the output does not have", e.Label, e.Reason)
}

// guardPlace checks where the tree name below dir lies, and returns an
// error naming what it is if it must not be a golden tree.
func guardPlace(dir, name, label string, o Options) error {
	if path.Base(name) == "testdata" {
		return &GuardError{label, "it is a testdata directory, a golden directory itself"}
	}
	realDir := RealPath(dir)
	tree := RealPath(filepath.Join(dir, filepath.FromSlash(name)))
	if tree == realDir {
		return &GuardError{label, "it is the golden directory itself"}
	}
	if o.PackageDir == "" {
		return nil
	}
	pkg := RealPath(o.PackageDir)
	switch {
	case tree == pkg:
		return &GuardError{label, "it is the package directory"}
	case inside(tree, pkg):
		return &GuardError{label, fmt.Sprintf("it contains the package directory %s", filepath.ToSlash(pkg))}
	}
	return nil
}

// guardFiles checks the names of the files and directories of a tree, on
// disk or in the output (where says which), and returns an error naming
// the shallowest one a golden tree must not hold.
func guardFiles(files, dirs []string, label, where string) error {
	type found struct {
		name, reason string
	}
	var bad []found
	for i, names := range [][]string{dirs, files} {
		for _, name := range names {
			if reason := forbidden(name, i == 0); reason != "" {
				bad = append(bad, found{name, reason})
			}
		}
	}
	if len(bad) == 0 {
		return nil
	}
	first := slices.MinFunc(bad, func(a, b found) int {
		return cmp.Or(cmp.Compare(strings.Count(a.name, "/"), strings.Count(b.name, "/")), strings.Compare(a.name, b.name))
	})
	return &GuardError{label, fmt.Sprintf("%s %q, %s", where, first.name, first.reason)}
}

// forbidden says why a golden tree may not hold the entry name (a
// directory when dir), or "".
func forbidden(name string, dir bool) string {
	for _, elem := range strings.Split(name, "/") {
		switch elem {
		case ".git":
			return "a repository"
		case "go.mod":
			return "a module root"
		}
	}
	if !dir && strings.HasSuffix(name, ".go") {
		return "Go source"
	}
	return ""
}

// RealPath returns p absolute with its symlinks resolved, as far as it
// exists; the part that does not exist yet is joined as it is: the path
// to compare two spellings of a golden with (a golden directory reached
// through a symlink is the same golden).
func RealPath(p string) string {
	p, err := filepath.Abs(p)
	if err != nil {
		return filepath.Clean(p)
	}
	var rest []string
	for {
		if real, err := filepath.EvalSymlinks(p); err == nil {
			return filepath.Join(append([]string{real}, rest...)...)
		} else if !errors.Is(err, fs.ErrNotExist) {
			return filepath.Join(append([]string{p}, rest...)...)
		}
		parent := filepath.Dir(p)
		if parent == p {
			return filepath.Join(append([]string{p}, rest...)...)
		}
		rest = append([]string{filepath.Base(p)}, rest...)
		p = parent
	}
}

// inside reports whether p lies strictly below dir.
func inside(dir, p string) bool {
	r, err := filepath.Rel(dir, p)
	return err == nil && r != "." && filepath.IsLocal(r)
}
