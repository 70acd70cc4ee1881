package review

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/tmpkit/tmpkit/internal/pending"
)

// Asker puts the questions of a review to its user.
type Asker struct {
	Out io.Writer // the questions (and, with JSON, nothing else)
	Err io.Writer // hints about answers that were not understood
	// Answers reads the answers; not used when All is set.
	Answers Answers
	// All, if Accept or Reject, answers every question so without asking.
	All Answer
	// JSON writes each question as one JSON line ([QuestionJSON]) instead
	// of text, and no prompt.
	JSON bool
	// Colour marks up the text with ANSI escape sequences, for a terminal.
	Colour bool
}

// QuestionJSON is a question as `golden review --json` prints it, one
// JSON object per line.
type QuestionJSON struct {
	Index  int    `json:"index"` // 1-based
	Of     int    `json:"of"`    // the number of questions
	Golden string `json:"golden"`
	// File is, for a golden tree, the entry asked about.
	File     string   `json:"file,omitempty"`
	Kind     string   `json:"kind"`   // "file" or "tree"
	Change   string   `json:"change"` // "changed", "new" or "removed"
	Tests    []string `json:"tests"`  // "TestX (pkg)"
	Diff     string   `json:"diff"`   // what the test failure showed
	Decision string   `json:"decision,omitempty"`
}

// Ask asks each question in turn and returns the answers, one per
// question: Accept, Reject or Skip (also for those left after Quit). It
// returns interrupted when the user interrupted the review (Ctrl-C): then
// nothing is to be written.
func (a Asker) Ask(qs []Question) (answers []Answer, interrupted bool, err error) {
	answers = make([]Answer, len(qs))
	for i := range answers {
		answers[i] = Skip
	}
	for i, q := range qs {
		if err := a.show(i, len(qs), q); err != nil {
			return answers, false, err
		}
		if a.All != 0 {
			answers[i] = a.All
			continue
		}
		ans, err := a.next()
		if err != nil {
			return answers, false, err
		}
		if !a.JSON {
			fmt.Fprintln(a.Out, word(ans))
		}
		switch ans {
		case Interrupt:
			return answers, true, nil
		case Quit:
			return answers, false, nil
		}
		answers[i] = ans
	}
	return answers, false, nil
}

// next reads an answer, asking again after input that is none.
func (a Asker) next() (Answer, error) {
	prompt := func() {
		if !a.JSON {
			fmt.Fprint(a.Out, a.paint(bold, "accept, reject, skip or quit? [a/r/s/q] "))
		}
	}
	for {
		var ans Answer
		var err error
		if k, ok := a.Answers.(*keys); ok {
			ans, err = k.nextAfter(prompt)
		} else {
			prompt()
			ans, err = a.Answers.Next()
		}
		if errors.Is(err, ErrUnknown) {
			if !a.JSON {
				fmt.Fprintln(a.Out)
			}
			fmt.Fprintln(a.Err, err)
			continue
		}
		return ans, err
	}
}

func (a Asker) show(i, n int, q Question) error {
	if a.JSON {
		data, err := json.Marshal(a.questionJSON(i, n, q))
		if err != nil {
			return err
		}
		_, err = fmt.Fprintf(a.Out, "%s\n", data)
		return err
	}
	if a.All != 0 {
		_, err := fmt.Fprintf(a.Out, "%s %s (%s)\n", word(a.All), q.Path, Change(q))
		return err
	}
	var b strings.Builder
	if i > 0 {
		b.WriteByte('\n')
	}
	b.WriteString(a.paint(bold, fmt.Sprintf("[%d/%d] %s", i+1, n, strings.Join(q.Golden.Tests, ", "))))
	b.WriteByte('\n')
	b.WriteString(a.colourDiff(Describe(q)))
	_, err := io.WriteString(a.Out, b.String())
	return err
}

func (a Asker) questionJSON(i, n int, q Question) QuestionJSON {
	r := q.Golden.Record
	j := QuestionJSON{Index: i + 1, Of: n, Golden: r.Path, Kind: string(r.Kind), Change: Change(q),
		Tests: q.Golden.Tests, Diff: Describe(q)}
	if r.Kind == pending.Tree {
		j.File = q.Entry.Name
	}
	if a.All != 0 {
		j.Decision = word(a.All)
	}
	return j
}

// Change says what the question is about: "new" (a golden, or a tree
// entry, that does not exist), "removed" (a tree entry the output no
// longer has) or "changed".
func Change(q Question) string {
	g := q.Golden
	switch {
	case g.Record.Kind == pending.File && !g.Exists:
		return "new"
	case g.Record.Kind == pending.File:
		return "changed"
	case q.Entry.Removed:
		return "removed"
	}
	if _, ok := g.entry(q.Entry.Name); !ok {
		return "new"
	}
	return "changed"
}

func word(a Answer) string {
	switch a {
	case Accept:
		return "accept"
	case Reject:
		return "reject"
	case Skip:
		return "skip"
	case Quit:
		return "quit"
	case Interrupt:
		return "interrupted"
	}
	return string(a)
}
