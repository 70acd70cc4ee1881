package pending

import (
	"bytes"
	"fmt"
	"path"
	"path/filepath"
	"slices"

	"github.com/tmpkit/tmpkit/internal/goldenwrite"
)

// Source says where a record comes from: the assertion that found its
// golden missing or different.
type Source struct {
	// PackageDir is the test's package directory (its working directory).
	PackageDir string
	// Golden is the path of the golden file or tree, absolute or relative
	// to PackageDir.
	Golden string
	// Test is t.Name().
	Test string
	// Exact is whether the assertion used golden.Exact.
	Exact bool
}

// NewFile returns the record of a golden file: got is the output (as it
// would be written), want the golden's content as read, exists whether
// the golden existed. It finds the module of src.PackageDir to make the
// golden's path module-relative, and fails when the golden lies outside it.
func NewFile(src Source, want []byte, exists bool, got []byte) (Record, error) {
	r, err := newRecord(src, File)
	if err != nil {
		return Record{}, err
	}
	if exists {
		r.Hash = HashFile(want, src.Exact)
	}
	r.Content = got
	return r, r.Check()
}

// NewTree returns the record of a golden tree: got and want are the
// output's entries and the golden tree's (see [FromFiles]; no Removed
// entries), exists whether the golden tree existed. The record
// keeps the entries of got that differ from want, by type, content (as
// golden compares it), target or executable bit, or are not in want, and
// want's entries that got no longer has.
func NewTree(src Source, want []Entry, exists bool, got []Entry) (Record, error) {
	r, err := newRecord(src, Tree)
	if err != nil {
		return Record{}, err
	}
	if exists {
		r.Hash = HashTree(want, src.Exact)
	}
	r.Files = Changes(want, got, src.Exact)
	return r, r.Check()
}

// Changes returns the entries of got that differ from those of want (by
// type, content as golden compares it, symlink target or executable bit)
// or are missing from it, and, marked Removed, the entries of want that
// got does not have; sorted by name.
func Changes(want, got []Entry, exact bool) []Entry {
	old := make(map[string]Entry, len(want))
	for _, e := range want {
		old[e.Name] = e
	}
	var out []Entry
	seen := make(map[string]bool, len(got))
	for _, g := range got {
		seen[g.Name] = true
		if w, ok := old[g.Name]; ok && Same(w, g, exact) {
			continue
		}
		out = append(out, g)
	}
	for _, w := range want {
		if !seen[w.Name] {
			out = append(out, Entry{Name: w.Name, Removed: true})
		}
	}
	sortEntries(out)
	return slices.Clip(out)
}

// Same reports whether the golden tree entry want and the output entry got
// compare equal: the same type and target, or the same executable bit and
// content, as [goldenwrite.Matches] compares it (byte for byte if exact).
func Same(want, got Entry, exact bool) bool {
	if want.Symlink || got.Symlink {
		return want.Symlink == got.Symlink && want.Target == got.Target
	}
	if want.Exec != got.Exec {
		return false
	}
	if exact {
		return bytes.Equal(want.Content, got.Content)
	}
	return goldenwrite.Matches(want.Content, got.Content)
}

// FromFiles returns a golden tree's files, as [goldenwrite.ReadTree] reads
// them and [goldenwrite.WriteTree] writes them, as entries.
func FromFiles(files []goldenwrite.File) []Entry {
	entries := make([]Entry, len(files))
	for i, f := range files {
		entries[i] = Entry{Name: f.Name, Symlink: f.Symlink, Exec: f.Exec && !f.Symlink}
		if f.Symlink {
			entries[i].Target = string(f.Content)
		} else {
			entries[i].Content = f.Content
		}
	}
	return entries
}

// File returns the entry as a [goldenwrite.File]; a removed entry has no
// file.
func (e Entry) File() goldenwrite.File {
	if e.Symlink {
		return goldenwrite.File{Name: e.Name, Symlink: true, Content: []byte(e.Target)}
	}
	return goldenwrite.File{Name: e.Name, Exec: e.Exec, Content: e.Content}
}

func newRecord(src Source, kind Kind) (Record, error) {
	mod, err := FindModule(src.PackageDir)
	if err != nil {
		return Record{}, err
	}
	g := src.Golden
	if !filepath.IsAbs(g) {
		g = filepath.Join(src.PackageDir, g)
	}
	rel, err := mod.Rel(g)
	if err != nil {
		return Record{}, err
	}
	pkgRel, err := mod.Rel(src.PackageDir)
	if err != nil {
		return Record{}, err
	}
	pkg := mod.Path
	if pkgRel != "." {
		pkg = path.Join(mod.Path, pkgRel)
	}
	if src.Test == "" {
		return Record{}, fmt.Errorf("pending: no test name for %q", rel)
	}
	return Record{Module: mod.Path, Path: rel, Kind: kind, Package: pkg, Test: src.Test, Exact: src.Exact}, nil
}
