package goldenwrite

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/tmpkit/tmpkit/internal/diff"
)

// Summary is what a write changed in one golden, for the "+N -M" lines an
// update prints. For a tree, Files holds one Summary per file or symlink
// added, removed or changed, named relative to the tree, in path order.
type Summary struct {
	Path     string    // the golden (the [Options].Label), or a file's name in its tree
	Tree     bool      // a golden tree
	New      bool      // it did not exist before
	Gone     bool      // in Files: a file the write removed
	Replaced bool      // a tree written where a golden file was
	Binary   bool      // Plus and Minus count bytes, not lines
	ModeOnly bool      // in Files: only the executable bit changed
	Plus     int       // lines (or bytes) added; for a tree, text lines over its files
	Minus    int       // lines (or bytes) removed
	Files    []Summary // for a tree: its files that changed
}

// Changed reports whether the write changed anything.
func (s Summary) Changed() bool {
	return s.New || s.Gone || s.Replaced || s.ModeOnly || s.Plus != 0 || s.Minus != 0 || len(s.Files) > 0
}

// String returns the summary as one line:
//
//	+3 -1 testdata/TestRender.golden
//	+12 -0 testdata/TestNew.golden (new)
//	+16 -16 bytes testdata/TestLogo.golden
//	+4 -2 testdata/TestSite.golden.d/ (1 added, 1 removed, 2 changed)
//	+0 -0 bin/run.sh (executable bit)
//	+0 -3 old.txt (removed)
func (s Summary) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "+%d -%d ", s.Plus, s.Minus)
	if s.Binary {
		b.WriteString("bytes ")
	}
	b.WriteString(s.Path)
	var notes []string
	if s.Tree {
		b.WriteString("/")
		if s.New {
			notes = append(notes, "new")
		}
		if s.Replaced {
			notes = append(notes, "replaced a golden file")
		}
		added, removed, changed := s.counts()
		for _, c := range []struct {
			n    int
			what string
		}{{added, "added"}, {removed, "removed"}, {changed, "changed"}} {
			if c.n > 0 {
				notes = append(notes, fmt.Sprintf("%d %s", c.n, c.what))
			}
		}
		if s.New && len(s.Files) == 0 {
			notes = append(notes, "empty")
		}
	} else {
		switch {
		case s.New:
			notes = append(notes, "new")
		case s.Gone:
			notes = append(notes, "removed")
		case s.ModeOnly:
			notes = append(notes, "executable bit")
		}
	}
	if len(notes) > 0 {
		fmt.Fprintf(&b, " (%s)", strings.Join(notes, ", "))
	}
	return b.String()
}

// counts returns how many files of a tree were added, removed and changed.
func (s Summary) counts() (added, removed, changed int) {
	for _, f := range s.Files {
		switch {
		case f.New:
			added++
		case f.Gone:
			removed++
		default:
			changed++
		}
	}
	return added, removed, changed
}

// count sets Plus and Minus for a change of a file's content from old to
// data: lines for text, as a diff shows them (the golden's CRLF folded
// unless exact, so a CRLF checkout does not count as every line changed),
// bytes for binary content.
func (s *Summary) count(old, data []byte, exact bool) {
	if isBinary(old) || isBinary(data) {
		s.Binary = true
		s.Plus, s.Minus = diff.CountBytes(old, data)
		return
	}
	if !exact && !bytes.Contains(data, []byte("\r\n")) {
		old = Fold(old)
	}
	s.Plus, s.Minus = diff.Count(old, data)
}
