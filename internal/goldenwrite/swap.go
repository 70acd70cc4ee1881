package goldenwrite

import (
	"fmt"
	"os"
	"path"
)

// stageAndSwap writes entries as a new tree in a hidden directory beside
// name, then puts it in name's place: when replace, the old tree (or file)
// at name is renamed aside first and removed last, and renamed back if
// the new tree cannot take its place. On failure, nothing of the new tree
// is left and the old one is whole.
func stageAndSwap(root *os.Root, name string, entries []staged, replace bool, before func(tmp, dst string) error) error {
	if err := root.MkdirAll(path.Dir(name), NewDirMode); err != nil {
		return err
	}
	stage := tempName(name, ".new")
	if err := root.Mkdir(stage, NewDirMode); err != nil {
		return bare(err)
	}
	if err := writeStage(root, name, stage, entries, before); err != nil {
		root.RemoveAll(stage)
		return err
	}
	if !replace {
		if err := rename(root, stage, name, before); err != nil {
			root.RemoveAll(stage)
			return err
		}
		return nil
	}
	aside := tempName(name, ".old")
	if err := root.Rename(name, aside); err != nil {
		root.RemoveAll(stage)
		return bare(err)
	}
	if err := rename(root, stage, name, before); err != nil {
		if err1 := root.Rename(aside, name); err1 != nil {
			return fmt.Errorf("%w; and the old tree could not be put back: it is at %s", err, aside)
		}
		root.RemoveAll(stage)
		return err
	}
	if err := root.RemoveAll(aside); err != nil {
		return fmt.Errorf("the new tree is in place, but the old one could not be removed from %s: %w", aside, bare(err))
	}
	return nil
}

// writeStage writes entries below the directory stage, linking an
// unchanged entry from the old tree at name when it can.
func writeStage(root *os.Root, name, stage string, entries []staged, before func(tmp, dst string) error) error {
	for _, e := range entries {
		dst := path.Join(stage, e.Name)
		if err := root.MkdirAll(path.Dir(dst), NewDirMode); err != nil {
			return fmt.Errorf("%s: %w", e.Name, bare(err))
		}
		if e.keep && root.Link(path.Join(name, e.Name), dst) == nil {
			continue
		}
		var err error
		if e.Symlink {
			err = root.Symlink(string(e.Content), dst)
		} else {
			err = createFile(root, dst, e.Content, e.perm)
		}
		if err == nil && before != nil {
			err = before(dst, path.Join(name, e.Name))
		}
		if err != nil {
			return fmt.Errorf("%s: %w", e.Name, bare(err))
		}
	}
	return nil
}

// rename renames tmp to dst below root, after before if it is set.
func rename(root *os.Root, tmp, dst string, before func(tmp, dst string) error) error {
	if before != nil {
		if err := before(tmp, dst); err != nil {
			return err
		}
	}
	return bare(root.Rename(tmp, dst))
}
