package review

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"slices"
	"strings"

	"github.com/tmpkit/tmpkit/internal/goldenwrite"
	"github.com/tmpkit/tmpkit/internal/pending"
)

// Golden is one golden with a pending change: its record and the golden as
// it is on disk, checked to be the golden the test compared.
type Golden struct {
	Record pending.Record
	// Tests are the tests that recorded this change, "pkg TestX" each:
	// more than one when several runs or tests recorded the same output.
	Tests []string
	// Exists says whether the golden exists; Old is its content (a file)
	// and Tree its entries (a tree).
	Exists bool
	Old    []byte
	Tree   []pending.Entry

	byName map[string]pending.Entry // Tree by name
}

// entry returns the golden tree's entry called name, if it has one.
func (g *Golden) entry(name string) (pending.Entry, bool) {
	if g.byName == nil {
		g.byName = make(map[string]pending.Entry, len(g.Tree))
		for _, e := range g.Tree {
			g.byName[e.Name] = e
		}
	}
	e, ok := g.byName[name]
	return e, ok
}

// Question is one decision to make: a golden file, or one entry of a
// golden tree.
type Question struct {
	Golden *Golden
	// Entry is the tree entry asked about (Kind Tree only).
	Entry pending.Entry
	// Path is the module-relative slash path the question is about: the
	// golden file, or the tree entry inside the golden tree.
	Path string
}

// Refusal is a record that is not reviewed or applied, and why.
type Refusal struct {
	Path   string // the golden's module-relative path
	Reason string // why, naming the golden itself when named is set
	named  bool
}

func (r Refusal) Error() string {
	if r.named {
		return "refused: " + r.Reason
	}
	return "refused " + r.Path + ": " + r.Reason
}

// Load checks records against the module mod: it merges the records of one
// golden that agree, refuses those that disagree, that belong to another
// module, or whose golden has changed since it was recorded, and reads
// each golden from disk. It returns the goldens sorted by path, their
// questions in the order of their paths, and the refusals.
func Load(mod pending.Module, records []pending.Record) ([]*Golden, []Question, []Refusal) {
	byPath := map[string][]pending.Record{}
	for _, r := range records {
		byPath[r.Path] = append(byPath[r.Path], r)
	}
	paths := make([]string, 0, len(byPath))
	for p := range byPath {
		paths = append(paths, p)
	}
	slices.Sort(paths)

	var goldens []*Golden
	var refused []Refusal
	for _, p := range paths {
		g, why := load(mod, byPath[p])
		if why != nil {
			refused = append(refused, *why)
			continue
		}
		goldens = append(goldens, g)
	}
	return goldens, questions(goldens), refused
}

// load merges the records of one golden and reads it, or says why not.
func load(mod pending.Module, records []pending.Record) (*Golden, *Refusal) {
	r := records[0]
	g := &Golden{Record: r}
	refuse := func(format string, args ...any) (*Golden, *Refusal) {
		return nil, &Refusal{Path: r.Path, Reason: fmt.Sprintf(format, args...)}
	}
	for _, o := range records {
		if o.Module != mod.Path {
			return refuse("recorded by %s in module %s; this is module %s", test(o), o.Module, mod.Path)
		}
		if !sameChange(r, o) && test(r) == test(o) {
			return refuse("two records of %s hold different outputs for it (two runs or systems disagree); apply the records of one run at a time", test(r))
		}
		if !sameChange(r, o) {
			return refuse("%s and %s recorded different outputs for it; run them one at a time", test(r), test(o))
		}
		if t := test(o); !slices.Contains(g.Tests, t) {
			g.Tests = append(g.Tests, t)
		}
	}
	// Read as the update mode reads: through the module root, refusing
	// what is not a golden before opening it.
	o := goldenwrite.Options{Label: r.Path}
	var hash string
	var err error
	if r.Kind == pending.File {
		if symlink(mod, r.Path) {
			return nil, &Refusal{Path: r.Path, Reason: fmt.Sprintf("%q is a symlink, which an update never writes through nor replaces", r.Path), named: true}
		}
		g.Old, err = goldenwrite.ReadFile(mod.Root, r.Path, o)
		g.Exists = err == nil
		hash = pending.HashFile(g.Old, r.Exact)
	} else {
		var files []goldenwrite.File
		files, err = goldenwrite.ReadTree(mod.Root, r.Path, o)
		g.Tree, g.Exists = pending.FromFiles(files), err == nil
		hash = pending.HashTree(g.Tree, r.Exact)
	}
	if errors.Is(err, fs.ErrNotExist) {
		hash, err = "", nil
	}
	switch {
	case err != nil:
		return nil, &Refusal{Path: r.Path, Reason: err.Error(), named: true}
	case hash != r.Hash && r.Hash == "":
		return refuse("it did not exist when %s recorded its output, and it does now; run the test again", test(r))
	case hash != r.Hash && !g.Exists:
		return refuse("it existed when %s recorded its output, and it does not now; run the test again", test(r))
	case hash != r.Hash:
		return refuse("it has changed since %s recorded its output; nothing of it is written; run the test again", test(r))
	}
	return g, nil
}

// symlink reports whether the module-relative path p is a symlink, which
// goldenwrite.ReadFile follows but WriteFile refuses: such a change could
// be shown but never written.
func symlink(mod pending.Module, p string) bool {
	root, err := os.OpenRoot(mod.Root)
	if err != nil {
		return false
	}
	defer root.Close()
	fi, err := root.Lstat(p)
	return err == nil && fi.Mode()&fs.ModeSymlink != 0
}

func test(r pending.Record) string { return r.Test + " (" + r.Package + ")" }

// sameChange reports whether two records of one golden ask for the same
// change: from the same golden to the same output.
func sameChange(a, b pending.Record) bool {
	if a.Kind != b.Kind || a.Hash != b.Hash || a.Exact != b.Exact || !bytes.Equal(a.Content, b.Content) || len(a.Files) != len(b.Files) {
		return false
	}
	for i := range a.Files {
		x, y := a.Files[i], b.Files[i]
		if x.Name != y.Name || x.Removed != y.Removed || x.Symlink != y.Symlink || x.Target != y.Target ||
			x.Exec != y.Exec || !bytes.Equal(x.Content, y.Content) {
			return false
		}
	}
	return true
}

// questions returns the questions about goldens, ordered by their paths: a
// golden file is one question, each entry of a tree's record one more.
func questions(goldens []*Golden) []Question {
	var qs []Question
	for _, g := range goldens {
		if g.Record.Kind == pending.File {
			qs = append(qs, Question{Golden: g, Path: g.Record.Path})
			continue
		}
		for _, e := range g.Record.Files {
			qs = append(qs, Question{Golden: g, Entry: e, Path: g.Record.Golden(e)})
		}
	}
	slices.SortStableFunc(qs, func(a, b Question) int { return strings.Compare(a.Path, b.Path) })
	return qs
}

func sorted(entries []pending.Entry) []pending.Entry {
	slices.SortFunc(entries, func(a, b pending.Entry) int { return strings.Compare(a.Name, b.Name) })
	return entries
}
