package goldenwrite

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"slices"
	"strings"
)

// WriteTree makes the golden tree name (slash-separated) below dir hold
// exactly files, and the directories their names imply, creating dir if
// needed. When nothing changed (file contents as [Matches] sees them, or
// byte for byte with [Options].Exact; symlink targets; executable bits) it
// touches nothing.
//
// Otherwise it stages the new tree whole in a hidden directory beside the
// old one (unchanged files hard-linked where the file system allows, each
// other file written and synced, modes kept from the file it replaces),
// then swaps: the old tree is renamed aside, the new one renamed in, the
// old one removed. Any failure before the swap completes leaves the old
// tree whole, and the error names the entry that failed.
//
// It refuses, before anything is removed or written (see [GuardError]): a
// tree that is the package directory ([Options].PackageDir) or contains
// it, a testdata directory or the golden directory itself, and a tree that
// holds (on disk or in files) a .git entry, a go.mod or a *.go file; a
// symlink or special file where the tree goes; a directory of the old tree
// whose entries this user could not remove; and, without [Options].Force,
// replacing a tree that holds files with none ([ErrEmpty]). A regular file
// where the tree goes (a golden file left from another layout) is replaced,
// and the [Summary] says so.
func WriteTree(dir, name string, files []File, o Options) (Summary, error) {
	label := o.label(dir, name)
	sum := Summary{Path: label, Tree: true}
	if err := checkName(name); err != nil {
		return sum, fmt.Errorf("write tree %q: %w", label, err)
	}
	files, err := checkFiles(files)
	if err != nil {
		return sum, fmt.Errorf("write tree %q: %w", label, err)
	}
	if err := guardFiles(names(files), nil, label, "the output holds"); err != nil {
		return sum, err
	}
	root, err := openRoot(dir, o.DryRun)
	if err != nil {
		return sum, fmt.Errorf("write tree %q: %w", label, bare(err))
	}
	defer root.Close()
	if err := guardPlace(dir, name, label, o); err != nil {
		return sum, err
	}
	old, state, err := readOld(root, name, label)
	if err != nil {
		return sum, err
	}
	oldNames := make([]string, len(old.files))
	for i, e := range old.files {
		oldNames[i] = e.Name
	}
	if err := guardFiles(oldNames, old.dirs, label, "it holds"); err != nil {
		return sum, err
	}
	sum.New, sum.Replaced = state == missing, state == staleFile
	plan := planTree(old, files, o.Exact)
	sum.Files = plan.changes
	for _, c := range plan.changes {
		if !c.Binary {
			sum.Plus += c.Plus
			sum.Minus += c.Minus
		}
	}
	if state == oldTree && len(plan.changes) == 0 {
		return sum, nil
	}
	if state == oldTree && len(old.files) > 0 && len(files) == 0 && !o.Force {
		return sum, &EmptyError{Label: label, Old: plural(len(old.files), "file")}
	}
	for _, d := range old.dirs {
		if err := canEmpty(root, path.Join(name, d)); err != nil {
			return sum, fmt.Errorf("write tree %q: %s: %w: this user cannot remove what it holds, so the old tree "+
				"could not be replaced; nothing was changed (make it writable, for example with chmod -R u+w)",
				label, path.Join(name, d), bare(err))
		}
	}
	if o.DryRun {
		return sum, nil
	}
	if err := stageAndSwap(root, name, plan.entries, state != missing, o.BeforeRename); err != nil {
		return sum, fmt.Errorf("write tree %q: %w", label, err)
	}
	return sum, nil
}

// state is what lies where a golden tree goes.
type state int

const (
	missing   state = iota
	oldTree         // a directory: the old tree
	staleFile       // a regular file, to be replaced
)

// readOld reads what lies at name below root.
func readOld(root *os.Root, name, label string) (tree, state, error) {
	fi, err := root.Lstat(name)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return tree{}, missing, nil
	case err != nil:
		return tree{}, missing, fmt.Errorf("write tree %q: %w", label, bare(err))
	case fi.Mode().IsRegular():
		return tree{}, staleFile, nil
	case !fi.IsDir():
		return tree{}, missing, fmt.Errorf("write tree %q: it is a %s, which an update never replaces", label, TypeName(fi.Mode()))
	}
	t, err := readTree(root, name, label)
	return t, oldTree, err
}

