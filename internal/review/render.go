package review

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/tmpkit/tmpkit/internal/diff"
	"github.com/tmpkit/tmpkit/internal/goldenwrite"
	"github.com/tmpkit/tmpkit/internal/pending"
)

// Describe returns what the test's failure said about the change q asks
// about: a line saying what changed, and the diff (-want +got) with line
// numbers, or, for binary content, sizes and the first differing offset.
func Describe(q Question) string {
	g := q.Golden
	r := g.Record
	if r.Kind == pending.File {
		if !g.Exists {
			return fmt.Sprintf("golden: %q does not exist; the output:\n", r.Path) + contentDiff(r.Path, nil, r.Content, r.Exact)
		}
		return fmt.Sprintf("golden: %q differs from the output%s:\n", r.Path, legendOf(g.Old, r.Content)) +
			contentDiff(r.Path, g.Old, r.Content, r.Exact)
	}

	e := q.Entry
	where := fmt.Sprintf("golden: tree %q: %q", r.Path, e.Name)
	if !g.Exists {
		where = fmt.Sprintf("golden: tree %q does not exist; %q", r.Path, e.Name)
	}
	old, onDisk := g.entry(e.Name)
	switch {
	case e.Removed:
		return where + " is no longer in the output:\n" + entryDiff(q.Path, old, pending.Entry{}, true, r.Exact)
	case !onDisk:
		return where + " is new in the output:\n" + entryDiff(q.Path, pending.Entry{}, e, false, r.Exact)
	}
	var b strings.Builder
	switch {
	case old.Symlink != e.Symlink:
		fmt.Fprintf(&b, "%s is %s in the output, %s in the golden tree:\n", where, kindOf(e), kindOf(old))
		b.WriteString(entryDiff(q.Path, old, e, false, r.Exact))
		return b.String()
	case e.Symlink:
		return fmt.Sprintf("%s is a symlink to %q in the output, to %q in the golden tree\n", where, e.Target, old.Target)
	}
	same := pending.Same(pending.Entry{Content: old.Content}, pending.Entry{Content: e.Content}, r.Exact)
	if old.Exec != e.Exec {
		fmt.Fprintf(&b, "%s is %s in the output, %s in the golden tree\n", where, execWord(e.Exec), execWord(old.Exec))
		if same {
			return b.String()
		}
	}
	fmt.Fprintf(&b, "%s differs from the output%s:\n", where, legendOf(old.Content, e.Content))
	b.WriteString(contentDiff(q.Path, old.Content, e.Content, r.Exact))
	return b.String()
}

// legendOf returns the "(-want +got)" of a text diff's first line, or "" for
// binary content, whose report needs no legend.
func legendOf(want, got []byte) string {
	if diff.IsBinary(want) || diff.IsBinary(got) {
		return ""
	}
	return " (-want +got)"
}

// contentDiff returns the diff that turns the golden content want into
// got, labelled as the test labels it, and showing want as the test shows
// it: with its CRLF line endings read as LF, unless exact or got has CRLF
// line endings itself, which are then what differs.
func contentDiff(label string, want, got []byte, exact bool) string {
	if !exact && !bytes.Contains(got, []byte("\r\n")) {
		want = goldenwrite.Fold(want)
	}
	if diff.IsBinary(want) || diff.IsBinary(got) {
		return diff.Binary(want, got)
	}
	return diff.Text(string(want), string(got), diff.Options{WantLabel: label, GotLabel: "got"})
}

// entryDiff shows a tree entry that appears, disappears or changes type:
// a file as a diff from or to nothing, a symlink as its target.
func entryDiff(label string, old, new pending.Entry, removed, exact bool) string {
	var b strings.Builder
	var oldContent, newContent []byte
	side := func(e pending.Entry, content *[]byte, sign string) {
		if e.Name == "" {
			return
		}
		if e.Symlink {
			fmt.Fprintf(&b, "%s symlink to %q\n", sign, e.Target)
			return
		}
		*content = e.Content
	}
	side(old, &oldContent, "-")
	if !removed {
		side(new, &newContent, "+")
	}
	if (old.Name != "" && !old.Symlink) || (new.Name != "" && !new.Symlink && !removed) {
		if d := contentDiff(label, oldContent, newContent, exact); d != "" {
			b.WriteString(d)
		} else {
			b.WriteString("(an empty file)\n")
		}
	}
	return b.String()
}

func kindOf(e pending.Entry) string {
	if e.Symlink {
		return fmt.Sprintf("a symlink to %q", e.Target)
	}
	return "a file"
}

func execWord(exec bool) string {
	if exec {
		return "executable"
	}
	return "not executable"
}
