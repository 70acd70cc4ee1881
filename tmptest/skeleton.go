package tmptest

import (
	"io/fs"
	"os"
	"testing"
)

// Option configures the name, place, mode and lifetime of what a helper creates.
type Option func(*config)

type config struct {
	prefix, suffix, dir string
	perm                fs.FileMode
	permSet, keep       bool
}

// Prefix makes the name start with p.
func Prefix(p string) Option { return func(c *config) { c.prefix = p } }

// Suffix makes the name end with s.
func Suffix(s string) Option { return func(c *config) { c.suffix = s } }

// In creates inside dir instead of [BaseDir].
func In(dir string) Option { return func(c *config) { c.dir = dir } }

// Perm sets the permission bits.
func Perm(mode fs.FileMode) Option { return func(c *config) { c.perm, c.permSet = mode, true } }

// Keep leaves the result in place after the test.
func Keep() Option { return func(c *config) { c.keep = true } }

// BaseDir reports where temporary things go by default.
func BaseDir() string {
	if d := os.Getenv("TMPTEST_DIR"); d != "" {
		return d
	}
	if d := os.Getenv("GOTMPDIR"); d != "" {
		return d
	}
	return os.TempDir()
}

func build(opts []Option) config {
	var c config
	for _, o := range opts {
		o(&c)
	}
	if c.dir == "" {
		c.dir = BaseDir()
	}
	return c
}

// Dir creates a temporary directory.
func Dir(t testing.TB, opts ...Option) string {
	t.Helper()
	c := build(opts)
	d, err := os.MkdirTemp(c.dir, c.prefix+"*"+c.suffix)
	if err != nil {
		t.Fatalf("tmptest: %v", err)
	}
	if !c.keep {
		t.Cleanup(func() { os.RemoveAll(d) })
	}
	return d
}

// File creates a named temporary file opened for reading and writing.
func File(t testing.TB, opts ...Option) *os.File {
	t.Helper()
	c := build(opts)
	f, err := os.CreateTemp(c.dir, c.prefix+"*"+c.suffix)
	if err != nil {
		t.Fatalf("tmptest: %v", err)
	}
	if !c.keep {
		t.Cleanup(func() { f.Close(); os.Remove(f.Name()) })
	}
	return f
}

// WriteFile creates a named temporary file holding content and returns its path.
func WriteFile[T ~string | ~[]byte](t testing.TB, content T, opts ...Option) string {
	t.Helper()
	f := File(t, opts...)
	if _, err := f.Write([]byte(content)); err != nil {
		t.Fatalf("tmptest: %v", err)
	}
	if err := f.Close(); err != nil {
		t.Fatalf("tmptest: %v", err)
	}
	return f.Name()
}

// Path returns a fresh path where nothing exists.
func Path(t testing.TB, opts ...Option) string {
	t.Helper()
	c := build(opts)
	d := Dir(t, In(c.dir))
	return d + string(os.PathSeparator) + c.prefix + "p" + c.suffix
}
