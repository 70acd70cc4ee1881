package goldenwrite

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

func TestWriteFileCreatesAndUpdates(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "testdata")
	sum, err := WriteFile(dir, "TestX/sub.golden", []byte("a\nb\n"), Options{Label: "testdata/TestX/sub.golden"})
	if err != nil || sum.String() != "+2 -0 testdata/TestX/sub.golden (new)" {
		t.Fatalf("create: %q, %v", sum, err)
	}
	checkSnapshot(t, dir, map[string]string{"TestX": "dir", "TestX/sub.golden": "a\nb\n"})
	if runtime.GOOS != "windows" {
		if fi := stat(t, filepath.Join(dir, "TestX")); fi.Mode().Perm() != 0o755 {
			t.Errorf("new directory mode %v", fi.Mode())
		}
	}

	// An update keeps the mode of the file it replaces.
	p := filepath.Join(dir, "TestX", "sub.golden")
	os.Chmod(p, 0o600)
	sum, err = WriteFile(dir, "TestX/sub.golden", []byte("a\nB\nc\n"), Options{})
	if err != nil || sum.String() != "+2 -1 "+filepath.ToSlash(dir)+"/TestX/sub.golden" {
		t.Fatalf("update: %q, %v", sum, err)
	}
	checkSnapshot(t, dir, map[string]string{"TestX": "dir", "TestX/sub.golden": "a\nB\nc\n (-rw-------)"})
}

func TestWriteFileOnlyWhatChanged(t *testing.T) {
	t.Parallel()
	dir := setup(t, map[string]string{"crlf.golden": "a\r\nb\r\n", "same.golden": "same\n"})
	for name, data := range map[string]string{"crlf.golden": "a\nb\n", "same.golden": "same\n"} {
		before := stat(t, filepath.Join(dir, name))
		sum, err := WriteFile(dir, name, []byte(data), Options{})
		if err != nil || sum.Changed() {
			t.Errorf("%s: %q, %v; want no change", name, sum, err)
		}
		if !sameFile(t, before, stat(t, filepath.Join(dir, name))) {
			t.Errorf("%s: rewritten though unchanged", name)
		}
	}
	checkSnapshot(t, dir, map[string]string{"crlf.golden": "a\r\nb\r\n", "same.golden": "same\n"})

	// Exact compares bytes: the CRLF checkout is rewritten. Output that
	// prints CRLF differs from an LF golden either way.
	sum, err := WriteFile(dir, "crlf.golden", []byte("a\nb\n"), Options{Exact: true, Label: "crlf.golden"})
	if err != nil || sum.String() != "+2 -2 crlf.golden" {
		t.Errorf("Exact: %q, %v", sum, err)
	}
	sum, err = WriteFile(dir, "same.golden", []byte("same\r\n"), Options{Label: "same.golden"})
	if err != nil || sum.String() != "+1 -1 same.golden" {
		t.Errorf("CRLF output: %q, %v", sum, err)
	}
}

func TestWriteFileBinary(t *testing.T) {
	t.Parallel()
	dir := setup(t, map[string]string{"bin.golden": "\x00\x01\x02\x03"})
	sum, err := WriteFile(dir, "bin.golden", []byte("\x00\xff\xfe\x02\x03"), Options{Label: "bin.golden"})
	if err != nil || sum.String() != "+2 -1 bytes bin.golden" {
		t.Errorf("%q, %v", sum, err)
	}
}

// TestWriteFileNeverReplacesADirectory: a directory where a golden file
// goes may hold more than goldens; it is never removed.
func TestWriteFileRefusals(t *testing.T) {
	t.Parallel()
	dir := setup(t, map[string]string{"d.golden/input.txt": "precious\n", "target": "t\n", "l.golden": "-> target"})
	before := snapshot(t, dir)
	for name, want := range map[string]string{
		"d.golden": `write "L": it is a directory, which an update never replaces: it may hold more than goldens`,
		"l.golden": `write "L": it is a symlink, which an update never writes through nor replaces`,
		"../x":     `write "L": "../x" is not a slash-separated path inside the golden directory`,
		".":        `write "L": "." is not a slash-separated path inside the golden directory`,
		"/abs":     `write "L": "/abs" is not a slash-separated path inside the golden directory`,
		"target/x": `write "L": cannot make its directory "target": file exists`,
	} {
		_, err := WriteFile(dir, name, []byte("new\n"), Options{Label: "L"})
		checkErr(t, err, want)
	}
	checkSnapshot(t, dir, before)
}

