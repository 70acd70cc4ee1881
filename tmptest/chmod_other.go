//go:build !unix

package tmptest

import (
	"io/fs"
	"os"
)

// chmodDir sets the mode of the directory just created at path. Outside
// Unix there are no modes to protect beyond Windows' read-only attribute.
func chmodDir(path string, perm fs.FileMode) error {
	return os.Chmod(path, perm)
}
