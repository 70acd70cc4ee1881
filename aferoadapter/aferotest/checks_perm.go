package aferotest

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"syscall"
)

// withMode runs fn with name's permission bits set to mode, then restores
// 0755 (directories) or 0644 (files) so the check's cleanup can remove it.
func withMode(e *env, name string, mode fs.FileMode, fn func() error) error {
	if err := e.fsys.Chmod(e.p(name), mode); err != nil {
		return fmt.Errorf("setup: chmod %s: %s", name, describe(err))
	}
	err := fn()
	restore := fs.FileMode(0o644)
	if info, lerr := e.lstat(name); lerr == nil && info.IsDir() {
		restore = 0o755
	}
	if cerr := e.fsys.Chmod(e.p(name), restore); cerr != nil && err == nil {
		err = fmt.Errorf("restore mode of %s: %s", name, describe(cerr))
	}
	return err
}

// wantDenied checks that err is EACCES, which errors.Is(err,
// fs.ErrPermission) and os.IsPermission recognise.
func wantDenied(what string, err error, link bool) error {
	var werr error
	if link {
		werr = wantLinkErr(what, err, syscall.EACCES)
	} else {
		werr = wantPathErr(what, err, syscall.EACCES)
	}
	if werr != nil {
		return werr
	}
	if !errors.Is(err, fs.ErrPermission) || !os.IsPermission(err) {
		return fmt.Errorf("%s: errors.Is(err, fs.ErrPermission) and os.IsPermission must hold for %s", what, describe(err))
	}
	return nil
}

var permChecks = []Check{
	{Name: "perm/create-read-only-file", Want: "a file created with mode 0400 can be written through the handle that created it", run: func(e *env) error {
		f, err := e.fsys.OpenFile(e.p("f"), os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o400)
		if err != nil {
			return wantOK(`OpenFile("f", O_CREATE, 0400)`, err)
		}
		_, werr := f.WriteString("data")
		f.Close()
		defer e.fsys.Chmod(e.p("f"), 0o644)
		return first(wantOK("WriteString to the new 0400 file", werr), e.wantContent("f", "data"))
	}},
	{Name: "perm/file-modes", Needs: Permissions, Want: "opening a file without its read or write bit fails with EACCES (fs.ErrPermission)", run: func(e *env) error {
		if err := e.writeFile("f", "data"); err != nil {
			return err
		}
		err := withMode(e, "f", 0o400, func() error {
			_, err := e.fsys.OpenFile(e.p("f"), os.O_WRONLY, 0)
			return wantDenied(`OpenFile("f", O_WRONLY) of a 0400 file`, err, false)
		})
		if err != nil {
			return err
		}
		err = withMode(e, "f", 0o200, func() error {
			_, err := e.fsys.Open(e.p("f"))
			return wantDenied(`Open("f") of a 0200 file`, err, false)
		})
		return first(err, e.wantContent("f", "data"))
	}},
	{Name: "perm/read-only-dir", Needs: Permissions, Want: "in a 0500 directory, creating, removing and renaming entries fail with EACCES", run: func(e *env) error {
		if err := first(e.mkdirs("d"), e.writeFile("d/f", "data")); err != nil {
			return err
		}
		err := withMode(e, "d", 0o500, func() error {
			_, cerr := e.fsys.Create(e.p("d/new"))
			return first(wantDenied(`Create("d/new")`, cerr, false),
				wantDenied(`Mkdir("d/sub")`, e.fsys.Mkdir(e.p("d/sub"), 0o755), false),
				wantDenied(`Remove("d/f")`, e.fsys.Remove(e.p("d/f")), false),
				wantDenied(`Rename("d/f", "g")`, e.fsys.Rename(e.p("d/f"), e.p("g")), true))
		})
		return first(err, e.wantContent("d/f", "data"), e.wantMissing("g"))
	}},
	{Name: "perm/unsearchable-dir", Needs: Permissions, Want: "a name through a directory without its x bit fails with EACCES", run: func(e *env) error {
		if err := first(e.mkdirs("d"), e.writeFile("d/f", "data")); err != nil {
			return err
		}
		return withMode(e, "d", 0o600, func() error {
			_, err := e.fsys.Stat(e.p("d/f"))
			return wantDenied(`Stat("d/f") with d at 0600`, err, false)
		})
	}},
	{Name: "perm/unreadable-dir", Needs: Permissions, Want: "opening a directory without its r bit fails with EACCES; its entries stay reachable", run: func(e *env) error {
		if err := first(e.mkdirs("d"), e.writeFile("d/f", "data")); err != nil {
			return err
		}
		return withMode(e, "d", 0o300, func() error {
			_, err := e.fsys.Open(e.p("d"))
			if err := wantDenied(`Open("d") with d at 0300`, err, false); err != nil {
				return err
			}
			_, err = e.fsys.Stat(e.p("d/f"))
			return wantOK(`Stat("d/f") with d at 0300`, err)
		})
	}},
}