// checkFiles returns files sorted by name, or an error naming a file that
// no tree can hold: an invalid name, a name given twice, a name below a
// file or symlink.
func checkFiles(files []File) ([]File, error) {
	files = slices.Clone(files)
	slices.SortFunc(files, func(a, b File) int { return strings.Compare(a.Name, b.Name) })
	leaves := map[string]bool{}
	for i, f := range files {
		if err := checkName(f.Name); err != nil {
			return nil, err
		}
		if i > 0 && files[i-1].Name == f.Name {
			return nil, fmt.Errorf("%q is given twice", f.Name)
		}
		leaves[f.Name] = true
	}
	for _, f := range files {
		for d := path.Dir(f.Name); d != "."; d = path.Dir(d) {
			if leaves[d] {
				return nil, fmt.Errorf("%q lies below %q, which is a file or symlink", f.Name, d)
			}
		}
	}
	return files, nil
}

func names(files []File) []string {
	out := make([]string, len(files))
	for i, f := range files {
		out[i] = f.Name
	}
	return out
}

// plan is what a tree update writes: every entry of the new tree, and the
// changes it makes, both in path order.
type plan struct {
	entries []staged
	changes []Summary
}

// staged is one entry of the new tree: its file, the mode to give it, and
// whether the old tree's file can be hard-linked in unchanged.
type staged struct {
	File
	perm fs.FileMode
	keep bool
}

func planTree(old tree, files []File, exact bool) plan {
	var p plan
	byName := make(map[string]entry, len(old.files))
	for _, e := range old.files {
		byName[e.Name] = e
	}
	for _, f := range files {
		s := staged{File: f, perm: NewFileMode}
		if f.Exec {
			s.perm = NewExecMode
		}
		e, ok := byName[f.Name]
		delete(byName, f.Name)
		switch {
		case !ok || e.Symlink != f.Symlink:
			c := Summary{Path: f.Name, New: true}
			c.countEntry(nil, f, exact)
			p.changes = append(p.changes, c)
		case f.Symlink && bytes.Equal(e.Content, f.Content):
			// Unchanged; recreated, as a hard link to a symlink is not
			// portable.
		case f.Symlink:
			p.changes = append(p.changes, Summary{Path: f.Name, Plus: 1, Minus: 1})
		default:
			s.perm = withExec(e.perm, f.Exec)
			same := bytes.Equal(e.Content, f.Content) || !exact && Matches(e.Content, f.Content)
			if same {
				f.Content = e.Content // keep the checkout's line endings
				s.File = f
			}
			switch {
			case same && s.perm == e.perm:
				s.keep = true
			case same:
				p.changes = append(p.changes, Summary{Path: f.Name, ModeOnly: true})
			default:
				c := Summary{Path: f.Name}
				c.count(e.Content, f.Content, exact)
				p.changes = append(p.changes, c)
			}
		}
		p.entries = append(p.entries, s)
	}
	for _, e := range old.files {
		if _, gone := byName[e.Name]; gone {
			c := Summary{Path: e.Name, Gone: true}
			c.countEntry(e.Content, File{Symlink: e.Symlink}, exact)
			p.changes = append(p.changes, c)
		}
	}
	slices.SortFunc(p.changes, func(a, b Summary) int { return strings.Compare(a.Path, b.Path) })
	return p
}

// countEntry counts an entry added (old nil) or removed (f's content nil):
// a symlink is one line.
func (s *Summary) countEntry(old []byte, f File, exact bool) {
	if f.Symlink {
		if s.Gone {
			s.Minus = 1
		} else {
			s.Plus = 1
		}
		return
	}
	s.count(old, f.Content, exact)
}

// withExec returns perm with the executable bits set where it has read
// bits (as chmod +x does), or with none.
func withExec(perm fs.FileMode, exec bool) fs.FileMode {
	if !exec {
		return perm &^ 0o111
	}
	return perm | 0o100 | (perm&0o044)>>2
}
