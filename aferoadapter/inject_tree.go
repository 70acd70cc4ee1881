package aferoadapter

import (
	"errors"
	"io/fs"
	"strings"
	"syscall"
)

// RemoveAll removes name and everything below it. When a fault may fire
// on an entry of the tree, it removes the tree entry by entry, the way
// os.RemoveAll does, checking each entry before it: a fault that fires on
// one fails it with an *fs.PathError{Op: "unlinkat"} naming it, what
// else can be removed is removed, and the first error is returned.
func (in *injectFs) RemoveAll(name string) error {
	trimmed := strings.TrimRight(toSlash(name), "/")
	if last := trimmed[strings.LastIndexByte(trimmed, '/')+1:]; last == "" || last == "." || last == ".." ||
		!in.mayReach(opRemove, name) {
		return in.afs.RemoveAll(name) // including the names os refuses
	}
	return in.removeTree(name[:len(trimmed)], name)
}

// removeTree removes name, given as given, and what is below it, entry by
// entry; the error of a name the backend cannot look up is RemoveAll's
// of given.
func (in *injectFs) removeTree(name, given string) error {
	if err := in.check(&call{op: opRemove, name: name, errOp: "unlinkat"}); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil // as os.RemoveAll
		}
		return err
	}
	info, err := lstat(in.afs, name)
	switch {
	case err != nil:
		return in.afs.RemoveAll(given) // missing (nil), or the backend's error
	case !info.IsDir():
		return in.removeEntry(name, info)
	case !in.mayReach(opRemove, name):
		return in.removeWhole(name, info)
	}
	d, err := in.afs.Open(name)
	if err != nil {
		return in.afs.RemoveAll(name)
	}
	names, err := d.Readdirnames(-1)
	d.Close()
	if err != nil {
		return in.afs.RemoveAll(name)
	}
	var first error
	for _, child := range names {
		if err := in.removeTree(name+"/"+child, name+"/"+child); err != nil && first == nil {
			first = err
		}
	}
	// Remove, not RemoveAll: an entry a fault kept must stay.
	if err := in.afs.Remove(name); err != nil && first == nil && !errors.Is(err, fs.ErrNotExist) {
		first = &fs.PathError{Op: "unlinkat", Path: name, Err: unwrapPath(err)}
	}
	return first
}

// removeEntry removes a file or link, freeing a file's space.
func (in *injectFs) removeEntry(name string, info fs.FileInfo) error {
	err := in.afs.RemoveAll(name)
	if err == nil && in.space != nil && info.Mode().IsRegular() {
		in.space.add(-info.Size())
	}
	return err
}

// removeWhole removes the directory name in one call, freeing the space
// of the files that went with it.
func (in *injectFs) removeWhole(name string, info fs.FileInfo) error {
	if in.space == nil {
		return in.afs.RemoveAll(name)
	}
	before := sizeBelow(in.afs, name, info)
	err := in.afs.RemoveAll(name)
	after := int64(0)
	if info, lerr := lstat(in.afs, name); lerr == nil {
		after = sizeBelow(in.afs, name, info)
	}
	in.space.add(after - before)
	return err
}

// mkdirAllSteps is os.MkdirAll's algorithm over stat, lstat and mkdir,
// for file systems that must see each directory it makes: an existing
// directory is success, a file is ENOTDIR, and otherwise the parent is
// made first, then name.
func mkdirAllSteps(name string, stat, lstat func(string) (fs.FileInfo, error), mkdir func(string) error) error {
	if info, err := stat(name); err == nil {
		if info.IsDir() {
			return nil
		}
		return &fs.PathError{Op: "mkdir", Path: name, Err: syscall.ENOTDIR}
	}
	i := len(name) - 1
	for i >= 0 && isSeparator(name[i]) {
		i--
	}
	for i >= 0 && !isSeparator(name[i]) {
		i--
	}
	if parent := name[:max(i, 0)]; parent != "" {
		if err := mkdirAllSteps(parent, stat, lstat, mkdir); err != nil {
			return err
		}
	}
	if err := mkdir(name); err != nil {
		// "a/." and the like: a directory that exists is success.
		if info, lerr := lstat(name); lerr == nil && info.IsDir() {
			return nil
		}
		return err
	}
	return nil
}
