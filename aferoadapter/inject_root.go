package aferoadapter

import (
	"io/fs"
	"time"

	"github.com/tmpkit/tmpkit/fixture"
)

// fixtureFS is [FS] of an injected file system: the generic adapter over
// the faults, and on [NewMemFs], a faster way for the calls no fault can
// fire on.
func (in *injectFs) fixtureFS() fixture.FS {
	slow := &rootFS{r: newRooted(in.outer)}
	if m, ok := in.afs.(*memFs); ok {
		return injectRootFS{in: in, mem: memRootFS{m}, slow: slow}
	}
	return slow
}

// injectRootFS is [FS] of Inject(NewMemFs(), ...). The generic adapter
// resolves a name with an Lstat per component, the faults checking each;
// here, when no fault touching the calls of the operation covers the
// name, and the name has no symbolic link on its way (so that the
// generic adapter would only see the name and its parents), no fault can
// fire: the operation takes the one-walk way of FS(NewMemFs()), with the
// same result.
type injectRootFS struct {
	in   *injectFs
	mem  memRootFS
	slow *rootFS
}

// The calls the generic adapter makes for each operation, besides the
// Lstat and Readlink of resolving the name.
const (
	resolveOps   = opLstat | opReadlink
	mkdirAllOps  = resolveOps | opMkdir
	writeFileOps = resolveOps | opOpen | opWrite | opClose
	symlinkOps   = resolveOps | opSymlink
)

// fast reports whether no fault can fire on the calls ops of an
// operation on name.
func (f injectRootFS) fast(ops opSet, name string) bool {
	if f.in.all&ops == 0 {
		return true
	}
	if f.in.mayCover(ops, name) {
		return false
	}
	_, plain := f.plain(name)
	return plain
}

// plain resolves name in one pass, which succeeds when no symbolic link,
// "." or ".." is on its way: then the generic adapter would hand the
// faults name and its parents only.
func (f injectRootFS) plain(name string) (lookup, bool) {
	m := f.mem.m
	m.mu.RLock()
	defer m.mu.RUnlock()
	return m.walkPlain(name, 0)
}

func (f injectRootFS) MkdirAll(name string, perm fs.FileMode) error {
	if f.fast(mkdirAllOps, name) {
		return f.mem.MkdirAll(name, perm)
	}
	return f.slow.MkdirAll(name, perm)
}

func (f injectRootFS) WriteFile(name string, data []byte, perm fs.FileMode) error {
	if f.in.space != nil && f.in.others&writeFileOps == 0 {
		if ok, err := f.writeFitting(name, data, perm); ok {
			return err
		}
	} else if f.fast(writeFileOps, name) {
		return f.mem.WriteFile(name, data, perm)
	}
	return f.slow.WriteFile(name, data, perm)
}

// writeFitting is WriteFile when DiskFull is the only fault touching it:
// a write that fits every capacity cannot fire it, and takes the fast
// way. ok is false when the write must take the generic way.
func (f injectRootFS) writeFitting(name string, data []byte, perm fs.FileMode) (ok bool, err error) {
	s := f.in.space
	s.mu.Lock()
	defer s.mu.Unlock()
	l, plain := f.plain(name)
	if !plain {
		return false, nil
	}
	var before int64
	if l.node != nil {
		f.mem.m.mu.RLock()
		if l.node.mode.IsRegular() {
			before = int64(len(l.node.data))
		}
		f.mem.m.mu.RUnlock()
	}
	used := s.used - before + int64(len(data))
	for _, r := range f.in.rules {
		if r.kind == kindDiskFull && used > r.n && len(data) > 0 {
			return false, nil
		}
	}
	if err := f.mem.WriteFile(name, data, perm); err != nil {
		return true, err
	}
	s.used = used
	return true, nil
}

func (f injectRootFS) Symlink(oldname, newname string) error {
	if f.fast(symlinkOps, newname) {
		return f.mem.Symlink(oldname, newname)
	}
	return f.slow.Symlink(oldname, newname)
}

func (f injectRootFS) Chmod(name string, mode fs.FileMode) error {
	if f.fast(resolveOps|opChmod, name) {
		return f.mem.Chmod(name, mode)
	}
	return f.slow.Chmod(name, mode)
}

func (f injectRootFS) Chtimes(name string, atime, mtime time.Time) error {
	if f.fast(resolveOps|opChtimes, name) {
		return f.mem.Chtimes(name, atime, mtime)
	}
	return f.slow.Chtimes(name, atime, mtime)
}

func (f injectRootFS) Remove(name string) error {
	if f.fast(resolveOps|opRemove, name) {
		return f.mem.Remove(name)
	}
	return f.slow.Remove(name)
}

func (f injectRootFS) RemoveAll(name string) error {
	if f.fast(resolveOps|opRemove, name) && !f.in.mayReach(opRemove, name) {
		return f.mem.RemoveAll(name)
	}
	return f.slow.RemoveAll(name)
}

func (f injectRootFS) Lstat(name string) (fs.FileInfo, error) {
	if f.fast(resolveOps, name) {
		return f.mem.Lstat(name)
	}
	return f.slow.Lstat(name)
}

func (f injectRootFS) Readlink(name string) (string, error) {
	if f.fast(resolveOps, name) {
		return f.mem.Readlink(name)
	}
	return f.slow.Readlink(name)
}

// FS returns [IOFS] of the injected file system: reads go through the
// faults.
func (f injectRootFS) FS() fs.FS { return f.slow.FS() }
