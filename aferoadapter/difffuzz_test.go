//go:build linux

package aferoadapter_test

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/spf13/afero"

	"github.com/tmpkit/tmpkit/aferoadapter"
)

// FuzzMemFsDiff runs a program of 20 to 30 operations (difffuzz_prog_test.go)
// on NewMemFs and on a fresh directory of the real disk, the oracle, and
// requires the same outcome from every step: the error's type, op and
// errno, or the value returned. At the end both trees must hold the same
// entries, types, modes, contents and link targets.
//
// The disk is reached through package os, in the directory as the working
// directory (an absolute name gets its path put before it), not through
// afero.NewBasePathFs (which cleans ".." and trailing slashes away before
// the disk sees them) or NewRootFs (whose *os.Root answers some errors
// itself): the kernel sees the name as NewMemFs does. A step is skipped, on both, where the disk would leave
// the directory (a ".." above it, a link out of it, an absolute link
// target) or would depend on the file system rather than on Linux: sizes
// and offsets past diffCap, SEEK_DATA and SEEK_HOLE in a sparse file, a
// directory's offsets. As root, every mode keeps the owner's rwx bits, as
// NewMemFs enforces them where root would not.
func FuzzMemFsDiff(f *testing.F) {
	base := f.TempDir()
	opts := diffOptions{privileged: os.Geteuid() == 0, comparePerm: processUmask() == 0o022}
	f.Fuzz(func(t *testing.T, program string) {
		steps := parseDiffProgram(program)
		r := newDiffRun(t, base, opts)
		defer r.close()
		for i, s := range steps {
			mem, disk, ran := r.step(s)
			if ran && mem != disk {
				t.Fatalf("step %d, %s:\n  disk:     %s\n  NewMemFs: %s\nprogram:\n%s", i+1, s, disk, mem, listing(steps, i))
			}
		}
		memTree, memErr := snapshot(r.mem, opts.comparePerm)
		diskTree, diskErr := snapshot(r.disk, opts.comparePerm)
		if memErr != nil || diskErr != nil {
			t.Fatalf("reading the trees back: disk %v; NewMemFs %v\nprogram:\n%s", diskErr, memErr, listing(steps, -1))
		}
		if memTree != diskTree {
			t.Fatalf("the trees differ:\ndisk:\n%sNewMemFs:\n%sprogram:\n%s", diskTree, memTree, listing(steps, -1))
		}
	})
}

// listing prints steps one a line, marking step mark (0-based), in the
// form the corpus holds: paste it into a file to keep it.
func listing(steps []diffStep, mark int) string {
	var b strings.Builder
	for i, s := range steps {
		prefix := "    "
		if i == mark {
			prefix = " -> "
		}
		fmt.Fprintf(&b, "%s%s\n", prefix, s)
	}
	return b.String()
}

type diffOptions struct {
	privileged  bool // root: modes keep the owner's rwx bits
	comparePerm bool // the umask is NewMemFs's 022: permission bits compare
}

// diffSide is one of the two file systems, with its handles.
type diffSide struct {
	fsys    afero.Fs
	links   afero.Symlinker
	path    func(string) string // the name the file system is given
	root    string              // the name of the root, with no "." to search
	handles [4]afero.File
}

// diffRun is one program's run on both sides.
type diffRun struct {
	t         *testing.T
	opts      diffOptions
	base      string // where dir is made; empty again after the run
	dir       string // the disk side's directory
	mem, disk *diffSide
	// Per handle slot: whether it holds a directory, and whether its
	// listing went stale (the tree changed after it began: which entries
	// are left then depends on the disk's order).
	isDir   [4]bool
	stale   [4]bool
	listing [4]bool
}

func newDiffRun(t *testing.T, base string, opts diffOptions) *diffRun {
	dir, err := os.MkdirTemp(base, "disk")
	must(t, err)
	must(t, os.Chmod(dir, 0o755)) // NewMemFs's root is 0755
	// Relative names start in dir, as in NewMemFs they start at its root:
	// "." is then searched like NewMemFs's root, not reached by its path.
	t.Chdir(dir)
	mem := aferoadapter.NewMemFs()
	disk := afero.NewOsFs()
	return &diffRun{
		t: t, opts: opts, base: base, dir: dir,
		mem: &diffSide{fsys: mem, links: mem.(afero.Symlinker), root: "/", path: func(n string) string { return n }},
		disk: &diffSide{fsys: disk, links: disk.(afero.Symlinker), root: dir, path: func(n string) string {
			if strings.HasPrefix(n, "/") {
				return dir + n // not filepath.Join: it would clean the name
			}
			return n // relative to the working directory, dir
		}},
	}
}

// close closes every handle and removes the disk side's directory, which
// must then leave base empty: nothing was written outside it.
func (r *diffRun) close() {
	for _, side := range []*diffSide{r.mem, r.disk} {
		for _, h := range side.handles {
			if h != nil {
				h.Close()
			}
		}
	}
	unlockTree(r.dir)
	if err := os.RemoveAll(r.dir); err != nil {
		r.t.Fatalf("removing the disk side: %v", err)
	}
	if entries, err := os.ReadDir(r.base); err != nil || len(entries) != 0 {
		r.t.Fatalf("the fuzz base directory holds %d entries after the run (%v): a step left the disk side's directory", len(entries), err)
	}
}
