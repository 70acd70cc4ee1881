package tmptest

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strings"
	"testing"
)

// TestNoUnexportedTypeInAPI reads the package's source as go doc does and
// fails for an unexported type of this package in an exported signature or
// in the definition of an exported type (say, "type Option func(*config)"):
// go doc would show a name the user can neither read about nor use.
func TestNoUnexportedTypeInAPI(t *testing.T) {
	fset := token.NewFileSet()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	local := map[string]bool{} // the package's unexported type names
	var parsed []*ast.File
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		parsed = append(parsed, f)
		for _, d := range f.Decls {
			if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.TYPE {
				for _, s := range g.Specs {
					if n := s.(*ast.TypeSpec).Name.Name; !ast.IsExported(n) {
						local[n] = true
					}
				}
			}
		}
	}
	check := func(where string, node ast.Node) {
		ast.Inspect(node, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.StructType: // fields of an exported struct: only exported ones show
				for _, f := range n.Fields.List {
					for _, name := range f.Names {
						if name.IsExported() {
							ast.Inspect(f.Type, func(n ast.Node) bool {
								if id, ok := n.(*ast.Ident); ok && local[id.Name] {
									t.Errorf("%s: exported field %s has the unexported type %s", where, name.Name, id.Name)
								}
								return true
							})
						}
					}
				}
				return false
			case *ast.Ident:
				if local[n.Name] {
					t.Errorf("%s: go doc shows the unexported type %s", where, n.Name)
				}
			}
			return true
		})
	}
	for _, f := range parsed {
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if d.Name.IsExported() && (d.Recv == nil || exportedRecv(d.Recv)) {
					check(d.Name.Name, d.Type)
				}
			case *ast.GenDecl:
				for _, s := range d.Specs {
					if ts, ok := s.(*ast.TypeSpec); ok && ts.Name.IsExported() {
						check("type "+ts.Name.Name, ts.Type)
					}
				}
			}
		}
	}
}

// exportedRecv reports whether a method's receiver type is exported.
func exportedRecv(recv *ast.FieldList) bool {
	typ := recv.List[0].Type
	if star, ok := typ.(*ast.StarExpr); ok {
		typ = star.X
	}
	id, ok := typ.(*ast.Ident)
	return ok && id.IsExported()
}
