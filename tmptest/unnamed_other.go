//go:build !linux && !windows

package tmptest

import "os"

// openUnnamed creates a file and removes its name at once: without
// O_TMPFILE, that is how Unix makes a file no directory lists.
func (c *config) openUnnamed(testName string) (*os.File, error) {
	return c.createUnlinked(testName)
}
