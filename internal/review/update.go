package review

import (
	"os"
	"path"
	"strings"

	"github.com/tmpkit/tmpkit/internal/goldenwrite"
	"github.com/tmpkit/tmpkit/internal/pending"
)

// UpdateWriter writes goldens in a module as golden's update mode does,
// through [goldenwrite]: atomically, only what changed, modes kept, no
// symlink written through, a tree staged whole and swapped in, never a
// tree that is or holds a package, module or repository, and no golden
// emptied unless Force. Everything is written through the module root, so
// nothing outside it changes whatever a record says.
type UpdateWriter struct {
	Module pending.Module
	Force  bool // allow emptying a golden
	// DryRun writes into a scratch copy of each golden instead, so that the
	// summary is the one the write would print.
	DryRun bool
}

func (u UpdateWriter) options(g *Golden) goldenwrite.Options {
	o := goldenwrite.Options{Label: g.Record.Path, Force: u.Force, Exact: g.Record.Exact}
	if rel, ok := strings.CutPrefix(g.Record.Package, u.Module.Path); ok && (rel == "" || rel[0] == '/') {
		o.PackageDir = u.Module.Abs(strings.TrimPrefix(rel, "/"))
	}
	return o
}

// WriteFile writes the golden file of g with content and returns its
// summary line, "" when nothing changed.
func (u UpdateWriter) WriteFile(g *Golden, content []byte) (string, error) {
	o := u.options(g)
	if !u.DryRun {
		return summary(goldenwrite.WriteFile(u.Module.Root, g.Record.Path, content, o))
	}
	return scratch(func(dir string) (string, error) {
		name := path.Base(g.Record.Path)
		if g.Exists {
			if _, err := goldenwrite.WriteFile(dir, name, g.Old, goldenwrite.Options{Force: true, Exact: true}); err != nil {
				return "", err
			}
		}
		o.PackageDir = ""
		return summary(goldenwrite.WriteFile(dir, name, content, o))
	})
}

// WriteTree makes the golden tree of g hold entries and returns its
// summary: a line for the tree, then one for each file it changed.
func (u UpdateWriter) WriteTree(g *Golden, entries []pending.Entry) (string, error) {
	o := u.options(g)
	files := toFiles(entries)
	if !u.DryRun {
		return summary(goldenwrite.WriteTree(u.Module.Root, g.Record.Path, files, o))
	}
	return scratch(func(dir string) (string, error) {
		name := path.Base(g.Record.Path)
		if g.Exists {
			if _, err := goldenwrite.WriteTree(dir, name, toFiles(g.Tree), goldenwrite.Options{Force: true, Exact: true}); err != nil {
				return "", err
			}
		}
		o.PackageDir = ""
		return summary(goldenwrite.WriteTree(dir, name, files, o))
	})
}

func toFiles(entries []pending.Entry) []goldenwrite.File {
	files := make([]goldenwrite.File, len(entries))
	for i, e := range entries {
		files[i] = e.File()
	}
	return files
}

// summary returns the lines of s, as golden's update mode logs them: the
// golden's line and, for a tree, one indented line per file changed; ""
// when nothing changed.
func summary(s goldenwrite.Summary, err error) (string, error) {
	if err != nil || !s.Changed() {
		return "", err
	}
	var b strings.Builder
	b.WriteString(s.String())
	for _, f := range s.Files {
		b.WriteString("\n\t" + f.String())
	}
	return b.String(), nil
}

// scratch runs write in a new temporary directory, removed after.
func scratch(write func(dir string) (string, error)) (string, error) {
	dir, err := os.MkdirTemp("", "golden-dry-run-")
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(dir)
	return write(dir)
}
