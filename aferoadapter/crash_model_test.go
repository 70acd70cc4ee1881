package aferoadapter

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/spf13/afero"

	"github.com/tmpkit/tmpkit/fixture"
)

// states lists every state of every crash point of work on setup, each as
// "<point>/<state>: <tree>", the tree as "path=content" items, "path/"
// for a directory and "path->target" for a link.
func statesOf(t *testing.T, setup fixture.Tree, work func(afero.Fs) error, env ...string) []string {
	t.Helper()
	getenv := func(k string) string {
		for _, kv := range env {
			if name, value, _ := strings.Cut(kv, "="); name == k {
				return value
			}
		}
		return ""
	}
	run, err := startCrashRun("CrashTest", setup, work, getenv)
	if err != nil {
		t.Fatal(err)
	}
	if run.workErr != nil {
		t.Fatalf("work: %v", run.workErr)
	}
	var lines []string
	for p := range run.points() {
		for _, st := range p.states {
			lines = append(lines, fmt.Sprintf("%s/%s: %s", p.name, st.name, render(st.fs.root, "")))
		}
	}
	return lines
}

func render(n *node, dir string) string {
	var items []string
	for _, name := range n.names() {
		c := n.entries[name]
		p := dir + name
		switch {
		case c.isDir():
			items = append(items, p+"/")
			if sub := render(c, p+"/"); sub != "" {
				items = append(items, sub)
			}
		case c.isSymlink():
			items = append(items, p+"->"+c.target)
		default:
			item := fmt.Sprintf("%s=%q", p, c.data)
			if c.mode.Perm() != 0o644 {
				item += fmt.Sprintf("(%o)", c.mode.Perm())
			}
			items = append(items, item)
		}
	}
	return strings.Join(items, " ")
}

