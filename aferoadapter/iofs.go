package aferoadapter

import (
	"io"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/spf13/afero"
)

// ioFS is the read view [IOFS] returns for a backend without symbolic
// links; linkFS adds [fs.ReadLinkFS] for one with them.
type ioFS struct{ r *rooted }

type linkFS struct{ ioFS }

var (
	_ fs.ReadDirFS  = ioFS{}
	_ fs.ReadFileFS = ioFS{}
	_ fs.StatFS     = ioFS{}
	_ fs.ReadLinkFS = linkFS{}
)

// IOFS returns a read view of afs rooted at its "/", for fixture.Read,
// fixture.Assert, golden.AssertDir and any code that takes an [fs.FS]. It
// passes [testing/fstest.TestFS] on every backend, afero's MemMapFs
// included: it supplies what the backend lacks (io.EOF from a short ReadAt,
// [fs.ErrClosed] after Close, sorted listings, no panic on a negative
// offset). Names follow [fs.ValidPath]. When afs has symbolic links (it
// implements [afero.Lstater] and [afero.LinkReader]) the view is also an
// [fs.ReadLinkFS], and, as in [FS], no name leads outside the root: a link
// that is absolute or climbs above the root is an error wrapping
// [ErrPathEscapes]. [SubFS] gives the same view of a directory of afs.
func IOFS(afs afero.Fs) fs.FS {
	if m, ok := afs.(*memFs); ok {
		return memView{m}
	}
	return ioView(newRooted(afs))
}

func ioView(r *rooted) fs.FS {
	if r.hasLinks() {
		return linkFS{ioFS{r}}
	}
	return ioFS{r}
}

// real checks name and resolves it inside the root.
func (v ioFS) real(op, name string, flags resolveFlags) (string, error) {
	if !fs.ValidPath(name) {
		return "", pathError(op, name, fs.ErrInvalid)
	}
	if name == "." {
		return v.r.backendName(nil), nil
	}
	real, err := v.r.resolve(name, flags, 0)
	if err != nil {
		return "", pathError(op, name, err)
	}
	return real, nil
}

// Open opens name for reading, following links inside the root.
func (v ioFS) Open(name string) (fs.File, error) {
	real, err := v.real("open", name, resolveLast)
	if err != nil {
		return nil, err
	}
	f, err := v.r.afs.Open(real)
	if err != nil {
		return nil, renamed(err, name)
	}
	return &ioFile{f: f, name: name}, nil
}

// ReadFile returns the content of name.
func (v ioFS) ReadFile(name string) ([]byte, error) {
	f, err := v.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var size int
	if info, err := f.Stat(); err == nil {
		size = int(info.Size())
	}
	data := make([]byte, 0, size+1)
	for {
		n, err := f.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if err == io.EOF {
			return data, nil
		}
		if err != nil {
			return nil, err
		}
		if len(data) == cap(data) {
			data = slices.Grow(data, 512)
		}
	}
}

// ReadDir lists the directory name, sorted by name.
func (v ioFS) ReadDir(name string) ([]fs.DirEntry, error) {
	f, err := v.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	d, ok := f.(fs.ReadDirFile)
	if !ok {
		return nil, pathError("readdir", name, fs.ErrInvalid)
	}
	return d.ReadDir(-1)
}

// Stat describes name, following links inside the root.
func (v ioFS) Stat(name string) (fs.FileInfo, error) {
	real, err := v.real("stat", name, resolveLast)
	if err != nil {
		return nil, err
	}
	info, err := v.r.afs.Stat(real)
	if err != nil {
		return nil, renamed(err, name)
	}
	return named(info, name), nil
}

// Lstat describes name without following a final link.
func (v linkFS) Lstat(name string) (fs.FileInfo, error) {
	real, err := v.real("lstat", name, 0)
	if err != nil {
		return nil, err
	}
	info, err := v.r.lstatBackend(real)
	if err != nil {
		return nil, renamed(err, name)
	}
	return named(info, name), nil
}

// ReadLink returns the target of the link name.
func (v linkFS) ReadLink(name string) (string, error) {
	real, err := v.real("readlink", name, 0)
	if err != nil {
		return "", err
	}
	target, err := v.r.readlink(real)
	if err != nil {
		return "", renamed(err, name)
	}
	return target, nil
}

// namedInfo gives a backend's FileInfo the base name of the name it was
// asked for, as fs.FS requires, whatever the backend calls it.
type namedInfo struct {
	fs.FileInfo
	name string
}

func (i namedInfo) Name() string   { return i.name }
func (i namedInfo) String() string { return fs.FormatFileInfo(i) }

func named(info fs.FileInfo, name string) fs.FileInfo {
	base := path.Base(name)
	if info.Name() == base {
		return info
	}
	return namedInfo{info, base}
}

// sortedEntries turns infos into directory entries sorted by name.
func sortedEntries(infos []fs.FileInfo) []fs.DirEntry {
	entries := make([]fs.DirEntry, len(infos))
	for i, info := range infos {
		entries[i] = fs.FileInfoToDirEntry(info)
	}
	slices.SortFunc(entries, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	return entries
}
