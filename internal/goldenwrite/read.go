package goldenwrite

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"runtime"
	"slices"
	"strings"
)

// ReadFile returns the content of the golden file name (slash-separated)
// below dir. It reads through an [os.Root], so no symlink leads it out of
// dir. A golden that is not a regular file is refused before it is opened,
// and checked again on the opened file, which is opened without blocking,
// so a FIFO swapped in between cannot hang the read; only as many bytes as
// the file held when checked are read, so a file that grows (or a device)
// cannot exhaust memory. A missing golden gives an error satisfying
// errors.Is(err, fs.ErrNotExist).
func ReadFile(dir, name string, o Options) ([]byte, error) {
	label := o.label(dir, name)
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, readError(label, err)
	}
	defer root.Close()
	return readRegular(root, name, label)
}

func readError(label string, err error) error {
	if errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("%q does not exist: %w", label, fs.ErrNotExist)
	}
	return fmt.Errorf("read %q: %w", label, bare(err))
}

// readRegular reads the regular file name below root, as [ReadFile] does.
func readRegular(root *os.Root, name, label string) ([]byte, error) {
	fi, err := root.Stat(name)
	if err != nil {
		return nil, readError(label, err)
	}
	if !fi.Mode().IsRegular() {
		return nil, notRegular(label, fi.Mode())
	}
	f, err := root.OpenFile(name, os.O_RDONLY|nonBlock, 0)
	if err != nil {
		return nil, readError(label, err)
	}
	defer f.Close()
	fi, err = f.Stat()
	if err != nil {
		return nil, readError(label, err)
	}
	if !fi.Mode().IsRegular() { // swapped since the check above
		return nil, notRegular(label, fi.Mode())
	}
	b := make([]byte, fi.Size())
	n, err := io.ReadFull(f, b)
	if err == io.ErrUnexpectedEOF { // shrunk since: what is left
		err = nil
	}
	if err != nil {
		return nil, readError(label, err)
	}
	return b[:n], nil
}

// NotRegularError reports a golden file that is not a regular file.
type NotRegularError struct {
	Label string      // the golden, as named in messages
	Mode  fs.FileMode // what is there
}

func (e *NotRegularError) Error() string {
	return fmt.Sprintf("%q is a %s, not a regular file", e.Label, TypeName(e.Mode))
}

func notRegular(label string, m fs.FileMode) error { return &NotRegularError{label, m} }

// NotDirError reports a golden tree that is not a directory.
type NotDirError struct {
	Label string      // the golden tree, as named in messages
	Mode  fs.FileMode // what is there
}

func (e *NotDirError) Error() string {
	return fmt.Sprintf("%q is a %s, not a directory; a golden tree is a directory of files", e.Label, TypeName(e.Mode))
}

// TypeName names the type of a file mode for messages: "directory",
// "named pipe (FIFO)", "character device", ...
func TypeName(m fs.FileMode) string {
	switch t := m.Type(); {
	case t == 0:
		return "regular file"
	case t&fs.ModeDir != 0:
		return "directory"
	case t&fs.ModeSymlink != 0:
		return "symlink"
	case t&fs.ModeNamedPipe != 0:
		return "named pipe (FIFO)"
	case t&fs.ModeSocket != 0:
		return "socket"
	case t&fs.ModeCharDevice != 0:
		return "character device"
	case t&fs.ModeDevice != 0:
		return "block device"
	}
	return "special file"
}

// ReadTree returns the files and symlinks of the golden tree name
// (slash-separated) below dir, sorted by name; directories are implied by
// the names. It reads through an [os.Root] and follows no symlink. A file
// is executable when its owner may execute it (never on Windows, which
// keeps no such bit). An entry that is neither a regular file, a symlink
// nor a directory is refused, naming it. A missing tree gives an error
// satisfying errors.Is(err, fs.ErrNotExist).
func ReadTree(dir, name string, o Options) ([]File, error) {
	label := o.label(dir, name)
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, readError(label, err)
	}
	defer root.Close()
	t, err := readTree(root, name, label)
	if err != nil {
		return nil, err
	}
	files := make([]File, len(t.files))
	for i, e := range t.files {
		files[i] = e.File
	}
	return files, nil
}

// tree is a golden tree as read from disk.
type tree struct {
	files []entry  // sorted by name
	dirs  []string // every directory, "." (the tree itself) first
}

// entry is a file of a tree on disk, with its permission bits.
type entry struct {
	File
	perm fs.FileMode
}

// readTree reads the tree name below root; the error for a missing tree
// satisfies errors.Is(err, fs.ErrNotExist).
func readTree(root *os.Root, name, label string) (tree, error) {
	fi, err := root.Lstat(name)
	if err != nil {
		return tree{}, readError(label, err)
	}
	if !fi.IsDir() {
		return tree{}, &NotDirError{label, fi.Mode()}
	}
	sub, err := root.OpenRoot(name)
	if err != nil {
		return tree{}, readError(label, err)
	}
	defer sub.Close()
	var t tree
	err = fs.WalkDir(sub.FS(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return fmt.Errorf("read tree %q: %s: %w", label, p, bare(err))
		}
		entryLabel := path.Join(label, p)
		switch d.Type() {
		case fs.ModeDir:
			t.dirs = append(t.dirs, p)
			return nil
		case fs.ModeSymlink:
			target, err := sub.Readlink(p)
			if err != nil {
				return fmt.Errorf("read tree %q: %s: %w", label, p, bare(err))
			}
			t.files = append(t.files, entry{File: File{Name: p, Symlink: true, Content: []byte(target)}})
			return nil
		case 0:
			fi, err := d.Info()
			if err != nil {
				return fmt.Errorf("read tree %q: %s: %w", label, p, bare(err))
			}
			b, err := readRegular(sub, p, entryLabel)
			if err != nil {
				return err
			}
			exec := fi.Mode()&0o100 != 0 && runtime.GOOS != "windows"
			t.files = append(t.files, entry{File: File{Name: p, Exec: exec, Content: b}, perm: fi.Mode().Perm()})
			return nil
		}
		return fmt.Errorf("%q is a %s; a golden tree holds only files, symlinks and directories", entryLabel, TypeName(d.Type()))
	})
	if err != nil {
		return tree{}, err
	}
	slices.SortFunc(t.files, func(a, b entry) int { return strings.Compare(a.Name, b.Name) })
	return t, nil
}

// bare drops the path an [fs.PathError] or [os.LinkError] repeats, for
// messages that name the golden themselves.
func bare(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}
