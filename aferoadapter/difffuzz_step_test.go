//go:build linux

package aferoadapter_test

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/afero"
)

// diffCap bounds the sizes and offsets a step may use where the disk
// would store a sparse file and NewMemFs allocates: a step past it is
// skipped. Thirty seeks of diffCap stay far below NewMemFs's 1 GiB.
const diffCap = 1 << 16

// diffMaxIO bounds the bytes one read or write moves.
const diffMaxIO = 8192

// step runs s on both sides and describes each outcome; ran is false when
// s was skipped (see FuzzMemFsDiff).
func (r *diffRun) step(s diffStep) (mem, disk string, ran bool) {
	if !r.safe(s) {
		return "", "", false
	}
	h := s.slot(0)
	switch s.op {
	case "seek":
		off, whence := s.number(1), int(s.number(2))
		switch {
		case off > diffCap:
			return "", "", false
		case r.isDir[h] && r.disk.handles[h] != nil && !(off == 0 && whence == io.SeekStart) && whence >= 0 && whence <= 4:
			return "", "", false // a directory's offsets are the file system's own
		case (whence == 3 || whence == 4) && r.sparse(h):
			return "", "", false // the disk reports its holes, NewMemFs has none
		}
	case "read":
		if r.isDir[h] && r.listing[h] {
			return "", "", false // read(2) checks the offset, a disk's own cookie after a listing
		}
	case "readdir", "readdirnames":
		if r.stale[h] {
			// Run, to keep both handles where they are, but do not compare.
			r.do(r.mem, s)
			r.do(r.disk, s)
			return "", "", false
		}
	}
	mem, disk = r.do(r.mem, s), r.do(r.disk, s)
	r.track(s, mem)
	return mem, disk, true
}

// track keeps the per-slot facts step needs after s ran with outcome mem.
func (r *diffRun) track(s diffStep, mem string) {
	h := s.slot(0)
	switch s.op {
	case "create", "open":
		if mem != "ok" {
			break // the slot keeps its handle
		}
		r.stale[h], r.listing[h], r.isDir[h] = false, false, false
		if info, err := r.mem.handles[h].Stat(); err == nil {
			r.isDir[h] = info.IsDir()
		}
	case "readdir", "readdirnames":
		r.listing[h] = true
	case "seek":
		if s.number(1) == 0 && s.number(2) == io.SeekStart {
			r.stale[h], r.listing[h] = false, false
		}
	case "mkdir", "mkdirall", "writefile", "rename", "remove", "removeall", "symlink":
		for i := range r.stale {
			r.stale[i] = r.stale[i] || r.listing[i]
		}
	}
	if s.op == "create" || s.op == "open" && s.flags(2)&os.O_CREATE != 0 {
		for i := range r.stale {
			r.stale[i] = r.stale[i] || r.listing[i] && i != h
		}
	}
}

// sparse reports whether the disk's file in slot h has holes, which
// SEEK_DATA and SEEK_HOLE report there and not in NewMemFs.
func (r *diffRun) sparse(h int) bool {
	f := r.disk.handles[h]
	if f == nil {
		return false
	}
	info, err := f.Stat()
	if err != nil {
		return false
	}
	st, ok := info.Sys().(*syscall.Stat_t)
	return ok && st.Blocks*512 < info.Size()
}

