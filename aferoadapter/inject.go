package aferoadapter

import (
	"io/fs"
	"os"
	"sync"
	"time"

	"github.com/spf13/afero"
)

// injectFs is the file system [Inject] returns, without the optional
// interfaces its value adds (see inject_parts.go).
type injectFs struct {
	afs    afero.Fs
	outer  afero.Fs // the value Inject returned: afs's optional interfaces too
	rules  []Fault  // the non-zero faults, in order
	all    opSet    // the calls any rule touches
	others opSet    // the calls a rule other than DiskFull touches

	mu     sync.Mutex
	counts []ruleCount // per rule
	open   int         // handles open, for MaxOpenFiles

	// openMu makes the check of MaxOpenFiles and the open one step, so
	// that concurrent opens cannot pass the limit together.
	openMu    sync.Mutex
	limitOpen bool

	space *space // nil without DiskFull
}

// ruleCount is what [Fault.After] and [Fault.Times] need: the calls a
// rule matched and the times it fired.
type ruleCount struct{ matched, fired int }

// Inject returns afs with faults: each call on the result, and on the
// files it opens, first goes through the faults, in order, and the first
// that fires fails the call with the error the OS would give, before the
// call does anything (but for the short write of [DiskFull]). A call no
// fault fires on is afs's own: with no faults, Inject(afs) behaves as afs
// does, as the conformance suite checks, and it implements the optional
// interfaces afs implements ([afero.Lstater], [afero.Linker],
// [afero.LinkReader], so [afero.Symlinker]).
//
// Patterns name files as [path.Match] patterns on the cleaned slash path
// relative to the root: "/d/f", "./d/f" and "d/f" are one name; a segment
// "**" matches any number of segments, none included; "", "/" and "**"
// match everything. A pattern covers everything below what it names:
// ReadOnly("ro") covers "ro/x" but not "ro2", and "**/*.tmp" covers every
// name ending in ".tmp" and what lies below it. A rename matches when its
// source or its destination does. Names are matched as the caller gives
// them, before symbolic links are followed; on afero.NewOsFs() they are
// the machine's paths, so give absolute patterns or start them with "**/".
//
// Inject works on any afero.Fs: NewMemFs, the disk (afero.NewOsFs,
// NewRootFs, afero.NewBasePathFs) or another Inject. [FS] and [IOFS] of
// the result go through the faults too.
func Inject(afs afero.Fs, faults ...Fault) afero.Fs {
	in := &injectFs{afs: afs}
	for _, f := range faults {
		if f.kind == kindNone {
			continue
		}
		in.rules = append(in.rules, f)
		in.all |= f.ops
		if f.kind != kindDiskFull {
			in.others |= f.ops
		}
		switch f.kind {
		case kindMaxOpenFiles:
			in.limitOpen = true
		case kindDiskFull:
			if in.space == nil {
				in.space = &space{used: usedSpace(afs)}
			}
		}
	}
	in.counts = make([]ruleCount, len(in.rules))
	in.outer = in.withInterfaces()
	return in.outer
}

// Name returns the name of the file system Inject wraps.
func (in *injectFs) Name() string { return in.afs.Name() }

// Create creates or truncates name; its faults are those of "open".
func (in *injectFs) Create(name string) (afero.File, error) {
	flag := os.O_RDWR | os.O_CREATE | os.O_TRUNC
	return in.openWith(name, flag, func() (afero.File, error) { return in.afs.Create(name) })
}

// Open opens name for reading.
func (in *injectFs) Open(name string) (afero.File, error) {
	return in.openWith(name, os.O_RDONLY, func() (afero.File, error) { return in.afs.Open(name) })
}

// OpenFile opens name with flag and perm.
func (in *injectFs) OpenFile(name string, flag int, perm fs.FileMode) (afero.File, error) {
	return in.openWith(name, flag, func() (afero.File, error) { return in.afs.OpenFile(name, flag, perm) })
}

