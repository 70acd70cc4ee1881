package golden

import (
	"testing"

	"github.com/tmpkit/tmpkit/fixture"
)

// TestAssertDirRefusesNamedPipes: fixture.Read reports named pipes (as
// FIFO entries) since fixture learnt them; git keeps none, so AssertDir
// refuses one in the output rather than dropping it silently, as it did
// when fixture.Read refused them itself.
func TestAssertDirRefusesNamedPipes(t *testing.T) {
	t.Parallel()
	dir := setup(t, nil)
	out := fixture.Tree{"a.txt": fixture.File("a\n"), "run/ctl": fixture.FIFO()}
	f := assertDirFake(t, "TestTree", out, append(update(), Dir(dir))...)
	checkMessage(t, f, dir, `golden: AssertDir for "$DIR/TestTree.golden.d": reading the output tree: "run/ctl" is a named pipe; a golden tree holds files, directories and symlinks only`)
}
