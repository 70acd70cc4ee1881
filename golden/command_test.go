package golden

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"
)

func TestRunPattern(t *testing.T) {
	tests := map[string]string{
		"TestX":              `^TestX$`,
		"TestX/sub":          `^TestX$/^sub$`,
		"TestX/a.b(c)[d]|e*": `^TestX$/^a\.b\(c\)\[d\]\|e\*$`,
		"TestX/it's":         `^TestX$/^it's$`,
		"TestX/#01":          `^TestX$/^#01$`,
		"TestX/":             `^TestX$/^$`,
	}
	for name, want := range tests {
		if got := runPattern(name); got != want {
			t.Errorf("runPattern(%q) = %q, want %q", name, got, want)
		}
		for _, part := range regexp.MustCompile(`\$/\^`).Split(want, -1) {
			if _, err := regexp.Compile(part); err != nil {
				t.Errorf("runPattern(%q): part %q does not compile: %v", name, part, err)
			}
		}
	}
	if got := shellQuote(runPattern("TestX/it's")); got != `'^TestX$/^it'\''s$'` {
		t.Errorf("shellQuote = %s", got)
	}
}

func TestPackageArg(t *testing.T) {
	root := t.TempDir()
	os.WriteFile(filepath.Join(root, "go.mod"), []byte("module m\n"), 0o644)
	os.MkdirAll(filepath.Join(root, "a", "b"), 0o755)
	tests := map[string]string{
		root:                          ".",
		filepath.Join(root, "a"):      "./a",
		filepath.Join(root, "a", "b"): "./a/b",
	}
	for dir, want := range tests {
		if got := packageArg(dir); got != want {
			t.Errorf("packageArg(%q) = %q, want %q", dir, got, want)
		}
	}
	for test, want := range map[string]string{
		"TestX/sub":      `UPDATE_GOLDEN=1 go test ./a -run '^TestX$/^sub$'`,
		"BenchmarkX":     `UPDATE_GOLDEN=1 go test ./a -run '^$' -bench '^BenchmarkX$'`,
		"BenchmarkX/s.1": `UPDATE_GOLDEN=1 go test ./a -run '^$' -bench '^BenchmarkX$/^s\.1$'`,
		"Benchmarkless":  `UPDATE_GOLDEN=1 go test ./a -run '^Benchmarkless$'`,
	} {
		if got := updateCommand("1", filepath.Join(root, "a"), test); got != want {
			t.Errorf("updateCommand(%s) = %s, want %s", test, got, want)
		}
	}
}
