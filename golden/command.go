package golden

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

// updateCommand returns the shell command, run from the module root, that
// reruns only the test named test in the package in dir (the working
// directory of the test) with UPDATE_GOLDEN=value:
//
//	UPDATE_GOLDEN=1 go test ./pkg -run '^TestX$/^sub$'
func updateCommand(value, dir, test string) string {
	return fmt.Sprintf("UPDATE_GOLDEN=%s go test %s -run %s", value, packageArg(dir), shellQuote(runPattern(test)))
}

// packageArg returns dir relative to the root of its module, as go test
// takes it: "./a/b", or "." for the root itself or when no go.mod is found.
func packageArg(dir string) string {
	for root := dir; ; {
		if _, err := os.Stat(filepath.Join(root, "go.mod")); err == nil {
			rel, err := filepath.Rel(root, dir)
			if err != nil || rel == "." {
				return "."
			}
			return "./" + filepath.ToSlash(rel)
		}
		parent := filepath.Dir(root)
		if parent == root {
			return "."
		}
		root = parent
	}
}

// runPattern returns the -run pattern that matches exactly the test named
// test: each level anchored and quoted, so "TestX/a.b" gives
// "^TestX$/^a\.b$".
func runPattern(test string) string {
	parts := strings.Split(test, "/")
	for i, p := range parts {
		parts[i] = "^" + regexp.QuoteMeta(p) + "$"
	}
	return strings.Join(parts, "/")
}

// shellQuote quotes s for a POSIX shell.
func shellQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
