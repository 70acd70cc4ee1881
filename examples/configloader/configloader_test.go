package configloader_test

import (
	"errors"
	"io/fs"
	"os"
	"syscall"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/spf13/afero"

	"github.com/tmpkit/tmpkit/aferoadapter"
	"github.com/tmpkit/tmpkit/examples/configloader"
	"github.com/tmpkit/tmpkit/fixture"
)

// backends hold a fixture.Tree at the root of an afero.Fs: in memory, and
// on the disk in a temporary directory (through *os.Root, so a name such as
// /etc/app is inside that directory and nothing outside is reachable).
var backends = []struct {
	name string
	new  func(t *testing.T, tree fixture.Tree) afero.Fs
}{
	{"memory", func(t *testing.T, tree fixture.Tree) afero.Fs { return aferoadapter.New(t, tree) }},
	{"disk", func(t *testing.T, tree fixture.Tree) afero.Fs {
		root, err := os.OpenRoot(fixture.New(t, tree))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { root.Close() })
		return aferoadapter.NewRootFs(root)
	}},
}

var layers = []string{"/etc/app", "/home/ann/.config/app", "/work/project"}

func TestLoad(t *testing.T) {
	for _, c := range []struct {
		name    string
		tree    fixture.Tree
		want    map[string]string // values
		sources map[string]string // some keys' sources
		err     string            // the whole error message, when Load fails
		errIs   error
	}{{
		name: "later layers win",
		tree: fixture.Tree{
			"etc/app/config.conf":              fixture.File("a = 1\nb = 1\n"),
			"home/ann/.config/app/config.conf": fixture.File("# mine\nb = 2\n"),
			"work/project/config.conf":         fixture.File("c = 3\n"),
		},
		want:    map[string]string{"a": "1", "b": "2", "c": "3"},
		sources: map[string]string{"b": "/home/ann/.config/app/config.conf:2"},
	}, {
		name: "conf.d in name order, whatever the directory order",
		tree: fixture.Tree{
			"etc/app/conf.d/20-late.conf":  fixture.File("x = late\n"),
			"etc/app/conf.d/10-early.conf": fixture.File("x = early\ny = early\n"),
			"etc/app/conf.d/README":        fixture.File("not a conf file"),
		},
		want: map[string]string{"x": "late", "y": "early"},
	}, {
		name: "include through a version symlink",
		// An include is named from where the including file stands: v2.conf
		// is read as current.conf, in /etc/app.
		tree: fixture.Tree{
			"etc/app/config.conf":         fixture.File("include current.conf\nname = app\n"),
			"etc/app/current.conf":        fixture.Symlink("versions/v2.conf"),
			"etc/app/versions/v1.conf":    fixture.File("version = 1\n"),
			"etc/app/versions/v2.conf":    fixture.File("version = 2\ninclude shared.conf\n"),
			"etc/app/shared.conf":         fixture.File("shared = yes\n"),
			"work/project/config.conf":    fixture.File("name = project\n"),
			"home/ann/.config/app/conf.d": fixture.Dir(),
		},
		want:    map[string]string{"version": "2", "name": "project", "shared": "yes"},
		sources: map[string]string{"version": "/etc/app/current.conf:1", "shared": "/etc/app/shared.conf:1"},
	}, {
		name: "missing layers are skipped",
		tree: fixture.Tree{"work/project/config.conf": fixture.File("only = here\n")},
		want: map[string]string{"only": "here"},
	}, {
		name: "include cycle",
		tree: fixture.Tree{
			"etc/app/config.conf": fixture.File("include a.conf\n"),
			"etc/app/a.conf":      fixture.File("include b.conf\n"),
			"etc/app/b.conf":      fixture.File("include a.conf\n"),
		},
		err: `configloader: /etc/app/b.conf:1: includes nested deeper than 8 (an include cycle?)
	included from /etc/app/a.conf:1
	included from /etc/app/b.conf:1
	included from /etc/app/a.conf:1
	included from /etc/app/b.conf:1
	included from /etc/app/a.conf:1
	included from /etc/app/b.conf:1
	included from /etc/app/a.conf:1
	included from /etc/app/config.conf:1`,
	}, {
		name:  "missing include",
		tree:  fixture.Tree{"etc/app/config.conf": fixture.File("\ninclude gone.conf\n")},
		errIs: fs.ErrNotExist,
	}, {
		name:  "include through a link loop",
		tree:  fixture.Tree{"etc/app/config.conf": fixture.File("include loop.conf\n"), "etc/app/loop.conf": fixture.Symlink("loop.conf")},
		errIs: syscall.ELOOP,
	}, {
		name:  "config.conf is a directory",
		tree:  fixture.Tree{"etc/app/config.conf/x": fixture.File("")},
		errIs: syscall.EISDIR,
	}, {
		name: "bad line",
		tree: fixture.Tree{"etc/app/config.conf": fixture.File("a = 1\njust words\n")},
		err:  `configloader: /etc/app/config.conf:2: want "key = value", got "just words"`,
	}} {
		for _, b := range backends {
			t.Run(c.name+"/"+b.name, func(t *testing.T) {
				afs := b.new(t, c.tree)
				got, err := configloader.Loader{Fs: afs, Layers: layers}.Load()
				switch {
				case c.err != "":
					if err == nil || err.Error() != c.err {
						t.Fatalf("Load error:\n%v\nwant:\n%s", err, c.err)
					}
					return
				case c.errIs != nil:
					if !errors.Is(err, c.errIs) {
						t.Fatalf("Load error = %v, want one wrapping %v", err, c.errIs)
					}
					return
				case err != nil:
					t.Fatal(err)
				}
				if diff := cmp.Diff(c.want, got.Values); diff != "" {
					t.Errorf("values (-want +got):\n%s", diff)
				}
				for k, want := range c.sources {
					if got.Source[k] != want {
						t.Errorf("source of %s = %q, want %q", k, got.Source[k], want)
					}
				}
			})
		}
	}
}

