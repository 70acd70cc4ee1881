package diff

import "testing"

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
