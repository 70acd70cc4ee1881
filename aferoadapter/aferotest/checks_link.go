package aferotest

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"strings"
	"syscall"
)

var linkChecks = []Check{
	{Name: "symlink/supported", Want: "symlinks exist: Symlink, Readlink (target verbatim), Lstat (the link), Stat (the target)", run: func(e *env) error {
		if e.links == nil {
			return fmt.Errorf("%T is not an afero.Symlinker: no fixture or code under test can use a symlink", e.fsys)
		}
		if err := first(e.writeFile("f", "data"), e.symlink("f", "l")); err != nil {
			return err
		}
		target, err := e.links.ReadlinkIfPossible(e.p("l"))
		if err != nil {
			return wantOK(`Readlink("l")`, err)
		}
		if target != "f" {
			return fmt.Errorf(`Readlink("l") = %s, want "f", the target as given`, targetShape(target))
		}
		info, err := e.fsys.Stat(e.p("l"))
		if err != nil {
			return wantOK(`Stat("l")`, err)
		}
		if !info.Mode().IsRegular() || info.Size() != 4 {
			return fmt.Errorf(`Stat("l") = %v size %d, want the target: a regular file of 4 bytes`, info.Mode(), info.Size())
		}
		return first(e.wantType("l", fs.ModeSymlink), e.wantContent("l", "data"))
	}},
	{Name: "symlink/relative-to-link", Needs: Symlinks, Want: "a relative target resolves from the link's directory", run: func(e *env) error {
		if err := first(e.mkdirs("d"), e.writeFile("f", "top"), e.symlink("../f", "d/l")); err != nil {
			return err
		}
		target, err := e.links.ReadlinkIfPossible(e.p("d/l"))
		if err != nil {
			return wantOK(`Readlink("d/l")`, err)
		}
		if target != "../f" {
			return fmt.Errorf(`Readlink("d/l") = %s, want "../f"`, targetShape(target))
		}
		return e.wantContent("d/l", "top")
	}},
	{Name: "symlink/dangling", Needs: Symlinks, Want: "a dangling link Lstats as a link; Stat fails with ENOENT", run: func(e *env) error {
		if err := e.symlink("nowhere", "l"); err != nil {
			return err
		}
		_, err := e.fsys.Stat(e.p("l"))
		return first(wantPathErr(`Stat("l")`, err, syscall.ENOENT), e.wantType("l", fs.ModeSymlink))
	}},
	{Name: "symlink/through-dir", Needs: Symlinks, Want: "a link to a directory is followed in the middle of a name", run: func(e *env) error {
		if err := first(e.mkdirs("d"), e.symlink("d", "l")); err != nil {
			return err
		}
		if err := e.writeFile("l/x", "via link"); err != nil {
			return err
		}
		return e.wantContent("d/x", "via link")
	}},
	{Name: "symlink/dotdot-physical", Needs: Symlinks, Want: `".." after a link leaves the directory the link led to`, run: func(e *env) error {
		if err := first(e.mkdirs("d", "d/e"), e.writeFile("d/x", "in d"), e.symlink("d/e", "l")); err != nil {
			return err
		}
		return e.wantContent("l/../x", "in d")
	}},
	{Name: "symlink/loop", Needs: Symlinks, Want: "a cycle of links fails with ELOOP", run: func(e *env) error {
		if err := first(e.symlink("b", "a"), e.symlink("a", "b")); err != nil {
			return err
		}
		_, err := e.fsys.Stat(e.p("a"))
		return wantPathErr(`Stat("a")`, err, syscall.ELOOP)
	}},
	{Name: "symlink/exists", Needs: Symlinks, Want: "Symlink onto an existing name fails with EEXIST as an *os.LinkError", run: func(e *env) error {
		if err := e.writeFile("f", "data"); err != nil {
			return err
		}
		err := e.links.SymlinkIfPossible("x", e.p("f"))
		return first(wantLinkErr(`Symlink("x", "f")`, err, syscall.EEXIST), e.wantContent("f", "data"))
	}},
	{Name: "symlink/readlink-not-link", Needs: Symlinks, Want: "Readlink of a regular file fails with EINVAL", run: func(e *env) error {
		if err := e.writeFile("f", "data"); err != nil {
			return err
		}
		_, err := e.links.ReadlinkIfPossible(e.p("f"))
		return wantPathErr(`Readlink("f")`, err, syscall.EINVAL)
	}},
	{Name: "symlink/create-through-dangling", Needs: Symlinks, Want: "O_CREATE through a dangling link creates its target", run: func(e *env) error {
		if err := e.symlink("target", "l"); err != nil {
			return err
		}
		f, err := e.fsys.OpenFile(e.p("l"), os.O_WRONLY|os.O_CREATE, 0o644)
		if err != nil {
			return wantOK(`OpenFile("l", O_CREATE)`, err)
		}
		f.WriteString("made")
		f.Close()
		return first(e.wantContent("target", "made"), e.wantType("l", fs.ModeSymlink))
	}},
	{Name: "symlink/exclusive-dangling", Needs: Symlinks, Want: "O_CREATE|O_EXCL on a dangling link fails with EEXIST and creates nothing", run: func(e *env) error {
		if err := e.symlink("target", "l"); err != nil {
			return err
		}
		_, err := e.fsys.OpenFile(e.p("l"), os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		return first(wantPathErr(`OpenFile("l", O_CREATE|O_EXCL)`, err, syscall.EEXIST), e.wantMissing("target"))
	}},
	{Name: "symlink/remove-link-only", Needs: Symlinks, Want: "Remove and RemoveAll of a link remove the link, never the target", run: func(e *env) error {
		if err := first(e.mkdirs("d"), e.writeFile("d/f", "keep"), e.symlink("d", "ld"), e.symlink("d/f", "lf")); err != nil {
			return err
		}
		if err := first(wantOK(`Remove("lf")`, e.fsys.Remove(e.p("lf"))), wantOK(`RemoveAll("ld")`, e.fsys.RemoveAll(e.p("ld")))); err != nil {
			return err
		}
		return first(e.wantMissing("lf"), e.wantMissing("ld"), e.wantContent("d/f", "keep"))
	}},
	{Name: "symlink/trailing-slash", Needs: Symlinks, Want: `"l/" follows a link to a directory, even for Lstat`, run: func(e *env) error {
		if err := first(e.mkdirs("d"), e.symlink("d", "l")); err != nil {
			return err
		}
		info, err := e.lstat("l/")
		if err != nil {
			return wantOK(`Lstat("l/")`, err)
		}
		if !info.IsDir() {
			return fmt.Errorf(`Lstat("l/") = %v, want the directory`, info.Mode())
		}
		return nil
	}},
	{Name: "symlink/chmod-follows", Needs: Symlinks, Want: "Chmod and Chtimes of a link change its target", run: func(e *env) error {
		if err := first(e.writeFile("f", "data"), e.symlink("f", "l")); err != nil {
			return err
		}
		if err := wantOK(`Chmod("l", 0600)`, e.fsys.Chmod(e.p("l"), 0o600)); err != nil {
			return err
		}
		info, err := e.lstat("f")
		if err != nil || info.Mode() != 0o600 {
			return fmt.Errorf(`after Chmod("l", 0600) the target f has mode %v (%s), want -rw-------`, modeOf(info), describe(err))
		}
		return e.wantType("l", fs.ModeSymlink)
	}},
	{Name: "symlink/rename-link", Needs: Symlinks, Want: "Rename of a link moves the link, target unchanged", run: func(e *env) error {
		if err := first(e.writeFile("f", "data"), e.symlink("f", "l")); err != nil {
			return err
		}
		if err := wantOK(`Rename("l", "m")`, e.fsys.Rename(e.p("l"), e.p("m"))); err != nil {
			return err
		}
		return first(e.wantType("m", fs.ModeSymlink), e.wantMissing("l"), e.wantContent("m", "data"))
	}},
}

func modeOf(info fs.FileInfo) fs.FileMode {
	if info == nil {
		return 0
	}
	return info.Mode()
}

// targetShape describes a wrong link target without printing a host path,
// which would differ on every run.
func targetShape(target string) string {
	if strings.HasPrefix(target, "/") && len(target) > 1 {
		return fmt.Sprintf("an absolute path ending in %q", path.Base(target))
	}
	return fmt.Sprintf("%q", target)
}
