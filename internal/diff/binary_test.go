package diff

import (
	"bytes"
	"testing"
	"unicode/utf8"
)

func TestIsBinary(t *testing.T) {
	for in, want := range map[string]bool{"": false, "text\n": false, "é\n": false, "a\x00b": true, "\xff\xfe": true} {
		if got := IsBinary([]byte(in)); got != want {
			t.Errorf("IsBinary(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestBinary(t *testing.T) {
	want := []byte("0123456789abcdef\x00\x01\x02\x03")
	got := []byte("0123456789abcdef\x00\xff\x02\x03")
	const report = "binary content differs: want 20 bytes, got 20 bytes; first difference at offset 17 (0x11)\n" +
		"want: 00000010  00 01 02 03                                       |....|\n" +
		"got:  00000010  00 ff 02 03                                       |....|\n"
	if r := Binary(want, got); r != report {
		t.Errorf("Binary() =\n%s\nwant\n%s", r, report)
	}
	if r := Bytes(want, got, Options{}); r != report {
		t.Errorf("Bytes() dispatches binary data to Binary, got\n%s", r)
	}
}

func TestBinaryPrefix(t *testing.T) {
	const report = "binary content differs: want 1 byte, got 0 bytes; first difference at offset 0 (0x0)\n" +
		"want: 00000000  00                                                |.|\n" +
		"got:  00000000  (end of content)\n"
	if r := Binary([]byte{0}, nil); r != report {
		t.Errorf("Binary() =\n%s\nwant\n%s", r, report)
	}
	if r := Binary([]byte{1, 2}, []byte{1, 2}); r != "" {
		t.Errorf("equal content reported %q", r)
	}
}

func TestFirstDifference(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{{"", "", -1}, {"abc", "abc", -1}, {"abc", "abd", 2}, {"ab", "abc", 2}, {"x", "", 0}}
	for _, tt := range tests {
		if got := FirstDifference([]byte(tt.a), []byte(tt.b)); got != tt.want {
			t.Errorf("FirstDifference(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

// TestIsBinaryLarge checks the split check against the whole one on
// contents large enough to be split, with the odd byte at every place
// around the cuts.
func TestIsBinaryLarge(t *testing.T) {
	text := bytes.Repeat([]byte("é text €\n"), 3*parallelMin/12)
	if IsBinary(text) {
		t.Fatal("valid text reported binary")
	}
	for _, odd := range []string{"\x00", "\xff", "\xe2\x82", "\x82"} {
		for _, at := range []int{0, len(text)/2 - 4, len(text) / 2, len(text)/2 + 1, len(text)/3 + 2, len(text) - 1} {
			b := bytes.Clone(text)
			copy(b[at:], odd)
			if got, want := IsBinary(b), bytes.IndexByte(b, 0) >= 0 || !utf8.Valid(b); got != want {
				t.Errorf("%q at %d: IsBinary = %v, want %v", odd, at, got, want)
			}
		}
	}
	for shift := range 4 { // every cut inside a sequence
		b := append(bytes.Repeat([]byte("x"), shift), bytes.Repeat([]byte("€"), parallelMin)...)
		if IsBinary(b) {
			t.Errorf("shift %d: valid text reported binary", shift)
		}
	}
	if !IsBinary(bytes.Repeat([]byte{0x80}, 2*parallelMin)) {
		t.Error("continuation bytes alone reported text")
	}
}

// TestCountByteLarge checks the split count against bytes.Count, with the
// byte counted at both ends and around every cut.
func TestCountByteLarge(t *testing.T) {
	b := bytes.Repeat([]byte("line\n"), 3*parallelMin/5+3)
	for _, at := range []int{0, len(b) / 3, len(b)/2 - 1, len(b) / 2, len(b) - 1} {
		b[at] = '\n'
	}
	for _, n := range []int{0, 1, len(b) / 2, len(b) - 1, len(b)} {
		if got, want := countByte(b[:n], '\n'), bytes.Count(b[:n], []byte{'\n'}); got != want {
			t.Errorf("countByte of %d bytes = %d, want %d", n, got, want)
		}
	}
}
