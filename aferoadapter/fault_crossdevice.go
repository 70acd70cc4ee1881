package aferoadapter

import (
	"fmt"
	"syscall"
)

// CrossDevice makes pattern name other devices: a Rename whose source and
// destination are not below the same match fails with an *os.LinkError
// wrapping EXDEV, as rename(2) does across mount points, whether or not
// the source exists. Each name a pattern matches is a device of its own:
// with "mnt/*", "mnt/a" and "mnt/b" are two. CrossDevice panics if pattern
// is malformed.
func CrossDevice(pattern string) Fault {
	desc := fmt.Sprintf("CrossDevice(%q)", pattern)
	return Fault{kind: kindCrossDevice, ops: opRename, pat: mustPattern(desc, pattern), err: syscall.EXDEV, desc: desc, times: -1}
}

// crossesDevice reports whether c is a rename from one device of p to
// another: source and destination do not lie below the same match.
func crossesDevice(p pattern, c *call) bool {
	from, inFrom := p.mount(faultName(c.name))
	to, inTo := p.mount(faultName(c.name2))
	return inFrom != inTo || inFrom && from != to
}
