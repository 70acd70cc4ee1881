package aferotest

import (
	"fmt"
	"io"
	"io/fs"
	"slices"
	"strings"
	"syscall"
)

var dirChecks = []Check{
	{Name: "mkdir/missing-parent", Want: `Mkdir("a/b/c") with "a" missing fails with ENOENT and creates nothing`, run: func(e *env) error {
		err := e.fsys.Mkdir(e.p("a/b/c"), 0o755)
		return first(wantPathErr(`Mkdir("a/b/c")`, err, syscall.ENOENT), e.wantMissing("a"))
	}},
	{Name: "mkdir/exists", Want: "Mkdir of an existing directory or file fails with EEXIST and changes nothing", run: func(e *env) error {
		if err := first(e.mkdirs("d"), e.writeFile("f", "data")); err != nil {
			return err
		}
		err := e.fsys.Mkdir(e.p("d"), 0o755)
		if err := wantPathErr(`Mkdir("d") of a directory`, err, syscall.EEXIST); err != nil {
			return err
		}
		err = e.fsys.Mkdir(e.p("f"), 0o755)
		return first(wantPathErr(`Mkdir("f") of a file`, err, syscall.EEXIST), e.wantContent("f", "data"))
	}},
	{Name: "mkdir/parent-is-file", Want: "Mkdir below a regular file fails with ENOTDIR", run: func(e *env) error {
		if err := e.writeFile("f", "data"); err != nil {
			return err
		}
		err := e.fsys.Mkdir(e.p("f/x"), 0o755)
		return first(wantPathErr(`Mkdir("f/x")`, err, syscall.ENOTDIR), e.wantType("f", 0))
	}},
	{Name: "mkdir/mode", Want: "a new directory gets the requested permission bits (minus umask)", run: func(e *env) error {
		if err := e.fsys.Mkdir(e.p("d"), 0o700); err != nil {
			return wantOK(`Mkdir("d", 0700)`, err)
		}
		info, err := e.fsys.Stat(e.p("d"))
		if err != nil {
			return wantOK(`Stat("d")`, err)
		}
		if info.Mode() != fs.ModeDir|0o700 || !info.IsDir() {
			return fmt.Errorf("directory made with 0700 has mode %v, want drwx------", info.Mode())
		}
		return nil
	}},
	{Name: "mkdirall/parents", Want: "MkdirAll creates every missing parent and succeeds on an existing directory", run: func(e *env) error {
		if err := e.fsys.MkdirAll(e.p("a/b/c"), 0o755); err != nil {
			return wantOK(`MkdirAll("a/b/c")`, err)
		}
		if err := first(e.wantType("a", fs.ModeDir), e.wantType("a/b", fs.ModeDir), e.wantType("a/b/c", fs.ModeDir)); err != nil {
			return err
		}
		return wantOK(`MkdirAll("a/b") again`, e.fsys.MkdirAll(e.p("a/b"), 0o755))
	}},
	{Name: "mkdirall/over-file", Want: "MkdirAll through or onto a regular file fails with ENOTDIR", run: func(e *env) error {
		if err := e.writeFile("f", "data"); err != nil {
			return err
		}
		err := e.fsys.MkdirAll(e.p("f/x/y"), 0o755)
		if err := wantPathErr(`MkdirAll("f/x/y")`, err, syscall.ENOTDIR); err != nil {
			return err
		}
		err = e.fsys.MkdirAll(e.p("f"), 0o755)
		return first(wantPathErr(`MkdirAll("f")`, err, syscall.ENOTDIR), e.wantContent("f", "data"))
	}},
	{Name: "readdir/names", Want: "Readdirnames(-1) returns every entry once, without . or ..", run: func(e *env) error {
		want, err := fillDir(e)
		if err != nil {
			return err
		}
		f, err := e.fsys.Open(e.p("d"))
		if err != nil {
			return wantOK(`Open("d")`, err)
		}
		defer f.Close()
		names, err := f.Readdirnames(-1)
		if err != nil {
			return wantOK("Readdirnames(-1)", err)
		}
		return sameNames("Readdirnames(-1)", names, want)
	}},
	{Name: "readdir/paging", Want: "Readdir(n) pages through every entry once, then returns no entries and io.EOF", run: func(e *env) error {
		want, err := fillDir(e)
		if err != nil {
			return err
		}
		f, err := e.fsys.Open(e.p("d"))
		if err != nil {
			return wantOK(`Open("d")`, err)
		}
		defer f.Close()
		var names []string
		for range len(want) + 1 {
			infos, err := f.Readdir(2)
			if len(infos) > 2 {
				return fmt.Errorf("Readdir(2) returned %d entries", len(infos))
			}
			for _, info := range infos {
				names = append(names, info.Name())
			}
			if err == io.EOF {
				if len(infos) != 0 {
					return fmt.Errorf("Readdir(2) returned io.EOF with %d entries, want 0", len(infos))
				}
				break
			}
			if err != nil {
				return wantOK("Readdir(2)", err)
			}
		}
		if err := sameNames("Readdir(2) pages", names, want); err != nil {
			return err
		}
		rest, err := f.Readdir(-1)
		if len(rest) != 0 || err != nil {
			return fmt.Errorf("Readdir(-1) at the end: %d entries, %s; want 0 entries, nil error", len(rest), describe(err))
		}
		return nil
	}},
	{Name: "readdir/empty", Want: "on an empty directory Readdir(1) returns io.EOF and Readdir(-1) returns nothing, nil", run: func(e *env) error {
		if err := e.mkdirs("d"); err != nil {
			return err
		}
		f, err := e.fsys.Open(e.p("d"))
		if err != nil {
			return wantOK(`Open("d")`, err)
		}
		defer f.Close()
		if infos, err := f.Readdir(1); len(infos) != 0 || err != io.EOF {
			return fmt.Errorf("Readdir(1): %d entries, %s; want 0 entries, io.EOF", len(infos), describe(err))
		}
		if infos, err := f.Readdir(-1); len(infos) != 0 || err != nil {
			return fmt.Errorf("Readdir(-1): %d entries, %s; want 0 entries, nil error", len(infos), describe(err))
		}
		return nil
	}},
	{Name: "readdir/info", Want: "Readdir describes each entry like Lstat: base name, type, size", run: func(e *env) error {
		if _, err := fillDir(e); err != nil {
			return err
		}
		f, err := e.fsys.Open(e.p("d"))
		if err != nil {
			return wantOK(`Open("d")`, err)
		}
		defer f.Close()
		infos, err := f.Readdir(-1)
		if err != nil {
			return wantOK("Readdir(-1)", err)
		}
		for _, info := range infos {
			want, err := e.lstat("d/" + info.Name())
			if err != nil {
				return fmt.Errorf("entry %q: Lstat: %s", info.Name(), describe(err))
			}
			if info.Mode().Type() != want.Mode().Type() || info.IsDir() != want.IsDir() ||
				!info.IsDir() && info.Size() != want.Size() {
				return fmt.Errorf("entry %q: Readdir says %v size %d, Lstat says %v size %d",
					info.Name(), info.Mode(), info.Size(), want.Mode(), want.Size())
			}
		}
		return nil
	}},
	{Name: "readdir/not-dir", Want: "Readdir on a regular file fails with ENOTDIR", run: func(e *env) error {
		if err := e.writeFile("f", "data"); err != nil {
			return err
		}
		f, err := e.fsys.Open(e.p("f"))
		if err != nil {
			return wantOK(`Open("f")`, err)
		}
		defer f.Close()
		_, err = f.Readdir(-1)
		return wantPathErr("Readdir of a file", err, syscall.ENOTDIR)
	}},
	{Name: "readdir/seek-restarts", Want: "Seek(0, io.SeekStart) on a directory restarts its listing", run: func(e *env) error {
		want, err := fillDir(e)
		if err != nil {
			return err
		}
		f, err := e.fsys.Open(e.p("d"))
		if err != nil {
			return wantOK(`Open("d")`, err)
		}
		defer f.Close()
		if _, err := f.Readdirnames(-1); err != nil {
			return wantOK("Readdirnames(-1)", err)
		}
		if _, err := f.Seek(0, io.SeekStart); err != nil {
			return wantOK("Seek(0, io.SeekStart)", err)
		}
		names, err := f.Readdirnames(-1)
		if err != nil {
			return wantOK("Readdirnames(-1) after Seek", err)
		}
		return sameNames("Readdirnames(-1) after Seek", names, want)
	}},
}

// fillDir creates directory d holding files, a directory and, when the
// backend has them, a symlink; it returns their names, sorted.
func fillDir(e *env) ([]string, error) {
	want := []string{"a.txt", "b", "c.bin", "z"}
	err := first(e.mkdirs("d", "d/b"), e.writeFile("d/a.txt", "alpha"), e.writeFile("d/c.bin", "\x00\x01"), e.writeFile("d/z", ""))
	if err == nil && e.links != nil {
		err = e.symlink("a.txt", "d/link")
		want = append(want, "link")
	}
	slices.Sort(want)
	return want, err
}

func sameNames(what string, got, want []string) error {
	got = slices.Clone(got)
	slices.Sort(got)
	if !slices.Equal(got, want) {
		return fmt.Errorf("%s gave [%s], want [%s] in any order", what, strings.Join(got, " "), strings.Join(want, " "))
	}
	return nil
}
