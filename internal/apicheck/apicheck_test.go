package apicheck_test

import (
	"encoding/json"
	"fmt"
	"go/importer"
	"go/token"
	"go/types"
	"io"
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// TestNoUnexportedTypeInExportedAPI type-checks every public package of the
// module and lists each exported declaration whose documented form names an
// unexported type of the module.
func TestNoUnexportedTypeInExportedAPI(t *testing.T) {
	if testing.Short() {
		t.Skip("type-checks the module from source")
	}
	public, exports := listPackages(t)
	fset := token.NewFileSet()
	// Compiled export data, from the build cache: type-checking the module
	// and its dependencies from source takes a minute under -race.
	imp := importer.ForCompiler(fset, "gc", func(path string) (io.ReadCloser, error) {
		if f, ok := exports[path]; ok {
			return os.Open(f)
		}
		return nil, fmt.Errorf("no export data for %q", path)
	})
	var leaks []string
	for _, path := range public {
		pkg, err := imp.Import(path)
		if err != nil {
			t.Fatalf("type-check %s: %v", path, err)
		}
		leaks = append(leaks, Leaks(pkg)...)
	}
	if len(leaks) > 0 {
		t.Errorf("go doc shows unexported types in exported declarations; make them opaque or export them:\n\t%s",
			strings.Join(leaks, "\n\t"))
	}
}

// TestLeaksFindsEachKind checks the checker on a package that leaks in
// every way it looks for, and on one that does not.
func TestLeaksFindsEachKind(t *testing.T) {
	const src = `package p
type config struct{}
type Option func(*config)
type Opaque struct{ c *config }
type Pub struct{ F *config; g config }
type I interface{ M(config); m() }
func F(c config) {}
func G() []map[string]*config { return nil }
func (Opaque) Method(x config) {}
func (Opaque) hidden(x config) {}
var V config
type Alias = config
type fine struct{}
func (fine) Exported(c config) {}
`
	pkg := check(t, src)
	got := Leaks(pkg)
	want := []string{
		"p.Alias: type Alias = p.config",
		"p.F: func(c p.config)",
		"p.G: func() []map[string]*p.config",
		"p.I.M: func(p.config)",
		"p.Opaque.Method: func(x p.config)",
		"p.Option: type Option func(*p.config)",
		"p.Pub.F: *p.config",
		"p.V: p.config",
	}
	if !slices.Equal(got, want) {
		t.Errorf("Leaks:\n got %q\nwant %q", got, want)
	}
}

// listPackages lists the module's packages that users import (neither
// internal, nor commands, nor examples), and the export data file of every
// package they depend on.
func listPackages(t *testing.T) (public []string, exports map[string]string) {
	t.Helper()
	out, err := exec.Command("go", "list", "-export", "-deps", "-json=ImportPath,Name,Export,Module",
		"github.com/tmpkit/tmpkit/...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	exports = map[string]string{}
	dec := json.NewDecoder(strings.NewReader(string(out)))
	for dec.More() {
		var p struct {
			ImportPath, Name, Export string
			Module                   *struct{ Path string }
		}
		if err := dec.Decode(&p); err != nil {
			t.Fatal(err)
		}
		exports[p.ImportPath] = p.Export
		if p.Module == nil || p.Module.Path != "github.com/tmpkit/tmpkit" || p.Name == "main" ||
			strings.Contains(p.ImportPath, "/internal") ||
			strings.Contains(p.ImportPath, "/examples/") || strings.Contains(p.ImportPath, "/bench/") {
			continue
		}
		public = append(public, p.ImportPath)
	}
	if len(public) == 0 {
		t.Fatal("go list found no public package")
	}
	return public, exports
}

func check(t *testing.T, src string) *types.Package {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parseFile(fset, src)
	if err != nil {
		t.Fatal(err)
	}
	conf := types.Config{Importer: importer.Default()}
	pkg, err := conf.Check("p", fset, f, nil)
	if err != nil {
		t.Fatal(err)
	}
	return pkg
}
