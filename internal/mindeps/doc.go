// Package mindeps holds no code: its test checks that adding tmpkit to a
// module upgrades none of that module's dependencies, because tmpkit's
// go.mod requires the oldest version of each dependency its tests pass
// with. A test helper that forces a newer golang.org/x/tools or afero on
// its users makes them upgrade production code to write tests.
package mindeps
