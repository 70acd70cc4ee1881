package diff

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/aymanbagabas/go-udiff/lcs"
)

// full is the diff of want and got with every line split and matched, as
// Text did before it looked only at the window.
func full(want, got string, o Options) string {
	if want == got {
		return ""
	}
	o = o.withDefaults()
	a, b := splitLines(want), splitLines(got)
	return render(a, b, lcs.DiffLines(a, b), 0, o)
}

func TestTextBytesLineNumbersAfterALongCommonPrefix(t *testing.T) {
	want, got := lines(10_000, ""), lines(10_000, "", 9_000)
	report := "--- want\n+++ got\n@@ -8998,7 +8998,7 @@\n" +
		"  line 8997 of the text\n  line 8998 of the text\n  line 8999 of the text\n" +
		"- line 9000 of the text\n+ changed line 9000\n" +
		"  line 9001 of the text\n  line 9002 of the text\n  line 9003 of the text\n"
	if r := TextBytes([]byte(want), []byte(got), Options{}); r != report {
		t.Errorf("TextBytes() =\n%s\nwant\n%s", r, report)
	}
	if r := full(want, got, Options{}); r != report {
		t.Errorf("the full diff differs from the windowed one:\n%s", r)
	}
}

// checkWindow checks that the window of want and got, with its edits
// applied, turns want into got, and that outside it both share whole lines.
func checkWindow(t *testing.T, want, got string, ctx int) {
	t.Helper()
	w, a, b, edits := windowEdits([]byte(want), []byte(got), ctx)
	if want[:w.start] != got[:w.start] || want[w.wantEnd:] != got[w.gotEnd:] {
		t.Fatalf("%q -> %q: window %+v: outside differs", want, got, w)
	}
	if w.start > 0 && want[w.start-1] != '\n' || w.wantEnd > w.start && w.wantEnd < len(want) && want[w.wantEnd-1] != '\n' {
		t.Fatalf("%q -> %q: window %+v: not at line starts", want, got, w)
	}
	if n := strings.Count(want[:w.start], "\n"); n != w.skip {
		t.Fatalf("%q -> %q: skip %d, want %d", want, got, w.skip, n)
	}
	var out []string
	i := 0
	for _, e := range edits {
		out = append(append(out, a[i:e.Start]...), b[e.ReplStart:e.ReplEnd]...)
		i = e.End
	}
	out = append(out, a[i:]...)
	if !slices.Equal(out, b) {
		t.Fatalf("%q -> %q: the edits give %q, want %q", want, got, out, b)
	}
}

func TestWindowEdges(t *testing.T) {
	tests := []struct{ want, got string }{
		{"a\nb\nc\n", "a\nc\n"},
		{"a\nc\n", "a\nb\nc\n"},
		{"a\nb", "a\nbc\n"},
		{"a\n", "a\nb\n"},
		{"x\ny", "z\ny"},
		{"ab\ncd\n", "ab\nxcd\n"},
		{"ab\ncd\n", "abx\ncd\n"},
		{"", "a\n"},
		{"a\n", ""},
		{"\ny", "\n\ny"},
		{"same\nsame\nsame\n", "same\nsame\n"},
		{"1\n2\n3\n4\n5\n6\n7\n8\n9\n", "1\n2\n3\n4\nfive\n6\n7\n8\n9\n"},
	}
	for _, tt := range tests {
		for _, ctx := range []int{0, 1, 3} {
			checkWindow(t, tt.want, tt.got, ctx)
		}
	}
	// Where the lines are all different, the window is everything and the
	// diff is the one matching every line gives.
	o := Options{}
	if got, want := TextBytes([]byte("a\nb\n"), []byte("c\nd\n"), o), full("a\nb\n", "c\nd\n", o); got != want {
		t.Errorf("windowed\n%s\nfull\n%s", got, want)
	}
}

func TestCount(t *testing.T) {
	for _, tt := range []struct {
		want, got      string
		added, removed int
	}{
		{"a\nb\n", "a\nb\n", 0, 0},
		{"", "a\nb\n", 2, 0},
		{"a\nb\n", "", 0, 2},
		{"a\nb\nc\n", "a\nB\nc\nd\n", 2, 1},
		{lines(5_000, ""), lines(5_000, "", 10, 4_000), 2, 2},
		{"a\nb", "a\nb\n", 1, 1},
	} {
		if a, r := Count([]byte(tt.want), []byte(tt.got)); a != tt.added || r != tt.removed {
			t.Errorf("Count(%.20q, %.20q) = +%d -%d, want +%d -%d", tt.want, tt.got, a, r, tt.added, tt.removed)
		}
	}
}