func TestWriteFileRefusesToEmpty(t *testing.T) {
	t.Parallel()
	dir := setup(t, map[string]string{"x.golden": "a\nb\nc\n", "bin.golden": "\x00\x01", "empty.golden": ""})
	_, err := WriteFile(dir, "x.golden", nil, Options{Label: "testdata/x.golden"})
	checkErr(t, err, `refused to empty "testdata/x.golden", which holds 3 lines: an empty output is the classic way a bulk update erases goldens`)
	if !errors.Is(err, ErrEmpty) {
		t.Errorf("%v is not ErrEmpty", err)
	}
	_, err = WriteFile(dir, "bin.golden", []byte{}, Options{Label: "bin.golden"})
	checkErr(t, err, `refused to empty "bin.golden", which holds 2 bytes: an empty output is the classic way a bulk update erases goldens`)
	checkSnapshot(t, dir, map[string]string{"x.golden": "a\nb\nc\n", "bin.golden": "\x00\x01", "empty.golden": ""})

	// Forced, the golden becomes an empty file; an empty golden, or a new
	// one, takes empty content without force.
	sum, err := WriteFile(dir, "x.golden", nil, Options{Label: "x.golden", Force: true})
	if err != nil || sum.String() != "+0 -3 x.golden" {
		t.Errorf("forced: %q, %v", sum, err)
	}
	if sum, err := WriteFile(dir, "new.golden", nil, Options{Label: "new.golden"}); err != nil || sum.String() != "+0 -0 new.golden (new)" {
		t.Errorf("new empty golden: %q, %v", sum, err)
	}
	checkSnapshot(t, dir, map[string]string{"x.golden": "", "bin.golden": "\x00\x01", "empty.golden": "", "new.golden": ""})
}

func TestWriteFileInterrupted(t *testing.T) {
	t.Parallel()
	dir := setup(t, map[string]string{"x.golden": "old\n"})
	var sawTemp string
	_, err := WriteFile(dir, "x.golden", []byte("new\n"), Options{Label: "L", BeforeRename: func(tmp, dst string) error {
		b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(tmp)))
		if err != nil || string(b) != "new\n" || dst != "x.golden" {
			t.Errorf("temp file %q holds %q (%v), for %q", tmp, b, err, dst)
		}
		sawTemp = tmp
		return errors.New("interrupted")
	}})
	checkErr(t, err, `write "L": interrupted`)
	if sawTemp == "" {
		t.Fatal("the hook did not run")
	}
	checkSnapshot(t, dir, map[string]string{"x.golden": "old\n"})
}

// TestWriteFileReadOnlyDir proves something only unprivileged (root ignores
// permission bits); .ci/as-nobody runs it.
func TestWriteFileReadOnlyDir(t *testing.T) {
	if runtime.GOOS == "windows" || os.Geteuid() == 0 {
		t.Skip("needs an unprivileged user on Unix: run with bash .ci/as-nobody")
	}
	t.Parallel()
	dir := setup(t, map[string]string{"x.golden": "old\n"})
	os.Chmod(dir, 0o555)
	t.Cleanup(func() { os.Chmod(dir, 0o755) })
	_, err := WriteFile(dir, "x.golden", []byte("new\n"), Options{Label: "L"})
	checkErr(t, err, `write "L": permission denied`)
	checkSnapshot(t, dir, map[string]string{"x.golden": "old\n"})
}

func TestMatches(t *testing.T) {
	for _, tt := range []struct {
		want, got string
		match     bool
	}{
		{"a\n", "a\n", true},
		{"a\r\nb\r\n", "a\nb\n", true},     // a CRLF checkout of an LF golden
		{"a\r\nb\n", "a\nb\n", true},       // mixed
		{"a\r\nb\r\n", "a\r\nb\r\n", true}, // a CRLF golden, CRLF output
		{"a\n", "a\r\n", false},            // output that starts printing CRLF
		{"a\r\n", "a\r\r\n", false},
		{"a\r\n", "a\n\n", false},
		{"a\r\nb", "a\nc", false},
		{"a\r\n", "a", false},
		{"\x00\r\n", "\x00\n", false}, // binary: byte for byte
		{"\xff\r\n", "\xff\n", false},
		{"", "", true},
		{"\r\n", "\n", true},
		{"a\r\r\n", "a\r\n", true},           // as Fold reads it
		{"a\r\nb\r\n", "a\nb\r\n", false},    // output's own CRLF, not folded
		{"a\r\nb\rc\r\n", "a\nb\rc\n", true}, // a lone "\r"
		{"a\r\nb\rc\r\n", "a\nb\rc\r\n", false},
	} {
		if got := Matches([]byte(tt.want), []byte(tt.got)); got != tt.match {
			t.Errorf("Matches(%q, %q) = %v, want %v", tt.want, tt.got, got, tt.match)
		}
		folded := string(Fold([]byte(tt.want)))
		if Matches([]byte(tt.want), []byte(tt.got)) != (tt.want == tt.got || folded == tt.got && folded != tt.want) {
			t.Errorf("Matches(%q, %q) disagrees with Fold (%q)", tt.want, tt.got, folded)
		}
	}
}

func FuzzMatches(f *testing.F) {
	f.Add("a\r\nb\r\n", "a\nb\n")
	f.Add("a\n", "a\r\n")
	f.Add("\x00\r\n", "\x00\n")
	f.Fuzz(func(t *testing.T, want, got string) {
		m := Matches([]byte(want), []byte(got))
		folded := Fold([]byte(want))
		if spec := want == got || string(folded) == got && !isBinary([]byte(got)); m != spec {
			t.Fatalf("Matches(%q, %q) = %v; Fold gives %q", want, got, m, folded)
		}
	})
}
