package review

import (
	"errors"
	"fmt"
	"io"
	"path"

	"github.com/tmpkit/tmpkit/internal/goldenwrite"
	"github.com/tmpkit/tmpkit/internal/pending"
)

// Writer writes goldens as golden's update mode does and returns the
// "+N -M" line of what it wrote ("" when nothing changed).
type Writer interface {
	WriteFile(g *Golden, content []byte) (string, error)
	WriteTree(g *Golden, entries []pending.Entry) (string, error)
}

// Counts says how many questions got each answer.
type Counts struct{ Accepted, Rejected, Skipped int }

func (c Counts) String() string {
	return fmt.Sprintf("%d accepted, %d rejected, %d skipped", c.Accepted, c.Rejected, c.Skipped)
}

// Count counts the answers.
func Count(answers []Answer) Counts {
	var c Counts
	for _, a := range answers {
		switch a {
		case Accept:
			c.Accepted++
		case Reject:
			c.Rejected++
		default:
			c.Skipped++
		}
	}
	return c
}

// Write writes what the accepted answers change, one golden at a time in
// path order: a golden file gets its output; a golden tree gets the tree
// it holds with the accepted entries written or removed, the others left
// as they are. It prints each summary line to out and returns the errors
// of the writes that failed (each golden is written whole or not at all,
// so a failure leaves the others written).
func Write(w Writer, out io.Writer, goldens []*Golden, qs []Question, answers []Answer) []error {
	accepted := map[*Golden][]pending.Entry{}
	for i, q := range qs {
		if answers[i] == Accept {
			accepted[q.Golden] = append(accepted[q.Golden], q.Entry)
		}
	}
	var errs []error
	for _, g := range goldens {
		entries, ok := accepted[g]
		if !ok {
			continue
		}
		var line string
		var err error
		if g.Record.Kind == pending.File {
			line, err = w.WriteFile(g, g.Record.Content)
		} else {
			var tree []pending.Entry
			if tree, err = target(g.Tree, entries); err == nil {
				line, err = w.WriteTree(g, tree)
			} else {
				err = fmt.Errorf("refused %s: %w", g.Record.Path, err)
			}
		}
		if errors.Is(err, goldenwrite.ErrEmpty) {
			err = fmt.Errorf("%w; --force overrides this", err)
		}
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if line != "" {
			fmt.Fprintln(out, line)
		}
	}
	return errs
}

// target returns the tree old with the accepted entries applied: removed
// ones gone, the others added or replaced; sorted by name. It fails when
// the answers leave a file where a directory must be: "a/b" accepted while
// the removal of the file "a" was not.
func target(old, accepted []pending.Entry) ([]pending.Entry, error) {
	byName := make(map[string]pending.Entry, len(old))
	for _, e := range old {
		byName[e.Name] = e
	}
	for _, e := range accepted {
		if e.Removed {
			delete(byName, e.Name)
		} else {
			byName[e.Name] = e
		}
	}
	out := make([]pending.Entry, 0, len(byName))
	for _, e := range byName {
		out = append(out, e)
	}
	for _, e := range sorted(out) {
		for d := path.Dir(e.Name); d != "."; d = path.Dir(d) {
			if _, ok := byName[d]; ok {
				return nil, fmt.Errorf("%q lies below %q, which is a file: accept both changes or neither", e.Name, d)
			}
		}
	}
	return out, nil
}
