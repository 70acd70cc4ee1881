//go:build linux

package aferoadapter_test

import (
	"io/fs"
	"os"
	"strings"
)

// safe reports whether s may run on the disk: no name leaves the
// directory, lexically or through a link, no link target is absolute, and
// nothing removes or renames the directory itself.
func (r *diffRun) safe(s diffStep) bool {
	kinds := diffOps[diffOpIndex(s.op)].args
	for i, kind := range kinds {
		switch kind {
		case 'n':
			if !r.inside(s.name(i)) {
				return false
			}
			if n := s.name(i); n != "" && strings.Trim(n, "/") == "" && r.entryOp(s) {
				// "/" is NewMemFs's root, which a disk treats apart: EBUSY
				// to rmdir(2) and rename(2), EEXIST to an exclusive
				// create. On the disk side it is a directory reached
				// through its parent, which Remove would remove.
				return false
			}
		case 't':
			if strings.HasPrefix(s.name(i), "/") || len(s.name(i)) > 1024 {
				return false
			}
		}
	}
	return true
}

// entryOp reports whether s works on the entry a name leads to, rather
// than on the file behind it.
func (r *diffRun) entryOp(s diffStep) bool {
	switch s.op {
	case "remove", "removeall", "rename":
		return true
	case "open":
		return s.flags(2)&(os.O_CREATE|os.O_EXCL) == os.O_CREATE|os.O_EXCL
	}
	return false
}

// inside reports whether name stays inside the disk side's directory,
// resolved as the kernel would: ".." is physical after a link, and never
// climbs above the directory; no link on the way is absolute. Where a
// component is missing (or cannot be searched) the rest is taken
// lexically, as MkdirAll would create it.
func (r *diffRun) inside(name string) bool {
	if len(name) > 1024 {
		return false
	}
	var stack []string // the physical path below dir
	pending := strings.Split(name, "/")
	exists, links := true, 0
	for len(pending) > 0 {
		c := pending[0]
		pending = pending[1:]
		switch c {
		case "", ".":
			continue
		case "..":
			if len(stack) == 0 {
				return false
			}
			stack = stack[:len(stack)-1]
			continue
		}
		stack = append(stack, c)
		if !exists {
			continue
		}
		info, err := os.Lstat(r.dir + "/" + strings.Join(stack, "/"))
		if err != nil || info.Mode()&fs.ModeSymlink == 0 {
			exists = err == nil && info.IsDir()
			continue
		}
		target, err := os.Readlink(r.dir + "/" + strings.Join(stack, "/"))
		if links++; err != nil || links > 40 {
			exists = false
			continue
		}
		if strings.HasPrefix(target, "/") {
			return false
		}
		stack = stack[:len(stack)-1]
		pending = append(strings.Split(target, "/"), pending...)
	}
	return true
}