func wantLines(t *testing.T, got []string, want ...string) {
	t.Helper()
	if !slices.Equal(got, want) {
		t.Errorf("states:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func syncDir(afs afero.Fs, name string) error {
	d, err := afs.Open(name)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}

// TestCrashModelFileAndDirectory: a file's data is durable once it is
// Synced; its entry once its directory is.
func TestCrashModelFileAndDirectory(t *testing.T) {
	got := statesOf(t, fixture.Tree{"keep": fixture.File("k")}, func(afs afero.Fs) error {
		if err := afs.Mkdir("/d", 0o755); err != nil {
			return err
		}
		f, err := afs.Create("/d/f")
		if err != nil {
			return err
		}
		defer f.Close()
		f.WriteString("ab")
		f.Sync()
		f.WriteString("cd")
		if err := syncDir(afs, "/d"); err != nil {
			return err
		}
		return syncDir(afs, "/")
	})
	// A state equal to one checked before is not checked again: data-lost
	// at point 1 is also nothing-lost there, and at point 3 it is point
	// 2's; durable-only stays point 1's throughout, the directories not
	// being synced until the end.
	wantLines(t, got,
		`crash-1-mkdir-d/durable-only: keep="k"`,
		`crash-1-mkdir-d/data-lost: d/ keep="k"`,
		`crash-2-create-d_f/data-lost: d/ d/f="" keep="k"`,
		`crash-3-write-d_f/nothing-lost: d/ d/f="ab" keep="k"`,
		// After the Sync of d/f, "ab" is durable and "cd" is not: its
		// data-lost state is point 3's nothing-lost.
		`crash-4-write-d_f/nothing-lost: d/ d/f="abcd" keep="k"`,
	)
}

// TestCrashModelRename: a rename is one change, durable once the
// destination's directory is Synced; the data it points to is durable
// only if the file was Synced.
func TestCrashModelRename(t *testing.T) {
	got := statesOf(t, fixture.Tree{"doc": fixture.File("old")}, func(afs afero.Fs) error {
		f, err := afs.Create("/t")
		if err != nil {
			return err
		}
		f.WriteString("new")
		f.Sync()
		f.Close()
		if err := afs.Rename("/t", "/doc"); err != nil {
			return err
		}
		if err := syncDir(afs, "/"); err != nil {
			return err
		}
		return afero.WriteFile(afs, "/after", nil, 0o644)
	})
	wantLines(t, got,
		`crash-1-create-t/durable-only: doc="old"`,
		`crash-1-create-t/data-lost: doc="old" t=""`,
		`crash-2-write-t/nothing-lost: doc="old" t="new"`,
		// t was Synced: the rename cannot leave an empty doc. Not yet
		// durable, it may be lost too: durable-only is point 1's.
		`crash-3-rename-doc/data-lost: doc="new"`,
		// After the Sync of "/", the rename is durable: durable-only is
		// point 3's data-lost.
		`crash-4-create-after/data-lost: after="" doc="new"`,
	)
}

// TestCrashModelOverwrite: O_TRUNC and the writes after it are file
// data: lost together unless Synced.
func TestCrashModelOverwrite(t *testing.T) {
	got := statesOf(t, fixture.Tree{"doc": fixture.File("old")}, func(afs afero.Fs) error {
		f, err := afs.OpenFile("/doc", os.O_WRONLY|os.O_TRUNC, 0)
		if err != nil {
			return err
		}
		defer f.Close()
		f.WriteString("ne")
		_, err = f.WriteString("w")
		return err
	})
	wantLines(t, got,
		`crash-1-truncate-doc/durable-only: doc="old"`,
		`crash-1-truncate-doc/nothing-lost: doc=""`,
		`crash-2-write-doc/nothing-lost: doc="ne"`,
		`crash-3-write-doc/nothing-lost: doc="new"`,
	)
}

// TestCrashModelEntries: mkdir (MkdirAll: each directory), symlink,
// chmod, remove and RemoveAll.
func TestCrashModelEntries(t *testing.T) {
	got := statesOf(t, fixture.Tree{"a/x": fixture.File("x"), "a/y": fixture.File("y"), "keep": fixture.File("k")}, func(afs afero.Fs) error {
		must := func(err error) {
			if err != nil {
				panic(err)
			}
		}
		must(afs.MkdirAll("/b/c", 0o755))
		must(afs.(afero.Linker).SymlinkIfPossible("../keep", "/b/l"))
		must(afs.Chmod("/keep", 0o600))
		must(syncDir(afs, "/b"))
		must(afs.Remove("/a/x"))
		must(syncDir(afs, "/a"))
		must(afs.RemoveAll("/a"))
		return nil
	}, "CRASHTEST_SAMPLES=0")
	wantLines(t, got,
		`crash-1-mkdir-b/durable-only: a/ a/x="x" a/y="y" keep="k"`,
		`crash-1-mkdir-b/data-lost: a/ a/x="x" a/y="y" b/ keep="k"`,
		`crash-2-mkdir-b_c/data-lost: a/ a/x="x" a/y="y" b/ b/c/ keep="k"`,
		`crash-3-symlink-b_l/data-lost: a/ a/x="x" a/y="y" b/ b/c/ b/l->../keep keep="k"`,
		`crash-4-chmod-keep/nothing-lost: a/ a/x="x" a/y="y" b/ b/c/ b/l->../keep keep="k"(600)`,
		`crash-5-remove-a_x/data-lost: a/ a/y="y" b/ b/c/ b/l->../keep keep="k"`,
		`crash-5-remove-a_x/nothing-lost: a/ a/y="y" b/ b/c/ b/l->../keep keep="k"(600)`,
		// a/x's removal is durable (a was Synced), b is not ("/" was not).
		`crash-6-remove-a/durable-only: a/ a/y="y" keep="k"`,
		`crash-6-remove-a/data-lost: b/ b/c/ b/l->../keep keep="k"`,
		`crash-6-remove-a/nothing-lost: b/ b/c/ b/l->../keep keep="k"(600)`,
	)
}

// sampledWork makes several directory changes and writes, none synced,
// so that sampled states have room to differ from the fixed ones.
func sampledWork(afs afero.Fs) error {
	for _, name := range []string{"/a", "/b", "/c"} {
		f, err := afs.Create(name)
		if err != nil {
			return err
		}
		f.WriteString("1")
		f.WriteString("2")
		f.Close()
	}
	return afs.Rename("/a", "/c")
}

// TestCrashModelSamples: sampled states keep the durable changes and a
// first part of the others, each file at one of its versions; the seed
// draws them again exactly.
func TestCrashModelSamples(t *testing.T) {
	got := statesOf(t, nil, sampledWork, "CRASHTEST_SAMPLES=2", "CRASHTEST_SEED=3")
	wantLines(t, got,
		`crash-1-create-a/durable-only: `,
		`crash-1-create-a/data-lost: a=""`,
		`crash-2-write-a/nothing-lost: a="1"`,
		`crash-3-write-a/nothing-lost: a="12"`,
		`crash-4-create-b/data-lost: a="" b=""`,
		`crash-4-create-b/nothing-lost: a="12" b=""`,
		`crash-5-write-b/nothing-lost: a="12" b="1"`,
		`crash-6-write-b/nothing-lost: a="12" b="12"`,
		`crash-6-write-b/sample-1: a="" b="12"`,
		`crash-7-create-c/data-lost: a="" b="" c=""`,
		`crash-7-create-c/nothing-lost: a="12" b="12" c=""`,
		`crash-8-write-c/nothing-lost: a="12" b="12" c="1"`,
		`crash-8-write-c/sample-1: a="12" b="" c=""`,
		`crash-9-write-c/nothing-lost: a="12" b="12" c="12"`,
		`crash-10-rename-c/data-lost: b="" c=""`,
		`crash-10-rename-c/nothing-lost: b="12" c="12"`,
		`crash-10-rename-c/sample-1: b="1" c="1"`, // a's first write, at c
	)
	if again := statesOf(t, nil, sampledWork, "CRASHTEST_SAMPLES=2", "CRASHTEST_SEED=3"); !slices.Equal(again, got) {
		t.Errorf("the same seed drew other states:\n%s", strings.Join(again, "\n"))
	}
	if other := statesOf(t, nil, sampledWork, "CRASHTEST_SAMPLES=2", "CRASHTEST_SEED=4"); slices.Equal(other, got) {
		t.Errorf("another seed drew the same states")
	}
}
