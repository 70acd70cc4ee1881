package tmptest

import (
	"crypto/rand"
	"strings"
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

// randomName returns randomLen characters from crypto/rand.
func randomName() string {
	var b [randomLen]byte
	rand.Read(b[:]) // never fails: crypto/rand crashes the program instead.
	for i := range b {
		b[i] = randomAlphabet[b[i]&31]
	}
	return string(b[:])
}

// sanitize turns a test name such as "TestLoad/empty file#01" into a name
// part such as "TestLoad-empty_file_01": "/" between subtests becomes "-",
// any rune outside [A-Za-z0-9._-] becomes "_", a leading "." becomes "_"
// (no hidden files), and the result holds at most limit bytes.
func sanitize(name string, limit int) string {
	var b strings.Builder
	for _, r := range name {
		if b.Len() >= limit {
			break
		}
		switch {
		case 'a' <= r && r <= 'z', 'A' <= r && r <= 'Z', '0' <= r && r <= '9', r == '-', r == '_':
		case r == '.' && b.Len() > 0:
		case r == '/':
			r = '-'
		default:
			r = '_'
		}
		b.WriteByte(byte(r))
	}
	return b.String()
}

// newName composes prefix, the sanitised test name (at most maxTest bytes
// of it), a random part and suffix: "cfg-TestLoad-k2m4q7x3za.yaml". The
// test-name part and its dash are left out when empty.
func (c *config) newName(testName string, maxTest int) string {
	random := c.random()
	test := sanitize(testName, maxTest)
	if test == "" {
		return c.prefix + random + c.suffix
	}
	return c.prefix + test + "-" + random + c.suffix
}

func (c *config) random() string {
	if c.names != nil {
		return c.names()
	}
	return randomName()
}
