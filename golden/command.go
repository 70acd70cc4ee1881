package golden

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
)

// updateCommand returns the shell command, run from the module root, that
// reruns only the test named test in the package in dir (the package
// directory) with UPDATE_GOLDEN=value:
//
//	UPDATE_GOLDEN=1 go test ./pkg -run '^TestX$/^sub$'
//
// or, for a benchmark, which -run does not select, runs only it:
//
//	UPDATE_GOLDEN=1 go test ./pkg -run '^$' -bench '^BenchmarkX$'
func updateCommand(value, dir, test string) string {
	if top, _, _ := strings.Cut(test, "/"); isTest(top, "Benchmark") {
		return fmt.Sprintf("UPDATE_GOLDEN=%s go test %s -run '^$' -bench %s", value, packageArg(dir), shellQuote(runPattern(test)))
	}
	return fmt.Sprintf("UPDATE_GOLDEN=%s go test %s -run %s", value, packageArg(dir), shellQuote(runPattern(test)))
}

// packageArg returns dir relative to the root of its module, as go test
// takes it: "./a/b", or "." for the root itself or when no go.mod is found.
func packageArg(dir string) string {
	root := moduleRoot(dir)
	if root == "" {
		return "."
	}
	rel, err := filepath.Rel(root, dir)
	if err != nil || rel == "." {
		return "."
	}
	return "./" + filepath.ToSlash(rel)
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
