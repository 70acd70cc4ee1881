package doccheck_test

import (
	"fmt"
	"go/parser"
	"go/token"
	"regexp"
	"slices"
	"strings"
)

// knownImports maps the package names snippets use to their import paths.
var knownImports = map[string]string{
	"aferoadapter": "github.com/tmpkit/tmpkit/aferoadapter",
	"aferotest":    "github.com/tmpkit/tmpkit/aferoadapter/aferotest",
	"fixture":      "github.com/tmpkit/tmpkit/fixture",
	"fixturecmp":   "github.com/tmpkit/tmpkit/fixture/fixturecmp",
	"golden":       "github.com/tmpkit/tmpkit/golden",
	"tmptest":      "github.com/tmpkit/tmpkit/tmptest",
	"afero":        "github.com/spf13/afero",
	"assert":       "gotest.tools/v3/assert",
	"goldie":       "github.com/sebdah/goldie/v2",
	"bytes":        "bytes",
	"context":      "context",
	"errors":       "errors",
	"exec":         "os/exec",
	"filepath":     "path/filepath",
	"fmt":          "fmt",
	"fs":           "io/fs",
	"io":           "io",
	"json":         "encoding/json",
	"net":          "net",
	"os":           "os",
	"regexp":       "regexp",
	"strings":      "strings",
	"syscall":      "syscall",
	"testing":      "testing",
	"time":         "time",
}

// selectorRE finds the package-looking qualifiers a snippet uses.
var selectorRE = regexp.MustCompile(`\b([a-z][a-z0-9]*)\.[A-Za-z_]`)

// source turns a snippet into a Go file of package snippet, as described
// in the package documentation, and says which imports it needs.
func source(s snippet) (src string, imports []string, err error) {
	code := s.code
	if strings.HasPrefix(strings.TrimSpace(code), "package ") {
		f, err := parser.ParseFile(token.NewFileSet(), s.file, code, parser.ImportsOnly)
		if err != nil {
			return "", nil, err
		}
		for _, im := range f.Imports {
			imports = append(imports, strings.Trim(im.Path.Value, `"`))
		}
		return code, imports, nil
	}
	body := stripComments(code)
	for _, m := range selectorRE.FindAllStringSubmatch(body, -1) {
		if p, ok := knownImports[m[1]]; ok && !slices.Contains(imports, p) {
			imports = append(imports, p)
		}
	}
	if _, err := parser.ParseFile(token.NewFileSet(), s.file, "package snippet\n"+code, 0); err == nil {
		return header(imports) + code, imports, nil
	}
	if !slices.Contains(imports, "testing") {
		imports = append(imports, "testing")
	}
	return header(imports) + "func _(t *testing.T) {\n" + code + "}\n", imports, nil
}

func header(imports []string) string {
	var b strings.Builder
	b.WriteString("package snippet\n\n")
	for _, p := range imports {
		fmt.Fprintf(&b, "import %q\n", p)
	}
	return b.String()
}

// stripComments drops // comments and string contents, so that
// "a.txt" or a comment's "see os.ReadFile" adds no import.
func stripComments(code string) string {
	var b strings.Builder
	for _, line := range strings.Split(code, "\n") {
		inStr, raw := false, false
		for i := 0; i < len(line); i++ {
			c := line[i]
			switch {
			case !inStr && !raw && c == '/' && i+1 < len(line) && line[i+1] == '/':
				i = len(line)
				continue
			case !raw && c == '"' && (i == 0 || line[i-1] != '\\'):
				inStr = !inStr
				continue
			case !inStr && c == '`':
				raw = !raw
				continue
			}
			if !inStr && !raw {
				b.WriteByte(c)
			}
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// allowed reports whether a type error only says that the snippet leaves
// an unqualified name to the reader's code (render, Import), or does not
// use a variable it declares for illustration. A qualified name
// (golden.Asert) must exist.
func allowed(msg string) bool {
	if strings.HasSuffix(msg, "declared and not used") {
		return true
	}
	name, ok := strings.CutPrefix(msg, "undefined: ")
	if !ok || name == "" || strings.Contains(name, ".") {
		return false
	}
	_, isPkg := knownImports[name]
	return !isPkg
}
