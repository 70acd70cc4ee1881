package fspath_test

import (
	"fmt"

	"github.com/tmpkit/tmpkit/internal/fspath"
)

func ExampleCheck() {
	for _, name := range []string{"a/b.txt", `d\d`, "../x", `a\..\..\x`, "a//b"} {
		fmt.Println(fspath.Check(name))
	}
	// Output:
	// <nil>
	// <nil>
	// invalid name "../x": has a ".." element, which steps out of a directory
	// invalid name "a\\..\\..\\x": has a ".." element between backslashes, which are separators on Windows
	// invalid name "a//b": has an empty element ("//")
}
