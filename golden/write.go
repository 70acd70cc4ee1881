package golden

import (
	"crypto/rand"
	"errors"
	"io/fs"
	"os"
	"path"
)

// Default modes of what an update creates; an existing file keeps its mode.
const (
	newFileMode fs.FileMode = 0o644
	newDirMode  fs.FileMode = 0o755
)

// openRoot opens dir as an [os.Root], creating it first if it is missing, so
// that every golden read and write below it stays inside it, whatever
// symlinks it holds.
func openRoot(dir string, create bool) (*os.Root, error) {
	if create {
		if err := os.MkdirAll(dir, newDirMode); err != nil {
			return nil, err
		}
	}
	return os.OpenRoot(dir)
}

// writeFile replaces the file name (slash-separated, relative to root) with
// data, with permission bits perm. It writes a temporary file in the same
// directory and renames it over name, so that readers, and the golden left
// behind by an interrupted update, hold the old or the new content, never a
// part. before, if not nil, runs between the write and the rename; when it
// fails, the temporary file is removed and nothing else changes.
func writeFile(root *os.Root, name string, data []byte, perm fs.FileMode, before func(tmp, dst string) error) (err error) {
	dir := path.Dir(name)
	if err := root.MkdirAll(dir, newDirMode); err != nil {
		return err
	}
	tmp := path.Join(dir, "."+path.Base(name)+"."+rand.Text()[:12]+".tmp")
	f, err := root.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			root.Remove(tmp)
		}
	}()
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if err1 := f.Close(); err == nil {
		err = err1
	}
	if err != nil {
		return err
	}
	if err := root.Chmod(tmp, perm); err != nil {
		return err
	}
	if before != nil {
		if err := before(tmp, name); err != nil {
			return err
		}
	}
	return root.Rename(tmp, name)
}

// fileMode returns the permission bits of the regular file name below root,
// ok=false when it does not exist, and an error when something else is in
// its place.
func fileMode(root *os.Root, name string) (perm fs.FileMode, ok bool, err error) {
	fi, err := root.Lstat(name)
	if errors.Is(err, fs.ErrNotExist) {
		return 0, false, nil
	}
	if err != nil {
		return 0, false, err
	}
	if !fi.Mode().IsRegular() {
		return 0, false, errors.New("exists and is not a regular file (" + fi.Mode().Type().String() + ")")
	}
	return fi.Mode().Perm(), true, nil
}
