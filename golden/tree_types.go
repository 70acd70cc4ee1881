package golden

import (
	"fmt"
	"io/fs"
	"maps"
	"slices"

	"github.com/tmpkit/tmpkit/fixture"
)

// gitTypesOnly refuses the named pipes that fixture.Read reports as FIFO
// entries: git keeps none, and dropping one would hide it from the test.
func gitTypesOnly(tree fixture.Tree) error {
	for _, name := range slices.Sorted(maps.Keys(tree)) {
		if tree[name].Type()&fs.ModeNamedPipe != 0 {
			return fmt.Errorf("%q is a named pipe; a golden tree holds files, directories and symlinks only", name)
		}
	}
	return nil
}
