package tmptest

import (
	"runtime"
	"strings"
	"testing"
)

// TestCreateNamesTheLongOption: a Prefix or Suffix that makes names too
// long for the file system used to fail Dir, File and WriteFile with the
// OS's "file name too long" and the whole 300-byte path; they now name the
// option and the limit, as Spooled does before it creates, and create
// nothing.
func TestCreateNamesTheLongOption(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the limit of 255 bytes a name is the one Linux file systems have")
	}
	long := strings.Repeat("p", 300)
	helpers := map[string]func(tb testing.TB, opts ...Option){
		"Dir":       func(tb testing.TB, opts ...Option) { Dir(tb, opts...) },
		"File":      func(tb testing.TB, opts ...Option) { File(tb, opts...) },
		"WriteFile": func(tb testing.TB, opts ...Option) { WriteFile(tb, "x", opts...) },
	}
	for name, helper := range helpers {
		for _, c := range []struct {
			opt  Option
			want string
		}{
			{Prefix(long), `tmptest: Prefix("` + long + `"): created names would be 319 bytes long; the file system of In("%s") takes at most 255; shorten it`},
			{Suffix(long), `tmptest: Suffix("` + long + `"): created names would be 319 bytes long; the file system of In("%s") takes at most 255; shorten it`},
		} {
			t.Run(name, func(t *testing.T) {
				dir := cleanDir(t)
				got := fatalOf(t, func(tb testing.TB) { helper(tb, In(dir), c.opt) })
				if want := strings.Replace(c.want, "%s", dir, 1); got != want {
					t.Errorf("Fatalf message:\n got: %s\nwant: %s", got, want)
				}
			})
		}
	}
}
