package golden

import (
	"errors"
	"fmt"
	"hash/maphash"
	"io/fs"
	"os"
	"path"
	"runtime"
	"strings"
	"testing"

	"github.com/tmpkit/tmpkit/fixture"
)

// AssertDir compares the whole tree fsys holds (any [fs.FS]: [os.DirFS],
// (*os.Root).FS(), an afero view, a [fixture.Tree]'s FS) with a golden tree,
// and fails the test with a report of the missing, extra and changed
// entries, and the command that updates it, when they differ.
//
// The golden tree is the directory testdata/<t.Name()>.golden/ (or the path
// given by [Name] below [Dir]), holding the tree as plain files and
// symlinks, reviewable in a pull request. AssertDir compares what git keeps:
// the type of each entry, the content of each file (as [Assert] does:
// scrubbed, CRLF-insensitive for text unless [Exact]), the target of each
// symlink (scrubbed) and the executable bit (not on Windows, which has
// none). Directories matter only as the parents of files and symlinks: git
// keeps no empty directory, so empty ones are ignored.
//
// In update mode, AssertDir writes the tree: each changed file atomically,
// and it removes the files, symlinks and directories inside that golden
// tree, and only there, that the output no longer has.
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
	loc := c.locate(cfg)
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
	if err := e.expect(digest(got, cfg.exact), c.test, loc.display); err != nil {
		return err
	}

	want, err := readGoldenTree(loc)
	if errors.Is(err, fs.ErrNotExist) {
		if set.mode == compareOnly {
			return c.missingTree(set, loc, got)
		}
		return c.writeTree(cfg, loc, got)
	}
	if err != nil {
		return err
	}
	report, err := fixture.Diff(comparableTree(got, cfg.exact).FS(), comparableTree(want, cfg.exact), fixture.ModeMask(gitExec))
	if err != nil {
		return fmt.Errorf("golden: AssertDir for %q: %w", loc.display, err)
	}
	if report == "" {
		return nil
	}
	if set.mode == overwrite {
		return c.writeTree(cfg, loc, got)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "golden: tree %q differs from the output (missing: only in the golden tree; extra: only in the output):\n%s", loc.display, report)
	if !strings.HasSuffix(report, "\n") {
		b.WriteByte('\n')
	}
	c.saveArtifact(&b, loc, func(dst string) error { return saveTree(dst, got) })
	c.tell(&b, set, "1", "update it")
	return errors.New(b.String())
}

func (c *call) missingTree(set setting, loc location, got fixture.Tree) error {
	var b strings.Builder
	fmt.Fprintf(&b, "golden: tree %q does not exist.\n", loc.display)
	c.saveArtifact(&b, loc, func(dst string) error { return saveTree(dst, got) })
	c.tell(&b, set, "new", "create it from the output")
	return errors.New(b.String())
}

// readGoldenTree reads the golden tree at loc through an [os.Root], so
// that no symlink leads the read out of the golden directory.
func readGoldenTree(loc location) (fixture.Tree, error) {
	root, err := os.OpenRoot(loc.dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	if err != nil {
		return nil, fmt.Errorf("golden: read %q: %w", loc.display, bare(err))
	}
	defer root.Close()
	fi, err := root.Lstat(loc.name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	if err == nil && !fi.IsDir() {
		err = errors.New("exists and is not a directory; a golden tree is a directory of files")
	}
	if err != nil {
		return nil, fmt.Errorf("golden: read %q: %w", loc.display, bare(err))
	}
	sub, err := root.OpenRoot(loc.name)
	if err != nil {
		return nil, fmt.Errorf("golden: read %q: %w", loc.display, bare(err))
	}
	defer sub.Close()
	tree, err := fixture.Read(sub.FS())
	if err == nil {
		err = gitTypesOnly(tree)
	}
	if err != nil {
		return nil, fmt.Errorf("golden: read tree %q: %w", loc.display, err)
	}
	return gitTree(tree, nil), nil
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
			perm := newFileMode
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

// comparableTree returns tree with the content of its text files made
// comparable (CRLF->LF) unless exact.
func comparableTree(tree fixture.Tree, exact bool) fixture.Tree {
	out := make(fixture.Tree, len(tree))
	for name, e := range tree {
		if e.Type() == 0 {
			perm, _ := e.Mode()
			e = fixture.File(comparable(e.Content(), exact)).WithMode(perm)
		}
		out[name] = e
	}
	return out
}

// digest sums what a comparison of tree sees, for the registry.
func digest(tree fixture.Tree, exact bool) uint64 {
	var h maphash.Hash
	h.SetSeed(seed)
	for _, name := range sortedNames(tree) {
		e := tree[name]
		perm, _ := e.Mode()
		content := comparable(e.Content(), exact)
		fmt.Fprintf(&h, "%q %v %o %q %d\n", name, e.Type(), perm, e.Target(), len(content))
		h.Write(content)
	}
	return h.Sum64()
}

// treeEntry is the slash path of an entry of a golden tree, for messages.
func treeEntry(loc location, name string) string { return path.Join(loc.display, name) }
