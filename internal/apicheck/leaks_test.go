package apicheck_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"slices"
)

func parseFile(fset *token.FileSet, src string) ([]*ast.File, error) {
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		return nil, err
	}
	return []*ast.File{f}, nil
}

// Leaks returns, sorted, each exported declaration of pkg that go doc
// shows with an unexported named type of pkg's module in it: exported
// functions, variables and constants; exported methods and fields of
// exported types (go doc hides unexported ones); the definition of an
// exported type that is neither a struct nor an interface (go doc prints
// its underlying type), or an alias.
func Leaks(pkg *types.Package) []string {
	var out []string
	leak := func(name string, t types.Type, shown string) {
		if mentionsUnexported(t, pkg, map[types.Type]bool{}) {
			out = append(out, pkg.Name()+"."+name+": "+shown)
		}
	}
	q := func(p *types.Package) string { return p.Name() }
	str := func(t types.Type) string { return types.TypeString(t, q) }
	scope := pkg.Scope()
	for _, name := range scope.Names() {
		obj := scope.Lookup(name)
		if !obj.Exported() {
			continue
		}
		switch o := obj.(type) {
		case *types.Func:
			leak(name, o.Type(), str(o.Type()))
		case *types.Var, *types.Const:
			leak(name, o.Type(), str(o.Type()))
		case *types.TypeName:
			if o.IsAlias() {
				leak(name, o.Type(), "type "+name+" = "+str(types.Unalias(o.Type())))
				continue
			}
			named, ok := o.Type().(*types.Named)
			if !ok {
				continue
			}
			switch u := named.Underlying().(type) {
			case *types.Struct:
				for i := range u.NumFields() {
					if f := u.Field(i); f.Exported() {
						leak(name+"."+f.Name(), f.Type(), str(f.Type()))
					}
				}
			case *types.Interface:
				for i := range u.NumExplicitMethods() {
					if m := u.ExplicitMethod(i); m.Exported() {
						leak(name+"."+m.Name(), m.Type(), str(m.Type()))
					}
				}
			default:
				leak(name, u, "type "+name+" "+str(u))
			}
			for i := range named.NumMethods() {
				if m := named.Method(i); m.Exported() {
					sig := m.Type().(*types.Signature)
					plain := types.NewSignatureType(nil, nil, nil, sig.Params(), sig.Results(), sig.Variadic())
					leak(name+"."+m.Name(), plain, str(plain))
				}
			}
		}
	}
	slices.Sort(out)
	return out
}

// mentionsUnexported reports whether t names an unexported type declared
// in pkg's module (the same package, or one below the module path).
func mentionsUnexported(t types.Type, pkg *types.Package, seen map[types.Type]bool) bool {
	if seen[t] {
		return false
	}
	seen[t] = true
	switch t := t.(type) {
	case *types.Alias:
		return mentionsUnexported(types.Unalias(t), pkg, seen)
	case *types.Named:
		obj := t.Obj()
		if obj.Pkg() != nil && !obj.Exported() && sameModule(obj.Pkg(), pkg) {
			return true
		}
		if args := t.TypeArgs(); args != nil {
			for i := range args.Len() {
				if mentionsUnexported(args.At(i), pkg, seen) {
					return true
				}
			}
		}
		return false
	case *types.Pointer:
		return mentionsUnexported(t.Elem(), pkg, seen)
	case *types.Slice:
		return mentionsUnexported(t.Elem(), pkg, seen)
	case *types.Array:
		return mentionsUnexported(t.Elem(), pkg, seen)
	case *types.Map:
		return mentionsUnexported(t.Key(), pkg, seen) || mentionsUnexported(t.Elem(), pkg, seen)
	case *types.Chan:
		return mentionsUnexported(t.Elem(), pkg, seen)
	case *types.Signature:
		return tupleMentions(t.Params(), pkg, seen) || tupleMentions(t.Results(), pkg, seen)
	case *types.Struct:
		for i := range t.NumFields() {
			if f := t.Field(i); f.Exported() && mentionsUnexported(f.Type(), pkg, seen) {
				return true
			}
		}
	case *types.Interface:
		for i := range t.NumMethods() {
			if m := t.Method(i); m.Exported() && mentionsUnexported(m.Type(), pkg, seen) {
				return true
			}
		}
	}
	return false
}

func tupleMentions(tu *types.Tuple, pkg *types.Package, seen map[types.Type]bool) bool {
	for i := range tu.Len() {
		if mentionsUnexported(tu.At(i).Type(), pkg, seen) {
			return true
		}
	}
	return false
}

func sameModule(a, b *types.Package) bool {
	const module = "github.com/tmpkit/tmpkit"
	in := func(p string) bool { return p == module || len(p) > len(module) && p[:len(module)+1] == module+"/" }
	return a == b || (in(a.Path()) && in(b.Path()))
}
