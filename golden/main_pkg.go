package golden

import (
	"go/ast"
	"go/build"
	"go/doc"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// packageInfo is what [Main] needs to know of the package's test files to
// tell whether every test that could use a golden ran.
type packageInfo struct {
	excluded   []string        // test files excluded by build constraints here
	benchmarks []string        // the names of its benchmarks
	examples   map[string]bool // its examples, by name: true if they run
}

// buildContext returns the build context the test binary was built with:
// its GOOS, GOARCH, cgo setting and build tags (-tags, -race), read from
// its build information.
func buildContext() build.Context {
	ctx := build.Default
	ctx.GOOS, ctx.GOARCH = runtime.GOOS, runtime.GOARCH
	ctx.BuildTags = nil
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, s := range bi.Settings {
			switch s.Key {
			case "-tags":
				ctx.BuildTags = append(ctx.BuildTags, strings.Split(s.Value, ",")...)
			case "-race":
				if s.Value == "true" {
					ctx.BuildTags = append(ctx.BuildTags, "race")
				}
			case "CGO_ENABLED":
				ctx.CgoEnabled = s.Value == "1"
			}
		}
	}
	return ctx
}

// analysePackage reads the test files of the package in directory dir:
// which are excluded by ctx, and the benchmarks and examples of the others.
// A file it cannot read or parse counts as excluded: Main cannot tell what
// its tests use.
func analysePackage(dir string, ctx build.Context) packageInfo {
	info := packageInfo{examples: map[string]bool{}}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return info
	}
	fset := token.NewFileSet()
	var files []*ast.File
	for _, e := range entries {
		name := e.Name()
		if !strings.HasSuffix(name, "_test.go") || !e.Type().IsRegular() {
			continue
		}
		match, err := ctx.MatchFile(dir, name)
		if err != nil || !match {
			info.excluded = append(info.excluded, name)
			continue
		}
		f, err := parser.ParseFile(fset, filepath.Join(dir, name), nil, parser.ParseComments)
		if err != nil {
			info.excluded = append(info.excluded, name)
			continue
		}
		files = append(files, f)
		for _, d := range f.Decls {
			if fn, ok := d.(*ast.FuncDecl); ok && fn.Recv == nil && isTest(fn.Name.Name, "Benchmark") {
				info.benchmarks = append(info.benchmarks, fn.Name.Name)
			}
		}
	}
	for _, ex := range doc.Examples(files...) {
		info.examples["Example"+ex.Name] = ex.Output != "" || ex.EmptyOutput
	}
	slices.Sort(info.excluded)
	return info
}

// doubt says why Main cannot be sure that the golden c, which the run did
// not use, is unused, or "" when it is sure; pkg is the package as go test
// takes it, for the command in the reason.
func (info packageInfo) doubt(c candidate, benchRan bool, pkg string) string {
	switch {
	case len(info.excluded) > 0:
		return "not judged: " + strings.Join(info.excluded, ", ") + " excluded by build constraints here"
	case c.named:
		return "not named after a test: it may be test input or documentation"
	case isTest(c.first, "Benchmark") && !benchRan:
		return "benchmarks did not run; to judge it: go test " + pkg + " -run '^$' -bench ."
	case isTest(c.first, "Example"):
		if runs, ok := info.examples[c.first]; ok && !runs {
			return c.first + " has no output comment, so it does not run"
		}
	}
	return ""
}

// isTestName reports whether name is a name the testing package runs:
// a test, benchmark, fuzz target or example.
func isTestName(name string) bool {
	for _, prefix := range []string{"Test", "Benchmark", "Fuzz", "Example"} {
		if isTest(name, prefix) {
			return true
		}
	}
	return false
}

// isTest reports whether name is a function the testing package runs for
// prefix, by go test's rule: prefix alone, or followed by anything but a
// lower-case letter.
func isTest(name, prefix string) bool {
	if !strings.HasPrefix(name, prefix) {
		return false
	}
	if len(name) == len(prefix) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(name[len(prefix):])
	return !unicode.IsLower(r)
}
