package tmptest

import (
	"crypto/rand"
	"os"
)

const (
	// maxTestName bounds the test-name part of a created name, so names of
	// deeply nested or table-driven subtests stay readable and far from the
	// 255-byte limit of most file systems.
	maxTestName = 40

	// randomLen is the length of the random part: 10 characters of 5 bits,
	// 50 bits from crypto/rand, enough that another user cannot predict a
	// name and plant something there first.
	randomLen = 10

	// maxSocketPath is the longest path [Path] aims for: sun_path holds 108
	// bytes on Linux and 104 on macOS and BSD, and the contract says "under
	// 100", which leaves room for a suffix a program adds itself.
	maxSocketPath = 99
)

// randomAlphabet is lowercase so names stay distinct on case-insensitive
// file systems (macOS, Windows).
const randomAlphabet = "abcdefghijklmnopqrstuvwxyz234567"

// appendRandom appends randomLen characters from crypto/rand to b.
func appendRandom(b []byte) []byte {
	var r [randomLen]byte
	rand.Read(r[:]) // never fails: crypto/rand crashes the program instead.
	for _, x := range r {
		b = append(b, randomAlphabet[x&31])
	}
	return b
}

// sanitize turns a test name such as "TestLoad/empty file#01" into a name
// part such as "TestLoad-empty_file_01": "/" between subtests becomes "-",
// any rune outside [A-Za-z0-9._-] becomes "_", a leading "." becomes "_"
// (no hidden files), and the result holds at most limit bytes.
func sanitize(name string, limit int) string {
	return string(appendSanitized(nil, name, limit))
}

// appendSanitized appends sanitize(name, limit) to b.
func appendSanitized(b []byte, name string, limit int) []byte {
	start := len(b)
	for _, r := range name {
		if len(b)-start >= limit {
			break
		}
		switch {
		case 'a' <= r && r <= 'z', 'A' <= r && r <= 'Z', '0' <= r && r <= '9', r == '-', r == '_':
		case r == '.' && len(b) > start:
		case r == '/':
			r = '-'
		default:
			r = '_'
		}
		b = append(b, byte(r))
	}
	return b
}

// newName composes prefix, the sanitised test name (at most maxTest bytes
// of it), a random part and suffix: "cfg-TestLoad-k2m4q7x3za.yaml". The
// test-name part and its dash are left out when empty.
func (c *config) newName(testName string, maxTest int) string {
	b := make([]byte, 0, len(c.prefix)+min(len(testName), maxTest)+1+randomLen+len(c.suffix))
	b = append(b, c.prefix...)
	n := len(b)
	if b = appendSanitized(b, testName, maxTest); len(b) > n {
		b = append(b, '-')
	}
	if c.names != nil {
		b = append(b, c.names()...)
	} else {
		b = appendRandom(b)
	}
	return string(append(b, c.suffix...))
}

// join returns the path of name in c.dir, which resolve cleaned.
func (c *config) join(name string) string {
	if os.IsPathSeparator(c.dir[len(c.dir)-1]) { // the root: "/", `C:\`
		return c.dir + name
	}
	return c.dir + string(os.PathSeparator) + name
}
