// Package fspath validates the entry names that users give to tmpkit: the
// keys of a fixture.Tree, the names written through fixture.FS, the
// directories named in options.
//
// A valid name is what [io/fs.ValidPath] accepts (UTF-8, slash-separated,
// relative, no empty, "." or ".." element, no trailing slash), minus the
// root "." itself, minus anything that would escape or change meaning on
// Windows: a drive letter ("C:\x", "C:x"), a leading backslash ("\x",
// "\\srv\x"), a ".." element between backslashes ("a\..\..\x"). Those are
// refused on every operating system, so a fixture behaves the same
// everywhere; a backslash inside an element, as in `d\d`, stays a valid Unix
// name. On Windows alone, names that Windows treats specially are refused
// too: a colon (drive or alternate data stream), a reserved device name
// ("NUL", "COM1", ...), an element ending in a dot or a space (Windows strips
// them).
package fspath

import (
	"fmt"
	"io/fs"
	"runtime"
	"strings"
	"unicode/utf8"
)

// Error reports an invalid name and why it is invalid. It wraps
// [fs.ErrInvalid].
type Error struct {
	Name   string // the name as given
	Reason string // why it is refused, e.g. `has a ".." element`
}

func (e *Error) Error() string {
	return fmt.Sprintf("invalid name %q: %s", e.Name, e.Reason)
}

// Unwrap returns [fs.ErrInvalid], so errors.Is(err, fs.ErrInvalid) holds.
func (e *Error) Unwrap() error { return fs.ErrInvalid }

// Check returns nil if name is a valid entry name on this operating system,
// and an [*Error] saying why otherwise.
func Check(name string) error {
	return check(name, runtime.GOOS == "windows")
}

func check(name string, windows bool) error {
	if !windows && plain(name) {
		return nil
	}
	if reason := reason(name, windows); reason != "" {
		return &Error{Name: name, Reason: reason}
	}
	return nil
}

// reason returns why name is invalid, or "" if it is valid. The checks run
// from the most to the least specific, so the reason fits the mistake.
func reason(name string, windows bool) string {
	switch {
	case name == "":
		return "empty"
	case name == ".":
		return `"." is the root itself, not an entry below it`
	case strings.IndexByte(name, 0) >= 0:
		return "contains a NUL byte"
	case !utf8.ValidString(name):
		return "is not valid UTF-8"
	case name[0] == '/':
		return "absolute path; give a path relative to the root"
	case strings.HasPrefix(name, `\\`):
		return `starts with "\\", a Windows UNC or device path`
	case name[0] == '\\':
		return `starts with "\", a rooted path on Windows`
	case hasDriveLetter(name):
		return fmt.Sprintf("starts with %q, a Windows drive letter", name[:2])
	case strings.HasSuffix(name, "/"):
		return "ends in a slash"
	}
	for elem := range strings.SplitSeq(name, "/") {
		switch elem {
		case "":
			return `has an empty element ("//")`
		case ".":
			return `has a "." element; write the path without it`
		case "..":
			return `has a ".." element, which steps out of a directory`
		}
		for part := range strings.SplitSeq(elem, `\`) {
			if part == ".." {
				return `has a ".." element between backslashes, which are separators on Windows`
			}
		}
		if windows {
			if r := windowsReason(elem); r != "" {
				return r
			}
		}
	}
	return ""
}

// plain reports whether name is an ordinary relative path: ASCII letters,
// digits, '-', '_' and '.' in elements separated by single slashes, none of
// them empty, "." or "..". Such a name is valid everywhere but possibly on
// Windows (reserved device names, trailing dots), so on other systems Check
// accepts it after this one pass. Check runs for every entry of every tree
// written or compared, several times on the way through an adapter, and the
// full checks below cost about five times as much.
func plain(name string) bool {
	n, dots := 0, 0 // length of the current element, and how many of its bytes are dots
	for i := 0; i < len(name); i++ {
		c := name[i]
		if c == '/' {
			if n == 0 || n == dots && n <= 2 {
				return false
			}
			n, dots = 0, 0
			continue
		}
		if !plainByte[c] {
			return false
		}
		n++
		if c == '.' {
			dots++
		}
	}
	return n > 0 && !(n == dots && n <= 2)
}

// plainByte marks the bytes plain accepts within an element.
var plainByte = func() (t [256]bool) {
	for _, c := range []byte("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.") {
		t[c] = true
	}
	return t
}()

func hasDriveLetter(name string) bool {
	if len(name) < 2 || name[1] != ':' {
		return false
	}
	c := name[0] | 0x20 // lower case
	return 'a' <= c && c <= 'z'
}

// windowsReason covers what only Windows treats specially within one
// slash-separated element (which may still hold backslashes).
func windowsReason(elem string) string {
	if strings.IndexByte(elem, ':') >= 0 {
		return `contains ":", which Windows reads as a drive or a stream name`
	}
	for part := range strings.SplitSeq(elem, `\`) {
		if part == "" || part == "." {
			continue
		}
		if strings.HasSuffix(part, ".") || strings.HasSuffix(part, " ") {
			return fmt.Sprintf("element %q ends in a dot or a space, which Windows strips", part)
		}
		if isReserved(part) {
			return fmt.Sprintf("%q is a reserved device name on Windows", part)
		}
	}
	return ""
}

// isReserved reports whether Windows maps part to a device, as
// internal/filepathlite does: CON, PRN, AUX, NUL, COM1-9, LPT1-9 (also with
// superscript digits), CONIN$, CONOUT$, in any case and with any extension
// or trailing blanks after the base name ("nul.txt", "NUL ").
func isReserved(part string) bool {
	base, _, _ := strings.Cut(part, ".")
	base = strings.TrimRight(base, " ")
	switch strings.ToUpper(base) {
	case "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$":
		return true
	}
	if len(base) >= 4 {
		switch strings.ToUpper(base[:3]) {
		case "COM", "LPT":
			switch digit := base[3:]; digit {
			case "1", "2", "3", "4", "5", "6", "7", "8", "9", "\u00b9", "\u00b2", "\u00b3":
				return true
			}
		}
	}
	return false
}
