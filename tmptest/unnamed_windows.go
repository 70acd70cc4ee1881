package tmptest

import (
	"os"

	"golang.org/x/sys/windows"
)

// openUnnamed creates a file that Windows deletes when it is closed:
// Windows cannot remove the name of an open file, so the entry stays
// until then; other programs can open it only with FILE_SHARE_DELETE.
func (c *config) openUnnamed(testName string) (*os.File, error) {
	var f *os.File
	_, err := c.create(testName, maxTestName, func(path string) (err error) {
		const flag = os.O_RDWR | os.O_CREATE | os.O_EXCL | windows.O_FILE_FLAG_DELETE_ON_CLOSE
		f, err = os.OpenFile(path, flag, c.perm)
		return err
	})
	return f, err
}
