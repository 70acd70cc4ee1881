//go:build unix

package tmptest

// otherFileSystem returns an ID that differs from id, as another file
// system's would.
func otherFileSystem(id fsID) fsID {
	id.dev++
	return id
}
