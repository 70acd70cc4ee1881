package golden

import (
	"crypto/rand"
	"fmt"
	"io/fs"
	"os"
	"path"
	"slices"
	"strings"

	"github.com/tmpkit/tmpkit/fixture"
)

// writeTree makes the golden tree at loc hold got, and logs each change.
func (c *call) writeTree(cfg config, loc location, got fixture.Tree) error {
	changes, err := func() ([]change, error) {
		root, err := openRoot(loc.dir, true)
		if err != nil {
			return nil, err
		}
		defer root.Close()
		if err := root.MkdirAll(loc.name, newDirMode); err != nil {
			return nil, err
		}
		tr, err := root.OpenRoot(loc.name)
		if err != nil {
			return nil, err
		}
		defer tr.Close()
		return syncTree(tr, got, cfg.exact, cfg.beforeRename)
	}()
	for _, ch := range changes {
		c.logf("golden: %s %s", ch.what, treeEntry(loc, ch.name))
	}
	if err != nil {
		return fmt.Errorf("golden: write tree %q: %w", loc.display, bare(err))
	}
	return nil
}

// saveTree writes got into the new directory dst, for -artifacts.
func saveTree(dst string, got fixture.Tree) error {
	root, err := openRoot(dst, true)
	if err != nil {
		return err
	}
	defer root.Close()
	_, err = syncTree(root, got, true, nil)
	return err
}

// change is one entry syncTree created, updated or removed.
type change struct{ what, name string }

// syncTree makes the tree below tr hold exactly the files and symlinks of
// got (as [gitTree] returns them) and the directories they imply: it
// removes what got does not have, and writes what differs, each file
// atomically, keeping the mode of an existing file apart from its
// executable bits. It works only through tr, so nothing outside it changes.
func syncTree(tr *os.Root, got fixture.Tree, exact bool, before func(tmp, dst string) error) ([]change, error) {
	disk, err := fixture.Read(tr.FS())
	if err != nil {
		return nil, err
	}
	dirs := map[string]bool{}
	for name := range got {
		for d := path.Dir(name); d != "."; d = path.Dir(d) {
			dirs[d] = true
		}
	}
	var changes []change
	var removed []string
	for _, name := range sortedNames(disk) {
		if slices.ContainsFunc(removed, func(r string) bool { return strings.HasPrefix(name, r+"/") }) {
			continue
		}
		d := disk[name]
		g, inGot := got[name]
		keep := inGot && g.Type() == d.Type()
		if d.Type() == fs.ModeDir {
			keep = dirs[name]
		}
		if keep {
			continue
		}
		if err := tr.RemoveAll(name); err != nil {
			return changes, err
		}
		removed = append(removed, name)
		changes = append(changes, change{"removed", name})
	}
	for _, name := range sortedNames(got) {
		g := got[name]
		d, onDisk := disk[name]
		onDisk = onDisk && !slices.Contains(removed, name) && d.Type() == g.Type()
		if err := tr.MkdirAll(path.Dir(name), newDirMode); err != nil {
			return changes, err
		}
		what, err := syncEntry(tr, name, g, d, onDisk, exact, before)
		if err != nil {
			return changes, fmt.Errorf("%s: %w", name, err)
		}
		if what != "" {
			changes = append(changes, change{what, name})
		}
	}
	return changes, nil
}

// syncEntry writes the file or symlink g at name, where d is what the disk
// holds when onDisk, and says what it did: "" when nothing was needed.
func syncEntry(tr *os.Root, name string, g, d fixture.Entry, onDisk, exact bool, before func(tmp, dst string) error) (string, error) {
	if g.Type() == fs.ModeSymlink {
		if onDisk && d.Target() == g.Target() {
			return "", nil
		}
		return done(onDisk), writeSymlink(tr, name, g.Target(), before)
	}
	perm, _ := g.Mode()
	if !onDisk {
		return "created", writeFile(tr, name, g.Content(), perm, before)
	}
	diskPerm, _ := d.Mode()
	perm = withExec(diskPerm, perm&gitExec != 0)
	if equalContent(d.Content(), g.Content(), exact) {
		if perm == diskPerm {
			return "", nil
		}
		return "updated the mode of", tr.Chmod(name, perm)
	}
	return "updated", writeFile(tr, name, g.Content(), perm, before)
}

func done(existed bool) string {
	if existed {
		return "updated"
	}
	return "created"
}

// withExec returns perm with the executable bits set where it has read
// bits (as chmod +x does), or with none.
func withExec(perm fs.FileMode, exec bool) fs.FileMode {
	if !exec {
		return perm &^ 0o111
	}
	return perm | gitExec | (perm&0o044)>>2
}

// writeSymlink replaces name with a symlink to target: a temporary symlink
// renamed over it.
func writeSymlink(tr *os.Root, name, target string, before func(tmp, dst string) error) error {
	tmp := path.Join(path.Dir(name), "."+path.Base(name)+"."+rand.Text()[:12]+".tmp")
	if err := tr.Symlink(target, tmp); err != nil {
		return err
	}
	if before != nil {
		if err := before(tmp, name); err != nil {
			tr.Remove(tmp)
			return err
		}
	}
	if err := tr.Rename(tmp, name); err != nil {
		tr.Remove(tmp)
		return err
	}
	return nil
}

func sortedNames(tree fixture.Tree) []string {
	names := make([]string, 0, len(tree))
	for name := range tree {
		names = append(names, name)
	}
	slices.Sort(names)
	return names
}
