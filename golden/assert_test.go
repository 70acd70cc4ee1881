package golden

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tmpkit/tmpkit/internal/faketb"
)

// setup returns a fresh golden directory holding files (name -> content).
func setup(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// fatal returns the Fatalf message of f with dir written as $DIR ("" if
// none; the messages joined by newlines if several, which then differ
// from any one message checkMessage wants).
func fatal(f *faketb.TB, dir string) string {
	return scrubDir(strings.Join(f.Fatals(), "\n"), dir)
}

// scrubDir returns msg with dir written as $DIR.
func scrubDir(msg, dir string) string {
	return strings.ReplaceAll(msg, filepath.ToSlash(dir), "$DIR")
}

func assertFake(t *testing.T, test string, got any, opts ...Option) *faketb.TB {
	return runFake(t, test, func(tb testing.TB) {
		switch g := got.(type) {
		case string:
			Assert(tb, g, opts...)
		case []byte:
			Assert(tb, g, opts...)
		default:
			AssertJSON(tb, g, opts...)
		}
	})
}

func checkMessage(t *testing.T, f *faketb.TB, dir, want string) {
	t.Helper()
	if got := fatal(f, dir); got != want {
		t.Errorf("message:\n%s\nwant:\n%s", got, want)
	}
	if f.Called("Helper") == 0 {
		t.Errorf("the helper did not call t.Helper")
	}
}

func TestAssertPasses(t *testing.T) {
	t.Parallel()
	dir := setup(t, map[string]string{"TestX.golden": "hello\n", "TestX/sub.golden": "sub\n"})
	if f := assertFake(t, "TestX", "hello\n", append(quiet(), Dir(dir))...); f.Failed() || len(f.Logs()) != 0 {
		t.Errorf("matching output: failed %v (%s), logs %q", f.Failed(), f.Fatals(), f.Logs())
	}
	if f := assertFake(t, "TestX/sub", []byte("sub\n"), append(quiet(), Dir(dir))...); f.Failed() {
		t.Errorf("subtest golden testdata/TestX/sub.golden not used: %s", f.Fatals())
	}
}

func TestAssertMissing(t *testing.T) {
	t.Parallel()
	dir := setup(t, nil)
	f := assertFake(t, "TestX/case_1", "out\n", append(quiet(), Dir(dir))...)
	checkFailure(t, f, dir, `golden: "$DIR/TestX/case_1.golden" does not exist.
To create it from the output, run from the module root:
	UPDATE_GOLDEN=new go test ./golden -run '^TestX$/^case_1$'`)
}

func TestAssertMismatchText(t *testing.T) {
	t.Parallel()
	dir := setup(t, map[string]string{"TestX.golden": "1\n2\n3\n4\n5\n6\n7\n8\n9\n"})
	f := assertFake(t, "TestX", "1\n2\n3\n4\nfive\n6\n7\n8\n9\n", append(quiet(), Dir(dir))...)
	checkFailure(t, f, dir, `golden: "$DIR/TestX.golden" differs from the output (-want +got):
--- $DIR/TestX.golden
+++ got
@@ -2,7 +2,7 @@
 2
 3
 4
-5
+five
 6
 7
 8
To update it, run from the module root:
	UPDATE_GOLDEN=1 go test ./golden -run '^TestX$'`)
}

func TestAssertInvisibleDifferences(t *testing.T) {
	t.Parallel()
	dir := setup(t, map[string]string{"TestX.golden": "key: value\nend\n"})
	f := assertFake(t, "TestX", "key: value \nend", append(quiet(), Dir(dir))...)
	checkFailure(t, f, dir, `golden: "$DIR/TestX.golden" differs from the output (-want +got):
--- $DIR/TestX.golden
+++ got
@@ -1,2 +1,2 @@
-key: value
-end
+key: value·
+end
\ No newline at end of file
(shown as: · trailing space)
To update it, run from the module root:
	UPDATE_GOLDEN=1 go test ./golden -run '^TestX$'`)
}

func TestAssertCRLF(t *testing.T) {
	t.Parallel()
	dir := setup(t, map[string]string{"crlf.golden": "a\r\nb\r\n", "lf.golden": "a\nb\n"})
	// A golden checked out with CRLF matches LF output and CRLF output;
	// an LF golden matches LF output only (TestOutputCRLFIsADifference).
	for name, got := range map[string]string{"crlf.golden": "a\nb\n", "crlf.golden ": "a\r\nb\r\n", "lf.golden": "a\nb\n"} {
		if f := assertFake(t, "TestX", got, append(quiet(), Dir(dir), Name(strings.TrimSpace(name)))...); f.Failed() {
			t.Errorf("%s vs %q: %s%s", name, got, f.Fatals(), f.Errors())
		}
	}
	f := assertFake(t, "TestX", "a\nb\n", append(quiet(), Dir(dir), Name("crlf.golden"), Exact())...)
	checkFailure(t, f, dir, `golden: "$DIR/crlf.golden" differs from the output (-want +got):
--- $DIR/crlf.golden
+++ got
@@ -1,2 +1,2 @@
-a␍
-b␍
+a
+b
(shown as: ␍ \r)
To update it, run from the module root:
	UPDATE_GOLDEN=1 go test ./golden -run '^TestX$'`)
}

func TestAssertBinary(t *testing.T) {
	t.Parallel()
	dir := setup(t, map[string]string{"TestX.golden": "0123456789abcdef\x00\x01\r\n"})
	f := assertFake(t, "TestX", []byte("0123456789abcdef\x00\x01\n"), append(quiet(), Dir(dir))...)
	checkFailure(t, f, dir, `golden: "$DIR/TestX.golden" differs from the output:
binary content differs: want 20 bytes, got 19 bytes; first difference at offset 18 (0x12)
want: 00000010  00 01 0d 0a                                       |....|
got:  00000010  00 01 0a                                          |...|
To update it, run from the module root:
	UPDATE_GOLDEN=1 go test ./golden -run '^TestX$'`)
}

func TestAssertLongOutputCapped(t *testing.T) {
	t.Parallel()
	var want, got strings.Builder
	for i := range 1000 {
		fmt.Fprintf(&want, "line %d\n", i)
		fmt.Fprintf(&got, "LINE %d\n", i)
	}
	dir := setup(t, map[string]string{"TestX.golden": want.String()})
	f := assertFake(t, "TestX", got.String(), append(quiet(), Dir(dir))...)
	msg := scrubDir(strings.Join(f.Errors(), "\n"), dir)
	if n := strings.Count(msg, "\n") + 1; n != 206 {
		t.Errorf("message has %d lines, want 206 (header, 2 labels, 200 diff lines, note, 2 command lines)", n)
	}
	wantTail := "-line 198\n... 1801 more diff lines not shown\nTo update it, run from the module root:\n\tUPDATE_GOLDEN=1 go test ./golden -run '^TestX$'"
	if !strings.HasSuffix(msg, wantTail) {
		t.Errorf("message ends with\n%s\nwant\n%s", msg[len(msg)-200:], wantTail)
	}
}

func TestAssertUnderCI(t *testing.T) {
	t.Parallel()
	dir := setup(t, map[string]string{"TestX.golden": "old\n"})
	f := assertFake(t, "TestX", "new\n", Dir(dir), noFlags(), withEnv("CI=true", "UPDATE_GOLDEN=1"))
	checkFailure(t, f, dir, `golden: "$DIR/TestX.golden" differs from the output (-want +got):
--- $DIR/TestX.golden
+++ got
@@ -1 +1 @@
-old
+new
Updates are refused under CI=true (UPDATE_GOLDEN=force overrides this); to update it, run outside CI from the module root:
	UPDATE_GOLDEN=1 go test ./golden -run '^TestX$'`)
	if b, _ := os.ReadFile(filepath.Join(dir, "TestX.golden")); string(b) != "old\n" {
		t.Errorf("golden updated under CI: %q", b)
	}
	f = assertFake(t, "TestX", "new\n", Dir(dir), noFlags(), withEnv("CI=true", "UPDATE_GOLDEN=force"))
	if f.Failed() {
		t.Errorf("UPDATE_GOLDEN=force under CI: %s%s", f.Fatals(), f.Errors())
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "TestX.golden")); string(b) != "new\n" {
		t.Errorf("UPDATE_GOLDEN=force did not update: %q", b)
	}
}