// openWith checks the faults of an open of name with flag, then opens it
// with do, counting the handle and the space a truncation frees.
func (in *injectFs) openWith(name string, flag int, do func() (afero.File, error)) (afero.File, error) {
	if in.all&opOpen == 0 {
		return wrapOpened(in, name, flag, do)
	}
	if in.limitOpen {
		in.openMu.Lock()
		defer in.openMu.Unlock()
	}
	c := &call{op: opOpen, name: name, errOp: "open", flag: flag}
	if f, fired := in.decide(c); fired {
		return nil, f.err
	}
	var before int64 = -1
	if in.space != nil && flag&os.O_TRUNC != 0 {
		before = in.space.sizeOf(in.afs, name)
	}
	f, err := wrapOpened(in, name, flag, do)
	if err != nil {
		return nil, err
	}
	if before > 0 {
		in.space.resized(f, before)
	}
	if in.limitOpen {
		in.mu.Lock()
		in.open++
		in.mu.Unlock()
	}
	return f, nil
}

// Mkdir creates the directory name.
func (in *injectFs) Mkdir(name string, perm fs.FileMode) error {
	if err := in.check(&call{op: opMkdir, name: name, errOp: "mkdir"}); err != nil {
		return err
	}
	return in.afs.Mkdir(name, perm)
}

// MkdirAll creates name and its missing parents. When a fault may fire
// on one of them, it takes the steps of os.MkdirAll itself, so that the
// fault fires on the directory os would fail to make.
func (in *injectFs) MkdirAll(name string, perm fs.FileMode) error {
	if !in.mayCover(opMkdir, name) {
		return in.afs.MkdirAll(name, perm)
	}
	return mkdirAllSteps(name, in.afs.Stat, func(name string) (fs.FileInfo, error) { return lstat(in.afs, name) },
		func(name string) error { return in.Mkdir(name, perm) })
}

// Remove removes the file or empty directory name.
func (in *injectFs) Remove(name string) error {
	if err := in.check(&call{op: opRemove, name: name, errOp: "remove"}); err != nil {
		return err
	}
	if in.space == nil {
		return in.afs.Remove(name)
	}
	size := in.space.lsizeOf(in.afs, name)
	err := in.afs.Remove(name)
	if err == nil {
		in.space.add(-size)
	}
	return err
}

// Rename renames oldname to newname.
func (in *injectFs) Rename(oldname, newname string) error {
	c := &call{op: opRename, name: oldname, name2: newname, errOp: "rename", link: true, old: oldname, new: newname}
	if err := in.check(c); err != nil {
		return err
	}
	if in.space == nil || faultName(oldname) == faultName(newname) {
		return in.afs.Rename(oldname, newname)
	}
	replaced := in.space.lsizeOf(in.afs, newname)
	err := in.afs.Rename(oldname, newname)
	if err == nil {
		in.space.add(-replaced)
	}
	return err
}

// Stat describes name, following symbolic links.
func (in *injectFs) Stat(name string) (fs.FileInfo, error) {
	if err := in.check(&call{op: opStat, name: name, errOp: "stat"}); err != nil {
		return nil, err
	}
	return in.afs.Stat(name)
}

// Chmod changes the mode of name.
func (in *injectFs) Chmod(name string, mode fs.FileMode) error {
	if err := in.check(&call{op: opChmod, name: name, errOp: "chmod"}); err != nil {
		return err
	}
	return in.afs.Chmod(name, mode)
}

// Chown changes the owner of name.
func (in *injectFs) Chown(name string, uid, gid int) error {
	if err := in.check(&call{op: opChown, name: name, errOp: "chown"}); err != nil {
		return err
	}
	return in.afs.Chown(name, uid, gid)
}

// Chtimes changes the times of name.
func (in *injectFs) Chtimes(name string, atime, mtime time.Time) error {
	if err := in.check(&call{op: opChtimes, name: name, errOp: "chtimes"}); err != nil {
		return err
	}
	return in.afs.Chtimes(name, atime, mtime)
}
