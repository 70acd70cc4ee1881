package review

import (
	"os"
	"testing"
)

// TestMain clears CI: the sessions under test read it through os.Getenv
// when their Getenv is nil, and CI runs this suite with CI=true. The tests
// of the refusal pass their own Getenv.
func TestMain(m *testing.M) {
	os.Unsetenv("CI")
	os.Exit(m.Run())
}
