package aferoadapter

import (
	"testing"

	"github.com/tmpkit/tmpkit/tmptest"
)

// TestResolveOptions pins the bridge that reads tmptest options: if
// tmptest's option struct changes, this fails instead of options being
// dropped silently.
func TestResolveOptions(t *testing.T) {
	c, err := resolveOptions([]tmptest.Option{tmptest.Prefix("p-"), tmptest.Suffix(".s"), tmptest.In("/work"), tmptest.Perm(0o750), tmptest.Keep()})
	if err != nil {
		t.Fatal(err)
	}
	want := tempConfig{prefix: "p-", prefixSet: true, suffix: ".s", dir: "/work", perm: 0o750, permSet: true, keep: true}
	if c != want {
		t.Errorf("resolveOptions = %+v, want %+v", c, want)
	}
	if c, err := resolveOptions(nil); err != nil || c != (tempConfig{}) {
		t.Errorf("resolveOptions(nil) = %+v, %v; want the zero config", c, err)
	}
	_, err = resolveOptions([]tmptest.Option{tmptest.Suffix("a/b")})
	if got, want := err.Error(), `suffix "a/b" contains a path separator; give a directory with tmptest.In`; got != want {
		t.Errorf("error = %q, want %q", got, want)
	}
}
