package golden

import (
	"testing"

	"github.com/tmpkit/tmpkit/internal/gvalue"
	"github.com/tmpkit/tmpkit/internal/yamlfmt"
)

// AssertValue prints v, any Go value, as readable and deterministic text
// and compares it as [Assert] does: for goldens of plain Go values (a
// parsed AST, a config struct, a slice of records) that encoding/json
// would lose part of (unexported fields, types, nil against empty).
//
// The text is multi-line, tab-indented, Go-like syntax:
//
//	[]main.Item{
//		{
//			Name: "a",
//			Count: 3,
//			Tags: map[string]int{
//				"x": 1,
//			},
//			Owner: &main.User{
//				Name: "ann",
//			},
//			Created: time.Time("2024-01-02T03:04:05Z"),
//		},
//	}
//
// The rules:
//   - Type names are written where Go needs them and the place does not
//     imply them (the top, interfaces, struct fields holding a struct, slice
//     or map); elements of slices, arrays and maps leave them out. Scalars
//     of int, float64, string, bool and complex128 never show their type,
//     other scalars do in an interface: uint8(3), main.Level(2).
//   - Map entries are sorted by key: numbers by value, strings by bytes,
//     other keys by their text (ties by the value's text). Struct fields
//     keep their order; slices are never reordered.
//   - Pointers show what they point to, behind "&"; no address is printed.
//     A pointer shared by two places prints in full at each. A pointer, map
//     or slice met again inside itself prints <cycle to PATH>, PATH saying
//     where it was first met ($ is v, then .Field, [index], ["key"]).
//   - nil prints as nil, and as T(nil) in an interface, where a typed nil
//     differs from a nil interface; an empty slice or map prints as T{}.
//   - Unexported fields are shown like exported ones.
//   - A value of a type that is not a struct, or of a struct type without
//     exported fields (an opaque type), is shown by its MarshalText, String
//     or Error method, the first it has that works, as T("text"):
//     time.Time("2024-01-02T03:04:05Z") (RFC 3339, in the time's own zone:
//     use UTC in tests), time.Duration("1.5s"), net.IP("10.0.0.1"),
//     main.Level("debug"), &big.Int("12"). A struct with exported fields is
//     always shown field by field, even with a String method: a golden must
//     show every field, not a summary.
//   - Strings are Go string literals, raw (`...`) when they hold a newline
//     and can be written so; []byte is []byte("...") when it is valid UTF-8
//     and hexadecimal bytes otherwise, as are byte arrays.
//   - Functions, channels and unsafe pointers print their type and nil or
//     non-nil.
//
// The text depends only on the value: not on map iteration order, the run,
// the machine's word size or memory layout.
//
// [Redact] paths name struct fields by their Go names and map entries by
// their keys' text ($.Items[0].Owner, $.Labels.env); a pointer is what it
// points to, a value shown by its method is a string. The selected node is
// printed as a Go string literal holding the replacement.
func AssertValue(t testing.TB, v any, opts ...Option) {
	t.Helper()
	cfg := newConfig(opts)
	c := newCall(t, &cfg)
	if cfg.err != nil {
		c.flush(t, cfg.err)
		return
	}
	got, err := gvalue.Format(v, cfg.redactions)
	if err != nil {
		c.flush(t, c.redactError(cfg, "AssertValue", err))
		return
	}
	c.flush(t, c.assertFile(cfg, got))
}

// AssertYAML marshals v as YAML, indented by two spaces, with map keys
// sorted and struct fields in their order and named by their yaml tags, as
// go.yaml.in/yaml/v3 (the maintained gopkg.in/yaml.v3) writes them, so the
// golden reads like the configuration files it mirrors; it compares it as
// [Assert] does.
//
// A string or []byte is taken as YAML text and re-formatted: each of its
// documents is decoded and written exactly as the equal Go value would be,
// so comments, anchors, key order and quoting styles are not compared;
// invalid YAML fails the test. A value yaml.v3 cannot marshal fails the
// test. [Redact] paths name YAML keys as the output shows them.
func AssertYAML(t testing.TB, v any, opts ...Option) {
	t.Helper()
	cfg := newConfig(opts)
	c := newCall(t, &cfg)
	if cfg.err != nil {
		c.flush(t, cfg.err)
		return
	}
	got, err := yamlfmt.Format(v, cfg.redactions)
	if err != nil {
		c.flush(t, c.redactError(cfg, "AssertYAML", err))
		return
	}
	c.flush(t, c.assertFile(cfg, got))
}