func TestAssertInvalidOptions(t *testing.T) {
	t.Parallel()
	dir := setup(t, nil)
	tests := []struct {
		opt  Option
		want string
	}{
		{Name("../x.golden"), `golden: Name("../x.golden"): not a relative slash-separated path inside the golden directory (no leading or trailing "/", no empty, "." or ".." element)`},
		{Name(""), `golden: Name(""): empty name`},
		{Dir(""), `golden: Dir(""): empty directory; leave the option out to use "testdata"`},
		{Scrub("", "x"), `golden: Scrub("", ...): nothing to replace`},
		{ScrubRegexp(nil, "x"), `golden: ScrubRegexp(nil, ...): no regexp`},
		{ScrubPath("", "x"), `golden: ScrubPath("", ...): empty path`},
	}
	for _, tt := range tests {
		f := assertFake(t, "TestX", "x\n", append(quiet(), Dir(dir), tt.opt)...)
		checkMessage(t, f, dir, tt.want)
	}
	f := assertFake(t, "TestX", "x\n", Dir(dir), noFlags(), withEnv("UPDATE_GOLDEN=on"))
	checkMessage(t, f, dir, `golden: UPDATE_GOLDEN="on" is not a valid value; use 1 or true (create and overwrite goldens), new (only create missing ones), force (create and overwrite, even under CI or when the output is empty), 0, false or empty (compare only)`)
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("invalid options wrote %v", entries)
	}
}

