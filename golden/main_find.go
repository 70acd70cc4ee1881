package golden

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/tmpkit/tmpkit/internal/goldenwrite"
)

// candidate is a golden found on disk that the run did not use.
type candidate struct {
	display string // relative to the module root (else the package directory), slash-separated; a tree ends in "/"
	first   string // the first element of its path below its golden directory ("" for Each's)
	named   bool   // its path is neither a test's default name nor Each's
}

// findUnused returns the goldens in the golden directories of the package
// in directory pkg that reg did not see used, sorted by path. Paths are
// compared once resolved, so a golden used through a symlink counts.
func (r *registry) findUnused(pkg string) ([]candidate, error) {
	pkgReal, err := filepath.EvalSymlinks(pkg)
	if err != nil {
		return nil, err
	}
	dirs := r.goldenDirs(pkgReal, filepath.Join(pkg, "testdata"))
	usedPaths, keptPaths := r.realPaths()
	eachDirs := r.eachDirs()
	var out []candidate
	for _, dir := range dirs {
		err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if p == dir {
				return nil
			}
			if d.IsDir() {
				if slices.Contains(dirs, p) || skipDir(p, d.Name()) {
					return filepath.SkipDir
				}
				if !strings.HasSuffix(d.Name(), treeSuffix) {
					return nil
				}
			} else if !d.Type().IsRegular() || !strings.HasSuffix(d.Name(), ".golden") {
				return nil
			}
			if !usedPaths[p] && !keptAt(keptPaths, p) {
				c := newCandidate(pkgReal, dir, p, d.IsDir())
				if !d.IsDir() && eachDirs[filepath.Dir(p)] {
					c.named, c.first = false, "" // Each's, its input gone
				}
				out = append(out, c)
			}
			if d.IsDir() {
				return filepath.SkipDir // a golden tree is judged whole
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	slices.SortFunc(out, func(a, b candidate) int { return strings.Compare(a.display, b.display) })
	return out, nil
}

func newCandidate(pkg, dir, p string, tree bool) candidate {
	below := rel(dir, p)
	base := pkg
	if root := moduleRoot(pkg); root != "" {
		base = root // one reference point with assertion failures and golden unused
	}
	c := candidate{display: rel(base, p)}
	if tree {
		c.display += "/"
	}
	c.first, _, _ = strings.Cut(strings.TrimSuffix(strings.TrimSuffix(below, treeSuffix), ".golden"), "/")
	c.named = !isTestName(c.first)
	return c
}

// skipDir reports whether a walk of golden directories stays out of the
// directory p named name: another package or module, or a hidden one.
func skipDir(p, name string) bool {
	if strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") {
		return true
	}
	entries, err := os.ReadDir(p)
	if err != nil {
		return false
	}
	for _, e := range entries {
		if n := e.Name(); n == "go.mod" || strings.HasSuffix(n, ".go") && e.Type().IsRegular() {
			return true
		}
	}
	return false
}

// goldenDirs returns the golden directories to judge, by real path: dflt
// and the directories the run's assertions used, those that exist and lie
// at or below the package directory pkg (a real path).
func (r *registry) goldenDirs(pkg, dflt string) []string {
	r.mu.Lock()
	all := []string{dflt}
	for d := range r.dirs {
		all = append(all, d)
	}
	r.mu.Unlock()
	var dirs []string
	for _, d := range all {
		real, err := filepath.EvalSymlinks(d)
		if err != nil {
			continue
		}
		if fi, err := os.Stat(real); err == nil && fi.IsDir() && (real == pkg || inside(pkg, real)) {
			dirs = append(dirs, real)
		}
	}
	slices.Sort(dirs)
	return slices.Compact(dirs)
}

// realPaths returns the real paths of the goldens the run used and of
// the prefixes MarkUsed covered.
func (r *registry) realPaths() (usedPaths map[string]bool, kept []string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	usedPaths = map[string]bool{}
	for abs := range r.entries {
		usedPaths[goldenwrite.RealPath(abs)] = true
	}
	for _, k := range r.kept {
		kept = append(kept, goldenwrite.RealPath(k))
	}
	return usedPaths, kept
}

// eachDirs returns the real paths of the directories Each read from.
func (r *registry) eachDirs() map[string]bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	dirs := map[string]bool{}
	for _, d := range r.each {
		dirs[goldenwrite.RealPath(d)] = true
	}
	return dirs
}

// keptAt reports whether p is at or below one of the kept paths.
func keptAt(kept []string, p string) bool {
	for _, k := range kept {
		if p == k || inside(k, p) {
			return true
		}
	}
	return false
}

// inside reports whether p lies strictly below dir.
func inside(dir, p string) bool {
	r, err := filepath.Rel(dir, p)
	return err == nil && r != "." && filepath.IsLocal(r)
}

func rel(base, p string) string {
	if r, err := filepath.Rel(base, p); err == nil {
		return filepath.ToSlash(r)
	}
	return p
}
