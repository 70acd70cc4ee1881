package golden

import (
	"errors"
	"fmt"
	"hash/maphash"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/tmpkit/tmpkit/fixture"
	"github.com/tmpkit/tmpkit/internal/goldenattr"
	"github.com/tmpkit/tmpkit/internal/goldenwrite"
)

// AssertDir compares the whole tree fsys holds (any [fs.FS]: [os.DirFS],
// (*os.Root).FS(), an afero view, a [fixture.Tree]'s FS) with a golden tree
// and, when they differ, marks the test failed with a report of the
// missing, extra and changed entries and the command that updates it, and
// lets it go on, as [Assert] does.
//
// The golden tree is the directory testdata/<t.Name()>.golden.d/ (or the
// path given by [Name] below [Dir]), holding the tree as plain files and
// symlinks, reviewable in a pull request; its default path never collides
// with [Assert]'s testdata/<t.Name()>.golden. AssertDir compares what git
// keeps: the type of each entry, the content of each file (as [Assert]
// does: scrubbed, a text golden's CRLF line endings read as LF unless
// [Exact]), the target of each symlink (scrubbed) and the executable bit
// (not on Windows, which has none). Directories matter only as the parents
// of files and symlinks: git keeps no empty directory, so empty ones are
// ignored.
//
// In update mode, AssertDir writes the whole tree anew beside the old one
// and swaps it in, so a failed update leaves the old tree whole; it
// changes nothing when nothing differs, and logs the files added, removed
// and changed. It never writes a tree that is, or contains, the package
// directory, a testdata directory or the golden directory itself, a module
// root (go.mod), a repository (.git) or Go source: such an update fails,
// naming it, and removes and writes nothing. A golden file lying where the
// tree goes is replaced.
func AssertDir(t testing.TB, fsys fs.FS, opts ...Option) {
	t.Helper()
	cfg := newConfig(opts)
	cfg.refuseRedact("AssertDir compares files as text")
	c := newCall(t, &cfg)
	c.flush(t, c.assertTree(cfg, fsys))
}

// gitExec is the permission bit git keeps: the owner's executable bit.
const gitExec fs.FileMode = 0o100

func (c *call) assertTree(cfg config, fsys fs.FS) error {
	if cfg.err != nil {
		return cfg.err
	}
	set, err := readSetting(c.getenv, c.lookupFlag)
	if err != nil {
		return err
	}
	loc := c.locateTree(cfg)
	raw, err := fixture.Read(fsys)
	if err == nil {
		err = gitTypesOnly(raw)
	}
	if err != nil {
		return fmt.Errorf("golden: AssertDir for %q: reading the output tree: %w", loc.display, err)
	}
	got := gitTree(raw, cfg.scrubFunc(c))
	e, err := cfg.reg.acquire(loc, true)
	if err != nil {
		return err
	}
	defer e.lock.Unlock()
	c.use(loc, goldenattr.Tree)
	if set.mode == overwrite {
		if err := e.expect(digest(got), c.test, loc.display); err != nil {
			return err
		}
	}

	want, err := readGoldenTree(loc)
	var nd *goldenwrite.NotDirError
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if set.mode == compareOnly {
			c.recordTree(loc, nil, false, got, cfg.exact)
			return c.missingTree(set, loc, got)
		}
		return c.writeTree(cfg, set, loc, got)
	case errors.As(err, &nd) && nd.Mode.IsRegular() && set.mode == overwrite:
		return c.writeTree(cfg, set, loc, got) // a stale golden file: replaced
	case err != nil:
		return err
	}
	report, err := fixture.Diff(got.FS(), comparableTree(want, got, cfg.exact), fixture.ModeMask(gitExec))
	if err != nil {
		return fmt.Errorf("golden: AssertDir for %q: %w", loc.display, err)
	}
	if report == "" {
		return nil
	}
	if set.mode == overwrite {
		return c.writeTree(cfg, set, loc, got)
	}
	c.recordTree(loc, want, true, got, cfg.exact)
	var b strings.Builder
	fmt.Fprintf(&b, "golden: tree %q differs from the output (missing: only in the golden tree; extra: only in the output):\n%s", loc.display, report)
	if !strings.HasSuffix(report, "\n") {
		b.WriteByte('\n')
	}
	c.saveArtifact(&b, loc, func(dst string) error { return saveTree(dst, got) })
	c.tell(&b, set, "1", "update it")
	return &difference{b.String()}
}

func (c *call) missingTree(set setting, loc location, got fixture.Tree) error {
	var b strings.Builder
	fmt.Fprintf(&b, "golden: tree %q does not exist.\n", loc.display)
	if old := strings.TrimSuffix(loc.display, ".d"); !loc.named {
		if fi, err := os.Lstat(strings.TrimSuffix(loc.abs, ".d")); err == nil && fi.IsDir() {
			fmt.Fprintf(&b, "%q, where golden trees were kept before, is a directory: if it is this golden tree, move it: git mv %s %s\n",
				old, old, loc.display)
		}
	}
	c.saveArtifact(&b, loc, func(dst string) error { return saveTree(dst, got) })
	c.tell(&b, set, "new", "create it from the output")
	return &difference{b.String()}
}

