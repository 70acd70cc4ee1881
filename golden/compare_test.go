package golden

import (
	"testing"

	"github.com/tmpkit/tmpkit/fixture"
)

// TestCompareModeTheFileIsTheArbiter: a second assertion on one golden in
// one run failed with "two assertions in this run expect different
// content", even when it matched the file byte for byte. Outside update
// mode each assertion is reported against the file (failed before).
func TestCompareModeTheFileIsTheArbiter(t *testing.T) {
	t.Parallel()
	dir := setup(t, map[string]string{"shared.golden": "first\n"})
	opts := append(quiet(), Dir(dir), Name("shared.golden"))
	f := runFake(t, "TestX", func(tb testing.TB) {
		Assert(tb, "first\n", opts...)
		Assert(tb, "second\n", opts...)
		Assert(tb, "first\n", append(opts, Exact())...)
	})
	checkFailure(t, f, dir, `golden: "$DIR/shared.golden" differs from the output (-want +got):
--- $DIR/shared.golden
+++ got
@@ -1 +1 @@
-first
+second
To update it, run from the module root:
	UPDATE_GOLDEN=1 go test ./golden -run '^TestX$'`)
}

// TestOutputCRLFIsADifference: output "a\r\n" against a golden "a\n"
// passed, so a CLI that starts printing CRLF was never caught. Only the
// golden's line endings are folded (failed before: it passed).
func TestOutputCRLFIsADifference(t *testing.T) {
	t.Parallel()
	dir := setup(t, map[string]string{"lf.golden": "a\n", "crlf.golden": "a\r\n", "TestTree.golden.d/a.txt": "a\n"})
	f := assertFake(t, "TestX", "a\r\n", append(quiet(), Dir(dir), Name("lf.golden"))...)
	checkFailure(t, f, dir, `golden: "$DIR/lf.golden" differs from the output (-want +got):
--- $DIR/lf.golden
+++ got
@@ -1 +1 @@
-a
+a␍
(shown as: ␍ \r)
To update it, run from the module root:
	UPDATE_GOLDEN=1 go test ./golden -run '^TestX$'`)

	// A golden checked out with CRLF still matches LF output, and CRLF
	// output too (bytes equal).
	for _, got := range []string{"a\n", "a\r\n"} {
		if f := assertFake(t, "TestX", got, append(quiet(), Dir(dir), Name("crlf.golden"))...); f.Failed() {
			t.Errorf("CRLF golden vs %q: %s%s", got, f.Fatals(), f.Errors())
		}
	}

	// Output whose later line turns CRLF differs from a CRLF checkout,
	// which reads as LF (failed before: it passed, the output's "\r\n"
	// taken for one of the golden's).
	dir3 := setup(t, map[string]string{"crlf2.golden": "a\r\nb\r\n"})
	f = assertFake(t, "TestX", "a\nb\r\n", append(quiet(), Dir(dir3), Name("crlf2.golden"))...)
	checkFailure(t, f, dir3, `golden: "$DIR/crlf2.golden" differs from the output (-want +got):
--- $DIR/crlf2.golden
+++ got
@@ -1,2 +1,2 @@
 a
-b
+b␍
(shown as: ␍ \r)
To update it, run from the module root:
	UPDATE_GOLDEN=1 go test ./golden -run '^TestX$'`)

	// The same in a golden tree: a golden checked out with CRLF matches LF
	// output; CRLF output differs from an LF golden.
	dir2 := setup(t, map[string]string{"TestTree.golden.d/a.txt": "a\r\n"})
	if f := assertDirFake(t, "TestTree", fixture.Tree{"a.txt": fixture.File("a\n")}, append(quiet(), Dir(dir2))...); f.Failed() {
		t.Errorf("CRLF golden tree vs LF output: %s%s", f.Fatals(), f.Errors())
	}
	f = assertDirFake(t, "TestTree", fixture.Tree{"a.txt": fixture.File("a\r\n")}, append(quiet(), Dir(dir))...)
	checkFailure(t, f, dir, `golden: tree "$DIR/TestTree.golden.d" differs from the output (missing: only in the golden tree; extra: only in the output):
tree differs: 1 changed
changed  a.txt: content differs:
    --- want
    +++ got
    @@ -1 +1 @@
    -a
    +a␍
    (shown as: ␍ \r)
To update it, run from the module root:
	UPDATE_GOLDEN=1 go test ./golden -run '^TestTree$'`)
}
