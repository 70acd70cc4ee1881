package aferoadapter

import (
	"io/fs"
	"strings"
	"syscall"

	"github.com/spf13/afero"
)

// SubFS returns a read view of the directory dir of afs, as [IOFS] gives
// one of its root and as [fs.Sub] gives a subtree of an [fs.FS]: names are
// relative to dir and follow [fs.ValidPath], and, where afs has symbolic
// links, no name leads outside dir (an error wrapping [ErrPathEscapes]).
// The view passes [testing/fstest.TestFS] as IOFS does.
//
// dir is a name of afs: absolute, as [TempDir] returns it ("/tmp/x"), or
// relative to the root of afs ("tmp/x"); "/" and "." are the root, so
// SubFS(afs, "/") is IOFS(afs). It is looked up once, when SubFS is called,
// following links that stay inside the root of afs.
//
// The error is an [*fs.PathError] with Op "sub": wrapping [fs.ErrInvalid]
// when dir, without its leading and trailing slashes, is not a valid path
// (an element "." or "..", or an empty one; an empty dir), and otherwise
// the error of the lookup, such as ENOENT (errors.Is(err, fs.ErrNotExist)
// holds), or ENOTDIR when dir is no directory.
func SubFS(afs afero.Fs, dir string) (fs.FS, error) {
	rel := strings.Trim(toSlash(dir), "/")
	switch {
	case dir != "" && (rel == "" || rel == "."):
		return IOFS(afs), nil
	case !fs.ValidPath(rel):
		return nil, pathError("sub", dir, fs.ErrInvalid)
	}
	if m, ok := afs.(*memFs); ok {
		n, err := m.subRoot(rel)
		if err != nil {
			return nil, pathError("sub", dir, err)
		}
		return memView{&memFs{mu: m.mu, root: n}}, nil
	}
	r := newRooted(afs)
	real, err := r.resolve(rel, resolveLast, 0)
	if err == nil {
		var info fs.FileInfo
		if info, err = afs.Stat(real); err == nil && !info.IsDir() {
			err = syscall.ENOTDIR
		}
	}
	if err != nil {
		return nil, pathError("sub", dir, unwrapPath(err))
	}
	r.base = real
	return ioView(r), nil
}

// subRoot is the directory rel leads to, inside the root.
func (m *memFs) subRoot(rel string) (*node, error) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	l, err := m.walk(rel, followLast|confined)
	switch {
	case err != nil:
		return nil, err
	case l.node == nil:
		return nil, syscall.ENOENT
	case !l.node.isDir():
		return nil, syscall.ENOTDIR
	}
	return l.node, nil
}
