package review

import (
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
	// DryRun runs every check of the write against the module as it is
	// and returns the summary the write would print, writing nothing
	// ([goldenwrite.Options].DryRun): refusals included.
	DryRun bool
}

func (u UpdateWriter) options(g *Golden) goldenwrite.Options {
	o := goldenwrite.Options{Label: g.Record.Path, Force: u.Force, Exact: g.Record.Exact, DryRun: u.DryRun}
	if rel, ok := strings.CutPrefix(g.Record.Package, u.Module.Path); ok && (rel == "" || rel[0] == '/') {
		o.PackageDir = u.Module.Abs(strings.TrimPrefix(rel, "/"))
	}
	return o
}

// WriteFile writes the golden file of g with content and returns its
// summary line, "" when nothing changed.
func (u UpdateWriter) WriteFile(g *Golden, content []byte) (string, error) {
	return summary(goldenwrite.WriteFile(u.Module.Root, g.Record.Path, content, u.options(g)))
}

// WriteTree makes the golden tree of g hold entries and returns its
// summary: a line for the tree, then one for each file it changed.
func (u UpdateWriter) WriteTree(g *Golden, entries []pending.Entry) (string, error) {
	return summary(goldenwrite.WriteTree(u.Module.Root, g.Record.Path, toFiles(entries), u.options(g)))
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