// writeTree makes the golden tree at loc hold got, as goldenwrite does for
// every update, and logs what changed.
func (c *call) writeTree(cfg config, set setting, loc location, got fixture.Tree) error {
	s, err := goldenwrite.WriteTree(loc.absDir, loc.name, treeFiles(got), goldenwrite.Options{
		Label: loc.display, Force: set.force, Exact: cfg.exact, PackageDir: c.pkgDir, BeforeRename: cfg.beforeRename,
	})
	if err != nil {
		return c.writeError(err)
	}
	c.wrote(cfg.reg, loc, s)
	return nil
}

// saveTree writes got as the new directory dst, for -artifacts.
func saveTree(dst string, got fixture.Tree) error {
	_, err := goldenwrite.WriteTree(filepath.Dir(dst), filepath.Base(dst), treeFiles(got), goldenwrite.Options{Force: true})
	return err
}

// readGoldenTree reads the golden tree at loc, following no symlink and
// refusing special files; a missing tree gives fs.ErrNotExist.
func readGoldenTree(loc location) (fixture.Tree, error) {
	files, err := goldenwrite.ReadTree(loc.absDir, loc.name, goldenwrite.Options{Label: loc.display})
	if errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	if err != nil {
		return nil, fmt.Errorf("golden: %w", err)
	}
	tree := make(fixture.Tree, len(files))
	for _, f := range files {
		switch {
		case f.Symlink:
			tree[f.Name] = fixture.Symlink(string(f.Content))
		case f.Exec:
			tree[f.Name] = fixture.File(f.Content).WithMode(0o755)
		default:
			tree[f.Name] = fixture.File(f.Content).WithMode(goldenwrite.NewFileMode)
		}
	}
	return tree, nil
}

// gitTree returns what git would keep of tree: its files, with mode 0755
// when executable and 0644 otherwise, and its symlinks, content and targets
// passed through scrub if it is not nil; directories are implied.
func gitTree(tree fixture.Tree, scrub func([]byte) []byte) fixture.Tree {
	out := fixture.Tree{}
	for name, e := range tree {
		switch e.Type() {
		case 0:
			content := e.Content()
			if scrub != nil {
				content = scrub(content)
			}
			perm := goldenwrite.NewFileMode
			if m, ok := e.Mode(); ok && m&gitExec != 0 && runtime.GOOS != "windows" {
				perm = 0o755
			}
			out[name] = fixture.File(content).WithMode(perm)
		case fs.ModeSymlink:
			target := e.Target()
			if scrub != nil {
				target = string(scrub([]byte(target)))
			}
			out[name] = fixture.Symlink(target)
		}
	}
	return out
}

// treeFiles returns a tree as [gitTree] returns it, as goldenwrite takes it.
func treeFiles(tree fixture.Tree) []goldenwrite.File {
	files := make([]goldenwrite.File, 0, len(tree))
	for _, name := range sortedNames(tree) {
		e := tree[name]
		if e.Type() == fs.ModeSymlink {
			files = append(files, goldenwrite.File{Name: name, Symlink: true, Content: []byte(e.Target())})
			continue
		}
		perm, _ := e.Mode()
		files = append(files, goldenwrite.File{Name: name, Exec: perm&gitExec != 0, Content: e.Content()})
	}
	return files
}

// comparableTree returns the golden tree want as a comparison with got
// sees it: a text file whose CRLF line endings, read as LF, make it equal
// to got's file takes got's content, and otherwise is shown with them read
// as LF, unless exact or got's file itself has CRLF line endings.
func comparableTree(want, got fixture.Tree, exact bool) fixture.Tree {
	out := make(fixture.Tree, len(want))
	for name, w := range want {
		if w.Type() == 0 {
			perm, _ := w.Mode()
			content := w.Content()
			if g, ok := got[name]; ok && g.Type() == 0 {
				if matches(content, g.Content(), exact) {
					content = g.Content()
				} else {
					content = shown(content, g.Content(), exact)
				}
			}
			w = fixture.File(content).WithMode(perm)
		}
		out[name] = w
	}
	return out
}

// digest sums a tree, for the registry.
func digest(tree fixture.Tree) uint64 {
	var h maphash.Hash
	h.SetSeed(seed)
	for _, name := range sortedNames(tree) {
		e := tree[name]
		perm, _ := e.Mode()
		fmt.Fprintf(&h, "%q %v %o %q %d\n", name, e.Type(), perm, e.Target(), len(e.Content()))
		h.Write(e.Content())
	}
	return h.Sum64()
}

func sortedNames(tree fixture.Tree) []string {
	names := make([]string, 0, len(tree))
	for name := range tree {
		names = append(names, name)
	}
	slices.Sort(names)
	return names
}
