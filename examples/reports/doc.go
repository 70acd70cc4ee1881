// Package reports shows what tmpkit's failure reports look like, as the
// tour `go test -v ./examples/...` runs it. Its tests make assertions fail
// on purpose against a recording testing.TB, print what each would have
// reported (go test prefixes each message with the file and line of the
// call), check the report's key lines, and pass:
//
//   - fixture.Assert on a directory with a changed, a missing and an extra
//     file: one sorted report of every difference;
//   - golden.Assert on text differing from its golden by one line: a
//     unified diff and the command that updates the golden;
//   - golden.Assert on binary content: the sizes, the first differing
//     offset and a hex window of each side;
//   - golden.Assert with no golden yet: the command that creates it;
//   - misuse, an invalid golden.Name or UPDATE_GOLDEN value: a message
//     naming the value and what is accepted, and the test stops there.
//
// The goldens under testdata differ from the output on purpose. The tests
// clear UPDATE_GOLDEN and GOLDEN_PENDING, so neither `UPDATE_GOLDEN=1 go
// test ./...` nor `go tool golden review` rewrites them.
//
// The package holds no code: only this comment and its tests.
package reports
