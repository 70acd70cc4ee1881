package diff

import (
	"slices"
	"strings"
)

// Symbols that stand for characters a terminal would not show. A changed
// line that differs only in trailing blanks or a carriage return would
// otherwise print as two identical lines.
const (
	trailingSpace = '·'
	trailingTab   = '→'
	controlBase   = 0x2400 // U+2400 SYMBOL FOR NULL; C0 control c maps to controlBase+c
	symbolDelete  = '␡'
)

// visible replaces control characters anywhere in s, and blanks at its end,
// with the symbols above, and records which it used for the legend.
func (w *writer) visible(s string) string {
	end := len(strings.TrimRight(s, " \t\r"))
	var b strings.Builder
	for i, r := range s {
		var sym rune
		switch {
		case i >= end && r == ' ':
			sym = trailingSpace
		case i >= end && r == '\t':
			sym = trailingTab
		case r < 0x20 && r != '\t':
			sym = controlBase + r
		case r == 0x7f:
			sym = symbolDelete
		}
		if sym == 0 {
			b.WriteRune(r)
			continue
		}
		if w.shown == nil {
			w.shown = map[rune]bool{}
		}
		w.shown[sym] = true
		b.WriteRune(sym)
	}
	return b.String()
}

// legend explains the symbols used, in a fixed order so output is stable.
func legend(shown map[rune]bool) string {
	var names []string
	if shown[trailingSpace] {
		names = append(names, "· trailing space")
	}
	if shown[trailingTab] {
		names = append(names, "→ trailing tab")
	}
	var controls []rune
	for r := range shown {
		if r != trailingSpace && r != trailingTab {
			controls = append(controls, r)
		}
	}
	slices.Sort(controls)
	for _, r := range controls {
		names = append(names, string(r)+" "+controlName(r))
	}
	return "(shown as: " + strings.Join(names, ", ") + ")\n"
}

func controlName(sym rune) string {
	switch sym {
	case controlBase + '\r':
		return `\r`
	case controlBase:
		return `\x00`
	case symbolDelete:
		return `\x7f`
	}
	c := sym - controlBase
	const hex = "0123456789abcdef"
	return `\x` + string(hex[c>>4]) + string(hex[c&0xf])
}
