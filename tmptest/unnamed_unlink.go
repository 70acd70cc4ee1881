//go:build !windows

package tmptest

import (
	"fmt"
	"os"
)

// createUnlinked is the portable [Unnamed]: a file made as [File] makes
// one, whose name is removed at once.
func (c *config) createUnlinked(testName string) (*os.File, error) {
	f, err := c.openFile(testName)
	if err != nil {
		return nil, err
	}
	if err := os.Remove(f.Name()); err != nil {
		f.Close()
		return nil, fmt.Errorf("tmptest: unnamed file: %w", err)
	}
	return f, nil
}
