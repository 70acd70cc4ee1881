// Package fromgoldie shows the move from goldie to golden.
package fromgoldie

import (
	"testing"

	"github.com/sebdah/goldie/v2"

	"github.com/tmpkit/tmpkit/examples/migration"
	"github.com/tmpkit/tmpkit/golden"
)

// Before: goldie reads testdata/greeting.golden; updating needs its -update
// flag, which exists only in test binaries that import goldie.
func TestGreetingBefore(t *testing.T) {
	g := goldie.New(t)
	g.Assert(t, "greeting", []byte(migration.Greeting("Ada")))
}

// After: the same file. Name gives the path below testdata verbatim; the
// default would be testdata/TestGreetingAfter.golden.
func TestGreetingAfter(t *testing.T) {
	golden.Assert(t, migration.Greeting("Ada"), golden.Name("greeting.golden"))
}

// goldie's AssertJson becomes AssertJSON, also indented with sorted keys.
func TestSettingsAfter(t *testing.T) {
	golden.AssertJSON(t, map[string]any{"name": "Ada", "tags": []string{"admin"}}, golden.Name("settings.json.golden"))
}
