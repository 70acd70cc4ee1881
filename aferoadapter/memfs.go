package aferoadapter

import (
	"io/fs"
	"os"
	"sync"
	"syscall"
	"time"

	"github.com/spf13/afero"
)

// umask is applied to the permission bits of every file and directory
// [NewMemFs] creates, as the process umask is on a disk. It is fixed at the
// common default, 022, so results do not depend on the machine.
const umask fs.FileMode = 0o022

// chmodBits are the mode bits Chmod may change, as os.Chmod documents.
const chmodBits = fs.ModePerm | fs.ModeSetuid | fs.ModeSetgid | fs.ModeSticky

// memFs is the file system [NewMemFs] returns. One RWMutex guards the whole
// tree and every node's content: operations are short, and a single lock
// makes each one atomic the way a system call is. A view of a subtree
// ([SubFS]) is a memFs whose root is a directory of the tree, sharing the
// tree's lock.
type memFs struct {
	mu   *sync.RWMutex
	root *node
}

var (
	_ afero.Fs        = (*memFs)(nil)
	_ afero.Symlinker = (*memFs)(nil)
)

// NewMemFs returns an empty in-memory [afero.Fs] that behaves like a Linux
// disk, where afero's MemMapFs does not; the package documentation lists
// what it guarantees and the few things only a disk can show.
//
// It also implements [afero.Symlinker]. Its root is "/", and "x", "/x" and
// "./x" name the same file.
func NewMemFs() afero.Fs { return newMemFs() }

func newMemFs() *memFs {
	return &memFs{mu: new(sync.RWMutex), root: &node{
		mode:    fs.ModeDir | 0o755,
		modTime: time.Now(),
		entries: map[string]*node{},
	}}
}

// Name returns "MemFs".
func (m *memFs) Name() string { return "MemFs" }

// Create creates or truncates name, like [os.Create].
func (m *memFs) Create(name string) (afero.File, error) {
	return m.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_TRUNC, 0o666)
}

// Open opens name for reading, like [os.Open].
func (m *memFs) Open(name string) (afero.File, error) {
	return m.OpenFile(name, os.O_RDONLY, 0)
}

// OpenFile opens name like [os.OpenFile].
func (m *memFs) OpenFile(name string, flag int, perm fs.FileMode) (afero.File, error) {
	f, err := m.openFile(name, flag, perm, 0)
	if err != nil {
		return nil, err // a bare nil, never a typed nil in the interface
	}
	return f, nil
}

// openFile opens name; extra adds walk flags (confined, for [FS] and [IOFS]).
func (m *memFs) openFile(name string, flag int, perm fs.FileMode, extra walkFlags) (*memFile, error) {
	create := flag&os.O_CREATE != 0
	excl := create && flag&os.O_EXCL != 0
	if create || flag&os.O_TRUNC != 0 {
		m.mu.Lock()
		defer m.mu.Unlock()
	} else {
		m.mu.RLock()
		defer m.mu.RUnlock()
	}
	// O_CREATE|O_EXCL never follows a final symlink: it fails on any entry.
	flags := followLast | extra
	if excl {
		flags = extra
	}
	if create {
		flags |= createLast
	}
	l, err := m.walk(name, flags)
	if err != nil {
		return nil, pathError("open", name, err)
	}
	n, err := m.openNode(l, name, flag, perm)
	if err != nil {
		return nil, err
	}
	return &memFile{fs: m, name: name, node: n, flag: flag}, nil
}

// openNode applies open(2)'s rules to the entry l leads to: it creates
// the file (O_CREATE), refuses what open refuses, and truncates (O_TRUNC).
// m.mu must be held, for writing when flag creates or truncates.
func (m *memFs) openNode(l lookup, name string, flag int, perm fs.FileMode) (*node, error) {
	create := flag&os.O_CREATE != 0
	excl := create && flag&os.O_EXCL != 0
	trunc := flag&os.O_TRUNC != 0
	writes := flag&(os.O_WRONLY|os.O_RDWR) != 0
	reads := flag&os.O_WRONLY == 0
	n := l.node
	switch {
	case n == nil:
		if !create {
			return nil, pathError("open", name, syscall.ENOENT)
		}
		if l.slash || l.parent == nil {
			return nil, pathError("open", name, syscall.EISDIR)
		}
		if !l.parent.allows(permWrite) {
			return nil, pathError("open", name, syscall.EACCES)
		}
		now := time.Now()
		n = &node{mode: createPerm(perm), modTime: now}
		l.parent.setEntry(l.base, n, now)
	case excl:
		return nil, pathError("open", name, syscall.EEXIST)
	case n.isDir():
		if writes || create || trunc {
			return nil, pathError("open", name, syscall.EISDIR)
		}
		if !n.allows(permRead) {
			return nil, pathError("open", name, syscall.EACCES)
		}
	default:
		if reads && !n.allows(permRead) || (writes || trunc) && !n.allows(permWrite) {
			return nil, pathError("open", name, syscall.EACCES)
		}
		if trunc {
			// Linux truncates with O_TRUNC even on a read-only open,
			// which its write permission check allowed.
			n.data = nil
			n.modTime = time.Now()
		}
	}
	return n, nil
}

