package doccheck_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// migrationDoc shows before/after pairs that are tests of the
// examples/migration module, which imports goldie and gotest.tools under
// names of its own: rather than compiled on their own, its snippets must be
// those tests, verbatim, so that CI running that module runs them.
const migrationDoc = "docs/migration.md"

// topLevel splits a snippet before each top-level comment or declaration
// that follows a blank line: one function, with its doc comment, a part.
var topLevel = regexp.MustCompile(`\n\n(?:// |func |type |var |const )`)

func TestMigrationSnippetsAreTests(t *testing.T) {
	d, err := readDoc(root, migrationDoc)
	if err != nil {
		t.Fatal(err)
	}
	var sources strings.Builder
	dir := filepath.Join(root, "examples", "migration")
	err = filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || !strings.HasSuffix(p, "_test.go") {
			return err
		}
		b, err := os.ReadFile(p)
		sources.Write(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(d.snippets) < 4 {
		t.Fatalf("%s has %d Go snippets, want one or more per migration (4)", migrationDoc, len(d.snippets))
	}
	for _, s := range d.snippets {
		code := s.code
		var parts []string
		for {
			loc := topLevel.FindStringIndex(code)
			if loc == nil {
				break
			}
			parts = append(parts, code[:loc[0]+1])
			code = code[loc[0]+2:]
		}
		parts = append(parts, code)
		for _, part := range parts {
			if !strings.Contains(sources.String(), part) {
				t.Errorf("%s:%d: this part of the snippet is not in any test of examples/migration; copy it from there:\n%s", s.file, s.line, part)
			}
		}
	}
}
