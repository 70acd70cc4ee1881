package reports_test

import (
	"fmt"
	"os"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/tmpkit/tmpkit/fixture"
	"github.com/tmpkit/tmpkit/golden"
)

// recorder is a testing.TB that keeps what an assertion reports instead of
// failing the test, so that the test can print the report and pass. Every
// method it does not override goes to the real test it embeds: Name (golden
// paths and update commands derive from it), Cleanup, TempDir, Setenv, and
// Attr (where golden records the goldens a test used, for `go tool golden
// unused`).
type recorder struct {
	testing.TB
	report    strings.Builder // every message, in order, each ending in "\n"
	failed    bool
	stopped   bool   // FailNow ended the assertion
	artifacts string // ArtifactDir, once made
}

func (r *recorder) Helper() {}

func (r *recorder) Log(args ...any) { r.report.WriteString(fmt.Sprintln(args...)) }
func (r *recorder) Logf(format string, args ...any) {
	r.report.WriteString(strings.TrimSuffix(fmt.Sprintf(format, args...), "\n") + "\n")
}
func (r *recorder) Error(args ...any)                 { r.Log(args...); r.Fail() }
func (r *recorder) Errorf(format string, args ...any) { r.Logf(format, args...); r.Fail() }
func (r *recorder) Fatal(args ...any)                 { r.Log(args...); r.FailNow() }
func (r *recorder) Fatalf(format string, args ...any) { r.Logf(format, args...); r.FailNow() }
func (r *recorder) Fail()                             { r.failed = true }
func (r *recorder) Failed() bool                      { return r.failed }

// FailNow ends the assertion as testing's FailNow ends a test: it ends the
// goroutine, which record started for the assertion alone.
func (r *recorder) FailNow() {
	r.failed, r.stopped = true, true
	runtime.Goexit()
}

// ArtifactDir is a temporary directory, not the test's: under -artifacts,
// golden saves the output of a differing golden there, with a pending
// change that `go tool golden apply` would write, and these differences
// are on purpose.
func (r *recorder) ArtifactDir() string {
	if r.artifacts == "" {
		r.artifacts = r.TB.TempDir()
	}
	return r.artifacts
}

// record runs assert against a new recorder, in a goroutine of its own so
// that a FailNow ends assert and not the test, and returns the recorder.
func record(t *testing.T, assert func(t testing.TB)) *recorder {
	r := &recorder{TB: t}
	done := make(chan struct{})
	go func() {
		defer close(done)
		assert(r)
	}()
	<-done
	return r
}

// show logs the report under a heading, so that go test -v shows it, and
// fails the test unless the assertion failed, stopped or went on as
// stopped says, and its report holds each of lines as a whole line.
func show(t *testing.T, r *recorder, heading string, stopped bool, lines ...string) {
	t.Helper()
	report := strings.TrimSuffix(r.report.String(), "\n")
	t.Logf("%s:\n%s", heading, report)
	switch {
	case !r.failed || report == "":
		t.Errorf("the assertion passed; it should fail")
	case r.stopped != stopped:
		t.Errorf("the assertion stopped = %v, want %v", r.stopped, stopped)
	}
	got := strings.Split(report, "\n")
	for _, l := range lines {
		if !slices.Contains(got, l) {
			t.Errorf("the report has no line %q", l)
		}
	}
}

// onlyCompare makes the golden assertions of t compare and write nothing:
// their goldens differ on purpose, and `UPDATE_GOLDEN=1 go test ./...` must
// not rewrite them, nor `go tool golden review`, which sets GOLDEN_PENDING.
func onlyCompare(t *testing.T) {
	t.Setenv("UPDATE_GOLDEN", "")
	t.Setenv("GOLDEN_PENDING", "")
}

