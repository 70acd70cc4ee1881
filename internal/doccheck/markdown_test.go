package doccheck_test

import (
	"bufio"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"unicode"
)

// snippet is one fenced block of Go in a Markdown file.
type snippet struct {
	file string // slash path from the module root
	line int    // of the opening fence
	code string
}

// docFile is one Markdown file of the module's documentation.
type docFile struct {
	path     string // slash path from the module root
	lines    []string
	snippets []snippet
	anchors  map[string]bool // GitHub heading anchors
}

// readDoc reads the Markdown file at path (slash, from root).
func readDoc(root, path string) (*docFile, error) {
	f, err := os.Open(filepath.Join(root, filepath.FromSlash(path)))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	d := &docFile{path: path, anchors: map[string]bool{}}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	var fence string // the open fence's info string, "" outside one
	var in bool
	var code strings.Builder
	start := 0
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		d.lines = append(d.lines, line)
		trimmed := strings.TrimSpace(line)
		switch {
		case !in && strings.HasPrefix(trimmed, "```"):
			in, fence, start = true, strings.TrimSpace(strings.TrimPrefix(trimmed, "```")), n
			code.Reset()
		case in && trimmed == "```":
			in = false
			if fence == "go" {
				d.snippets = append(d.snippets, snippet{path, start, code.String()})
			}
		case in:
			code.WriteString(line)
			code.WriteByte('\n')
		case strings.HasPrefix(line, "#"):
			d.anchors[anchor(strings.TrimLeft(line, "#"))] = true
		}
	}
	return d, sc.Err()
}

// anchor is GitHub's anchor for a heading: lower case, punctuation but
// "-" and "_" dropped, spaces made "-".
func anchor(heading string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(strings.TrimSpace(heading)) {
		switch {
		case r == ' ':
			b.WriteByte('-')
		case r == '-' || r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		}
	}
	return b.String()
}

// linkRE finds Markdown links and images: [text](target).
var linkRE = regexp.MustCompile(`\]\(([^)\s]+)\)`)

// relativeLinks returns the targets of the links of d that point into the
// repository (no scheme, not mailto), with the line of each.
func (d *docFile) relativeLinks() (targets []string, lines []int) {
	inFence := false
	for i, line := range d.lines {
		if strings.HasPrefix(strings.TrimSpace(line), "```") {
			inFence = !inFence
		}
		if inFence {
			continue
		}
		for _, m := range linkRE.FindAllStringSubmatch(line, -1) {
			t := m[1]
			if strings.Contains(t, "://") || strings.HasPrefix(t, "mailto:") {
				continue
			}
			targets, lines = append(targets, t), append(lines, i+1)
		}
	}
	return targets, lines
}
