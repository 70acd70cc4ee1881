package aferoadapter

import (
	"io/fs"
	"path"

	"github.com/spf13/afero"
)

// removeTemp removes name and everything below it. If that fails, it makes
// every directory below name writable, never following a link, and tries
// again, so a read-only tree is removed too.
func removeTemp(afs afero.Fs, name string) error {
	if err := afs.RemoveAll(name); err == nil {
		return nil
	}
	makeWritable(afs, name)
	return afs.RemoveAll(name)
}

func makeWritable(afs afero.Fs, name string) {
	info, err := lstat(afs, name)
	if err != nil || !info.IsDir() {
		return
	}
	if err := afs.Chmod(name, info.Mode().Perm()|0o700); err != nil {
		return
	}
	d, err := afs.Open(name)
	if err != nil {
		return
	}
	names, _ := d.Readdirnames(-1)
	d.Close()
	for _, child := range names {
		makeWritable(afs, path.Join(name, child))
	}
}

// lstat describes name without following a final link when afs can.
func lstat(afs afero.Fs, name string) (fs.FileInfo, error) {
	if l, ok := afs.(afero.Lstater); ok {
		info, _, err := l.LstatIfPossible(name)
		return info, err
	}
	return afs.Stat(name)
}
