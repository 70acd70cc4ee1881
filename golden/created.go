package golden

import (
	"testing"

	"github.com/tmpkit/tmpkit/tmptest"
)

// tmptestCreated returns the paths tmptest made for t and its parent
// tests, in creation order, for [ScrubTempDirs]. It is the one place that
// asks tmptest; tests of this package replace it through the config.
func tmptestCreated(t testing.TB) []string { return tmptest.Created(t) }
