package aferoadapter

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"testing"

	"github.com/spf13/afero"

	"github.com/tmpkit/tmpkit/tmptest"
)

// TempDir creates a new directory on afs for the test t and returns its
// name, as tmptest.Dir does on the disk: it goes through tmptest.Make, so
// options, names, retries and lifetime are tmptest's own.
//
//   - It is created in tmptest.In(dir), which must exist on afs (give an
//     absolute name: tmptest makes a relative one absolute against the
//     process's working directory), or else in tmptest.BaseDir() on afs,
//     which is created if missing (a fresh NewMemFs has no /tmp).
//   - Its name is the tmptest.Prefix, the sanitised test name, a random part
//     and the tmptest.Suffix; it is created with Mkdir, which fails on an
//     existing name, so it is always new.
//   - Its mode is tmptest.Perm, exactly, or 0700.
//   - At cleanup it is removed with everything in it, read-only directories
//     included, never following a link, unless tmptest.Keep() or
//     TMPTEST_KEEP keeps it (the kept name is logged).
//
// TempDir fails the test if an option is invalid or the directory cannot
// be created.
func TempDir(t testing.TB, afs afero.Fs, opts ...tmptest.Option) string {
	t.Helper()
	create := func(name string, perm fs.FileMode) error {
		return inBase(afs, name, func() error {
			if err := afs.Mkdir(name, 0o700); err != nil {
				return err
			}
			return exactMode(afs, name, perm)
		})
	}
	return tmptest.Make(t, 0o700, create, func(name string) error { return removeTemp(afs, name) }, opts...)
}

// TempFile creates a new file on afs for the test t, opened for reading
// and writing, with the rules of [TempDir]; its default mode is 0600 and
// the handle stays writable whatever tmptest.Perm says. At cleanup it is
// closed (if the test did not close it) and removed unless kept.
func TempFile(t testing.TB, afs afero.Fs, opts ...tmptest.Option) afero.File {
	t.Helper()
	var f afero.File
	create := func(name string, perm fs.FileMode) error {
		return inBase(afs, name, func() error {
			var err error
			if f, err = afs.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600); err != nil {
				return err
			}
			if err := exactMode(afs, name, perm); err != nil {
				f.Close()
				return err
			}
			return nil
		})
	}
	tmptest.Make(t, 0o600, create, func(name string) error { return removeTemp(afs, name) }, opts...)
	// Registered after Make's, so it runs first: the file is closed
	// before it is removed, and also when it is kept.
	t.Cleanup(func() { f.Close() })
	return f
}

// inBase runs create; if it fails because tmptest.BaseDir() does not exist
// on afs and name is directly in it, it creates that directory and tries
// again.
func inBase(afs afero.Fs, name string, create func() error) error {
	err := create()
	base := filepath.Clean(tmptest.BaseDir())
	if errors.Is(err, fs.ErrNotExist) && toSlash(path.Dir(toSlash(name))) == toSlash(base) {
		if err := afs.MkdirAll(base, 0o755); err != nil {
			return err
		}
		err = create()
	}
	return err
}

// exactMode sets perm on name, whatever the umask did at creation.
func exactMode(afs afero.Fs, name string, perm fs.FileMode) error {
	if err := afs.Chmod(name, perm); err != nil {
		afs.RemoveAll(name)
		return err
	}
	return nil
}
