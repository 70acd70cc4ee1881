package review

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"strings"

	"github.com/tmpkit/tmpkit/internal/goldenwrite"
	"github.com/tmpkit/tmpkit/internal/pending"
)

// remove removes the unused goldens, then the directories their removal
// emptied, up to their golden directory. A golden tree is emptied by the
// update mode's tree write (which refuses a tree holding a module, a
// repository or Go source, and leaves it whole if it fails), then its
// empty directories are removed.
func remove(mod pending.Module, unused []found, out, errw io.Writer) int {
	root, err := os.OpenRoot(mod.Root)
	if err != nil {
		fmt.Fprintf(errw, "golden unused: %v\n", err)
		return ExitFailed
	}
	defer root.Close()
	status := ExitOK
	for _, g := range unused {
		var err error
		if g.tree {
			err = removeTree(mod, root, g)
		} else {
			err = removeFile(root, g)
		}
		if err != nil {
			fmt.Fprintf(errw, "golden unused: %v\n", err)
			status = ExitFailed
			continue
		}
		fmt.Fprintf(out, "removed %s\n", display(g))
		for d := path.Dir(g.path); d != g.dir && strings.HasPrefix(d, g.dir+"/"); d = path.Dir(d) {
			if root.Remove(d) != nil { // not empty: keep it and its parents
				break
			}
		}
	}
	return status
}

func removeFile(root *os.Root, g found) error {
	fi, err := root.Lstat(g.path)
	if err == nil && !fi.Mode().IsRegular() {
		err = fmt.Errorf("is a %s now, not a golden file", goldenwrite.TypeName(fi.Mode()))
	}
	if err == nil {
		err = root.Remove(g.path)
	}
	if err != nil {
		return fmt.Errorf("remove %s: %w", g.path, bare(err))
	}
	return nil
}

func removeTree(mod pending.Module, root *os.Root, g found) error {
	if _, err := goldenwrite.WriteTree(mod.Root, g.path, nil, goldenwrite.Options{Label: g.path, Force: true}); err != nil {
		return err
	}
	files, err := goldenwrite.ReadTree(mod.Root, g.path, goldenwrite.Options{Label: g.path})
	if err == nil && len(files) > 0 {
		err = fmt.Errorf("%s holds %s again", g.path, files[0].Name)
	}
	if err == nil {
		err = root.RemoveAll(g.path)
	}
	if err != nil {
		return fmt.Errorf("remove %s: %w", g.path, bare(err))
	}
	return nil
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