func TestSave(t *testing.T) {
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) {
			afs := b.new(t, fixture.Tree{
				"etc/app/config.conf":      fixture.File("a = 1\n"),
				"work/project/config.conf": fixture.File("old = yes\n"),
			})
			l := configloader.Loader{Fs: afs, Layers: layers}
			if err := l.Save(map[string]string{"b": "2", "a": "9"}); err != nil {
				t.Fatal(err)
			}
			fixture.Assert(t, aferoadapter.IOFS(afs), fixture.Tree{
				"etc/app/config.conf":      fixture.File("a = 1\n"),
				"work/project/config.conf": fixture.File("a = 9\nb = 2\n"),
			})
		})
	}
}

// TestSaveIntoMissingLayer: the project directory does not exist, so Save
// must fail, on the disk and in NewMemFs alike.
func TestSaveIntoMissingLayer(t *testing.T) {
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) {
			afs := b.new(t, fixture.Tree{"etc/app/config.conf": fixture.File("a = 1\n")})
			err := configloader.Loader{Fs: afs, Layers: layers}.Save(map[string]string{"a": "2"})
			if !errors.Is(err, fs.ErrNotExist) {
				t.Fatalf("Save = %v, want an error wrapping fs.ErrNotExist", err)
			}
		})
	}
}

// TestMemMapFsHidesTheMissingLayer shows why the tests use NewMemFs: on
// afero's MemMapFs the same Save succeeds, inventing /work/project, so a
// test on it would pass while the program fails on a real disk.
func TestMemMapFsHidesTheMissingLayer(t *testing.T) {
	afs := afero.NewMemMapFs()
	err := configloader.Loader{Fs: afs, Layers: layers}.Save(map[string]string{"a": "2"})
	if err != nil {
		t.Fatalf("MemMapFs refused the save (%v): afero changed; update this test", err)
	}
	if _, err := afs.Stat("/work/project"); err != nil {
		t.Fatalf("MemMapFs did not invent /work/project: %v", err)
	}
}
