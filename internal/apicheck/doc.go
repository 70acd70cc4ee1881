// Package apicheck holds no code: its test checks that `go doc` of every
// public package of the module shows no unexported type in an exported
// declaration. A user cannot name such a type, so a signature holding one
// (an Option defined as func(*config), say) leaks an implementation detail
// into the documentation and lets a nil func through.
package apicheck
