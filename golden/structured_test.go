package golden

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"sync"
	"testing"
	"time"
)

// assertWith runs assert (AssertJSON, AssertYAML or AssertValue) on v in a
// fake test named TestX.
func assertWith(t *testing.T, assert func(testing.TB, any, ...Option), v any, opts ...Option) string {
	t.Helper()
	var msgs string
	f := runFake(t, "TestX", func(tb testing.TB) { assert(tb, v, opts...) })
	for _, m := range append(f.Fatals(), f.Errors()...) { // misuse stops the test, a difference does not
		msgs += m
	}
	if f.Called("Helper") == 0 {
		t.Error("the assertion did not call t.Helper")
	}
	return msgs
}

type event struct {
	ID   string    `json:"id"`
	At   time.Time `json:"at"`
	Kind string    `json:"kind"`
}

func TestRedactJSON(t *testing.T) {
	t.Parallel()
	dir := setup(t, nil)
	v := map[string]any{"request_id": "r-81f2", "events": []event{
		{"e-1", time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC), "start"},
		{"e-2", time.Date(2024, 5, 1, 0, 0, 1, 0, time.UTC), "tick"},
	}}
	opts := []Option{Dir(dir), Redact("$.request_id", "[request]"), Redact("$.events[*].at", "[time]"),
		Redact("$.events[?@.kind == 'tick']", "[tick]")}
	if msg := assertWith(t, AssertJSON, v, append(opts, update()...)...); msg != "" {
		t.Fatal(msg)
	}
	checkContent(t, filepath.Join(dir, "TestX.golden"), `{
  "events": [
    {
      "id": "e-1",
      "at": "[time]",
      "kind": "start"
    },
    "[tick]"
  ],
  "request_id": "[request]"
}
`)
	// JSON text is redacted as well, and other values do not matter.
	raw := json.RawMessage(`{"events":[{"id":"e-1","at":"x","kind":"start"},{"kind":"tick"}],"request_id":"other"}`)
	if msg := assertWith(t, AssertJSON, raw, append(opts, quiet()...)...); msg != "" {
		t.Errorf("json.RawMessage: %s", msg)
	}
}

func TestRedactSelectsNothing(t *testing.T) {
	t.Parallel()
	dir := setup(t, nil)
	v := map[string]int{"id": 1}
	msg := assertWith(t, AssertJSON, v, append(update(), Dir(dir), Redact("$.id", "[id]"), Redact("$.request_id", "[request]"))...)
	want := `golden: Redact("$.request_id", "[request]") selects nothing in the output of AssertJSON for "$DIR/TestX.golden"; ` +
		`a redaction that stops matching would hide a change of the output: fix the path, or remove the Redact if the value is gone`
	if got := scrubDir(msg, dir); got != want {
		t.Errorf("message:\n%s\nwant:\n%s", got, want)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("update mode wrote %v after a redaction selected nothing", entries)
	}
	for _, assert := range []func(testing.TB, any, ...Option){AssertValue, AssertYAML} {
		if msg := assertWith(t, assert, v, append(update(), Dir(dir), Redact("$.nope", "x"))...); !regexp.MustCompile(`^golden: Redact\("\$\.nope", "x"\) selects nothing in the output of Assert(Value|YAML) for`).MatchString(msg) {
			t.Errorf("message: %s", msg)
		}
	}
}

func TestRedactMalformedAndMisused(t *testing.T) {
	t.Parallel()
	dir := setup(t, nil)
	msg := assertWith(t, AssertJSON, 1, append(quiet(), Dir(dir), Redact("$.a[?@.b = 1]", "x"))...)
	want := "golden: Redact(\"$.a[?@.b = 1]\", \"x\"): malformed JSONPath: invalid comparison operator at position 10:\n\t$.a[?@.b = 1]\n\t         ^"
	if msg != want {
		t.Errorf("message:\n%s\nwant:\n%s", msg, want)
	}
	f := assertFake(t, "TestX", "text\n", append(quiet(), Dir(dir), Redact("$.id", "[id]"))...)
	checkMessage(t, f, dir, `golden: Redact("$.id", "[id]") applies to structured output (AssertJSON, AssertYAML, AssertValue); `+
		`Assert compares text: replace volatile text with ScrubRegexp or ScrubNumbered`)
	f = runFake(t, "TestX", func(tb testing.TB) {
		AssertDir(tb, os.DirFS(dir), append(quiet(), Dir(dir), Redact("$.id", "[id]"))...)
	})
	checkMessage(t, f, dir, `golden: Redact("$.id", "[id]") applies to structured output (AssertJSON, AssertYAML, AssertValue); `+
		`AssertDir compares files as text: replace volatile text with ScrubRegexp or ScrubNumbered`)
}

