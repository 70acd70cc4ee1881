// Package testmod writes the go.mod of the throwaway modules that tests
// build with `go test` subprocesses, requiring this checkout of tmpkit.
//
// Those subprocesses run with GOPROXY=off, so they must find every module
// they load in the module cache. A go.mod requiring tmpkit alone makes the
// go command load tmpkit's whole module graph, and golang.org/x/mod v0.4.2
// (a go 1.12 module, so not pruned) drags in go.mod files of modules no
// build needs, such as an old golang.org/x/crypto: present in a module
// cache that `go mod tidy` filled, absent in a fresh one, as the
// unprivileged CI pass has. Listing tmpkit's own requirements keeps the
// graph pruned, so only modules the build uses are read.
package testmod

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/mod/modfile"
)

// GoMod returns the text of a go.mod for module that requires tmpkit,
// replaced by the checkout at repo, and every module tmpkit's go.mod
// requires, at the same versions.
func GoMod(module, repo string) (string, error) {
	name := filepath.Join(repo, "go.mod")
	data, err := os.ReadFile(name)
	if err != nil {
		return "", fmt.Errorf("testmod: %w", err)
	}
	f, err := modfile.Parse(name, data, nil)
	if err != nil {
		return "", fmt.Errorf("testmod: %w", err)
	}
	if f.Go == nil {
		return "", fmt.Errorf("testmod: %s has no go line", name)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "module %s\n\ngo %s\n\nrequire (\n\tgithub.com/tmpkit/tmpkit v0.0.0\n", module, f.Go.Version)
	for _, r := range f.Require {
		fmt.Fprintf(&b, "\t%s %s\n", r.Mod.Path, r.Mod.Version)
	}
	fmt.Fprintf(&b, ")\n\nreplace github.com/tmpkit/tmpkit => %s\n", filepath.ToSlash(repo))
	return b.String(), nil
}
