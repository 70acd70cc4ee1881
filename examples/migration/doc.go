// Package migration holds before/after pairs for moving a test suite to
// tmpkit: from os.MkdirTemp with defer os.RemoveAll, from gotest.tools' fs
// and golden packages, from goldie and from afero's MemMapFs. Each pair is
// a test that runs, so the snippets of docs/migration.md are known to compile and pass.
//
// It is a module of its own so that goldie, which only the "before" side of
// one pair uses, never enters tmpkit's own dependencies; and each library's
// pair sits in a package of its own because goldie and gotest.tools both
// register a global -update flag, which cannot coexist in one test binary.
package migration

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// Greeting is output worth keeping in a golden file.
func Greeting(name string) string {
	return fmt.Sprintf("Hello, %s!\nYour workspace is ready.\n", name)
}

// Normalize renames the files directly in dir to lower case and writes
// index.txt, listing them sorted.
func Normalize(dir string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	var names []string
	for _, e := range entries {
		if e.IsDir() || e.Name() == "index.txt" {
			continue
		}
		lower := strings.ToLower(e.Name())
		if lower != e.Name() {
			if err := os.Rename(filepath.Join(dir, e.Name()), filepath.Join(dir, lower)); err != nil {
				return err
			}
		}
		names = append(names, lower)
	}
	slices.Sort(names)
	index := strings.Join(names, "\n") + "\n"
	return os.WriteFile(filepath.Join(dir, "index.txt"), []byte(index), 0o644)
}
