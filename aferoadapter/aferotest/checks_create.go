package aferotest

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"syscall"
)

var createChecks = []Check{
	{Name: "create/new-file", Want: "Create makes an empty regular file that reads back what is written", run: func(e *env) error {
		f, err := e.fsys.Create(e.p("f"))
		if err != nil {
			return wantOK(`Create("f")`, err)
		}
		info, err := f.Stat()
		if err != nil {
			f.Close()
			return wantOK("Stat of the new handle", err)
		}
		if !info.Mode().IsRegular() || info.Size() != 0 || info.Name() != "f" {
			f.Close()
			return fmt.Errorf("new file: Name %q Mode %v Size %d, want \"f\", a regular file, 0", info.Name(), info.Mode(), info.Size())
		}
		if _, err := f.WriteString("hello"); err != nil {
			f.Close()
			return wantOK("WriteString", err)
		}
		if err := f.Close(); err != nil {
			return wantOK("Close", err)
		}
		return e.wantContent("f", "hello")
	}},
	{Name: "create/mode", Want: "a new file gets the requested permission bits (minus umask) and no others", run: func(e *env) error {
		f, err := e.fsys.OpenFile(e.p("f"), os.O_WRONLY|os.O_CREATE, 0o600)
		if err != nil {
			return wantOK(`OpenFile("f", O_CREATE, 0600)`, err)
		}
		f.Close()
		info, err := e.fsys.Stat(e.p("f"))
		if err != nil {
			return wantOK(`Stat("f")`, err)
		}
		if info.Mode() != 0o600 {
			return fmt.Errorf("file created with 0600 has mode %v, want -rw-------", info.Mode())
		}
		return nil
	}},
	{Name: "create/missing-parent", Want: "creating a file in a missing directory fails with ENOENT and creates nothing", run: func(e *env) error {
		_, err := e.fsys.Create(e.p("nodir/f"))
		return first(wantPathErr(`Create("nodir/f")`, err, syscall.ENOENT), e.wantMissing("nodir"))
	}},
	{Name: "create/parent-is-file", Want: "creating a file below a regular file fails with ENOTDIR and leaves the file alone", run: func(e *env) error {
		if err := e.writeFile("f", "data"); err != nil {
			return err
		}
		_, err := e.fsys.Create(e.p("f/x"))
		return first(wantPathErr(`Create("f/x")`, err, syscall.ENOTDIR), e.wantType("f", 0), e.wantContent("f", "data"))
	}},
	{Name: "create/over-dir", Want: "Create of an existing directory fails with EISDIR and keeps it", run: func(e *env) error {
		if err := e.mkdirs("d"); err != nil {
			return err
		}
		if err := e.writeFile("d/x", "x"); err != nil {
			return err
		}
		_, err := e.fsys.Create(e.p("d"))
		return first(wantPathErr(`Create("d")`, err, syscall.EISDIR), e.wantType("d", fs.ModeDir), e.wantContent("d/x", "x"))
	}},
	{Name: "create/truncates", Want: "Create of an existing file empties it", run: func(e *env) error {
		if err := e.writeFile("f", "old content"); err != nil {
			return err
		}
		f, err := e.fsys.Create(e.p("f"))
		if err != nil {
			return wantOK(`Create("f")`, err)
		}
		f.Close()
		return e.wantContent("f", "")
	}},
	{Name: "create/exclusive", Want: "O_CREATE|O_EXCL creates a missing file and fails with EEXIST on an existing one", run: func(e *env) error {
		const flag = os.O_WRONLY | os.O_CREATE | os.O_EXCL
		f, err := e.fsys.OpenFile(e.p("f"), flag, 0o644)
		if err != nil {
			return wantOK(`OpenFile("f", O_CREATE|O_EXCL) of a new file`, err)
		}
		f.WriteString("first")
		f.Close()
		_, err = e.fsys.OpenFile(e.p("f"), flag, 0o644)
		if err := wantPathErr(`OpenFile("f", O_CREATE|O_EXCL) of an existing file`, err, syscall.EEXIST); err != nil {
			return err
		}
		if !os.IsExist(err) || !errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("os.IsExist and errors.Is(err, fs.ErrExist) must hold for %s", describe(err))
		}
		return e.wantContent("f", "first")
	}},
	{Name: "create/exclusive-dir", Want: "O_CREATE|O_EXCL on an existing directory fails with EEXIST", run: func(e *env) error {
		if err := e.mkdirs("d"); err != nil {
			return err
		}
		_, err := e.fsys.OpenFile(e.p("d"), os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o644)
		return first(wantPathErr(`OpenFile("d", O_CREATE|O_EXCL)`, err, syscall.EEXIST), e.wantType("d", fs.ModeDir))
	}},
	{Name: "create/trailing-slash", Want: `creating "new/" as a file fails with EISDIR`, run: func(e *env) error {
		_, err := e.fsys.Create(e.p("new") + "/")
		return first(wantPathErr(`Create("new/")`, err, syscall.EISDIR), e.wantMissing("new"))
	}},
	{Name: "open/missing", Want: "opening a missing file fails with ENOENT; errors.Is(err, fs.ErrNotExist) and os.IsNotExist hold", run: func(e *env) error {
		_, err := e.fsys.Open(e.p("nope"))
		if err := wantPathErr(`Open("nope")`, err, syscall.ENOENT); err != nil {
			return err
		}
		if !errors.Is(err, fs.ErrNotExist) || !os.IsNotExist(err) {
			return fmt.Errorf("errors.Is(err, fs.ErrNotExist) and os.IsNotExist must hold for %s", describe(err))
		}
		return nil
	}},
	{Name: "open/dir-for-writing", Want: "opening a directory for writing fails with EISDIR", run: func(e *env) error {
		if err := e.mkdirs("d"); err != nil {
			return err
		}
		_, err := e.fsys.OpenFile(e.p("d"), os.O_WRONLY, 0)
		return wantPathErr(`OpenFile("d", O_WRONLY)`, err, syscall.EISDIR)
	}},
	{Name: "open/read-dir-content", Want: "Read on an open directory fails with EISDIR", run: func(e *env) error {
		if err := e.mkdirs("d"); err != nil {
			return err
		}
		f, err := e.fsys.Open(e.p("d"))
		if err != nil {
			return wantOK(`Open("d")`, err)
		}
		defer f.Close()
		_, err = f.Read(make([]byte, 4))
		return wantPathErr("Read of a directory", err, syscall.EISDIR)
	}},
	{Name: "open/write-read-only", Want: "Write on a handle opened read-only fails with EBADF", run: func(e *env) error {
		if err := e.writeFile("f", "data"); err != nil {
			return err
		}
		f, err := e.fsys.Open(e.p("f"))
		if err != nil {
			return wantOK(`Open("f")`, err)
		}
		defer f.Close()
		_, err = f.Write([]byte("x"))
		return first(wantPathErr("Write on a read-only handle", err, syscall.EBADF), e.wantContent("f", "data"))
	}},
	{Name: "open/read-write-only", Want: "Read on a handle opened write-only fails with EBADF", run: func(e *env) error {
		if err := e.writeFile("f", "data"); err != nil {
			return err
		}
		f, err := e.fsys.OpenFile(e.p("f"), os.O_WRONLY, 0)
		if err != nil {
			return wantOK(`OpenFile("f", O_WRONLY)`, err)
		}
		defer f.Close()
		_, err = f.Read(make([]byte, 4))
		return wantPathErr("Read on a write-only handle", err, syscall.EBADF)
	}},
}