func TestScrubNumbered(t *testing.T) {
	t.Parallel()
	dir := setup(t, nil)
	uuid := ScrubNumbered(`[0-9a-f]{8}-[0-9a-f]{4}`, "uuid") // shared by both assertions
	opts := append(update(), Dir(dir), uuid, ScrubNumbered(`user\d+`, "user"), Scrub("deadbeef-0000", "aaaaaaaa-1111"))
	f := runFake(t, "TestX", func(tb testing.TB) {
		Assert(tb, "12345678-abcd user7 deadbeef-0000\nuser9 12345678-abcd user7\n", append(opts, Name("first.golden"))...)
		Assert(tb, "ffffffff-0000 user9\n", append(opts, Name("second.golden"))...)
	})
	if f.Failed() {
		t.Fatal(f.Fatals())
	}
	// The Scrub ran first although it came last: aaaaaaaa-1111 was numbered.
	checkContent(t, filepath.Join(dir, "first.golden"), "[uuid-1] [user-1] [uuid-2]\n[user-2] [uuid-1] [user-1]\n")
	checkContent(t, filepath.Join(dir, "second.golden"), "[uuid-1] [user-1]\n")

	// One option value, many parallel tests: no state is shared.
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			var got string
			f := runFake(t, "TestY", func(tb testing.TB) {
				got = string(numberedFunc([]numberedRule{{regexp.MustCompile(`id\d`), "id"}})([]byte("id" + string(rune('0'+i)) + " id9")))
				Assert(tb, "a user1 b user2 a user1\n", Dir(dir), Name("parallel.golden"), uuid, ScrubNumbered(`user\d`, "u"), noFlags(), withEnv("UPDATE_GOLDEN=1"))
			})
			if f.Failed() || got != "[id-1] [id-2]" {
				t.Errorf("parallel: %q %v", got, f.Fatals())
			}
		})
	}
	wg.Wait()
	checkContent(t, filepath.Join(dir, "parallel.golden"), "a [u-1] b [u-2] a [u-1]\n")

	for _, tc := range []struct {
		opt  Option
		want string
	}{
		{ScrubNumbered(`user(\d`, "user"), "golden: ScrubNumbered(\"user(\\\\d\", \"user\"): error parsing regexp: missing closing ): `user(\\d`"},
		{ScrubNumbered(`x*`, "x"), `golden: ScrubNumbered("x*", "x"): the expression matches the empty string, so it would number the gap between every two characters`},
		{ScrubNumbered(`x`, ""), `golden: ScrubNumbered("x", ""): empty label`},
	} {
		f := assertFake(t, "TestX", "x\n", append(quiet(), Dir(dir), tc.opt)...)
		checkMessage(t, f, dir, tc.want)
	}
}

func TestOptions(t *testing.T) {
	t.Parallel()
	dir := setup(t, map[string]string{"sub/named.golden": "A\r\n"})
	shared := Options(Dir(dir), Options(), Options(Name("sub/named.golden"), Scrub("a", "A")))
	if f := assertFake(t, "TestX", "a\r\n", append(quiet(), shared, Exact())...); f.Failed() {
		t.Errorf("bundled options did not apply: %s", f.Fatals())
	}
	cfg := newConfig([]Option{Options(), Options(Options())})
	if cfg.dir != "testdata" || cfg.nameSet || cfg.err != nil || len(cfg.scrubbers) != 0 {
		t.Errorf("empty bundles changed the configuration: %+v", cfg)
	}
	if f := assertFake(t, "TestX", "x\n", append(quiet(), Options(Dir(dir), Name("")))...); fatal(f, dir) != `golden: Name(""): empty name` {
		t.Errorf("an invalid option inside a bundle: %q", f.Fatals())
	}
}
