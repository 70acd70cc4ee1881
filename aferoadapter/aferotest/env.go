package aferotest

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

	"github.com/spf13/afero"
)

// env is what a check works with: a fresh file system and the directory
// inside it that belongs to the check.
type env struct {
	fsys  afero.Fs
	dir   string
	links afero.Symlinker // nil when the backend has no symlinks
}

func newEnv(fsys afero.Fs, dir string) *env {
	e := &env{fsys: fsys, dir: strings.TrimSuffix(dir, "/")}
	if l, ok := fsys.(afero.Symlinker); ok {
		e.links = l
	}
	return e
}

// p is the full name of name, a slash path relative to the check's
// directory.
func (e *env) p(name string) string { return e.dir + "/" + name }

// scrub removes the check's directory from a detail, so results read the
// same on every run and every backend.
func (e *env) scrub(s string) string {
	if e.dir == "" {
		return s
	}
	return strings.ReplaceAll(s, e.dir+"/", "")
}

// writeFile creates or truncates name and writes content, as os.WriteFile.
func (e *env) writeFile(name, content string) error {
	f, err := e.fsys.OpenFile(e.p(name), os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return fmt.Errorf("setup: write %s: %s", name, describe(err))
	}
	if _, err := io.WriteString(f, content); err != nil {
		f.Close()
		return fmt.Errorf("setup: write %s: %s", name, describe(err))
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("setup: close %s: %s", name, describe(err))
	}
	return nil
}

// readFile returns the content of name.
func (e *env) readFile(name string) (string, error) {
	f, err := e.fsys.Open(e.p(name))
	if err != nil {
		return "", fmt.Errorf("read %s: %s", name, describe(err))
	}
	defer f.Close()
	b, err := io.ReadAll(f)
	if err != nil {
		return "", fmt.Errorf("read %s: %s", name, describe(err))
	}
	return string(b), nil
}

// wantContent checks that name holds want.
func (e *env) wantContent(name, want string) error {
	got, err := e.readFile(name)
	if err != nil {
		return err
	}
	if got != want {
		return fmt.Errorf("%s holds %q, want %q", name, got, want)
	}
	return nil
}

// mkdirs creates each directory, in order.
func (e *env) mkdirs(names ...string) error {
	for _, name := range names {
		if err := e.fsys.Mkdir(e.p(name), 0o755); err != nil {
			return fmt.Errorf("setup: mkdir %s: %s", name, describe(err))
		}
	}
	return nil
}

// symlink creates name pointing at target (verbatim).
func (e *env) symlink(target, name string) error {
	if err := e.links.SymlinkIfPossible(target, e.p(name)); err != nil {
		return fmt.Errorf("setup: symlink %s -> %s: %s", name, target, describe(err))
	}
	return nil
}

// lstat describes name without following a final symlink when the backend
// can, else with Stat.
func (e *env) lstat(name string) (fs.FileInfo, error) {
	if l, ok := e.fsys.(afero.Lstater); ok {
		info, _, err := l.LstatIfPossible(e.p(name))
		return info, err
	}
	return e.fsys.Stat(e.p(name))
}

// wantType checks that name exists with the type bits of want.
func (e *env) wantType(name string, want fs.FileMode) error {
	info, err := e.lstat(name)
	if err != nil {
		return fmt.Errorf("%s: want it to exist: %s", name, describe(err))
	}
	if got := info.Mode().Type(); got != want.Type() {
		return fmt.Errorf("%s has type %s, want %s", name, typeName(got), typeName(want))
	}
	return nil
}

// wantMissing checks that name does not exist.
func (e *env) wantMissing(name string) error {
	_, err := e.lstat(name)
	if err == nil {
		return fmt.Errorf("%s exists, want it missing", name)
	}
	if !os.IsNotExist(err) {
		return fmt.Errorf("Lstat(%s): %s, want a not-exist error", name, describe(err))
	}
	return nil
}

func typeName(m fs.FileMode) string {
	switch {
	case m&fs.ModeDir != 0:
		return "directory"
	case m&fs.ModeSymlink != 0:
		return "symlink"
	case m.Type() == 0:
		return "regular file"
	}
	return m.Type().String()
}

// first returns the first non-nil error.
func first(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
