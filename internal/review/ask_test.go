package review

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/tmpkit/tmpkit/internal/pending"
)

// threeQuestions returns the questions about three changed goldens: two
// files and a tree entry.
func threeQuestions(t *testing.T) []Question {
	t.Helper()
	mod := testModule(t, map[string]string{
		"a/testdata/TestA.golden":       "a\n",
		"b/testdata/TestB.golden":       "b\n",
		"c/testdata/TestC.golden/f.txt": "c\n",
	})
	_, qs, refused := Load(mod, []pending.Record{
		fileRec("a/testdata/TestA.golden", "TestA", []byte("a\n"), "A\n"),
		fileRec("b/testdata/TestB.golden", "TestB", []byte("b\n"), "B\n"),
		treeRec("c/testdata/TestC.golden", "TestC", []pending.Entry{{Name: "f.txt", Content: []byte("c\n")}},
			[]pending.Entry{{Name: "f.txt", Content: []byte("C\n")}}),
	})
	if len(refused) > 0 || len(qs) != 3 {
		t.Fatalf("%d questions, refused %v", len(qs), refused)
	}
	return qs
}

func TestAskLines(t *testing.T) {
	qs := threeQuestions(t)
	var out, errOut bytes.Buffer
	a := Asker{Out: &out, Err: &errOut, Answers: Lines(strings.NewReader("a\nyes\n\n  Reject \ns\n"))}
	answers, interrupted, err := a.Ask(qs)
	if err != nil || interrupted {
		t.Fatal(err, interrupted)
	}
	if want := []Answer{Accept, Reject, Skip}; !slices.Equal(answers, want) {
		t.Errorf("answers %q, want %q", answers, want)
	}
	const prompt = "accept, reject, skip or quit? [a/r/s/q] "
	want := `[1/3] TestA (example.com/m/a)
golden: "a/testdata/TestA.golden" differs from the output (-want +got):
--- a/testdata/TestA.golden
+++ got
@@ -1 +1 @@
-a
+A
` + prompt + "accept\n" + `
[2/3] TestB (example.com/m/b)
golden: "b/testdata/TestB.golden" differs from the output (-want +got):
--- b/testdata/TestB.golden
+++ got
@@ -1 +1 @@
-b
+B
` + prompt + "\n" + prompt + "\n" + prompt + "reject\n" + `
[3/3] TestC (example.com/m/c)
golden: tree "c/testdata/TestC.golden": "f.txt" differs from the output (-want +got):
--- c/testdata/TestC.golden/f.txt
+++ got
@@ -1 +1 @@
-c
+C
` + prompt + "skip\n"
	if out.String() != want {
		t.Errorf("output:\n%s\nwant\n%s", out.String(), want)
	}
	hint := "answer a (accept), r (reject), s (skip) or q (quit)\n"
	if errOut.String() != hint+hint {
		t.Errorf("stderr = %q", errOut.String())
	}
	if strings.Contains(out.String(), "\x1b") {
		t.Error("escape sequence without Colour")
	}
}

// The end of the input is quit: the rest is skipped.
func TestAskEndOfInputQuits(t *testing.T) {
	qs := threeQuestions(t)
	var out bytes.Buffer
	answers, interrupted, err := Asker{Out: &out, Err: io.Discard, Answers: Lines(strings.NewReader("a"))}.Ask(qs)
	if err != nil || interrupted || !slices.Equal(answers, []Answer{Accept, Skip, Skip}) {
		t.Errorf("answers %q, interrupted %v, err %v", answers, interrupted, err)
	}
	if n := strings.Count(out.String(), "[a/r/s/q]"); n != 2 {
		t.Errorf("asked %d times, want 2 (the second answered by the end of input)", n)
	}
	if !strings.HasSuffix(out.String(), "quit\n") {
		t.Errorf("output does not end with quit: %q", out.String())
	}
}

// keyReader returns each string as one Read.
type keyReader struct{ reads []string }

func (k *keyReader) Read(p []byte) (int, error) {
	if len(k.reads) == 0 {
		return 0, io.EOF
	}
	n := copy(p, k.reads[0])
	k.reads = k.reads[1:]
	return n, nil
}

