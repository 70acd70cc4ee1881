package review

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"slices"
	"strings"

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
	Reason string
}

func (r Refusal) Error() string { return "refused " + r.Path + ": " + r.Reason }

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

	root, err := os.OpenRoot(mod.Root)
	if err != nil {
		var refused []Refusal
		for _, p := range paths {
			refused = append(refused, Refusal{p, fmt.Sprintf("cannot open the module root: %v", err)})
		}
		return nil, nil, refused
	}
	defer root.Close()

	var goldens []*Golden
	var refused []Refusal
	for _, p := range paths {
		g, why := load(root, mod, byPath[p])
		if why != "" {
			refused = append(refused, Refusal{p, why})
			continue
		}
		goldens = append(goldens, g)
	}
	return goldens, questions(goldens), refused
}

// load merges the records of one golden and reads it, or says why not.
func load(root *os.Root, mod pending.Module, records []pending.Record) (*Golden, string) {
	r := records[0]
	g := &Golden{Record: r}
	for _, o := range records {
		if o.Module != mod.Path {
			return nil, fmt.Sprintf("recorded by %s in module %s; this is module %s", test(o), o.Module, mod.Path)
		}
		if !sameChange(r, o) {
			return nil, fmt.Sprintf("%s and %s recorded different outputs for it; run them one at a time", test(r), test(o))
		}
		if t := test(o); !slices.Contains(g.Tests, t) {
			g.Tests = append(g.Tests, t)
		}
	}
	var hash string
	var err error
	if r.Kind == pending.File {
		g.Old, g.Exists, err = readFile(root, r.Path)
		if g.Exists {
			hash = pending.HashFile(g.Old, r.Exact)
		}
	} else {
		g.Tree, g.Exists, err = readTree(root, r.Path)
		if g.Exists {
			hash = pending.HashTree(g.Tree, r.Exact)
		}
	}
	switch {
	case err != nil:
		return nil, err.Error()
	case hash != r.Hash && r.Hash == "":
		return nil, fmt.Sprintf("it did not exist when %s recorded its output, and it does now; run the test again", test(r))
	case hash != r.Hash && !g.Exists:
		return nil, fmt.Sprintf("it existed when %s recorded its output, and it does not now; run the test again", test(r))
	case hash != r.Hash:
		return nil, fmt.Sprintf("it has changed since %s recorded its output; nothing of it is written; run the test again", test(r))
	}
	return g, ""
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

// readFile reads the golden file at the module-relative path p through
// root, so that no symlink leads outside the module; it refuses anything
// but a regular file before opening it (a FIFO would block the read).
func readFile(root *os.Root, p string) ([]byte, bool, error) {
	fi, err := root.Lstat(p)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, false, nil
	}
	if err == nil && !fi.Mode().IsRegular() {
		err = fmt.Errorf("is not a regular file (%v)", fi.Mode().Type())
	}
	if err != nil {
		return nil, false, fmt.Errorf("cannot read it: %w", bare(err))
	}
	b, err := root.ReadFile(p)
	if err != nil {
		return nil, false, fmt.Errorf("cannot read it: %w", bare(err))
	}
	return b, true, nil
}

// readTree reads the golden tree at the module-relative path p through
// root.
func readTree(root *os.Root, p string) ([]pending.Entry, bool, error) {
	fi, err := root.Lstat(p)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, false, nil
	}
	if err == nil && !fi.IsDir() {
		err = fmt.Errorf("is not a directory (%v); a golden tree is a directory", fi.Mode().Type())
	}
	if err != nil {
		return nil, false, fmt.Errorf("cannot read it: %w", bare(err))
	}
	sub, err := root.OpenRoot(p)
	if err != nil {
		return nil, false, fmt.Errorf("cannot read it: %w", bare(err))
	}
	defer sub.Close()
	entries, err := pending.ReadTree(sub.FS())
	if err != nil {
		return nil, false, fmt.Errorf("cannot read it: %w", bare(err))
	}
	return entries, true, nil
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

// bare drops the path a [fs.PathError] repeats, for messages that name
// the golden themselves.
func bare(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func sorted(entries []pending.Entry) []pending.Entry {
	slices.SortFunc(entries, func(a, b pending.Entry) int { return strings.Compare(a.Name, b.Name) })
	return entries
}
