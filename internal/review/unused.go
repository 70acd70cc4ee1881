package review

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/tmpkit/tmpkit/internal/goldenattr"
	"github.com/tmpkit/tmpkit/internal/pending"
)

// Pruning is one `golden unused`.
type Pruning struct {
	Logs      []string // go test -json log files
	ModuleDir string   // a directory of the module (the working directory)
	Remove    bool     // remove what is unused
	Force     bool     // remove even under CI
	Getenv    func(string) string
	Out, Err  io.Writer
}

// found is a golden found on disk, by module-relative slash path, and
// the golden directory it was found in.
type found struct {
	path string
	tree bool
	dir  string
}

// Unused merges the logs, lists the goldens none of their runs used and,
// with Remove, removes them. It returns the command's exit status: 1 when
// a log is refused (nothing is then listed or removed), when goldens are
// listed without Remove, or when a removal fails.
func Unused(p Pruning) int {
	if msg := refusedUnderCI(p.Getenv, p.Force); msg != "" && p.Remove {
		fmt.Fprintf(p.Err, "golden unused: %s; without --remove it lists them\n", msg)
		return ExitFailed
	}
	mod, err := pending.FindModule(p.ModuleDir)
	if err != nil {
		fmt.Fprintf(p.Err, "golden unused: %v\n", err)
		return ExitFailed
	}
	var logs []testLog
	refused := false
	for _, name := range p.Logs {
		l := readLog(name)
		for _, problem := range l.problems {
			fmt.Fprintf(p.Err, "golden unused: refused %s: %s\n", name, problem)
			refused = true
		}
		logs = append(logs, l)
	}
	if refused {
		fmt.Fprintln(p.Err, "golden unused: nothing listed or removed: give logs of full runs that passed (go test -json ./...)")
		return ExitFailed
	}

	usedPaths, dirs, pkgs := merge(mod, logs)
	dirs = append(dirs, testdataDirs(mod, pkgs)...)
	slices.Sort(dirs)
	dirs = slices.Compact(dirs)
	var goldens []found
	for _, d := range dirs {
		goldens = append(goldens, scan(mod, d)...)
	}
	slices.SortFunc(goldens, func(a, b found) int { return strings.Compare(a.path, b.path) })
	goldens = slices.CompactFunc(goldens, func(a, b found) bool { return a.path == b.path })
	var unused []found
	for _, g := range goldens {
		if !isUsed(g, usedPaths) {
			unused = append(unused, g)
		}
	}
	noteSkipped(p.Err, logs)
	if len(unused) == 0 {
		fmt.Fprintf(p.Err, "golden unused: every golden was used by the %s\n", plural(len(logs), "log"))
		return ExitOK
	}
	if !p.Remove {
		fmt.Fprintf(p.Err, "golden unused: %s no test of the %s used (golden unused --remove removes them):\n",
			plural(len(unused), "golden"), plural(len(logs), "log"))
		for _, g := range unused {
			fmt.Fprintln(p.Out, display(g))
		}
		return ExitFailed
	}
	return remove(mod, unused, p.Out, p.Err)
}

func display(g found) string {
	if g.tree {
		return g.path + "/"
	}
	return g.path
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

// merge returns the module-relative real paths of the goldens the logs
// used (with their kinds), the golden directories they named, and the
// import paths of the packages that used golden.
func merge(mod pending.Module, logs []testLog) (map[string]goldenattr.Kind, []string, map[string]bool) {
	used := map[string]goldenattr.Kind{}
	var dirs []string
	pkgs := map[string]bool{}
	rel := func(p string) (string, bool) {
		abs := p
		if !filepath.IsAbs(filepath.FromSlash(p)) {
			abs = mod.Abs(p)
		}
		r, err := mod.Rel(abs)
		return r, err == nil
	}
	for _, l := range logs {
		for _, u := range l.uses {
			if r, ok := rel(u.path); ok {
				if used[r] != goldenattr.Tree && used[r] != goldenattr.Used {
					used[r] = u.kind
				}
			}
		}
		for _, d := range l.dirs {
			if r, ok := rel(d); ok {
				dirs = append(dirs, r)
			}
		}
		for p := range l.packages {
			pkgs[p] = true
		}
	}
	return used, dirs, pkgs
}

// isUsed reports whether g was used: named itself, lying in a used tree
// or below a kept path, or, for a tree, holding a golden that was used.
func isUsed(g found, used map[string]goldenattr.Kind) bool {
	if _, ok := used[g.path]; ok {
		return true
	}
	for d := path.Dir(g.path); d != "."; d = path.Dir(d) {
		if k := used[d]; k == goldenattr.Tree || k == goldenattr.Used {
			return true
		}
	}
	if g.tree {
		for p := range used {
			if strings.HasPrefix(p, g.path+"/") {
				return true
			}
		}
	}
	return false
}

// testdataDirs returns, module-relative, the testdata directories of the
// packages in pkgs (by import path): only packages whose tests used golden
// have their goldens judged, so the *.golden files of a package that does
// not use golden are never taken for goldens.
func testdataDirs(mod pending.Module, pkgs map[string]bool) []string {
	var dirs []string
	for p := range pkgs {
		rel, ok := strings.CutPrefix(p, mod.Path)
		if !ok || (rel != "" && rel[0] != '/') {
			continue
		}
		d := path.Join(strings.TrimPrefix(rel, "/"), "testdata")
		if fi, err := os.Lstat(mod.Abs(d)); err == nil && fi.IsDir() {
			dirs = append(dirs, d)
		}
	}
	return dirs
}

// scan returns the goldens in the golden directory dir (module-relative):
// regular files named "*.golden" and directories named "*.golden" or
// "*.golden.d" (golden trees). It follows no symlink and enters no hidden
// directory, no nested module and no golden tree.
func scan(mod pending.Module, dir string) []found {
	var out []found
	root := mod.Abs(dir)
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		rel := path.Join(dir, filepath.ToSlash(strings.TrimPrefix(p, root)))
		name := d.Name()
		switch {
		case p == root:
		case d.IsDir() && (strings.HasPrefix(name, ".") || exists(filepath.Join(p, "go.mod"))):
			return filepath.SkipDir
		case d.IsDir() && (strings.HasSuffix(name, ".golden") || strings.HasSuffix(name, ".golden.d")):
			out = append(out, found{rel, true, dir})
			return filepath.SkipDir
		case d.Type().IsRegular() && strings.HasSuffix(name, ".golden"):
			out = append(out, found{rel, false, dir})
		}
		return nil
	})
	return out
}

func exists(p string) bool {
	_, err := os.Lstat(p)
	return !errors.Is(err, fs.ErrNotExist)
}

// noteSkipped names the tests that skipped in every log where they
// appear: the goldens only they use are listed as unused.
func noteSkipped(w io.Writer, logs []testLog) {
	ran := map[string]bool{}
	for _, l := range logs {
		for t := range l.ran {
			ran[t] = true
		}
	}
	var skipped []string
	for _, l := range logs {
		for t := range l.skipped {
			if !ran[t] && !slices.Contains(skipped, t) {
				skipped = append(skipped, t)
			}
		}
	}
	if len(skipped) == 0 {
		return
	}
	slices.Sort(skipped)
	fmt.Fprintf(w, "golden unused: these tests skipped in every log, so goldens only they use count as unused "+
		"(golden.MarkUsed before t.Skip keeps them):\n\t%s\n", strings.Join(skipped, "\n\t"))
}
