package golden

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/tmpkit/tmpkit/internal/goldenwrite"
)

func TestAssertJSON(t *testing.T) {
	t.Parallel()
	dir := setup(t, nil)
	v := map[string]any{"z": 1, "a": []string{"<b>&"}, "m": map[string]bool{"y": true, "x": false}}
	f := assertFake(t, "TestX", v, append(update(), Dir(dir))...)
	if f.Failed() {
		t.Fatal(f.Fatals())
	}
	checkContent(t, filepath.Join(dir, "TestX.golden"), `{
  "a": [
    "<b>&"
  ],
  "m": {
    "x": false,
    "y": true
  },
  "z": 1
}
`)
	raw := json.RawMessage(`{"a":["<b>&"],"m":{"x":false,"y":true},"z":1}`)
	if f := assertFake(t, "TestX", raw, append(quiet(), Dir(dir), newRun())...); f.Failed() {
		t.Errorf("json.RawMessage is not re-indented: %s", f.Fatals())
	}
}

func TestAssertJSONCannotMarshal(t *testing.T) {
	t.Parallel()
	dir := setup(t, nil)
	f := assertFake(t, "TestX", map[string]any{"c": make(chan int)}, append(update(), Dir(dir))...)
	checkMessage(t, f, dir, "golden: AssertJSON cannot marshal the map[string]interface {} value: json: unsupported type: chan int; "+
		"pass a value encoding/json can marshal (no channels, functions, complex numbers, NaN or infinite floats, cycles)")
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("a failed marshal wrote %v", entries)
	}
}

func TestGet(t *testing.T) {
	t.Parallel()
	dir := setup(t, map[string]string{"TestX.golden": "a\r\nb\r\n", "bin.golden": "\x00\r\n"})
	var got, exact, bin []byte
	f := runFake(t, "TestX", func(tb testing.TB) {
		got = Get(tb, Dir(dir))
		exact = Get(tb, Dir(dir), Exact())
		bin = Get(tb, Dir(dir), Name("bin.golden"))
	})
	if f.Failed() || string(got) != "a\nb\n" || string(exact) != "a\r\nb\r\n" || string(bin) != "\x00\r\n" {
		t.Errorf("Get = %q, Exact %q, binary %q (%s)", got, exact, bin, f.Fatals())
	}
	f = runFake(t, "TestY", func(tb testing.TB) { Get(tb, Dir(dir)) })
	checkMessage(t, f, dir, `golden: "$DIR/TestY.golden" does not exist; Get reads a golden file as test input: `+
		`create it, or let an assertion create it with UPDATE_GOLDEN=new`)
}

func TestArtifacts(t *testing.T) {
	t.Parallel()
	dir := setup(t, map[string]string{"TestX.golden": "old\n"})
	fs := flag.NewFlagSet("test", flag.ContinueOnError)
	fs.Bool("test.artifacts", true, "")
	var artifacts string
	f := runFake(t, "TestX", func(tb testing.TB) {
		artifacts = tb.ArtifactDir()
		Assert(tb, "new\n", Dir(dir), withFlags(fs), withEnv())
	})
	saved := filepath.Join(artifacts, "TestX.golden")
	checkContent(t, saved, "new\n")
	checkFailure(t, f, dir, `golden: "$DIR/TestX.golden" differs from the output (-want +got):
--- $DIR/TestX.golden
+++ got
@@ -1 +1 @@
-old
+new
The output is saved in `+saved+`
To update it, run from the module root:
	UPDATE_GOLDEN=1 go test ./golden -run '^TestX$'`)
}

func TestMarkUsed(t *testing.T) {
	t.Parallel()
	reg := &registry{}
	dir := t.TempDir()
	f := runFake(t, "TestSkipped", func(tb testing.TB) {
		MarkUsed(tb, Dir(dir), Option{func(c *config) { c.reg = reg }})
	})
	if f.Failed() {
		t.Fatal(f.Fatals())
	}
	_, kept := reg.realPaths()
	for p, want := range map[string]bool{
		"TestSkipped.golden":             true,
		"TestSkipped/sub.golden":         true,
		"TestSkipped.golden.d":           true,
		"TestSkipped.golden.d/tree/file": true,
		"TestSkippedOther.golden":        false,
		"TestOther.golden":               false,
	} {
		if got := keptAt(kept, goldenwrite.RealPath(filepath.Join(dir, filepath.FromSlash(p)))); got != want {
			t.Errorf("after MarkUsed, %s kept = %v, want %v", p, got, want)
		}
	}
}
