package golden

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io/fs"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Golden paths derived from test names.
//
// A test name (t.Name()) becomes a path below the golden directory: each
// "/"-separated element becomes a directory, and the last one a file with
// ".golden" appended, so "TestX/case_1" is "TestX/case_1.golden", or, for a
// golden tree, a directory with ".golden.d" appended: "TestX/case_1.golden.d".
// The two can never collide, nor can one lie inside the other. The testing
// package already turns spaces into "_" and makes names unique with "#01",
// "#02", ...; the encoding below makes every element a valid, portable file
// name while keeping distinct names distinct, and leaves the names most tests
// use ("TestParse/empty_input#01", "TestÜber") unchanged.
//
// An element is encoded byte for byte in the style of URL escaping, "%"
// followed by two upper-case hex digits:
//   - '%' itself, control and other non-printable characters, invalid UTF-8,
//     the space, and the characters Windows forbids: " * / : < > ? \ |
//   - a leading '.', so no element is hidden, "." or ".."
//   - a trailing '.', which Windows would drop
//   - the first letter of a Windows device name (CON, PRN, AUX, NUL, COM0-9,
//     LPT0-9, CONIN$, CONOUT$, also followed by an extension): "CON" is "%43ON"
//   - the '.' of a trailing ".golden" or ".golden.d", in any letter case,
//     so a directory of subtest goldens is never a golden file's path nor a
//     golden tree's, and a golden file never lies in a golden tree:
//     "a.golden" is "a%2Egolden", "a.Golden.d" is "a%2EGolden.d"
//
// The empty element (from t.Run("") or a name ending in "/") is "%" alone.
// An encoded element longer than 200 bytes keeps its first 182 bytes or
// fewer (never splitting an escape or a character) and ends with "%~" and 16
// hex digits of the SHA-256 of the element, so file names stay under the
// 255-byte limit of common file systems. Every "%" starts an escape, a bare
// "%" is only the empty element and "%~" only a shortened one, so the
// encoding can be decoded: different names give different paths (shortened
// ones, unless 64-bit hashes collide).
//
// Names that differ only in letter case or Unicode normalisation are
// distinct paths on Linux but one file on macOS and Windows; the assertions
// detect such pairs within a run and fail (see the registry).

// maxElem bounds an encoded element, leaving room for ".golden".
const maxElem = 200

// defaultName returns the slash-separated path, below the golden directory,
// of the golden file of the test named test.
func defaultName(test string) string { return encodeTest(test) + ".golden" }

// defaultTreeName returns the slash-separated path, below the golden
// directory, of the golden tree of the test named test.
func defaultTreeName(test string) string { return encodeTest(test) + treeSuffix }

// treeSuffix ends the default path of a golden tree.
const treeSuffix = ".golden.d"

func encodeTest(test string) string {
	elems := strings.Split(test, "/")
	for i, e := range elems {
		elems[i] = encodeElem(e)
	}
	return strings.Join(elems, "/")
}

func encodeElem(e string) string {
	if e == "" {
		return "%"
	}
	var b strings.Builder
	for i := 0; i < len(e); {
		r, size := utf8.DecodeRuneInString(e[i:])
		invalid := r == utf8.RuneError && size == 1
		if invalid || mustEscape(r) || (i == 0 && r == '.') {
			for _, c := range []byte(e[i : i+size]) {
				escapeByte(&b, c)
			}
		} else {
			b.WriteString(e[i : i+size])
		}
		i += size
	}
	s := b.String()
	if strings.HasSuffix(s, ".") {
		s = s[:len(s)-1] + "%2E"
	}
	for _, suffix := range []string{".golden", treeSuffix} {
		if n := len(s) - len(suffix); n >= 0 && strings.EqualFold(s[n:], suffix) {
			s = s[:n] + "%2E" + s[n+1:]
		}
	}
	if isDeviceName(s) {
		var esc strings.Builder
		escapeByte(&esc, s[0])
		s = esc.String() + s[1:]
	}
	if len(s) > maxElem {
		s = shorten(s, e)
	}
	return s
}

func mustEscape(r rune) bool {
	switch r {
	case '%', ' ', '"', '*', '/', ':', '<', '>', '?', '\\', '|':
		return true
	}
	return !strconv.IsPrint(r)
}

func escapeByte(b *strings.Builder, c byte) {
	const hexDigits = "0123456789ABCDEF"
	b.WriteByte('%')
	b.WriteByte(hexDigits[c>>4])
	b.WriteByte(hexDigits[c&0xf])
}

// isDeviceName reports whether Windows reserves the name s: a device name,
// in any case, alone or followed by an extension.
func isDeviceName(s string) bool {
	base, _, _ := strings.Cut(s, ".")
	switch strings.ToUpper(base) {
	case "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$":
		return true
	}
	if len(base) < 4 {
		return false
	}
	prefix, num := strings.ToUpper(base[:3]), base[3:]
	if prefix != "COM" && prefix != "LPT" {
		return false
	}
	switch num {
	case "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "¹", "²", "³":
		return true
	}
	return false
}

// shorten cuts the encoded element s of the raw element raw and appends a
// hash of raw.
func shorten(s, raw string) string {
	sum := sha256.Sum256([]byte(raw))
	cut := maxElem - len("%~") - 16
	for cut > 0 && (!utf8.RuneStart(s[cut]) || s[cut-1] == '%' || (cut >= 2 && s[cut-2] == '%')) {
		cut--
	}
	return s[:cut] + "%~" + hex.EncodeToString(sum[:8])
}

// checkName reports why name, given to [Name], is not a path that stays
// inside the golden directory on every operating system, or nil.
func checkName(name string) error {
	switch {
	case name == "":
		return errors.New("empty name")
	case name == ".":
		return errors.New(`"." is the golden directory itself`)
	case strings.ContainsRune(name, '\\'):
		return errors.New(`contains a backslash, a separator on Windows; use "/"`)
	case strings.ContainsRune(name, 0):
		return errors.New("contains a NUL byte")
	case strings.ContainsRune(name, ':'):
		return errors.New("contains a colon, a drive letter or stream name on Windows")
	case !fs.ValidPath(name):
		return errors.New(`not a relative slash-separated path inside the golden directory (no leading or trailing "/", no empty, "." or ".." element)`)
	}
	return nil
}
