package tmptest

import (
	"os"
	"strings"
	"testing"

	"github.com/tmpkit/tmpkit/internal/faketb"
)

// TestSpooledChecksNameLength: a name too long for the directory used to
// fail only at the first Write that moved the data to a file. Spooled
// fails at once, creating nothing, and a name of the longest length the
// file system takes (255 bytes here) is accepted and works.
func TestSpooledChecksNameLength(t *testing.T) {
	long := strings.Repeat("p", 300)
	// "TestFake-" + 10 random characters: 19 bytes besides Prefix and Suffix.
	fits := strings.Repeat("q", 255-len("TestFake-")-randomLen)
	tests := []struct {
		name string
		opts []Option
		want string // "" when it fits
	}{
		{"long prefix", []Option{Prefix(long)}, `tmptest: Prefix("` + long + `"): created names would be 319 bytes long; ` +
			`the file system of In("%s") takes at most 255; shorten it`},
		{"long suffix", []Option{Suffix(long)}, `tmptest: Suffix("` + long + `"): created names would be 319 bytes long; ` +
			`the file system of In("%s") takes at most 255; shorten it`},
		{"both", []Option{Prefix(fits), Suffix(".x")}, `tmptest: Prefix("` + fits + `") and Suffix(".x"): created names would be 257 bytes long; ` +
			`the file system of In("%s") takes at most 255; shorten them`},
		{"just fits", []Option{Prefix(fits)}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := cleanDir(t)
			opts := append([]Option{In(dir)}, tt.opts...)
			if tt.want == "" {
				f := faketb.New("TestFake", nil)
				f.Run(func(tb testing.TB) {
					s := Spooled(tb, 1, opts...)
					if _, err := s.Write([]byte("moves")); err != nil {
						t.Errorf("Write that moves: %v", err)
					} else if n := len(s.Name()) - len(dir) - 1; n != 255 {
						t.Errorf("the file's name is %d bytes; want 255", n)
					}
				})
				f.Finish()
				if f.Failed() {
					t.Errorf("failed: %q %q", f.Fatals(), f.Errors())
				}
				return
			}
			got := fatalOf(t, func(tb testing.TB) { Spooled(tb, 1, opts...) })
			if want := strings.Replace(tt.want, "%s", dir, 1); got != want {
				t.Errorf("Fatalf message:\n got: %s\nwant: %s", got, want)
			}
		})
	}
}

// TestSpooledChecksWritable: a directory the test cannot create in used to
// fail only at the first Write that moved the data. Root creates anywhere,
// so this runs unprivileged (bash .ci/as-nobody go test ./tmptest); a
// read-only mount, which stops root too, is TestSpooledChecksReadOnlyMount.
func TestSpooledChecksWritable(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root creates in read-only directories; run as an unprivileged user: bash .ci/as-nobody go test ./tmptest")
	}
	dir := cleanDir(t)
	if err := os.Chmod(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(dir, 0o700)
	got := fatalOf(t, func(tb testing.TB) { Spooled(tb, 1, In(dir)) })
	want := `tmptest: In("` + dir + `"): cannot create files there: permission denied; choose a writable directory, or leave out In to use BaseDir()`
	if got != want {
		t.Errorf("Fatalf message:\n got: %s\nwant: %s", got, want)
	}

	t.Setenv("TMPTEST_DIR", dir)
	got = fatalOf(t, func(tb testing.TB) { Spooled(tb, 1) })
	want = `tmptest: TMPTEST_DIR="` + dir + `": cannot create files there: permission denied; set TMPTEST_DIR to a writable directory`
	if got != want {
		t.Errorf("Fatalf message:\n got: %s\nwant: %s", got, want)
	}
}

// FuzzSpooledNameLength holds checkCreatable's verdict on name lengths to
// the disk's: a Prefix and Suffix it accepts must make a file the OS
// creates, and ones it refuses must be too long for the OS.
func FuzzSpooledNameLength(f *testing.F) {
	fits := 255 - len("TestFake-") - randomLen
	f.Add(strings.Repeat("p", fits), "")
	f.Add(strings.Repeat("p", fits+1), "")
	f.Add(strings.Repeat("é", fits/2), ".x")
	f.Add("", strings.Repeat("s", 300))
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, prefix, suffix string) {
		if checkNamePart("Prefix", prefix) != nil || checkNamePart("Suffix", suffix) != nil {
			return // refused before any length is considered
		}
		c, err := resolve([]Option{In(dir), Prefix(prefix), Suffix(suffix)}, 0o600)
		if err != nil {
			t.Fatal(err)
		}
		checkErr := c.checkCreatable("TestFake")
		file, createErr := c.openFile("TestFake")
		if createErr == nil {
			file.Close()
			os.Remove(file.Name())
		}
		if (checkErr == nil) != (createErr == nil) {
			t.Errorf("Prefix(%q) Suffix(%q): check says %v; creating says %v", prefix, suffix, checkErr, createErr)
		}
	})
}
