// Package tmptest creates temporary files and directories bound to a test's
// lifetime: Python's tempfile module, rebuilt for [testing.TB].
//
// This file is a skeleton: the full implementation lands with issue 2.
package tmptest