// writeFile is os.WriteFile in one step under the lock, for [FS]: no
// handle is made.
func (m *memFs) writeFile(name string, data []byte, perm fs.FileMode, extra walkFlags) error {
	if len(data) > maxFileSize {
		return pathError("write", name, syscall.EFBIG)
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	l, err := m.walk(name, followLast|createLast|extra)
	if err != nil {
		return pathError("open", name, err)
	}
	n, err := m.openNode(l, name, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, perm)
	if err != nil {
		return err
	}
	// openNode created or truncated n and set its time, under the same
	// lock: no other clock reading is needed for the content.
	n.data = append(n.data[:0], data...)
	return nil
}

// createPerm is the mode of a new file created with perm.
func createPerm(perm fs.FileMode) fs.FileMode { return perm & chmodBits &^ umask }

// Mkdir creates the directory name, like [os.Mkdir]: its parent must exist.
func (m *memFs) Mkdir(name string, perm fs.FileMode) error { return m.mkdir(name, perm, 0) }

func (m *memFs) mkdir(name string, perm fs.FileMode, extra walkFlags) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	l, err := m.walk(name, entryOp|extra)
	switch {
	case err != nil:
		return pathError("mkdir", name, err)
	case l.node != nil:
		return pathError("mkdir", name, syscall.EEXIST)
	case !l.parent.allows(permWrite):
		return pathError("mkdir", name, syscall.EACCES)
	}
	now := time.Now()
	l.parent.setEntry(l.base, &node{
		mode:    fs.ModeDir | createPerm(perm),
		modTime: now,
		entries: map[string]*node{},
	}, now)
	return nil
}

// MkdirAll creates name and any missing parents, like [os.MkdirAll], whose
// algorithm it follows so that errors name the same path.
func (m *memFs) MkdirAll(name string, perm fs.FileMode) error { return m.mkdirAll(name, perm, 0) }

func (m *memFs) mkdirAll(name string, perm fs.FileMode, extra walkFlags) error {
	if info, err := m.stat("stat", name, true, extra); err == nil {
		if info.IsDir() {
			return nil
		}
		return pathError("mkdir", name, syscall.ENOTDIR)
	}
	i := len(name) - 1
	for i >= 0 && isSeparator(name[i]) {
		i--
	}
	for i >= 0 && !isSeparator(name[i]) {
		i--
	}
	if i < 0 {
		i = 0
	}
	if parent := name[:i]; parent != "" {
		if err := m.mkdirAll(parent, perm, extra); err != nil {
			return err
		}
	}
	if err := m.mkdir(name, perm, extra); err != nil {
		// "a/." and the like: a directory that exists is success.
		if info, lerr := m.stat("lstat", name, false, extra); lerr == nil && info.IsDir() {
			return nil
		}
		return err
	}
	return nil
}

// mkdirAllRoot is MkdirAll with *os.Root's rules, for [FS]: confined, and
// following links, dangling ones included, whose missing targets it
// creates.
func (m *memFs) mkdirAllRoot(name string, perm fs.FileMode) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	l, err := m.walkMaking(name, followLast|confined|walkMakeDirs, perm)
	if err == nil && !l.node.isDir() {
		err = syscall.ENOTDIR
	}
	if err != nil {
		return pathError("mkdir", name, err)
	}
	return nil
}

func isSeparator(c byte) bool { return c == '/' || c == os.PathSeparator }

func pathError(op, name string, err error) error {
	return &fs.PathError{Op: op, Path: name, Err: err}
}
