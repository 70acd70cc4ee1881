package aferoadapter

import (
	"errors"
	"io/fs"
	"path/filepath"
	"strings"
	"syscall"
	"time"
)

// Limits a Linux disk applies to names, so that a name the disk refuses is
// refused in memory too.
const (
	maxSymlinks = 40   // links followed in one lookup before ELOOP
	nameMax     = 255  // bytes in one name component (NAME_MAX)
	pathMax     = 4096 // bytes in a whole name, terminating NUL included (PATH_MAX)
)

// ErrPathEscapes is the error, wrapped in an [*fs.PathError], for a name that
// leaves the root of [FS] or [IOFS]: through "..", or through a symbolic link
// that is absolute or climbs above the root. Its text is *os.Root's.
var ErrPathEscapes = errors.New("path escapes from parent")

// walkFlags select how [memFs.walk] treats the final component.
type walkFlags uint8

const (
	// followLast follows a symbolic link in the final component, as stat(2)
	// does and lstat(2) does not.
	followLast walkFlags = 1 << iota
	// confined applies *os.Root's rules: a ".." above the root and an
	// absolute link target are [ErrPathEscapes] instead of the root.
	confined
	// entryOp is for the operations on the final entry itself (mkdir,
	// symlink, remove, rename): as Linux does for them, the walk stops at
	// the final name without following a link there or checking a
	// trailing slash against its type, even on a regular file; the
	// operation applies its own rule (mkdir("f/") of a file is EEXIST).
	entryOp
	// createLast is open(2) with O_CREAT: a final name with a trailing
	// slash is EISDIR before it is even looked up, also at the end of a
	// followed link's target.
	createLast
	// walkMakeDirs creates every missing component as a directory, links'
	// targets included, as *os.Root's MkdirAll does; m.mu must be held for
	// writing.
	walkMakeDirs
)

// lookup is where a name led.
type lookup struct {
	// parent is the directory holding the final entry. It is nil when the
	// name ends in ".", ".." or is the root: then node is that directory.
	parent *node
	base   string // final component: the entry name in parent
	node   *node  // nil when parent has no entry base
	slash  bool   // the name ended in a slash: the final node must be a directory
}

// walk resolves name from the root, component by component, as the kernel
// does: "x", "/x" and "./x" are one file; ".." is physical; every symbolic
// link before the last component is followed, and the last one too as flags
// say or when the name ends in a slash.
//
// The error is a bare [syscall.Errno] (or ErrPathEscapes); callers wrap it in
// the *fs.PathError of their operation. m.mu must be held.
func (m *memFs) walk(name string, flags walkFlags) (lookup, error) {
	return m.walkMaking(name, flags, 0)
}

// walkMaking is walk, creating directories with perm under walkMakeDirs.
func (m *memFs) walkMaking(name string, flags walkFlags, perm fs.FileMode) (lookup, error) {
	if l, ok := m.walkPlain(name, flags); ok {
		return l, nil
	}
	return m.walkComponents(name, flags, perm)
}

