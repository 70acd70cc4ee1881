package aferoadapter_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"

	"github.com/spf13/afero"

	"github.com/tmpkit/tmpkit/aferoadapter"
	"github.com/tmpkit/tmpkit/fixture"
	"github.com/tmpkit/tmpkit/golden"
	"github.com/tmpkit/tmpkit/internal/faketb"
	"github.com/tmpkit/tmpkit/tmptest"
)

// The toolkit's own helpers on an injected file system: each fails with a
// message naming the entry and the errno, and leaves no half-made entry
// where it promises not to.

// fatalOf runs fn with a recording TB and returns its one Fatalf message.
func fatalOf(t *testing.T, name string, fn func(tb testing.TB)) string {
	t.Helper()
	tb := faketb.New(name, t)
	if tb.Run(fn) {
		t.Fatalf("%s returned; want it to stop the test", name)
	}
	tb.Finish()
	fatals := tb.Fatals()
	if len(fatals) != 1 {
		t.Fatalf("%s: Fatalf calls %q, want one", name, fatals)
	}
	return fatals[0]
}

// toolBackends are NewMemFs and the disk through NewRootFs, both rooted
// at "/", so that the messages read the same.
func toolBackends() []faultBackend {
	return diskFullBackends()[:2]
}

func TestFixtureWriteOnFaults(t *testing.T) {
	tree := fixture.Tree{
		"a.txt":     fixture.File("small"),
		"big.txt":   fixture.File(strings.Repeat("x", 100)),
		"sub/c.txt": fixture.File("c"),
	}
	for _, b := range toolBackends() {
		t.Run(b.name, func(t *testing.T) {
			for _, c := range []struct {
				fault aferoadapter.Fault
				want  string
				left  fixture.Tree // what the destination holds afterwards
			}{
				{aferoadapter.DiskFull(50),
					`fixture: Write: write "big.txt": write big.txt: no space left on device`,
					// No promise of atomicity: what fitted stays, as on a disk.
					fixture.Tree{"a.txt": fixture.File("small"), "big.txt": fixture.File(strings.Repeat("x", 45))}},
				{aferoadapter.ReadOnly("sub"),
					`fixture: Write: write "sub/c.txt": mkdir sub: read-only file system`,
					fixture.Tree{"a.txt": fixture.File("small"), "big.txt": fixture.File(strings.Repeat("x", 100))}},
				{aferoadapter.FailOn("open", "**/c.txt", syscall.EIO),
					`fixture: Write: write "sub/c.txt": open sub/c.txt: input/output error`,
					fixture.Tree{"a.txt": fixture.File("small"), "big.txt": fixture.File(strings.Repeat("x", 100)), "sub": fixture.Dir()}},
				{aferoadapter.MaxOpenFiles(0),
					`fixture: Write: write "a.txt": open a.txt: too many open files`,
					fixture.Tree{}},
			} {
				afs, _ := b.new(t)
				got := fatalOf(t, "TestWrite", func(tb testing.TB) {
					fixture.Write(tb, aferoadapter.FS(aferoadapter.Inject(afs, c.fault)), tree)
				})
				if got != c.want {
					t.Errorf("%v: Fatalf message:\n got: %s\nwant: %s", c.fault, got, c.want)
				}
				fixture.Assert(t, aferoadapter.IOFS(afs), c.left)
			}
		})
	}
}

// TestFixtureWriteReplacesOnFullDisk: a file fixture.Write replaces frees
// its size first, as O_TRUNC does, on the fast way of FS(Inject(NewMemFs()))
// and on the disk alike.
func TestFixtureWriteReplacesOnFullDisk(t *testing.T) {
	for _, b := range toolBackends() {
		t.Run(b.name, func(t *testing.T) {
			afs, _ := b.new(t)
			dst := aferoadapter.FS(aferoadapter.Inject(afs, aferoadapter.DiskFull(10)))
			fixture.Write(t, dst, fixture.Tree{"a": fixture.File("12345678")})
			fixture.Write(t, dst, fixture.Tree{"a": fixture.File("0123456789")})
			got := fatalOf(t, "TestWrite", func(tb testing.TB) { fixture.Write(tb, dst, fixture.Tree{"b": fixture.File("x")}) })
			if want := `fixture: Write: write "b": write b: no space left on device`; got != want {
				t.Errorf("Fatalf message:\n got: %s\nwant: %s", got, want)
			}
			fixture.Assert(t, aferoadapter.IOFS(afs), fixture.Tree{"a": fixture.File("0123456789"), "b": fixture.File("")})
		})
	}
}

