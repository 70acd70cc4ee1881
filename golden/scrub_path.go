package golden

import (
	"bytes"
	"cmp"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A path is scrubbed only where it is a whole path or starts one: the
// base temp directory "/tmp" must not be replaced inside
// "/tmp/TestX-1/tmp", nor "/tmp/a" inside "/tmp/ab".

// replacement replaces old, or every match of re, with repl.
type replacement struct {
	old  string
	re   *regexp.Regexp
	repl string
}

// spellings lists the ways p may appear in output, each mapped to repl.
func spellings(p, repl string) []replacement {
	var out []replacement
	for _, s := range spelledAs(p) {
		out = append(out, replacement{old: s.text, repl: repl})
	}
	return out
}

// spelling is one way of writing a path, and the separator it uses.
type spelling struct{ text, sep string }

func spelledAs(p string) []spelling {
	forms := []string{p, filepath.Clean(p)}
	if abs, err := filepath.Abs(p); err == nil {
		forms = append(forms, abs)
		if real, err := filepath.EvalSymlinks(abs); err == nil {
			forms = append(forms, real)
		}
	}
	sep := string(filepath.Separator)
	var out []spelling
	for _, f := range forms {
		out = append(out,
			spelling{f, sep},
			spelling{filepath.ToSlash(f), "/"},
			spelling{strings.ReplaceAll(f, `\`, `\\`), strings.ReplaceAll(sep, `\`, `\\`)})
	}
	return out
}

// testTempDir returns the replacements of the directory holding the
// t.TempDir directories of the test named test with "$TESTTMP". The
// testing package makes it once per test with os.MkdirTemp($GOTMPDIR,
// pattern), where pattern is the test's name cut to 64 bytes, without the
// characters it drops, followed by random digits: a name this recognises
// without calling t.TempDir, which would make a directory and shift the
// numbers of the test's next ones. TestScrubTempDirsFindsTheTestTempDir
// checks it against the testing package of each Go release CI runs.
func testTempDir(test string, getenv func(string) string) []replacement {
	if test == "" {
		return nil
	}
	if getenv == nil {
		getenv = os.Getenv
	}
	base := getenv("GOTMPDIR")
	if base == "" {
		base = os.TempDir()
	}
	pattern := regexp.QuoteMeta(tempDirPattern(test)) + `[0-9]+`
	var out []replacement
	for _, s := range spelledAs(base) {
		re := regexp.MustCompile(regexp.QuoteMeta(s.text+s.sep) + pattern)
		out = append(out, replacement{old: s.text + s.sep + tempDirPattern(test), re: re, repl: "$TESTTMP"})
	}
	return out
}

// tempDirPattern is the pattern testing's t.TempDir gives os.MkdirTemp
// for the test named test.
func tempDirPattern(test string) string {
	test = test[:min(len(test), 64)]
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsNumber(r) || strings.ContainsRune("!#$%&()+,-.=@^_{}~ ", r) {
			return r
		}
		return -1
	}, test)
}

// replacePaths returns a function replacing, at path boundaries, each old
// with its repl, longest first, so that a path is replaced before any
// shorter path it contains.
func replacePaths(rs []replacement) func([]byte) []byte {
	seen := map[string]bool{"": true}
	rs = slices.DeleteFunc(rs, func(r replacement) bool {
		dup := seen[r.old]
		seen[r.old] = true
		return dup
	})
	slices.SortStableFunc(rs, func(a, b replacement) int { return cmp.Compare(len(b.old), len(a.old)) })
	return func(b []byte) []byte {
		for _, r := range rs {
			b = r.replace(b)
		}
		return b
	}
}

// replace returns b with each occurrence of r that lies at path
// boundaries replaced.
func (r replacement) replace(b []byte) []byte {
	var matches [][]int
	if r.re != nil {
		for _, m := range r.re.FindAllIndex(b, -1) {
			if startsPath(b, m[0]) && endsPath(b, m[0], m[1]) {
				matches = append(matches, m)
			}
		}
	} else {
		// An occurrence that is not a whole path may overlap one that is
		// ("  " in "0    0"): after a rejected one, look again one byte on.
		old := []byte(r.old)
		for i := 0; ; {
			j := bytes.Index(b[i:], old)
			if j < 0 {
				break
			}
			start, end := i+j, i+j+len(old)
			if startsPath(b, start) && endsPath(b, start, end) {
				matches = append(matches, []int{start, end})
				i = end
			} else {
				i = start + 1
			}
		}
	}
	if len(matches) == 0 {
		return b
	}
	out := make([]byte, 0, len(b))
	last := 0
	for _, m := range matches {
		out = append(append(out, b[last:m[0]]...), r.repl...)
		last = m[1]
	}
	return append(out, b[last:]...)
}

// nameByte reports whether c can continue a file name next to a path
// without a separator: a letter, digit, one of "_-.~+@%", or a byte of a
// multi-byte character.
func nameByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
		strings.IndexByte("_-.~+@%", c) >= 0 || c >= utf8.RuneSelf
}

// startsPath reports whether a path can start at offset i of b.
func startsPath(b []byte, i int) bool { return i == 0 || !nameByte(b[i-1]) }

// endsPath reports whether the path at b[i:j] ends at j: at the end of b,
// a separator or a character that is not part of a name; a "." counts as
// the end of a sentence unless a name character follows it.
func endsPath(b []byte, i, j int) bool {
	if j == len(b) || i < j && (b[j-1] == '/' || b[j-1] == '\\') {
		return true
	}
	if b[j] == '.' {
		return j+1 == len(b) || !nameByte(b[j+1])
	}
	return !nameByte(b[j])
}
