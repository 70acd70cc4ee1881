package aferotest

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"syscall"
)

var renameChecks = []Check{
	{Name: "rename/file", Want: "Rename moves a file; the old name is gone", run: func(e *env) error {
		if err := e.writeFile("a", "data"); err != nil {
			return err
		}
		if err := e.fsys.Rename(e.p("a"), e.p("b")); err != nil {
			return wantOK(`Rename("a", "b")`, err)
		}
		return first(e.wantMissing("a"), e.wantContent("b", "data"))
	}},
	{Name: "rename/over-file", Want: "Rename over an existing file replaces it", run: func(e *env) error {
		if err := first(e.writeFile("a", "new"), e.writeFile("b", "old")); err != nil {
			return err
		}
		if err := e.fsys.Rename(e.p("a"), e.p("b")); err != nil {
			return wantOK(`Rename("a", "b")`, err)
		}
		return first(e.wantMissing("a"), e.wantContent("b", "new"))
	}},
	{Name: "rename/dir-with-children", Want: "Rename of a directory moves everything below it", run: func(e *env) error {
		if err := first(e.mkdirs("d", "d/sub"), e.writeFile("d/sub/f", "data")); err != nil {
			return err
		}
		if err := e.fsys.Rename(e.p("d"), e.p("e")); err != nil {
			return wantOK(`Rename("d", "e")`, err)
		}
		return first(e.wantMissing("d"), e.wantMissing("d/sub/f"), e.wantContent("e/sub/f", "data"))
	}},
	{Name: "rename/over-nonempty-dir", Want: "Rename over a non-empty directory fails (os.Rename: EEXIST) and loses nothing", run: func(e *env) error {
		if err := first(e.mkdirs("a", "b"), e.writeFile("a/x", "ax"), e.writeFile("b/y", "by")); err != nil {
			return err
		}
		err := e.fsys.Rename(e.p("a"), e.p("b"))
		return first(wantLinkErr(`Rename("a", "b")`, err, syscall.EEXIST), e.wantContent("a/x", "ax"), e.wantContent("b/y", "by"))
	}},
	{Name: "rename/file-over-dir", Want: "Rename of a file over a directory fails (os.Rename: EEXIST)", run: func(e *env) error {
		if err := first(e.writeFile("f", "data"), e.mkdirs("d")); err != nil {
			return err
		}
		err := e.fsys.Rename(e.p("f"), e.p("d"))
		return first(wantLinkErr(`Rename("f", "d")`, err, syscall.EEXIST), e.wantContent("f", "data"), e.wantType("d", fs.ModeDir))
	}},
	{Name: "rename/dir-over-file", Want: "Rename of a directory over a file fails with ENOTDIR", run: func(e *env) error {
		if err := first(e.writeFile("f", "data"), e.mkdirs("d")); err != nil {
			return err
		}
		err := e.fsys.Rename(e.p("d"), e.p("f"))
		return first(wantLinkErr(`Rename("d", "f")`, err, syscall.ENOTDIR), e.wantContent("f", "data"), e.wantType("d", fs.ModeDir))
	}},
	{Name: "rename/into-itself", Want: "Rename of a directory into its own subtree fails with EINVAL and loses nothing", run: func(e *env) error {
		if err := first(e.mkdirs("d", "d/sub"), e.writeFile("d/f", "data")); err != nil {
			return err
		}
		err := e.fsys.Rename(e.p("d"), e.p("d/sub/d"))
		return first(wantLinkErr(`Rename("d", "d/sub/d")`, err, syscall.EINVAL), e.wantContent("d/f", "data"), e.wantType("d/sub", fs.ModeDir))
	}},
	{Name: "rename/missing", Want: "Rename of a missing name fails with ENOENT as an *os.LinkError", run: func(e *env) error {
		err := e.fsys.Rename(e.p("nope"), e.p("b"))
		return first(wantLinkErr(`Rename("nope", "b")`, err, syscall.ENOENT), e.wantMissing("b"))
	}},
	{Name: "rename/missing-target-dir", Want: "Rename into a missing directory fails with ENOENT", run: func(e *env) error {
		if err := e.writeFile("f", "data"); err != nil {
			return err
		}
		err := e.fsys.Rename(e.p("f"), e.p("nodir/f"))
		return first(wantLinkErr(`Rename("f", "nodir/f")`, err, syscall.ENOENT), e.wantContent("f", "data"), e.wantMissing("nodir"))
	}},
	{Name: "rename/open-handle", Want: "an open handle keeps reading and writing its file after a rename", run: func(e *env) error {
		if err := e.writeFile("a", "data"); err != nil {
			return err
		}
		f, err := e.fsys.OpenFile(e.p("a"), os.O_RDWR, 0)
		if err != nil {
			return wantOK(`OpenFile("a", O_RDWR)`, err)
		}
		defer f.Close()
		if err := e.fsys.Rename(e.p("a"), e.p("b")); err != nil {
			return wantOK(`Rename("a", "b")`, err)
		}
		if _, err := f.Seek(0, io.SeekEnd); err != nil {
			return wantOK("Seek", err)
		}
		if _, err := f.WriteString("+more"); err != nil {
			return wantOK("WriteString after the rename", err)
		}
		return e.wantContent("b", "data+more")
	}},
	{Name: "remove/file", Want: "Remove deletes a file and an empty directory", run: func(e *env) error {
		if err := first(e.writeFile("f", "data"), e.mkdirs("d")); err != nil {
			return err
		}
		if err := first(wantOK(`Remove("f")`, e.fsys.Remove(e.p("f"))), wantOK(`Remove("d")`, e.fsys.Remove(e.p("d")))); err != nil {
			return err
		}
		return first(e.wantMissing("f"), e.wantMissing("d"))
	}},
	{Name: "remove/nonempty-dir", Want: "Remove of a non-empty directory fails with ENOTEMPTY and keeps its entries", run: func(e *env) error {
		if err := first(e.mkdirs("d"), e.writeFile("d/f", "data")); err != nil {
			return err
		}
		err := e.fsys.Remove(e.p("d"))
		return first(wantPathErr(`Remove("d")`, err, syscall.ENOTEMPTY), e.wantContent("d/f", "data"))
	}},
	{Name: "remove/missing", Want: "Remove of a missing name fails with ENOENT", run: func(e *env) error {
		return wantPathErr(`Remove("nope")`, e.fsys.Remove(e.p("nope")), syscall.ENOENT)
	}},
	{Name: "remove/open-handle", Want: "an open handle keeps reading its file after Remove; the name is gone", run: func(e *env) error {
		if err := e.writeFile("f", "data"); err != nil {
			return err
		}
		f, err := e.fsys.Open(e.p("f"))
		if err != nil {
			return wantOK(`Open("f")`, err)
		}
		defer f.Close()
		if err := e.fsys.Remove(e.p("f")); err != nil {
			return wantOK(`Remove("f")`, err)
		}
		b, err := io.ReadAll(f)
		if err != nil {
			return wantOK("ReadAll after Remove", err)
		}
		if string(b) != "data" {
			return fmt.Errorf("ReadAll after Remove gave %q, want \"data\"", b)
		}
		return e.wantMissing("f")
	}},
	{Name: "removeall/tree", Want: "RemoveAll removes a whole tree and succeeds on a missing name", run: func(e *env) error {
		if err := first(e.mkdirs("d", "d/a", "d/a/b"), e.writeFile("d/a/b/f", "x"), e.writeFile("d/g", "y")); err != nil {
			return err
		}
		if err := wantOK(`RemoveAll("d")`, e.fsys.RemoveAll(e.p("d"))); err != nil {
			return err
		}
		return first(e.wantMissing("d"), wantOK(`RemoveAll("nope")`, e.fsys.RemoveAll(e.p("nope"))))
	}},
}
