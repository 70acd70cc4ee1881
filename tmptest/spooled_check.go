package tmptest

import (
	"fmt"
	"os"
	"strings"
	"syscall"
)

// checkCreatable reports, without creating anything, what would stop
// [config.openFile] from creating a file in c.dir later: a directory that
// is missing, not a directory or not writable, or names too long for its
// file system. [Spooled] creates its file at the first Write past maxSize,
// maybe long after the call; checking here fails the test where the bad
// option was given.
//
// A create-and-remove probe would check the same with the OS's own
// answer, but it would touch the directory of a file that promises to stay
// in memory, which a test watching that directory (inotify, a count of its
// entries) would see, and it would cost a create and an unlink per call.
func (c *config) checkCreatable(testName string) error {
	if err := c.checkDir(); err != nil {
		return err
	}
	if err := c.checkNameLength(testName); err != nil {
		return err
	}
	if err := canCreateIn(c.dir); err != nil {
		return fmt.Errorf("tmptest: %s: cannot create files there: %w; %s", c.where(), err, c.writeHint())
	}
	return nil
}

// checkNameLength fails when the names [config.newName] makes would be
// longer than c.dir's file system takes. Their length does not depend on
// the random part, so it is known before any name is made.
func (c *config) checkNameLength(testName string) error {
	n, max := c.nameLength(testName), nameMax(c.dir)
	if n <= max {
		return nil
	}
	return c.nameLengthError(n, max)
}

// nameLengthError says that names of n bytes are too long for c.dir's
// file system, which takes max, and which options to shorten. Only
// Prefix and Suffix can make a name too long: the test's part is capped.
func (c *config) nameLengthError(n, max int) error {
	var parts []string
	if c.prefix != "" {
		parts = append(parts, fmt.Sprintf("Prefix(%q)", c.prefix))
	}
	if c.suffix != "" {
		parts = append(parts, fmt.Sprintf("Suffix(%q)", c.suffix))
	}
	them := "it"
	if len(parts) > 1 {
		them = "them"
	}
	return fmt.Errorf("tmptest: %s: created names would be %d bytes long; the file system of %s takes at most %d; shorten %s",
		strings.Join(parts, " and "), n, c.where(), max, them)
}

// nameLength is the length of the names newName makes for testName, in
// the unit nameMax counts.
func (c *config) nameLength(testName string) int {
	test := sanitize(testName, maxTestName) // ASCII: bytes are characters
	n := nameUnits(c.prefix) + len(test) + randomLen + nameUnits(c.suffix)
	if test != "" {
		n++ // the dash
	}
	return n
}

// writeHint says what to do when the directory is not writable.
func (c *config) writeHint() string {
	if c.dirFrom == "In" {
		return "choose a writable directory, or leave out In to use BaseDir()"
	}
	return "set TMPTEST_DIR to a writable directory"
}

// checkDir reports what [config.create] would say about c.dir, for helpers
// that create later ([Spooled]).
func (c *config) checkDir() error {
	info, err := os.Stat(c.dir)
	if err == nil && !info.IsDir() {
		err = syscall.ENOTDIR
	}
	if err != nil {
		return c.dirError(err)
	}
	return nil
}
