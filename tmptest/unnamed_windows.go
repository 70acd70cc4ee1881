package tmptest

import (
	"os"

	"golang.org/x/sys/windows"
)

// openUnnamed creates a file that Windows deletes when it is closed:
// Windows cannot remove the name of an open file, so the entry stays
// until then; other programs can open it only with FILE_SHARE_DELETE.
// os.OpenFile passes FILE_FLAG_* bits through (x/sys names the same value
// O_FILE_FLAG_DELETE_ON_CLOSE only in releases after v0.29, which a user
// need not have).
func (c *config) openUnnamed(testName string) (*os.File, error) {
	var f *os.File
	_, err := c.create(testName, maxTestName, func(path string) (err error) {
		const flag = os.O_RDWR | os.O_CREATE | os.O_EXCL | windows.FILE_FLAG_DELETE_ON_CLOSE
		f, err = os.OpenFile(path, flag, c.perm)
		return err
	})
	return f, err
}