// walkComponents is walkMaking, component by component.
func (m *memFs) walkComponents(name string, flags walkFlags, perm fs.FileMode) (lookup, error) {
	switch {
	case name == "":
		return lookup{}, syscall.ENOENT
	case hasNUL(name):
		return lookup{}, syscall.EINVAL
	case len(name) >= pathMax:
		return lookup{}, syscall.ENAMETOOLONG
	}
	name = toSlash(name)
	slash := strings.HasSuffix(name, "/")
	// chain holds the directories from the root down to the current one,
	// physically: ".." leaves the directory a symbolic link led to. Both
	// buffers stay on the stack for names of usual depth.
	var chainBuf [16]*node
	var pendingBuf [16]string
	chain := append(chainBuf[:0], m.root)
	pending := splitComponents(name, pendingBuf[:0])
	links := 0
	for len(pending) > 0 {
		c := pending[0]
		pending = pending[1:]
		dir := chain[len(chain)-1]
		if !dir.isDir() {
			return lookup{}, syscall.ENOTDIR
		}
		if !dir.allows(permSearch) {
			return lookup{}, syscall.EACCES
		}
		last := len(pending) == 0
		switch c {
		case ".":
			if last {
				return lookup{node: dir, base: c, slash: slash}, nil
			}
			continue
		case "..":
			if len(chain) > 1 {
				chain = chain[:len(chain)-1]
			} else if flags&confined != 0 {
				return lookup{}, ErrPathEscapes
			}
			if last {
				return lookup{node: chain[len(chain)-1], base: c, slash: slash}, nil
			}
			continue
		}
		if last && slash && flags&createLast != 0 {
			return lookup{}, syscall.EISDIR
		}
		if len(c) > nameMax {
			return lookup{}, syscall.ENAMETOOLONG
		}
		child := dir.entries[c]
		if child == nil && flags&walkMakeDirs != 0 {
			if !dir.allows(permWrite) {
				return lookup{}, syscall.EACCES
			}
			now := time.Now()
			child = &node{mode: fs.ModeDir | createPerm(perm), modTime: now, entries: map[string]*node{}}
			dir.setEntry(c, child, now)
		}
		if child == nil {
			if last {
				return lookup{parent: dir, base: c, slash: slash}, nil
			}
			return lookup{}, syscall.ENOENT
		}
		if child.isSymlink() && (!last || flags&entryOp == 0 && (flags&followLast != 0 || slash)) {
			if links++; links > maxSymlinks {
				return lookup{}, syscall.ELOOP
			}
			target := toSlash(child.target)
			if target == "" {
				return lookup{}, syscall.ENOENT
			}
			if strings.HasPrefix(target, "/") {
				if flags&confined != 0 {
					return lookup{}, ErrPathEscapes
				}
				chain = chain[:1]
			}
			if last && strings.HasSuffix(target, "/") {
				// A target ending in a slash must name a directory, as
				// the name itself would had it ended in one.
				slash = true
			}
			pending = append(splitComponents(target, make([]string, 0, 4+len(pending))), pending...)
			if len(pending) == 0 { // the target is "/", and the last component
				return lookup{node: m.root, base: "/", slash: slash}, nil
			}
			continue
		}
		if last {
			if slash && flags&entryOp == 0 && !child.isDir() {
				return lookup{}, syscall.ENOTDIR
			}
			return lookup{parent: dir, base: c, node: child, slash: slash}, nil
		}
		chain = append(chain, child)
	}
	// The name had no component at all: "/", "//" and the like.
	return lookup{node: chain[len(chain)-1], base: "/", slash: slash}, nil
}

// walkPlain is the common case of walk, taken in one pass over name
// without splitting it: every component before the last is an existing
// directory that may be searched, no component is ".", ".." or a symbolic
// link, and the name does not end in a slash, so neither the flags (but
// walkMakeDirs) nor links can change the outcome. It returns what walk
// would, and false whenever walk has anything more to decide, which it
// then does from the start.
func (m *memFs) walkPlain(name string, flags walkFlags) (lookup, bool) {
	if filepath.Separator != '/' || len(name) >= pathMax || strings.HasSuffix(name, "/") {
		return lookup{}, false
	}
	dir := m.root
	for {
		for name != "" && name[0] == '/' {
			name = name[1:] // "/x" and "x//y": walk skips empty components
		}
		if name == "" || !dir.isDir() || !dir.allows(permSearch) {
			return lookup{}, false
		}
		c, rest, more := strings.Cut(name, "/")
		if c == "." || c == ".." || len(c) > nameMax || strings.IndexByte(c, 0) >= 0 {
			return lookup{}, false
		}
		child := dir.entries[c]
		switch {
		case child == nil && !more && flags&walkMakeDirs == 0:
			return lookup{parent: dir, base: c}, true
		case child == nil || child.isSymlink():
			return lookup{}, false
		case !more:
			return lookup{parent: dir, base: c, node: child}, true
		}
		dir, name = child, rest
	}
}

// hasNUL reports whether name holds a NUL byte, which no system call
// accepts in a name (EINVAL).
func hasNUL(name string) bool { return strings.IndexByte(name, 0) >= 0 }

// splitComponents appends the non-empty slash-separated components of name
// to dst.
func splitComponents(name string, dst []string) []string {
	for name != "" {
		i := strings.IndexByte(name, '/')
		if i < 0 {
			return append(dst, name)
		}
		if i > 0 {
			dst = append(dst, name[:i])
		}
		name = name[i+1:]
	}
	return dst
}

// toSlash turns the OS separator into '/'. On Unix a backslash is an
// ordinary name character, as it is on the disk.
func toSlash(name string) string {
	if filepath.Separator != '/' {
		return strings.ReplaceAll(name, string(filepath.Separator), "/")
	}
	return name
}

// baseName is the name os gives a FileInfo for name: the last element,
// trailing slashes removed, "/" for the root.
func baseName(name string) string {
	name = toSlash(name)
	for len(name) > 1 && strings.HasSuffix(name, "/") {
		name = name[:len(name)-1]
	}
	if i := strings.LastIndexByte(name, '/'); i >= 0 && name != "/" {
		name = name[i+1:]
	}
	return name
}
