// Package doccheck holds no code: its tests keep the README and docs/
// true to the module. The README stays short (under 300 lines), every
// relative link in it and in docs/ leads to a file and heading that
// exist, and every Go snippet compiles against tmpkit's current API.
//
// A snippet is checked as a user would paste it: a block starting with
// "package" as a file; a block of declarations in a file of its own; a
// block of statements as the body of func(t *testing.T). Imports are added
// for the packages it names (tmptest, fixture, golden, os, ...). Names the
// snippet leaves to the reader's code, unqualified (render, Import), may
// stay undefined; a qualified name must exist, and every other type error
// fails.
package doccheck
