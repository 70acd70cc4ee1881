package aferoadapter_test

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"syscall"
	"testing"
	"testing/fstest"

	"github.com/spf13/afero"

	"github.com/tmpkit/tmpkit/aferoadapter"
	"github.com/tmpkit/tmpkit/fixture"
	"github.com/tmpkit/tmpkit/golden"
)

var sampleTree = fixture.Tree{
	"a.txt":         fixture.File("alpha\n"),
	"bin/run.sh":    fixture.File("#!/bin/sh\n").WithMode(0o755),
	"empty":         fixture.Dir(),
	"etc/app.yaml":  fixture.File("name: app\n"),
	"etc/z/deep.md": fixture.File(""),
}

// fill writes sampleTree into afs and, where the backend has symlinks, a
// link "etc/link" to "app.yaml" (made on the disk for BasePathFs, which
// cannot store a relative target itself).
func fill(t *testing.T, b backend, afs afero.Fs, dir string) []string {
	t.Helper()
	fixture.Write(t, aferoadapter.FS(afs), sampleTree)
	names := []string{"a.txt", "bin/run.sh", "empty", "etc/app.yaml", "etc/z/deep.md"}
	switch {
	case b.links:
		if err := aferoadapter.FS(afs).Symlink("app.yaml", "etc/link"); err != nil {
			t.Fatal(err)
		}
		names = append(names, "etc/link")
	case dir != "":
		if err := os.Symlink("app.yaml", filepath.Join(dir, "etc/link")); err != nil {
			t.Fatal(err)
		}
		names = append(names, "etc/link")
	}
	return names
}

func TestIOFSPassesTestFS(t *testing.T) {
	for _, b := range adapterBackends() {
		t.Run(b.name, func(t *testing.T) {
			afs, dir := b.new(t)
			names := fill(t, b, afs, dir)
			fsys := aferoadapter.IOFS(afs)
			if err := fstest.TestFS(fsys, names...); err != nil {
				t.Fatal(err)
			}
			_, isLinkFS := fsys.(fs.ReadLinkFS)
			if want := b.name != "MemMapFs"; isLinkFS != want {
				t.Errorf("IOFS is an fs.ReadLinkFS: %v, want %v", isLinkFS, want)
			}
		})
	}
}

// TestIOFSFixesMemMapFs checks what IOFS supplies over afero's MemMapFs:
// io.EOF from a short ReadAt, errors instead of panics, fs.ErrClosed.
func TestIOFSFixesMemMapFs(t *testing.T) {
	afs := afero.NewMemMapFs()
	if err := afero.WriteFile(afs, "/f", []byte("hello"), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := aferoadapter.IOFS(afs).Open("f")
	if err != nil {
		t.Fatal(err)
	}
	ra := f.(io.ReaderAt)
	buf := make([]byte, 10)
	if n, err := ra.ReadAt(buf, 2); n != 3 || err != io.EOF {
		t.Errorf("short ReadAt = %d, %v; want 3, io.EOF", n, err)
	}
	if _, err := ra.ReadAt(buf, -1); err == nil || err.Error() != "readat f: negative offset" {
		t.Errorf("ReadAt(-1) = %v, want readat f: negative offset", err)
	}
	if _, err := f.(io.Seeker).Seek(-1, io.SeekStart); !errors.Is(err, syscall.EINVAL) {
		t.Errorf("Seek(-1) = %v, want EINVAL", err)
	}
	if n, err := f.Read(buf); n != 5 || err != nil {
		t.Errorf("Read after the refused Seek = %d, %v; want 5, nil", n, err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err == nil || err.Error() != "close f: file already closed" || !errors.Is(err, fs.ErrClosed) {
		t.Errorf("second Close = %v, want close f: file already closed", err)
	}
	if _, err := f.Read(buf); !errors.Is(err, fs.ErrClosed) {
		t.Errorf("Read after Close = %v, want fs.ErrClosed", err)
	}
}

func TestIOFSRefusesInvalidNames(t *testing.T) {
	fsys := aferoadapter.IOFS(aferoadapter.NewMemFs())
	for _, name := range []string{"../x", "/x", "a//b", "a/", ""} {
		_, err := fsys.Open(name)
		if !errors.Is(err, fs.ErrInvalid) {
			t.Errorf("Open(%q) = %v, want fs.ErrInvalid", name, err)
		}
	}
	_, err := fs.Stat(fsys, "../x")
	if got, want := err.Error(), "stat ../x: invalid argument"; got != want {
		t.Errorf("Stat(../x) = %q, want %q", got, want)
	}
}

// TestIOFSGoldenAssertDir compares trees in memory with a golden tree in
// testdata: golden.AssertDir works on afero through IOFS.
func TestIOFSGoldenAssertDir(t *testing.T) {
	for _, b := range adapterBackends() {
		t.Run(b.name, func(t *testing.T) {
			afs, dir := b.new(t)
			names := fill(t, b, afs, dir)
			name := "sample-tree"
			if !slices.Contains(names, "etc/link") {
				name = "sample-tree-without-links" // MemMapFs
			}
			golden.AssertDir(t, aferoadapter.IOFS(afs), golden.Name(name))
		})
	}
}