// TestTempOnFaults: TempDir and TempFile, tmptest.Make's helpers, fail with
// the directory and the errno, and remove what they made when setting its
// mode fails.
func TestTempOnFaults(t *testing.T) {
	t.Setenv("TMPTEST_KEEP", "")
	for _, b := range toolBackends() {
		t.Run(b.name, func(t *testing.T) {
			afs, _ := b.new(t)
			if err := afs.Mkdir("/work", 0o755); err != nil {
				t.Fatal(err)
			}
			in := tmptest.In("/work")
			for _, c := range []struct {
				fault aferoadapter.Fault
				file  bool
				opts  []tmptest.Option
				want  string
			}{
				{aferoadapter.ReadOnly("/work"), false, nil,
					`tmptest: In("/work"): mkdir /work/TestTemp-<random>: read-only file system`},
				{aferoadapter.ReadOnly("/work"), true, nil,
					`tmptest: In("/work"): open /work/TestTemp-<random>: read-only file system`},
				{aferoadapter.DiskFull(0), true, nil, ""}, // an empty file needs no space
				{aferoadapter.MaxOpenFiles(0), true, nil,
					`tmptest: In("/work"): open /work/TestTemp-<random>: too many open files`},
				{aferoadapter.FailOn("chmod", "/work/*", syscall.EIO), false, []tmptest.Option{tmptest.Perm(0o750)},
					`tmptest: In("/work"): chmod /work/TestTemp-<random>: input/output error`},
				{aferoadapter.FailOn("chmod", "/work/*", syscall.EIO), true, []tmptest.Option{tmptest.Perm(0o640)},
					`tmptest: In("/work"): chmod /work/TestTemp-<random>: input/output error`},
			} {
				faulty := aferoadapter.Inject(afs, c.fault)
				opts := append([]tmptest.Option{in}, c.opts...)
				tb := faketb.New("TestTemp", t)
				tb.Run(func(tb testing.TB) {
					if c.file {
						aferoadapter.TempFile(tb, faulty, opts...)
					} else {
						aferoadapter.TempDir(tb, faulty, opts...)
					}
				})
				var got string
				if f := tb.Fatals(); len(f) > 0 {
					got = randomPart.ReplaceAllString(f[0], "TestTemp-<random>")
				}
				if got != c.want {
					t.Errorf("%v (file %v): Fatalf message:\n got: %s\nwant: %s", c.fault, c.file, got, c.want)
				}
				tb.Finish()
				if names := entries(t, afs, "/work"); len(names) != 0 {
					t.Errorf("%v (file %v): /work holds %q after the test, want nothing", c.fault, c.file, names)
				}
			}
		})
	}
}

func entries(t *testing.T, afs afero.Fs, dir string) []string {
	t.Helper()
	infos, err := afero.ReadDir(afs, dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, info := range infos {
		names = append(names, info.Name())
	}
	return names
}

// TestGoldenOnFaults: golden writes only to the disk, through *os.Root, so
// no afero.Fs can fail its writes; what it reads can. AssertDir of a view
// whose read fails stops the test naming the entry and the errno, and in
// update mode leaves the golden tree as it was.
func TestGoldenOnFaults(t *testing.T) {
	t.Setenv("UPDATE_GOLDEN", "force")
	goldens := t.TempDir()
	if err := fixture.WriteDir(goldens, fixture.Tree{"out.golden/a.txt": fixture.File("old a\n"), "out.golden/b.txt": fixture.File("old b\n")}); err != nil {
		t.Fatal(err)
	}
	afs := aferoadapter.New(t, fixture.Tree{"a.txt": fixture.File("new a\n"), "b.txt": fixture.File("new b\n")})
	view := aferoadapter.IOFS(aferoadapter.Inject(afs, aferoadapter.FailOn("read", "b.txt", syscall.EIO)))
	got := fatalOf(t, "TestGolden", func(tb testing.TB) {
		golden.AssertDir(tb, view, golden.Dir(goldens), golden.Name("out.golden"))
	})
	want := `golden: AssertDir for "` + filepath.Join(goldens, "out.golden") + `": reading the output tree: fixture: read "b.txt": read b.txt: input/output error`
	if got != want {
		t.Errorf("Fatalf message:\n got: %s\nwant: %s", got, want)
	}
	fixture.Assert(t, os.DirFS(goldens), fixture.Tree{"out.golden/a.txt": fixture.File("old a\n"), "out.golden/b.txt": fixture.File("old b\n")})
}

// randomPart is a default temp name in /work, random part included.
var randomPart = regexp.MustCompile(`TestTemp-[a-z0-9]{10}`)