// do runs s on one side and describes the outcome.
func (r *diffRun) do(side *diffSide, s diffStep) string {
	perm := func(i int) fs.FileMode {
		m := fs.FileMode(s.mode(i))
		if r.opts.privileged {
			m |= 0o700 // root ignores the owner bits, NewMemFs does not
		}
		return m
	}
	h := s.slot(0)
	f := side.handles[h]
	if f == nil && strings.HasPrefix(diffOps[diffOpIndex(s.op)].args, "h") && s.op != "create" && s.op != "open" {
		return "no handle"
	}
	fsys, p := side.fsys, side.path
	switch s.op {
	case "mkdir":
		return errText(fsys.Mkdir(p(s.name(0)), perm(1)))
	case "mkdirall":
		return errText(fsys.MkdirAll(p(s.name(0)), perm(1)))
	case "create", "open":
		var nf afero.File
		var err error
		if s.op == "create" {
			nf, err = fsys.Create(p(s.name(1)))
		} else {
			nf, err = fsys.OpenFile(p(s.name(1)), s.flags(2), perm(3))
		}
		if err == nil {
			if f != nil {
				f.Close()
			}
			side.handles[h] = nf
		}
		return errText(err)
	case "writefile":
		mode := fs.FileMode(0o644)
		if r.opts.privileged {
			mode |= 0o700
		}
		nf, err := fsys.OpenFile(p(s.name(0)), os.O_WRONLY|os.O_CREATE|os.O_TRUNC, mode)
		if err != nil {
			return errText(err)
		}
		n, werr := nf.Write(diffData(ioLen(s.number(1))))
		return fmt.Sprintf("%d %s, close %s", n, errText(werr), errText(nf.Close()))
	case "write":
		n, err := f.Write(diffData(ioLen(s.number(1))))
		return fmt.Sprintf("%d %s", n, errText(err))
	case "writeat":
		data, off := diffData(ioLen(s.number(1))), s.number(2)
		if off > diffCap && len(data) > 0 && off+int64(len(data)) > 0 {
			return "skipped: a sparse write"
		}
		n, err := f.WriteAt(data, off)
		return fmt.Sprintf("%d %s", n, errText(err))
	case "read":
		b := make([]byte, ioLen(s.number(1)))
		n, err := f.Read(b)
		return fmt.Sprintf("%d %q %s", n, b[:max(n, 0)], errText(err))
	case "readat":
		b := make([]byte, ioLen(s.number(1)))
		n, err := f.ReadAt(b, s.number(2))
		return fmt.Sprintf("%d %q %s", n, b[:max(n, 0)], errText(err))
	case "seek":
		off, err := f.Seek(s.number(1), int(s.number(2)))
		return fmt.Sprintf("%d %s", off, errText(err))
	case "truncate":
		if size := s.number(1); size <= diffCap {
			return errText(f.Truncate(size))
		}
		return "skipped: a sparse size"
	case "readdir":
		n := int(max(min(s.number(1), 100), -1))
		infos, err := f.Readdir(n)
		names := make([]string, len(infos))
		for i, info := range infos {
			names[i] = info.Name() + " " + typeLetter(info.Mode())
		}
		return listed(n, names, err)
	case "readdirnames":
		n := int(max(min(s.number(1), 100), -1))
		names, err := f.Readdirnames(n)
		return listed(n, names, err)
	case "fstat":
		info, err := f.Stat()
		return infoText(info, err, r.opts.comparePerm)
	case "close":
		return errText(f.Close())
	case "sync":
		return errText(f.Sync())
	case "rename":
		return errText(fsys.Rename(p(s.name(0)), p(s.name(1))))
	case "remove":
		return errText(fsys.Remove(p(s.name(0))))
	case "removeall":
		return errText(fsys.RemoveAll(p(s.name(0))))
	case "symlink":
		return errText(side.links.SymlinkIfPossible(s.name(0), p(s.name(1))))
	case "readlink":
		target, err := side.links.ReadlinkIfPossible(p(s.name(0)))
		return fmt.Sprintf("%q %s", target, errText(err))
	case "chmod":
		return errText(fsys.Chmod(p(s.name(0)), perm(1)))
	case "chtimes":
		t := time.Unix(1e9, 0)
		return errText(fsys.Chtimes(p(s.name(0)), t, t))
	case "lstat":
		info, _, err := side.fsys.(afero.Lstater).LstatIfPossible(p(s.name(0)))
		return infoText(info, err, r.opts.comparePerm)
	case "stat":
		info, err := fsys.Stat(p(s.name(0)))
		return infoText(info, err, r.opts.comparePerm)
	}
	panic("unknown diff operation " + s.op)
}

// listed describes a listing of count entries: all of them, sorted, for
// count <= 0; only how many for a page, whose entries depend on the disk's
// order.
func listed(count int, names []string, err error) string {
	if count > 0 {
		return fmt.Sprintf("%d entries %s", len(names), errText(err))
	}
	names = slices.Clone(names)
	slices.Sort(names)
	return fmt.Sprintf("[%s] %s", strings.Join(names, ", "), errText(err))
}

// ioLen turns a step's number into a buffer length, 0 to diffMaxIO.
func ioLen(n int64) int {
	if n < 0 {
		n = -(n + 1)
	}
	return int(n % (diffMaxIO + 1))
}

// diffData is n bytes of a recognisable pattern.
func diffData(n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = 'a' + byte(i%26)
	}
	return b
}
