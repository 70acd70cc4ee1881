package aferotest

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"syscall"
)

var nameChecks = []Check{
	{Name: "names/empty", Want: `Stat("") and Open("") fail with ENOENT instead of naming the root`, run: func(e *env) error {
		_, err := e.fsys.Stat("")
		if err := wantPathErr(`Stat("")`, err, syscall.ENOENT); err != nil {
			return err
		}
		_, err = e.fsys.Open("")
		return wantPathErr(`Open("")`, err, syscall.ENOENT)
	}},
	{Name: "names/one-namespace", Needs: RootDir, Want: `"x", "/x" and "./x" name the same file`, run: func(e *env) error {
		if err := writeVia(e, "x", "relative"); err != nil {
			return err
		}
		for _, name := range []string{"/x", "./x", "//x"} {
			if err := contentVia(e, name, "relative"); err != nil {
				return err
			}
		}
		if err := writeVia(e, "/y", "absolute"); err != nil {
			return err
		}
		return contentVia(e, "y", "absolute")
	}},
	{Name: "names/no-lexical-clean", Want: `"nope/../f" fails with ENOENT: ".." is resolved on the disk, not by cleaning the name`, run: func(e *env) error {
		if err := e.writeFile("f", "data"); err != nil {
			return err
		}
		_, err := e.fsys.Stat(e.p("nope/../f"))
		return wantPathErr(`Stat("nope/../f")`, err, syscall.ENOENT)
	}},
	{Name: "names/trailing-slash-file", Want: `"f/" and "f/." fail with ENOTDIR when f is a regular file`, run: func(e *env) error {
		if err := e.writeFile("f", "data"); err != nil {
			return err
		}
		_, err := e.fsys.Stat(e.p("f") + "/")
		if err := wantPathErr(`Stat("f/")`, err, syscall.ENOTDIR); err != nil {
			return err
		}
		_, err = e.fsys.Open(e.p("f/."))
		return wantPathErr(`Open("f/.")`, err, syscall.ENOTDIR)
	}},
	{Name: "names/too-long", Want: "a name component longer than 255 bytes fails with ENAMETOOLONG", run: func(e *env) error {
		_, err := e.fsys.Create(e.p(strings.Repeat("n", 256)))
		return wantPathErr("Create of a 256-byte name", err, syscall.ENAMETOOLONG)
	}},
	{Name: "errors/path-as-given", Want: "an error's Path is the name the caller passed, not the backend's real path", run: func(e *env) error {
		name := e.p("nope")
		_, err := e.fsys.Open(name)
		var pe *fs.PathError
		if !errors.As(err, &pe) {
			return fmt.Errorf(`Open("nope"): got %s, want *fs.PathError`, describe(err))
		}
		if pe.Path != name {
			return fmt.Errorf(`Open("nope"): the error's Path is not the name given (%s)`, pathShape(pe.Path, name))
		}
		return nil
	}},
}

// pathShape says how got differs from the name given without printing
// got, which may hold a temporary directory.
func pathShape(got, given string) string {
	switch {
	case strings.HasSuffix(got, given):
		return "a longer path ending in it"
	case strings.HasSuffix(got, strings.TrimPrefix(given, "/")):
		return "a path ending in it"
	}
	return "another path"
}

func writeVia(e *env, name, content string) error {
	f, err := e.fsys.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return wantOK(fmt.Sprintf("create %q", name), err)
	}
	f.WriteString(content)
	return wantOK(fmt.Sprintf("close %q", name), f.Close())
}

func contentVia(e *env, name, want string) error {
	f, err := e.fsys.Open(name)
	if err != nil {
		return fmt.Errorf("Open(%q): %s, want the file written as %q", name, describe(err), want)
	}
	defer f.Close()
	buf := make([]byte, 64)
	n, _ := f.Read(buf)
	if got := string(buf[:n]); got != want {
		return fmt.Errorf("Open(%q) reads %q, want %q", name, got, want)
	}
	return nil
}
