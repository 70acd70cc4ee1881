package golden

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// Main runs the tests of m and then looks for unused goldens, as [Run]
// does, and exits the process with the result. Call it from TestMain:
//
//	func TestMain(m *testing.M) { golden.Main(m) }
func Main(m *testing.M) {
	os.Exit(Run(m))
}

// Run runs the tests of m and returns the exit code for [os.Exit], for a
// TestMain with work left after the tests. After a full run that passed, it
// looks for unused goldens: golden files and trees that no assertion, [Get]
// or [Keep] of the run touched. In update mode (UPDATE_GOLDEN=1, true or
// force, or -update) it removes them, logging each; otherwise it lists them
// with the command that removes them and returns 1, so a stale golden fails
// the run the way a failing test does.
//
// It looks only in the golden directories below the package directory:
// "testdata" and those given to [Dir] by the run's assertions. It
// recognises as goldens only regular files named "*.golden" and the files
// and symlinks inside directories named "*.golden" (golden trees); it never
// reads, reports or removes anything else, such as test input next to the
// goldens.
//
// It does nothing after a failure, and when the run was not full: under
// -run, -skip, -failfast, -short (tests skipped there would count as
// unused), -list, -fuzz and in fuzzing workers. A test that skips itself
// on some platforms should call [Keep] before skipping.
func Run(m *testing.M) int {
	code := m.Run()
	if code != 0 {
		return code
	}
	cwd, err := os.Getwd()
	if err != nil {
		fmt.Printf("golden: unused goldens not checked: %v\n", err)
		return 1
	}
	return afterRun(os.Stdout, used, cwd, os.Getenv, flag.Lookup)
}

// afterRun checks for goldens that reg did not see used in the package in
// directory pkg, after a run that passed; it writes its report to w and
// returns the exit code.
func afterRun(w io.Writer, reg *registry, pkg string, getenv func(string) string, lookup func(string) *flag.Flag) int {
	if !fullRun(lookup) {
		return 0
	}
	set, err := readSetting(getenv, lookup)
	if err != nil {
		fmt.Fprintln(w, err)
		return 1
	}
	unused, err := reg.findUnused(pkg, reg.goldenDirs(filepath.Join(pkg, "testdata")))
	if err != nil {
		fmt.Fprintf(w, "golden: unused goldens not checked: %v\n", err)
		return 1
	}
	if len(unused) == 0 {
		return 0
	}
	if set.mode == overwrite {
		return removeUnused(w, pkg, unused)
	}
	fmt.Fprintf(w, "golden: %d unused golden file(s): no assertion, Get or Keep of this full run touched them:\n", len(unused))
	for _, u := range unused {
		fmt.Fprintf(w, "\t%s\n", rel(pkg, u.path))
	}
	cmd := "UPDATE_GOLDEN=1 go test " + packageArg(pkg)
	if set.ci != "" {
		fmt.Fprintf(w, "Updates are refused under CI=%s; to remove them, run outside CI from the module root:\n\t%s\n", set.ci, cmd)
	} else {
		fmt.Fprintf(w, "To remove them, run from the module root:\n\t%s\n", cmd)
	}
	fmt.Fprintln(w, "A test that skips before asserting keeps its goldens with golden.Keep(t).")
	return 1
}

// fullRun reports whether every test of the package ran.
func fullRun(lookup func(string) *flag.Flag) bool {
	for _, name := range []string{"test.run", "test.skip", "test.list", "test.fuzz"} {
		if f := lookup(name); f != nil && f.Value.String() != "" {
			return false
		}
	}
	for _, name := range []string{"test.failfast", "test.short", "test.fuzzworker"} {
		if boolFlag(lookup, name) {
			return false
		}
	}
	return true
}

// goldenDirs returns the golden directories to search: dflt and those the
// run's assertions used.
func (r *registry) goldenDirs(dflt string) []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	dirs := []string{dflt}
	for d := range r.dirs {
		dirs = append(dirs, d)
	}
	slices.Sort(dirs)
	return slices.Compact(dirs)
}

// found is a golden found on disk: its path and the golden directory
// holding it.
type found struct{ dir, path string }

// findUnused returns the goldens below the directories dirs, each inside
// pkg, that the run did not use. A directory that is missing, not inside
// pkg or inside another of dirs is skipped.
func (r *registry) findUnused(pkg string, dirs []string) ([]found, error) {
	var unused []found
	for i, dir := range dirs {
		if !inside(pkg, dir) || slices.ContainsFunc(dirs[:i], func(d string) bool { return inside(d, dir) }) {
			continue
		}
		err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				if p == dir && errors.Is(err, fs.ErrNotExist) {
					return nil
				}
				return err
			}
			if p == dir && !d.IsDir() {
				return filepath.SkipDir // a file or symlink: not a golden directory
			}
			if d.IsDir() || !isGolden(dir, p, d) || r.isUsed(p) {
				return nil
			}
			unused = append(unused, found{dir, p})
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	slices.SortFunc(unused, func(a, b found) int { return strings.Compare(filepath.ToSlash(a.path), filepath.ToSlash(b.path)) })
	return unused, nil
}

// isGolden reports whether p, below the golden directory dir, is a golden:
// a regular file named "*.golden" or a file or symlink in a "*.golden" tree.
func isGolden(dir, p string, d fs.DirEntry) bool {
	r, _ := filepath.Rel(dir, p)
	elems := strings.Split(filepath.ToSlash(r), "/")
	for _, e := range elems[:len(elems)-1] {
		if strings.HasSuffix(e, ".golden") {
			return d.Type().IsRegular() || d.Type() == fs.ModeSymlink
		}
	}
	return d.Type().IsRegular() && strings.HasSuffix(elems[len(elems)-1], ".golden")
}

// removeUnused removes the unused goldens and the directories their removal
// emptied, logging each.
func removeUnused(w io.Writer, pkg string, unused []found) int {
	code := 0
	for _, u := range unused {
		if err := os.Remove(u.path); err != nil {
			fmt.Fprintf(w, "golden: remove unused %q: %v\n", rel(pkg, u.path), err)
			code = 1
			continue
		}
		fmt.Fprintf(w, "golden: removed unused %s\n", rel(pkg, u.path))
	}
	for _, u := range slices.Backward(unused) {
		for d := filepath.Dir(u.path); d != u.dir && inside(u.dir, d); d = filepath.Dir(d) {
			if os.Remove(d) != nil { // not empty: keep it and its parents
				break
			}
		}
	}
	return code
}

// inside reports whether p is dir or below it.
func inside(dir, p string) bool {
	r, err := filepath.Rel(dir, p)
	return err == nil && filepath.IsLocal(r)
}

func rel(base, p string) string {
	if r, err := filepath.Rel(base, p); err == nil {
		return filepath.ToSlash(r)
	}
	return p
}
