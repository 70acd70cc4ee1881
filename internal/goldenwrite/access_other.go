//go:build !unix

package goldenwrite

import "os"

// canEmpty is nil where directories carry no permission bits that would
// keep their owner from removing what they hold.
func canEmpty(root *os.Root, name string) error { return nil }
