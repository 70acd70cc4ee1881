package golden

import (
	"errors"
	"fmt"

	"github.com/tmpkit/tmpkit/internal/redact"
)

// Redact replaces, in the output of [AssertJSON], [AssertYAML] and
// [AssertValue], every node that path selects by a string holding
// replacement, before the output is compared or written: for the volatile
// fields of structured output (ids, timestamps, durations), named by where
// they are rather than by what they look like.
//
// path is an RFC 9535 JSONPath (filters, functions, descendant segments;
// every case of the JSONPath compliance test suite passes): $.id,
// $.items[*].created_at, $..etag, $.events[?@.kind == 'tick'].at. It names
// members as the output shows them: JSON names in AssertJSON, YAML keys in
// AssertYAML, Go field names and map keys in AssertValue. The selected
// node is replaced whole, whatever its type (an object, a number), by a
// JSON or YAML string, or a Go string literal. Several Redacts apply one
// after another; a later one sees the result of the earlier ones. Text
// already in JSON or YAML (a [encoding/json.RawMessage] in AssertJSON, a
// string or []byte in AssertYAML) is redacted as well.
//
// A path that selects nothing fails the assertion, naming the path, in
// update mode too, and nothing is written: a redaction that silently
// stopped matching would hide the very change the golden is there to show.
// A malformed path fails naming the position of the error. On [Assert],
// [AssertDir] and [Each], which compare text, Redact is an error: use
// [ScrubRegexp] or [ScrubNumbered] there.
func Redact(path, replacement string) Option {
	return Option{func(c *config) {
		r, err := redact.Compile(path, replacement)
		if err != nil {
			c.fail(fmt.Errorf("golden: Redact(%q, %q): malformed JSONPath: %w", path, replacement, err))
			return
		}
		c.redactions = append(c.redactions, r)
	}}
}

// refuseRedact makes a text assertion fail when Redact was given; why says
// what the assertion compares.
func (c *config) refuseRedact(why string) {
	if len(c.redactions) == 0 {
		return
	}
	r := c.redactions[0]
	c.fail(fmt.Errorf("golden: Redact(%q, %q) applies to structured output (AssertJSON, AssertYAML, AssertValue); "+
		"%s: replace volatile text with ScrubRegexp or ScrubNumbered", r.Path, r.Replacement, why))
}

// redact applies the Redact options of cfg to the output got of the
// assertion named what, with the redaction of its format.
func (c *call) redact(cfg config, what string, got []byte, apply func([]byte, []redact.Rule) ([]byte, error)) ([]byte, error) {
	if len(cfg.redactions) == 0 {
		return got, nil
	}
	out, err := apply(got, cfg.redactions)
	return out, c.redactError(cfg, what, err)
}

// redactError turns an error of formatting or redacting the output of the
// assertion named what into its message.
func (c *call) redactError(cfg config, what string, err error) error {
	var nothing *redact.NothingError
	if errors.As(err, &nothing) {
		return fmt.Errorf("golden: Redact(%q, %q) selects nothing in the output of %s for %q; "+
			"a redaction that stops matching would hide a change of the output: fix the path, or remove the Redact if the value is gone",
			nothing.Path, nothing.Replacement, what, c.locate(cfg).display)
	}
	if err != nil {
		return fmt.Errorf("golden: %s for %q: %w", what, c.locate(cfg).display, err)
	}
	return nil
}
