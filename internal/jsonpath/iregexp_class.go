package jsonpath

import (
	"slices"
	"strings"
	"sync"
	"unicode"
)

// This file translates I-Regexp character classes: bracket expressions
// and the category escapes \p{..} and \P{..}.

// class reads charClassExpr: "[" ["^"] ("-" / CCE1) *CCE1 ["-"] "]",
// where CCE1 is a character, a range of two, or a category escape.
func (t *reTranslator) class() {
	open := t.pos
	t.pos++ // [
	t.out.WriteByte('[')
	if t.peek() == '^' {
		t.pos++
		t.out.WriteByte('^')
	}
	for first := true; ; first = false {
		switch t.peek() {
		case 0:
			if t.pos >= len(t.src) {
				t.pos = open
				t.fail("character class is not closed")
			}
		case ']':
			if first {
				t.fail("empty character class")
			}
			t.pos++
			t.out.WriteByte(']')
			return
		case '-':
			if !first && t.pos+1 < len(t.src) && t.src[t.pos+1] != ']' {
				t.fail(`"-" must be first or last in a character class, or escaped`)
			}
			t.pos++
			writeClassRune(&t.out, '-')
			continue
		case '[':
			t.fail(`"[" must be escaped in a character class`)
		case '\\':
			if p := t.src[t.pos+1:]; strings.HasPrefix(p, "p") || strings.HasPrefix(p, "P") {
				t.pos++
				t.category(true)
				continue
			}
		}
		lo := t.classChar()
		if t.peek() == '-' && t.pos+1 < len(t.src) && t.src[t.pos+1] != ']' {
			t.pos++
			hi := t.classChar()
			if hi < lo {
				t.fail("range %q-%q has its ends reversed", lo, hi)
			}
			writeClassRune(&t.out, lo)
			t.out.WriteByte('-')
			writeClassRune(&t.out, hi)
			continue
		}
		writeClassRune(&t.out, lo)
	}
}

// classChar reads a CCchar: any character but "[", "\", "]" and "-", or
// a SingleCharEsc.
func (t *reTranslator) classChar() rune {
	switch t.peek() {
	case '\\':
		if p := t.src[t.pos+1:]; strings.HasPrefix(p, "p") || strings.HasPrefix(p, "P") {
			t.fail("a category escape cannot end a range")
		}
		return t.singleCharEscape()
	case '[', ']', '-':
		t.fail("%q must be escaped in a character class", t.peek())
	}
	if t.pos >= len(t.src) {
		t.fail("character class is not closed")
	}
	return t.next()
}

// categories are the general categories I-Regexp names. Go's regexp
// knows all of them but Cn (unassigned), and its C, unlike Unicode's,
// may or may not hold Cn depending on how its tables were generated: C and
// Cn are written out as ranges computed from the other categories.
var categories = []string{
	"L", "Lu", "Ll", "Lt", "Lm", "Lo",
	"M", "Mn", "Mc", "Me",
	"N", "Nd", "Nl", "No",
	"P", "Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po",
	"Z", "Zs", "Zl", "Zp",
	"S", "Sm", "Sc", "Sk", "So",
	"C", "Cc", "Cf", "Co", "Cn",
}

// category reads the rest of \p{Name} or \P{Name} (t.pos is at p or P)
// and writes it, inside a bracket expression (inClass) or alone.
func (t *reTranslator) category(inClass bool) {
	negated := t.src[t.pos] == 'P'
	start := t.pos - 1
	t.pos++
	end := strings.IndexByte(t.src[t.pos:], '}')
	if t.peek() != '{' || end < 0 {
		t.pos = start
		t.fail(`\p and \P must be followed by {Category}`)
	}
	name := t.src[t.pos+1 : t.pos+end]
	if !slices.Contains(categories, name) {
		t.pos = start
		t.fail("unknown category %q (I-Regexp names general categories only, such as L, Lu or Nd)", name)
	}
	t.pos += end + 1
	if name != "C" && name != "Cn" {
		text := `\p{` + name + `}`
		if negated {
			text = `\P{` + name + `}`
		}
		t.out.WriteString(text)
		return
	}
	// C and Cn: explicit ranges (see categories).
	if !inClass {
		t.out.WriteByte('[')
	}
	ranges := unassigned()
	if name == "C" {
		ranges = other()
	}
	if negated {
		ranges = complement(ranges)
	}
	for _, r := range ranges {
		writeClassRune(&t.out, r[0])
		t.out.WriteByte('-')
		writeClassRune(&t.out, r[1])
	}
	if !inClass {
		t.out.WriteByte(']')
	}
}

// unassigned returns the code points of no general category (Cn), as
// sorted inclusive ranges, computed once from Go's Unicode tables.
var unassigned = sync.OnceValue(func() [][2]rune {
	return complement(rangesOf(unicode.L, unicode.M, unicode.N, unicode.P, unicode.S, unicode.Z,
		unicode.Cc, unicode.Cf, unicode.Co, unicode.Cs))
})

// other returns the code points of category C (Cc, Cf, Co, Cs and Cn).
var other = sync.OnceValue(func() [][2]rune {
	return complement(rangesOf(unicode.L, unicode.M, unicode.N, unicode.P, unicode.S, unicode.Z))
})

// rangesOf returns the code points of tables as sorted, merged ranges.
func rangesOf(tables ...*unicode.RangeTable) [][2]rune {
	var all [][2]rune
	for _, table := range tables {
		all = append(all, tableRanges(table)...)
	}
	return mergeRanges(all)
}

// tableRanges returns the code points of table as inclusive ranges.
func tableRanges(table *unicode.RangeTable) [][2]rune {
	var out [][2]rune
	add := func(lo, hi, stride rune) {
		if stride == 1 {
			out = append(out, [2]rune{lo, hi})
			return
		}
		for r := lo; r <= hi; r += stride {
			out = append(out, [2]rune{r, r})
		}
	}
	for _, r := range table.R16 {
		add(rune(r.Lo), rune(r.Hi), rune(r.Stride))
	}
	for _, r := range table.R32 {
		add(rune(r.Lo), rune(r.Hi), rune(r.Stride))
	}
	return out
}

// mergeRanges sorts ranges and joins those that overlap or touch.
func mergeRanges(ranges [][2]rune) [][2]rune {
	slices.SortFunc(ranges, func(a, b [2]rune) int { return int(a[0] - b[0]) })
	var out [][2]rune
	for _, r := range ranges {
		if n := len(out); n > 0 && r[0] <= out[n-1][1]+1 {
			out[n-1][1] = max(out[n-1][1], r[1])
			continue
		}
		out = append(out, r)
	}
	return out
}

// complement returns the code points (surrogates aside, which no Go
// string holds) that sorted, merged ranges do not cover.
func complement(ranges [][2]rune) [][2]rune {
	var out [][2]rune
	next := rune(0)
	for _, r := range ranges {
		if r[0] > next {
			out = append(out, [2]rune{next, r[0] - 1})
		}
		next = r[1] + 1
	}
	if next <= unicode.MaxRune {
		out = append(out, [2]rune{next, unicode.MaxRune})
	}
	return out
}