func TestAskKeys(t *testing.T) {
	qs := threeQuestions(t)
	var out bytes.Buffer
	raws := 0
	var promptsBefore []int // prompts shown when raw mode began
	raw := func() (func(), error) {
		raws++
		promptsBefore = append(promptsBefore, strings.Count(out.String(), "[a/r/s/q]"))
		return func() { raws-- }, nil
	}
	// An arrow key ("\x1b[A") and pasted text are ignored; 'A' alone too.
	keys := Keys(&keyReader{[]string{"\x1b[A", "r", "A", "accept", "s", "q"}}, raw)
	answers, interrupted, err := Asker{Out: &out, Err: io.Discard, Answers: keys}.Ask(qs)
	if err != nil || interrupted {
		t.Fatal(err, interrupted)
	}
	if want := []Answer{Reject, Skip, Skip}; !slices.Equal(answers, want) {
		t.Errorf("answers %q, want %q", answers, want)
	}
	if raws != 0 {
		t.Errorf("raw mode left on (%d)", raws)
	}
	// Raw mode begins before each prompt is shown, so that a key pressed
	// as soon as it appears is not echoed.
	if want := []int{0, 1, 2, 3, 4, 5}; !slices.Equal(promptsBefore, want) {
		t.Errorf("prompts shown when raw mode began: %v, want %v", promptsBefore, want)
	}

	// Ctrl-C interrupts, Ctrl-D quits.
	for key, wantInterrupted := range map[string]bool{"\x03": true, "\x04": false} {
		answers, interrupted, err := Asker{Out: io.Discard, Err: io.Discard, Answers: Keys(&keyReader{[]string{"a", key}}, nil)}.Ask(qs)
		if err != nil || interrupted != wantInterrupted || !slices.Equal(answers, []Answer{Accept, Skip, Skip}) {
			t.Errorf("key %q: answers %q, interrupted %v, err %v", key, answers, interrupted, err)
		}
	}

	// A failure to enter raw mode is returned.
	boom := errors.New("no tty")
	_, _, err = Asker{Out: io.Discard, Err: io.Discard, Answers: Keys(&keyReader{}, func() (func(), error) { return nil, boom })}.Ask(qs)
	if !errors.Is(err, boom) {
		t.Errorf("err = %v", err)
	}
}

func TestAskAll(t *testing.T) {
	qs := threeQuestions(t)
	var out bytes.Buffer
	answers, _, err := Asker{Out: &out, All: Reject}.Ask(qs)
	if err != nil || !slices.Equal(answers, []Answer{Reject, Reject, Reject}) {
		t.Fatal(answers, err)
	}
	want := "reject a/testdata/TestA.golden (changed)\nreject b/testdata/TestB.golden (changed)\nreject c/testdata/TestC.golden/f.txt (changed)\n"
	if out.String() != want {
		t.Errorf("output:\n%s\nwant\n%s", out.String(), want)
	}
}

func TestAskJSON(t *testing.T) {
	qs := threeQuestions(t)
	var out bytes.Buffer
	answers, _, err := Asker{Out: &out, Err: io.Discard, JSON: true, Answers: Lines(strings.NewReader("a\nr\nbad\ns\n"))}.Ask(qs)
	if err != nil || !slices.Equal(answers, []Answer{Accept, Reject, Skip}) {
		t.Fatal(answers, err)
	}
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	if len(lines) != 3 {
		t.Fatalf("%d lines on stdout, want 3:\n%s", len(lines), out.String())
	}
	const first = `{"index":1,"of":3,"golden":"a/testdata/TestA.golden","kind":"file","change":"changed","tests":["TestA (example.com/m/a)"],` +
		`"diff":"golden: \"a/testdata/TestA.golden\" differs from the output (-want +got):\n--- a/testdata/TestA.golden\n+++ got\n@@ -1 +1 @@\n-a\n+A\n"}`
	if lines[0] != first {
		t.Errorf("first line:\n%s\nwant\n%s", lines[0], first)
	}
	var q QuestionJSON
	if err := json.Unmarshal([]byte(lines[2]), &q); err != nil {
		t.Fatal(err)
	}
	if q.Golden != "c/testdata/TestC.golden" || q.File != "f.txt" || q.Kind != "tree" || q.Index != 3 || q.Decision != "" {
		t.Errorf("third line: %+v", q)
	}

	out.Reset()
	if _, _, err := (Asker{Out: &out, JSON: true, All: Accept}).Ask(qs); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(out.String(), `"decision":"accept"`); n != 3 {
		t.Errorf("%d lines say the decision, want 3:\n%s", n, out.String())
	}
}

func TestAskColour(t *testing.T) {
	qs := threeQuestions(t)
	var out bytes.Buffer
	if _, _, err := (Asker{Out: &out, Err: io.Discard, Colour: true, Answers: Lines(strings.NewReader("q\n"))}).Ask(qs[:1]); err != nil {
		t.Fatal(err)
	}
	want := "\x1b[1m[1/1] TestA (example.com/m/a)\x1b[0m\n" +
		"\x1b[1mgolden: \"a/testdata/TestA.golden\" differs from the output (-want +got):\x1b[0m\n" +
		"\x1b[1m--- a/testdata/TestA.golden\x1b[0m\n" +
		"\x1b[1m+++ got\x1b[0m\n" +
		"\x1b[36m@@ -1 +1 @@\x1b[0m\n" +
		"\x1b[31m-a\x1b[0m\n" +
		"\x1b[32m+A\x1b[0m\n" +
		"\x1b[1maccept, reject, skip or quit? [a/r/s/q] \x1b[0mquit\n"
	if out.String() != want {
		t.Errorf("output:\n%q\nwant\n%q", out.String(), want)
	}
}

func TestColourDiffRemovedDashes(t *testing.T) {
	a := Asker{Colour: true}
	// A removed line "-- x" shows as "--- x": red, not a header.
	got := a.colourDiff("golden: x\n--- g\n+++ got\n@@ -1 +1 @@\n--- x\n+y\n")
	if !strings.Contains(got, "\x1b[31m--- x\x1b[0m") {
		t.Errorf("colourDiff = %q", got)
	}
}
