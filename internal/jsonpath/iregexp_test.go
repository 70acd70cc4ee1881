package jsonpath

import (
	"strings"
	"testing"
)

// I-Regexp, RFC 9485: what match() accepts and how it matches.

func TestIRegexpMatches(t *testing.T) {
	for _, tc := range []struct {
		pattern, yes, no string // strings separated by "¦", matched whole
	}{
		{`a.c`, "abc¦a\u2028c¦a😀c", "a\nc¦a\rc¦ac"},
		{`[.]`, ".", "a"},
		{`a\.c`, "a.c", "abc"},
		{`\\.`, `\a`, "a"},
		{`[\]\[\\-]+`, `][\-`, "a"},
		{`[a-c]+x?`, "abcx¦c", "d¦xx"},
		{`[^a-c]`, "d¦😀", "a¦b"},
		{`[-a]`, "-¦a", "b"},
		{`[a-]`, "-¦a", "b"},
		{`[^-]`, "a", "-"},
		{`a{2}b{1,}c{0,1}d{1,2}`, "aabd¦aabbbcdd", "abd¦aabcccd"},
		{`(ab|cd)*e`, "e¦abcde¦cdabe", "ace¦abd"},
		{`\p{Lu}\p{Ll}*`, "Élan¦A", "élan¦A1"},
		{`\P{L}+`, "12 !", "a"},
		{`[\p{Nd}\p{Lu}]+`, "A1B2", "a"},
		{`[^\p{Nd}]`, "a", "1"},
		{`\p{Cn}`, "\U000E0080¦\u0378", "a¦\u0000"},
		{`\P{Cn}`, "a¦\u0000", "\u0378"},
		{`\p{C}`, "\u0000¦\u0378¦\u200b", "a"},
		{`\P{C}`, "a", "\u0000¦\u0378"},
		{`[a\p{Cn}]`, "a¦\u0378", "b"},
		{`[^a\p{Cn}]`, "b", "a¦\u0378"},
		{`\n\r\t\(\)\*\+\-\.\?\[\]\^\{\|\}`, "\n\r\t()*+-.?[]^{|}", ""},
		{`^ab`, "ab", "^ab"},
		{`ab$`, "ab", "ab$¦ab\n"},
		{`[$^]`, "$¦^", "a"},
		{``, "", "a"},
		{`a|`, "a¦", "b"},
		{`,-/0>@Z_z~`, ",-/0>@Z_z~", ""},
	} {
		re, err := compileIRegexp(tc.pattern, true)
		if err != nil {
			t.Errorf("%q: %v", tc.pattern, err)
			continue
		}
		for _, s := range strings.Split(tc.yes, "¦") {
			if !re.MatchString(s) {
				t.Errorf("%q does not match %q", tc.pattern, s)
			}
		}
		for _, s := range strings.Split(tc.no, "¦") {
			if tc.no != "" && re.MatchString(s) {
				t.Errorf("%q matches %q", tc.pattern, s)
			}
		}
	}
	if re, _ := compileIRegexp(`b+`, false); !re.MatchString("abbc") {
		t.Error("search does not find a part of the string")
	}
}

func TestIRegexpRejects(t *testing.T) {
	for pattern, want := range map[string]string{
		`(`:                `I-Regexp "(" at offset 1: group is not closed`,
		`)`:                `I-Regexp ")" at offset 0: unexpected ')'`,
		`a**`:              `I-Regexp "a**" at offset 2: '*' must be escaped`,
		`a*?`:              `I-Regexp "a*?" at offset 2: '?' must be escaped`,
		`*a`:               `I-Regexp "*a" at offset 0: '*' must be escaped`,
		`a{`:               `I-Regexp "a{" at offset 2: expected a repetition count`,
		`a{1`:              `I-Regexp "a{1" at offset 3: repetition is not closed with }`,
		`a{2,1}`:           `I-Regexp "a{2,1}" at offset 5: repetition {2,1} has its bounds reversed`,
		`a{,1}`:            `I-Regexp "a{,1}" at offset 2: expected a repetition count`,
		`{`:                `I-Regexp "{" at offset 0: '{' must be escaped`,
		`}`:                `I-Regexp "}" at offset 0: '}' must be escaped`,
		`]`:                `I-Regexp "]" at offset 0: ']' must be escaped`,
		`\d`:               `I-Regexp "\\d" at offset 0: \d is not an I-Regexp escape`,
		`\w`:               `I-Regexp "\\w" at offset 0: \w is not an I-Regexp escape`,
		`\1`:               `I-Regexp "\\1" at offset 0: \1 is not an I-Regexp escape`,
		`\`:                `I-Regexp "\\" at offset 1: \ at the end of the pattern`,
		`(?:a)`:            `I-Regexp "(?:a)" at offset 1: '?' must be escaped`,
		`[]`:               `I-Regexp "[]" at offset 1: empty character class`,
		`[^]`:              `I-Regexp "[^]" at offset 2: empty character class`,
		`[a`:               `I-Regexp "[a" at offset 0: character class is not closed`,
		`[a-`:              `I-Regexp "[a-" at offset 0: character class is not closed`,
		`[z-a]`:            `I-Regexp "[z-a]" at offset 4: range 'z'-'a' has its ends reversed`,
		`[a-b-c]`:          `I-Regexp "[a-b-c]" at offset 4: "-" must be first or last in a character class, or escaped`,
		`[[]`:              `I-Regexp "[[]" at offset 1: "[" must be escaped in a character class`,
		`[a-\p{L}]`:        `I-Regexp "[a-\\p{L}]" at offset 3: a category escape cannot end a range`,
		`\p{IsBasicLatin}`: `I-Regexp "\\p{IsBasicLatin}" at offset 0: unknown category "IsBasicLatin" (I-Regexp names general categories only, such as L, Lu or Nd)`,
		`\p{Cs}`:           `I-Regexp "\\p{Cs}" at offset 0: unknown category "Cs" (I-Regexp names general categories only, such as L, Lu or Nd)`,
		`\pL`:              `I-Regexp "\\pL" at offset 0: \p and \P must be followed by {Category}`,
		"a\xff":            `I-Regexp "a\xff" at offset 1: invalid UTF-8`,
		strings.Repeat("(", 101) + strings.Repeat(")", 101): `I-Regexp "` + strings.Repeat("(", 101) + strings.Repeat(")", 101) + `" at offset 100: groups nested more than 100 deep`,
	} {
		_, err := compileIRegexp(pattern, true)
		if err == nil || err.Error() != want {
			t.Errorf("compileIRegexp(%q) = %v\nwant %s", pattern, err, want)
		}
	}
	if _, err := compileIRegexp(`a{1001}`, true); err == nil {
		t.Error("a{1001} compiles: Go's regexp limit has moved, update the comment of iregexp.go")
	}
}
