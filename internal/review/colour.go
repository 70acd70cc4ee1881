package review

import "strings"

// ANSI SGR sequences; only ever written when Colour is set, for a terminal.
const (
	bold  = "\x1b[1m"
	red   = "\x1b[31m"
	green = "\x1b[32m"
	cyan  = "\x1b[36m"
	reset = "\x1b[0m"
)

func (a Asker) paint(style, s string) string {
	if !a.Colour {
		return s
	}
	return style + s + reset
}

// colourDiff paints a change's description: its first line bold, the
// diff's header lines bold, hunk headers cyan, removed lines red and added
// ones green; context, notes and the legend stay plain.
func (a Asker) colourDiff(text string) string {
	if !a.Colour {
		return text
	}
	var b strings.Builder
	lines := strings.SplitAfter(text, "\n")
	header := -1 // the line of the diff's "--- want" header, when found
	for i, line := range lines {
		if line == "" {
			continue
		}
		body, nl := strings.CutSuffix(line, "\n")
		if header < 0 && strings.HasPrefix(body, "--- ") && i+1 < len(lines) && strings.HasPrefix(lines[i+1], "+++ ") {
			header = i
		}
		style := ""
		switch {
		case i == 0, i == header, i == header+1 && header >= 0:
			style = bold
		case strings.HasPrefix(body, "@@ "):
			style = cyan
		case strings.HasPrefix(body, "-"), strings.HasPrefix(body, "want: "):
			style = red
		case strings.HasPrefix(body, "+"), strings.HasPrefix(body, "got:  "):
			style = green
		}
		if style != "" {
			body = style + body + reset
		}
		b.WriteString(body)
		if nl {
			b.WriteByte('\n')
		}
	}
	return b.String()
}