func TestAssertConflict(t *testing.T) {
	t.Parallel()
	dir := setup(t, nil)
	opts := []Option{Dir(dir), Name("shared.golden"), noFlags(), withEnv("UPDATE_GOLDEN=1")}
	f := runFake(t, "TestX", func(tb testing.TB) {
		Assert(tb, "first\n", opts...)
		Assert(tb, "first\n", opts...) // the same content
		Assert(tb, "second\n", opts...)
	})
	checkFailure(t, f, dir, `golden: "$DIR/shared.golden": two assertions in this run expect different content (first TestX, then TestX); a golden holds one result, so the last update would win silently: give each assertion its own golden with golden.Name`)
	if b, _ := os.ReadFile(filepath.Join(dir, "shared.golden")); string(b) != "first\n" {
		t.Errorf("golden = %q, want the first content", b)
	}
}

func TestAssertCaseCollision(t *testing.T) {
	t.Parallel()
	dir := setup(t, map[string]string{"TestCase.golden": "x\n", "Testcase.golden": "x\n"})
	if f := assertFake(t, "TestCase", "x\n", append(quiet(), Dir(dir))...); f.Failed() {
		t.Fatal(f.Fatals())
	}
	f := assertFake(t, "Testcase", "x\n", append(quiet(), Dir(dir))...)
	checkMessage(t, f, dir, `golden: "$DIR/Testcase.golden" and "$DIR/TestCase.golden" differ only in letter case or Unicode normalisation: one file on macOS and Windows; rename a test or use golden.Name`)
	f = assertFake(t, "TestX", "x\n", append(quiet(), Dir(dir), Name("caf\u00e9.golden"))...)
	if errs := f.Errors(); len(errs) != 1 || !strings.Contains(errs[0], "does not exist") { // registered all the same
		t.Errorf("Errorf messages %q, want one saying the golden does not exist", errs)
	}
	f = assertFake(t, "TestX", "x\n", append(quiet(), Dir(dir), Name("cafe\u0301.golden"))...)
	checkMessage(t, f, dir, `golden: "$DIR/cafe\u0301.golden" and "$DIR/caf\u00e9.golden" differ only in letter case or Unicode normalisation: one file on macOS and Windows; rename a test or use golden.Name`)
}

// checkFailure checks that f failed with the single Errorf message want
// (dir written as $DIR), and went on.
func checkFailure(t *testing.T, f *faketb.TB, dir, want string) {
	t.Helper()
	if got := scrubDir(strings.Join(f.Errors(), "\n"), dir); got != want {
		t.Errorf("Errorf message:\n%s\nwant:\n%s", got, want)
	}
	if len(f.Fatals()) != 0 {
		t.Errorf("Fatalf messages %q; a difference must let the test go on", f.Fatals())
	}
	if f.Called("Helper") == 0 {
		t.Errorf("the helper did not call t.Helper")
	}
}
