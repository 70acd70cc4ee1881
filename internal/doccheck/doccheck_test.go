package doccheck_test

import (
	"encoding/json"
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"io"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// maxREADMELines keeps the README what a user reads to start: the
// evidence and the long guides live in docs/.
const maxREADMELines = 300

// root is the module root, two levels up from this package.
const root = "../.."

func docs(t *testing.T) []*docFile {
	t.Helper()
	names := []string{"README.md"}
	more, err := filepath.Glob(filepath.Join(root, "docs", "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range more {
		names = append(names, "docs/"+filepath.Base(m))
	}
	var out []*docFile
	for _, n := range names {
		d, err := readDoc(root, n)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, d)
	}
	return out
}

func TestREADMEIsShort(t *testing.T) {
	d, err := readDoc(root, "README.md")
	if err != nil {
		t.Fatal(err)
	}
	if n := len(d.lines); n >= maxREADMELines {
		t.Errorf("README.md has %d lines; keep it under %d: move evidence and long guides to docs/", n, maxREADMELines)
	}
}

func TestRelativeLinksResolve(t *testing.T) {
	all := docs(t)
	byPath := map[string]*docFile{}
	for _, d := range all {
		byPath[d.path] = d
	}
	for _, d := range all {
		targets, lines := d.relativeLinks()
		for i, target := range targets {
			file, frag, _ := strings.Cut(target, "#")
			dest := d.path
			if file != "" {
				dest = path.Clean(path.Join(path.Dir(d.path), file))
				if _, err := os.Stat(filepath.Join(root, filepath.FromSlash(dest))); err != nil {
					t.Errorf("%s:%d: link %q: %s does not exist", d.path, lines[i], target, dest)
					continue
				}
			}
			if frag == "" {
				continue
			}
			td, ok := byPath[dest]
			if !ok {
				if strings.HasSuffix(dest, ".md") {
					var err error
					if td, err = readDoc(root, dest); err != nil {
						t.Errorf("%s:%d: link %q: %v", d.path, lines[i], target, err)
						continue
					}
				} else {
					continue
				}
			}
			if !td.anchors[frag] {
				t.Errorf("%s:%d: link %q: %s has no heading with anchor #%s", d.path, lines[i], target, dest, frag)
			}
		}
	}
}

func TestGoSnippetsCompile(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the export data of every package the snippets import")
	}
	type prepared struct {
		s   snippet
		src string
	}
	var snippets []prepared
	imports := map[string]bool{}
	for _, d := range docs(t) {
		if d.path == migrationDoc {
			continue // TestMigrationSnippetsAreTests: they are whole tests of their own module
		}
		for _, s := range d.snippets {
			src, imps, err := source(s)
			if err != nil {
				t.Errorf("%s:%d: %v", s.file, s.line, err)
				continue
			}
			snippets = append(snippets, prepared{s, src})
			for _, p := range imps {
				imports[p] = true
			}
		}
	}
	if len(snippets) == 0 {
		t.Fatal("no Go snippet found in README.md and docs/")
	}
	exports := exportData(t, imports)
	for _, p := range snippets {
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, p.s.file, p.src, 0)
		if err != nil {
			t.Errorf("%s:%d: the snippet does not parse: %v\n%s", p.s.file, p.s.line, err, p.s.code)
			continue
		}
		var errs []string
		conf := types.Config{
			Importer: importer.ForCompiler(fset, "gc", func(path string) (io.ReadCloser, error) {
				if f, ok := exports[path]; ok && f != "" {
					return os.Open(f)
				}
				return nil, fmt.Errorf("no export data for %q", path)
			}),
			Error: func(err error) {
				if te, ok := err.(types.Error); ok && allowed(te.Msg) {
					return
				}
				errs = append(errs, err.Error())
			},
		}
		conf.Check("snippet", fset, []*ast.File{f}, nil)
		if len(errs) > 0 {
			t.Errorf("%s:%d: the snippet does not compile:\n\t%s\n%s", p.s.file, p.s.line, strings.Join(errs, "\n\t"), p.src)
		}
	}
}

// exportData builds, in a module that requires what examples/migration
// requires (tmpkit from this checkout, goldie, gotest.tools, afero), every
// package in imports, and returns the export data file of each package
// they need.
func exportData(t *testing.T, imports map[string]bool) map[string]string {
	t.Helper()
	abs, err := filepath.Abs(root)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, name := range []string{"go.mod", "go.sum"} {
		b, err := os.ReadFile(filepath.Join(abs, "examples", "migration", name))
		if err != nil {
			t.Fatal(err)
		}
		if name == "go.mod" {
			b = []byte(strings.Replace(string(b), "module github.com/tmpkit/tmpkit/examples/migration", "module doccheck.example", 1))
		}
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	gocmd(t, dir, "mod", "edit", "-replace=github.com/tmpkit/tmpkit="+abs)
	var b strings.Builder
	b.WriteString("package all\n\n")
	paths := slices.Sorted(func(yield func(string) bool) {
		for p := range imports {
			if !yield(p) {
				return
			}
		}
	})
	for _, p := range paths {
		fmt.Fprintf(&b, "import _ %q\n", p)
	}
	if err := os.WriteFile(filepath.Join(dir, "all.go"), []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	out := gocmd(t, dir, "list", "-export", "-deps", "-json=ImportPath,Export", ".")
	exports := map[string]string{}
	dec := json.NewDecoder(strings.NewReader(out))
	for dec.More() {
		var p struct{ ImportPath, Export string }
		if err := dec.Decode(&p); err != nil {
			t.Fatal(err)
		}
		exports[p.ImportPath] = p.Export
	}
	return exports
}

func gocmd(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod")
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
	}
	return string(out)
}
