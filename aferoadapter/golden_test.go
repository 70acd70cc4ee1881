package aferoadapter_test

import (
	"os"
	"testing"

	"github.com/tmpkit/tmpkit/internal/diff"
)

// assertGolden compares got with the file at name; UPDATE_GOLDEN=1 (or
// true) rewrites the file instead.
func assertGolden(t *testing.T, name, got string) {
	t.Helper()
	switch os.Getenv("UPDATE_GOLDEN") {
	case "1", "true":
		if err := os.WriteFile(name, []byte(got), 0o644); err != nil {
			t.Fatalf("update %s: %v", name, err)
		}
		t.Logf("updated %s", name)
		return
	}
	want, err := os.ReadFile(name)
	if err != nil {
		t.Fatalf("read golden file: %v\n(create it with: UPDATE_GOLDEN=1 go test ./aferoadapter -run '^%s$')", err, t.Name())
	}
	if d := diff.Text(string(want), got, diff.Options{WantLabel: name, GotLabel: "generated"}); d != "" {
		t.Errorf("%s is out of date:\n%s\n(update it with: UPDATE_GOLDEN=1 go test ./aferoadapter -run '^%s$')", name, d, t.Name())
	}
}
