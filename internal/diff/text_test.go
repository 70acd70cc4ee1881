package diff

import (
	"fmt"
	"strings"
	"testing"
)

func TestText(t *testing.T) {
	tests := []struct {
		name      string
		want, got string
		opts      Options
		report    string
	}{
		{name: "equal", want: "a\nb\n", got: "a\nb\n", report: ""},
		{
			name: "one changed line with context",
			want: "1\n2\n3\n4\n5\n6\n7\n8\n9\n",
			got:  "1\n2\n3\n4\nfive\n6\n7\n8\n9\n",
			report: "--- want\n+++ got\n" +
				"@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n",
		},
		{
			name: "distant changes make two hunks",
			want: "a\n1\n2\n3\n4\n5\n6\n7\nb\n",
			got:  "A\n1\n2\n3\n4\n5\n6\n7\nB\n",
			report: "--- want\n+++ got\n" +
				"@@ -1,4 +1,4 @@\n-a\n+A\n 1\n 2\n 3\n" +
				"@@ -6,4 +6,4 @@\n 5\n 6\n 7\n-b\n+B\n",
		},
		{
			name: "close changes share a hunk",
			want: "a\n1\n2\n3\nb\n",
			got:  "A\n1\n2\n3\nB\n",
			report: "--- want\n+++ got\n" +
				"@@ -1,5 +1,5 @@\n-a\n+A\n 1\n 2\n 3\n-b\n+B\n",
		},
		{
			name:   "insertion into empty",
			want:   "",
			got:    "x\n",
			report: "--- want\n+++ got\n@@ -0,0 +1 @@\n+x\n",
		},
		{
			name:   "missing final newline",
			want:   "a\nb\n",
			got:    "a\nb",
			report: "--- want\n+++ got\n@@ -1,2 +1,2 @@\n a\n-b\n+b\n\\ No newline at end of file\n",
		},
		{
			name: "trailing blanks and carriage return are visible",
			want: "key: value\nx\n",
			got:  "key: value \t\r\nx\n",
			report: "--- want\n+++ got\n@@ -1,2 +1,2 @@\n-key: value\n+key: value·→␍\n x\n" +
				"(shown as: · trailing space, → trailing tab, ␍ \\r)\n",
		},
		{
			name:   "inner tab stays a tab, other controls are shown",
			want:   "a\tb\n",
			got:    "a\tb\x00\x1b\n",
			report: "--- want\n+++ got\n@@ -1 +1 @@\n-a\tb\n+a\tb␀␛\n(shown as: ␀ \\x00, ␛ \\x1b)\n",
		},
		{
			name:   "labels and no context",
			want:   "1\n2\n3\n",
			got:    "1\nTWO\n3\n",
			opts:   Options{WantLabel: "golden", GotLabel: "actual", Context: -1},
			report: "--- golden\n+++ actual\n@@ -2 +2 @@\n-2\n+TWO\n",
		},
		{
			name:   "cap",
			want:   "a\nb\nc\nd\n",
			got:    "A\nB\nC\nD\n",
			opts:   Options{MaxLines: 3},
			report: "--- want\n+++ got\n@@ -1,4 +1,4 @@\n-a\n-b\n... 6 more diff lines not shown\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Text(tt.want, tt.got, tt.opts); got != tt.report {
				t.Errorf("Text() =\n%s\nwant\n%s", got, tt.report)
			}
		})
	}
}

func TestTextUncappedByDefaultBelow200Lines(t *testing.T) {
	var a, b strings.Builder
	for i := range 150 {
		fmt.Fprintf(&a, "a%d\n", i)
		fmt.Fprintf(&b, "b%d\n", i)
	}
	got := Text(a.String(), b.String(), Options{})
	if n := strings.Count(got, "\n"); n != 203 {
		t.Errorf("lines = %d, want 203 (2 headers, 200 body lines, 1 note)", n)
	}
	if !strings.HasSuffix(got, "... 101 more diff lines not shown\n") {
		t.Errorf("missing cap note, got tail %q", got[len(got)-60:])
	}
}

func FuzzText(f *testing.F) {
	f.Add("a\nb\n", "a\nc\n")
	f.Add("", "x")
	f.Add("x\r\n", "x\n")
	f.Fuzz(func(t *testing.T, want, got string) {
		r := Text(want, got, Options{MaxLines: -1})
		if (r == "") != (want == got) {
			t.Fatalf("Text(%q, %q) = %q", want, got, r)
		}
		if r != "" && !strings.HasPrefix(r, "--- want\n+++ got\n@@ ") {
			t.Fatalf("bad header: %q", r)
		}
	})
}
