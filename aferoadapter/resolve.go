package aferoadapter

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"slices"
	"strings"
	"syscall"

	"github.com/spf13/afero"
)

// rooted gives an [afero.Fs] *os.Root's traversal rules: names are
// relative to the file system's root "/", and no name leads outside it, not
// through ".." and not through a symbolic link, absolute or climbing. The
// backend may follow links itself (afero's OsFs does, to anywhere), so
// rooted resolves every link of a name before handing the backend a name
// with no link left in it.
type rooted struct {
	afs afero.Fs
	// base is the backend name of the root, a directory with no link in
	// its path; "" for the backend's own root "/".
	base string
	// lstat and readlink are set when the backend has symbolic links:
	// it reports Lstat results (afero.Lstater saying so) and reads links.
	lstat    func(string) (fs.FileInfo, error)
	readlink func(string) (string, error)
}

func newRooted(afs afero.Fs) *rooted {
	r := &rooted{afs: afs}
	lstater, okL := afs.(afero.Lstater)
	reader, okR := afs.(afero.LinkReader)
	if okL && okR {
		r.lstat = func(name string) (fs.FileInfo, error) {
			info, _, err := lstater.LstatIfPossible(name)
			return info, err
		}
		r.readlink = reader.ReadlinkIfPossible
	}
	return r
}

// hasLinks reports whether the backend can hold symbolic links.
func (r *rooted) hasLinks() bool { return r.lstat != nil }

// stat describes name (a backend name) without following a final link
// when the backend has links.
func (r *rooted) lstatBackend(name string) (fs.FileInfo, error) {
	if r.lstat != nil {
		return r.lstat(name)
	}
	return r.afs.Stat(name)
}

// resolveFlags select what [rooted.resolve] does at each step.
type resolveFlags uint8

const (
	resolveLast resolveFlags = 1 << iota // follow a link in the last component
	makeDirs                             // create missing directories (MkdirAll)
)

// resolve turns name, a slash path already checked to have no "." or ".."
// element, into the backend name it designates inside the root, as
// *os.Root would open it: links in the parents are followed, and in the
// last component with resolveLast. A link target that is absolute, or
// whose ".." leaves the root, is [ErrPathEscapes]; more than 40 links is
// ELOOP. A missing component stops resolution: the backend then reports
// it, or, with makeDirs, it is created with perm.
//
// The returned error is bare; callers wrap it in their *fs.PathError.
func (r *rooted) resolve(name string, flags resolveFlags, perm fs.FileMode) (string, error) {
	if !r.hasLinks() && flags&makeDirs == 0 {
		return r.base + "/" + name, nil // no links: the name is already final
	}
	done := make([]string, 0, 8)
	pending := strings.Split(name, "/")
	links := 0
	for len(pending) > 0 {
		c := pending[0]
		pending = pending[1:]
		switch c {
		case "", ".":
			continue
		case "..":
			if len(done) == 0 {
				return "", ErrPathEscapes
			}
			done = done[:len(done)-1]
			continue
		}
		last := len(pending) == 0
		cand := r.backendName(append(done, c))
		if last && flags&(resolveLast|makeDirs) == 0 {
			done = append(done, c)
			break
		}
		info, err := r.lstatBackend(cand)
		if errors.Is(err, fs.ErrNotExist) {
			if flags&makeDirs == 0 {
				if slices.Contains(pending, "..") {
					return "", syscall.ENOENT // ".." of a missing directory
				}
				done = append(done, c)
				done = append(done, pending...)
				break
			}
			if err := r.afs.Mkdir(cand, perm); err != nil && !errors.Is(err, fs.ErrExist) {
				return "", unwrapPath(err)
			}
			done = append(done, c)
			continue
		}
		if err != nil {
			return "", unwrapPath(err)
		}
		if info.Mode()&fs.ModeSymlink != 0 && r.hasLinks() {
			if links++; links > maxSymlinks {
				return "", syscall.ELOOP
			}
			target, err := r.readlink(cand)
			if err != nil {
				return "", unwrapPath(err)
			}
			target = toSlash(target)
			if strings.HasPrefix(target, "/") || target == "" {
				return "", ErrPathEscapes
			}
			pending = append(strings.Split(target, "/"), pending...)
			continue
		}
		if !last && !info.IsDir() || last && flags&makeDirs != 0 && !info.IsDir() {
			return "", syscall.ENOTDIR
		}
		done = append(done, c)
	}
	return r.backendName(done), nil
}

// backendName is the backend's name for the path below the root.
func (r *rooted) backendName(elems []string) string {
	if len(elems) == 0 && r.base != "" {
		return r.base
	}
	return r.base + "/" + path.Join(elems...)
}

// unwrapPath returns the cause inside a backend's *fs.PathError or
// *os.LinkError, whose path is a backend name the caller never gave.
func unwrapPath(err error) error {
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
