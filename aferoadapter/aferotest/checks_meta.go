package aferotest

import (
	"fmt"
	"io/fs"
	"syscall"
	"time"
)

// past is a modification time far from now, so a later change is visible
// whatever the clock's resolution.
var past = time.Date(2001, 2, 3, 4, 5, 6, 0, time.UTC)

var metaChecks = []Check{
	{Name: "stat/info", Want: "Stat reports the base name, type, size and IsDir of files and directories", run: func(e *env) error {
		if err := first(e.mkdirs("d"), e.writeFile("d/f", "12345")); err != nil {
			return err
		}
		fi, err := e.fsys.Stat(e.p("d/f"))
		if err != nil {
			return wantOK(`Stat("d/f")`, err)
		}
		if fi.Name() != "f" || !fi.Mode().IsRegular() || fi.Size() != 5 || fi.IsDir() {
			return fmt.Errorf(`Stat("d/f") = %q %v size %d, want "f", a regular file of 5 bytes`, fi.Name(), fi.Mode(), fi.Size())
		}
		di, err := e.fsys.Stat(e.p("d"))
		if err != nil {
			return wantOK(`Stat("d")`, err)
		}
		if di.Name() != "d" || !di.IsDir() || di.Mode().Type() != fs.ModeDir {
			return fmt.Errorf(`Stat("d") = %q %v, want "d", a directory`, di.Name(), di.Mode())
		}
		return nil
	}},
	{Name: "chmod/modes", Want: "Chmod sets the permission bits of a file or directory and keeps its type", run: func(e *env) error {
		if err := first(e.writeFile("f", "data"), e.mkdirs("d")); err != nil {
			return err
		}
		if err := first(wantOK(`Chmod("f", 0640)`, e.fsys.Chmod(e.p("f"), 0o640)), wantOK(`Chmod("d", 0700)`, e.fsys.Chmod(e.p("d"), 0o700))); err != nil {
			return err
		}
		fi, ferr := e.fsys.Stat(e.p("f"))
		di, derr := e.fsys.Stat(e.p("d"))
		if ferr != nil || derr != nil || fi.Mode() != 0o640 || di.Mode() != fs.ModeDir|0o700 {
			return fmt.Errorf("after Chmod: f is %v, d is %v; want -rw-r----- and drwx------", modeOf(fi), modeOf(di))
		}
		return nil
	}},
	{Name: "chmod/missing", Want: "Chmod of a missing name fails with ENOENT", run: func(e *env) error {
		return wantPathErr(`Chmod("nope")`, e.fsys.Chmod(e.p("nope"), 0o600), syscall.ENOENT)
	}},
	{Name: "chtimes/mtime", Want: "Chtimes sets the modification time exactly; on a missing name it fails with ENOENT", run: func(e *env) error {
		if err := e.writeFile("f", "data"); err != nil {
			return err
		}
		if err := wantOK(`Chtimes("f")`, e.fsys.Chtimes(e.p("f"), past, past)); err != nil {
			return err
		}
		fi, err := e.fsys.Stat(e.p("f"))
		if err != nil {
			return wantOK(`Stat("f")`, err)
		}
		if !fi.ModTime().Equal(past) {
			return fmt.Errorf("ModTime after Chtimes is %v, want %v", fi.ModTime().UTC(), past)
		}
		return wantPathErr(`Chtimes("nope")`, e.fsys.Chtimes(e.p("nope"), past, past), syscall.ENOENT)
	}},
	{Name: "mtime/write", Want: "writing to a file updates its modification time", run: func(e *env) error {
		if err := e.writeFile("f", "data"); err != nil {
			return err
		}
		if err := wantOK(`Chtimes("f")`, e.fsys.Chtimes(e.p("f"), past, past)); err != nil {
			return err
		}
		if err := e.writeFile("f", "new data"); err != nil {
			return err
		}
		return modifiedSincePast(e, "f")
	}},
	{Name: "mtime/dir-entries", Want: "creating or removing an entry updates the directory's modification time", run: func(e *env) error {
		if err := e.mkdirs("d"); err != nil {
			return err
		}
		if err := wantOK(`Chtimes("d")`, e.fsys.Chtimes(e.p("d"), past, past)); err != nil {
			return err
		}
		if err := e.writeFile("d/x", ""); err != nil {
			return err
		}
		if err := modifiedSincePast(e, "d"); err != nil {
			return fmt.Errorf("after creating d/x: %w", err)
		}
		if err := wantOK(`Chtimes("d")`, e.fsys.Chtimes(e.p("d"), past, past)); err != nil {
			return err
		}
		if err := wantOK(`Remove("d/x")`, e.fsys.Remove(e.p("d/x"))); err != nil {
			return err
		}
		if err := modifiedSincePast(e, "d"); err != nil {
			return fmt.Errorf("after removing d/x: %w", err)
		}
		return nil
	}},
}

func modifiedSincePast(e *env, name string) error {
	fi, err := e.fsys.Stat(e.p(name))
	if err != nil {
		return wantOK(fmt.Sprintf("Stat(%q)", name), err)
	}
	if !fi.ModTime().After(past.Add(time.Hour)) {
		return fmt.Errorf("%s still has ModTime %v, want it updated", name, fi.ModTime().UTC())
	}
	return nil
}
