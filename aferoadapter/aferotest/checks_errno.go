package aferotest

import (
	"fmt"
	"io/fs"
	"os"
	"syscall"
)

// The checks below are sequences whose errno follows from the order in
// which Linux checks things (the parent's path, then the final name's
// kind, then a trailing slash, then permissions), where an imitation
// easily answers a plausible but different errno. Each was found
// differing in an in-memory file system (issue 9's table).

// Seek's whence values for the next data and the next hole (lseek(2)),
// which os passes to the kernel as they are.
const (
	seekData = 3
	seekHole = 4
)

var errnoChecks = []Check{
	{Name: "mkdir/slash-over-file", Want: `Mkdir("f/") of a regular file f fails with EEXIST: the name exists, whatever its type`, run: func(e *env) error {
		if err := e.writeFile("f", "data"); err != nil {
			return err
		}
		return first(wantPathErr(`Mkdir("f/")`, e.fsys.Mkdir(e.p("f/"), 0o755), syscall.EEXIST), e.wantContent("f", "data"))
	}},
	{Name: "mkdirall/slash-over-file", Want: `MkdirAll("b/") of a regular file b fails with EEXIST, the error of its final Mkdir`, run: func(e *env) error {
		if err := e.writeFile("b", "data"); err != nil {
			return err
		}
		return first(wantPathErr(`MkdirAll("b/")`, e.fsys.MkdirAll(e.p("b/"), 0o755), syscall.EEXIST), e.wantContent("b", "data"))
	}},
	{Name: "create/exclusive-slash-dir", Want: `OpenFile("d/", O_WRONLY|O_CREATE|O_EXCL) of a directory fails with EISDIR: O_CREATE refuses a trailing slash before looking`, run: func(e *env) error {
		if err := e.mkdirs("d"); err != nil {
			return err
		}
		_, err := e.fsys.OpenFile(e.p("d/"), os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		return first(wantPathErr(`OpenFile("d/", O_WRONLY|O_CREATE|O_EXCL)`, err, syscall.EISDIR), e.wantType("d", fs.ModeDir))
	}},
	{Name: "create/slash-over-file", Want: `OpenFile("f/", O_RDWR|O_CREATE) of a regular file fails with EISDIR and leaves it alone`, run: func(e *env) error {
		if err := e.writeFile("f", "data"); err != nil {
			return err
		}
		_, err := e.fsys.OpenFile(e.p("f/"), os.O_RDWR|os.O_CREATE, 0o644)
		return first(wantPathErr(`OpenFile("f/", O_RDWR|O_CREATE)`, err, syscall.EISDIR), e.wantContent("f", "data"))
	}},
	{Name: "create/slash-dangling", Needs: Symlinks, Want: `OpenFile("a/", O_CREATE|O_EXCL) of a link to a missing "b/x" fails with EISDIR and creates nothing`, run: func(e *env) error {
		if err := e.symlink("b/x", "a"); err != nil {
			return err
		}
		_, err := e.fsys.OpenFile(e.p("a/"), os.O_CREATE|os.O_EXCL, 0o644)
		return first(wantPathErr(`OpenFile("a/", O_CREATE|O_EXCL)`, err, syscall.EISDIR), e.wantType("a", fs.ModeSymlink), e.wantMissing("b"))
	}},
	{Name: "create/slash-self-link", Needs: Symlinks, Want: `OpenFile("a/", O_CREATE) of a link to itself fails with EISDIR, not ELOOP: the slash is refused before the link is followed`, run: func(e *env) error {
		if err := e.symlink("a", "a"); err != nil {
			return err
		}
		_, err := e.fsys.OpenFile(e.p("a/"), os.O_CREATE, 0o644)
		return wantPathErr(`OpenFile("a/", O_CREATE)`, err, syscall.EISDIR)
	}},
	{Name: "rename/dangling-to-slash", Needs: Symlinks, Want: `Rename("l", "l/") of a dangling link fails with ENOTDIR: a non-directory never takes a trailing slash, even renamed onto itself`, run: func(e *env) error {
		if err := e.symlink("nowhere", "l"); err != nil {
			return err
		}
		err := e.fsys.Rename(e.p("l"), e.p("l/"))
		return first(wantLinkErr(`Rename("l", "l/")`, err, syscall.ENOTDIR), e.wantType("l", fs.ModeSymlink))
	}},
	{Name: "rename/slash-link-over-dir", Needs: Symlinks, Want: `Rename("b/", "l") of a link b to the directory l fails with ENOTDIR: rename never follows b`, run: func(e *env) error {
		if err := e.symlink("l", "b"); err != nil {
			return err
		}
		if err := e.fsys.MkdirAll(e.p("l/x"), 0o755); err != nil {
			return fmt.Errorf("setup: MkdirAll l/x: %s", describe(err))
		}
		err := e.fsys.Rename(e.p("b/"), e.p("l"))
		return first(wantLinkErr(`Rename("b/", "l")`, err, syscall.ENOTDIR), e.wantType("b", fs.ModeSymlink), e.wantType("l/x", fs.ModeDir))
	}},
	{Name: "rename/slash-loop-over-dir", Needs: Symlinks, Want: `Rename("a/", "l") of a looping link a onto a directory fails with ELOOP, from os.Rename's Lstat("a/")`, run: func(e *env) error {
		if err := first(e.symlink("a/b", "a"), e.mkdirs("l")); err != nil {
			return err
		}
		err := e.fsys.Rename(e.p("a/"), e.p("l"))
		return first(wantLinkErr(`Rename("a/", "l")`, err, syscall.ELOOP), e.wantType("a", fs.ModeSymlink), e.wantType("l", fs.ModeDir))
	}},
	{Name: "rename/missing-onto-slash-file", Want: `Rename("a/../b", "a/b/") with only a/b present fails with ENOENT: the missing source is found before the target's slash`, run: func(e *env) error {
		if err := first(e.mkdirs("a"), e.writeFile("a/b", "data")); err != nil {
			return err
		}
		err := e.fsys.Rename(e.p("a/../b"), e.p("a/b/"))
		return first(wantLinkErr(`Rename("a/../b", "a/b/")`, err, syscall.ENOENT), e.wantContent("a/b", "data"))
	}},
	{Name: "rename/into-itself-read-only", Want: `Rename("a/", "a/b/") of a 0500 directory fails with EINVAL: a move into itself is refused before permissions`, run: func(e *env) error {
		if err := e.fsys.MkdirAll(e.p("a"), 0o500); err != nil {
			return fmt.Errorf("setup: MkdirAll a 0500: %s", describe(err))
		}
		defer e.fsys.Chmod(e.p("a"), 0o755)
		err := e.fsys.Rename(e.p("a/"), e.p("a/b/"))
		return first(wantLinkErr(`Rename("a/", "a/b/")`, err, syscall.EINVAL), e.wantType("a", fs.ModeDir), e.wantMissing("a/b"))
	}},
	{Name: "seek/data-hole", Want: "Seek with whence 3 (SEEK_DATA) and 4 (SEEK_HOLE) in a 4-byte file finds data at 0 and the hole at its end; at or past the end both fail with ENXIO", run: func(e *env) error {
		f, err := openWith(e, "f", "data", os.O_RDONLY)
		if err != nil {
			return err
		}
		defer f.Close()
		for _, s := range []struct {
			off    int64
			whence int
			want   int64
		}{{0, seekData, 0}, {2, seekData, 2}, {0, seekHole, 4}, {3, seekHole, 4}} {
			got, err := f.Seek(s.off, s.whence)
			if err != nil || got != s.want {
				return fmt.Errorf("Seek(%d, %d) = %d, %s; want %d", s.off, s.whence, got, describe(err), s.want)
			}
		}
		for _, s := range [][2]int64{{4, seekData}, {9, seekData}, {4, seekHole}, {-1, seekHole}} {
			_, err := f.Seek(s[0], int(s[1]))
			if err := wantPathErr(fmt.Sprintf("Seek(%d, %d)", s[0], s[1]), err, syscall.ENXIO); err != nil {
				return err
			}
		}
		return nil
	}},
}