// FuzzTextBytes checks that the window holds every difference and that
// what lies outside it is common whole lines.
func FuzzTextBytes(f *testing.F) {
	f.Add("a\nb\nc\n", "a\nc\n", 3)
	f.Add("x\r\ny", "x\ny", 1)
	f.Add("\ny", "\n\ny", 0)
	f.Add(strings.Repeat("l\n", 20), strings.Repeat("l\n", 19)+"m\n", 2)
	f.Fuzz(func(t *testing.T, want, got string, ctx int) {
		if want == got {
			return
		}
		checkWindow(t, want, got, (ctx%5+5)%5)
	})
}

func ExampleTextBytes() {
	want := []byte(lines(1_000, ""))
	got := []byte(lines(1_000, "", 500))
	fmt.Print(TextBytes(want, got, Options{Context: -1}))
	// Output:
	// --- want
	// +++ got
	// @@ -501 +501 @@
	// - line 500 of the text
	// + changed line 500
}

func ExampleCount() {
	added, removed := Count([]byte("a\nb\nc\n"), []byte("a\nB\nc\nd\n"))
	fmt.Printf("+%d -%d\n", added, removed)
	// Output:
	// +2 -1
}

func TestCountBytes(t *testing.T) {
	for _, tt := range []struct {
		want, got      string
		added, removed int
	}{
		{"\x00abc", "\x00abc", 0, 0},
		{"\x00abc", "\x00aXc", 1, 1},
		{"\x00abc", "\x00abcdef", 3, 0},
		{"aaaa", "aa", 0, 2},
		{"", "\x00\x01", 2, 0},
	} {
		if a, r := CountBytes([]byte(tt.want), []byte(tt.got)); a != tt.added || r != tt.removed {
			t.Errorf("CountBytes(%q, %q) = +%d -%d, want +%d -%d", tt.want, tt.got, a, r, tt.added, tt.removed)
		}
	}
}

func ExampleCountBytes() {
	added, removed := CountBytes([]byte("\x00\x01\x02\x03"), []byte("\x00\xff\xfe\x02\x03"))
	fmt.Printf("+%d -%d bytes\n", added, removed)
	// Output:
	// +2 -1 bytes
}

func TestReport(t *testing.T) {
	for _, tt := range []struct {
		want, got string
		binary    bool
	}{
		{"a\nb\n", "a\nb\n", false},
		{"a\nb\n", "a\nc\n", false},
		{"\x00a\nb\n", "\x00a\nc\n", true}, // binary in the shared part
		{"a\n\xffb\n", "a\nb\n", true},     // invalid UTF-8 on one side
		{"é\nb\n", "é\nc\n", false},        // a shared multi-byte character
		{"a\nb\n", "a\nb\x00\n", true},     // NUL after the shared part
		{"long shared line\n", "long", false},
	} {
		report, binary := Report([]byte(tt.want), []byte(tt.got), Options{})
		if want := Bytes([]byte(tt.want), []byte(tt.got), Options{}); report != want || binary != tt.binary {
			t.Errorf("Report(%q, %q) = %q, %v; want %q, %v", tt.want, tt.got, report, binary, want, tt.binary)
		}
		if tt.binary && report != Binary([]byte(tt.want), []byte(tt.got)) || !tt.binary && report != TextBytes([]byte(tt.want), []byte(tt.got), Options{}) {
			t.Errorf("Report(%q, %q) = %q: not the binary or text report", tt.want, tt.got, report)
		}
	}
}

func ExampleReport() {
	report, binary := Report([]byte("a\nb\n"), []byte("a\nB\n"), Options{WantLabel: "testdata/TestX.golden"})
	fmt.Print(report)
	fmt.Println(binary)
	// Output:
	// --- testdata/TestX.golden
	// +++ got
	// @@ -1,2 +1,2 @@
	//  a
	// -b
	// +B
	// false
}