// TestFixtureDiff compares a directory with the tree a formatter should
// have left: it rewrote no file, kept its backup and wrote no log.
func TestFixtureDiff(t *testing.T) {
	// The real t makes the directory, so that its cleanup follows the test.
	dir := fixture.New(t, fixture.Tree{
		"config/app.yaml":     fixture.File("name: shop\nport:   8080\n"),
		"config/app.yaml.bak": fixture.File("name: shop\nport:   8080\n"),
		"bin/run.sh":          fixture.File("#!/bin/sh\nexec shop\n"),
	})
	want := fixture.Tree{
		"config/app.yaml": fixture.File("name: shop\nport: 8080\n"),
		"bin/run.sh":      fixture.File("#!/bin/sh\nexec shop\n"),
		"format.log":      fixture.MatchRegexp(`(?m)^done$`),
	}

	r := record(t, func(t testing.TB) { fixture.Assert(t, os.DirFS(dir), want) })

	show(t, r, "fixture.Assert, a directory with a changed, a missing and an extra file", false,
		"fixture: Assert: "+dir+": tree differs: 1 missing, 1 extra, 1 changed",
		"changed  config/app.yaml: content differs:",
		"    -port: 8080",
		"    +port:   8080",
		`extra    config/app.yaml.bak: file, got 24 bytes: "name: shop\nport:   8080\n"`,
		`missing  format.log: file, want MatchRegexp("(?m)^done$")`,
	)
}

// TestGoldenDiff compares a table with testdata/TestGoldenDiff.golden,
// which holds another total.
func TestGoldenDiff(t *testing.T) {
	onlyCompare(t)
	got := "item       amount\ncoffee       3.50\nbagels       4.00\ntotal        7.50\n"

	r := record(t, func(t testing.TB) { golden.Assert(t, got) })

	show(t, r, "golden.Assert, text that differs from its golden by one line", false,
		`golden: "examples/reports/testdata/TestGoldenDiff.golden" differs from the output (-want +got):`,
		"-total        8.50",
		"+total        7.50",
		"\tUPDATE_GOLDEN=1 go test ./examples/reports -run '^TestGoldenDiff$'",
	)
}

// TestGoldenBinary compares a binary header with
// testdata/TestGoldenBinary.golden: the version byte at offset 7 differs,
// and the output has one byte more.
func TestGoldenBinary(t *testing.T) {
	onlyCompare(t)
	got := []byte("TMPK\x00\x01\x00\x03\x00\x00\x00\x10header\x00\x00\x00")

	r := record(t, func(t testing.TB) { golden.Assert(t, got) })

	show(t, r, "golden.Assert, binary content (it holds NUL bytes)", false,
		`golden: "examples/reports/testdata/TestGoldenBinary.golden" differs from the output:`,
		"binary content differs: want 20 bytes, got 21 bytes; first difference at offset 7 (0x7)",
		"\tUPDATE_GOLDEN=1 go test ./examples/reports -run '^TestGoldenBinary$'",
	)
}

// TestGoldenMissing asserts with a golden nobody wrote yet.
func TestGoldenMissing(t *testing.T) {
	onlyCompare(t)

	r := record(t, func(t testing.TB) { golden.Assert(t, "hello\n") })

	show(t, r, "golden.Assert, no golden yet", false,
		`golden: "examples/reports/testdata/TestGoldenMissing.golden" does not exist.`,
		"\tUPDATE_GOLDEN=new go test ./examples/reports -run '^TestGoldenMissing$'",
	)
}

// TestGoldenMisuse makes two mistakes: a golden.Name leaving the golden
// directory, and an UPDATE_GOLDEN value golden does not know. Each stops
// the assertion's test, so nothing after it runs.
func TestGoldenMisuse(t *testing.T) {
	onlyCompare(t)
	after := false
	r := record(t, func(t testing.TB) {
		golden.Assert(t, "hello\n", golden.Name("../hello.golden"))
		after = true
	})
	show(t, r, "golden.Assert with golden.Name(\"../hello.golden\")", true,
		`golden: Name("../hello.golden"): not a relative slash-separated path inside the golden directory `+
			`(no leading or trailing "/", no empty, "." or ".." element)`,
	)

	t.Setenv("UPDATE_GOLDEN", "yes")
	r = record(t, func(t testing.TB) {
		golden.Assert(t, "hello\n")
		after = true
	})
	show(t, r, "golden.Assert under UPDATE_GOLDEN=yes", true,
		`golden: UPDATE_GOLDEN="yes" is not a valid value; use 1 or true (create and overwrite goldens), `+
			`new (only create missing ones), force (create and overwrite, even under CI or when the output is empty), `+
			`0, false or empty (compare only)`,
	)
	if after {
		t.Error("the code after a misused assertion ran; misuse should stop the test")
	}
}
