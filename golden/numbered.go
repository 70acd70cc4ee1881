package golden

import (
	"fmt"
	"regexp"
	"strconv"
)

// ScrubNumbered replaces each distinct match of the regular expression
// expr in the output by [label-1], [label-2], ... in order of first
// appearance, the same match always by the same placeholder, before the
// output is compared or written: ids and tokens become stable while the
// golden still shows which of them are the same and which differ.
//
// It works on every assertion, after the other scrubbers, wherever it
// stands among the options. Numbering starts at 1 in each assertion's
// output (in each file of an [AssertDir] tree), so that every golden reads
// on its own; ScrubNumbered options with different labels count
// separately, those sharing a label share the numbers. The option holds no
// state: one value can be shared by tests running in parallel.
//
// A malformed expr, one that matches the empty string, or an empty label
// makes the assertion fail, naming it.
func ScrubNumbered(expr, label string) Option {
	re, err := regexp.Compile(expr)
	return Option{func(c *config) {
		switch {
		case err != nil:
			c.fail(fmt.Errorf("golden: ScrubNumbered(%q, %q): %w", expr, label, err))
		case label == "":
			c.fail(fmt.Errorf("golden: ScrubNumbered(%q, \"\"): empty label", expr))
		case re.MatchString(""):
			c.fail(fmt.Errorf("golden: ScrubNumbered(%q, %q): the expression matches the empty string, "+
				"so it would number the gap between every two characters", expr, label))
		default:
			c.numbered = append(c.numbered, numberedRule{re, label})
		}
	}}
}

type numberedRule struct {
	re    *regexp.Regexp
	label string
}

// numberedFunc returns the scrubber of rules. Each call numbers its input
// afresh: the numbers live in the call, not in the option.
func numberedFunc(rules []numberedRule) func([]byte) []byte {
	return func(b []byte) []byte {
		numbers := map[string]map[string]int{} // label -> match -> number
		for _, r := range rules {
			seen := numbers[r.label]
			if seen == nil {
				seen = map[string]int{}
				numbers[r.label] = seen
			}
			b = r.re.ReplaceAllFunc(b, func(m []byte) []byte {
				n, ok := seen[string(m)]
				if !ok {
					n = len(seen) + 1
					seen[string(m)] = n
				}
				return append(strconv.AppendInt([]byte("["+r.label+"-"), int64(n), 10), ']')
			})
		}
		return b
	}
}
