package tmptest

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func TestSanitize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"TestLoad", "TestLoad"},
		{"TestLoad/empty_file#01", "TestLoad-empty_file_01"},
		{"TestX/a b/c", "TestX-a_b-c"},
		{"TestÜber/ü", "Test_ber-_"},
		{"Test/../x", "Test-..-x"},
		{".hidden", "_hidden"},
		{"..", "_."},
		{"a\x00b\nc\\d:e", "a_b_c_d_e"},
		{"", ""},
		{strings.Repeat("x", 50), strings.Repeat("x", maxTestName)},
	}
	for _, tt := range tests {
		if got := sanitize(tt.in, maxTestName); got != tt.want {
			t.Errorf("sanitize(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestNamesCarryTheTestName(t *testing.T) {
	dir := cleanDir(t)
	t.Run("sub case#1", func(t *testing.T) {
		random := `[a-z2-7]{10}`
		tests := []struct {
			path string
			want string
		}{
			{Dir(t, In(dir)), `^TestNamesCarryTheTestName-sub_case_1-` + random + `$`},
			{File(t, In(dir), Prefix("cfg-"), Suffix(".yaml")).Name(), `^cfg-TestNamesCarryTheTestName-sub_case_1-` + random + `\.yaml$`},
			{WriteFile(t, "x", In(dir), Suffix(".txt")), `^TestNamesCarryTheTestName-sub_case_1-` + random + `\.txt$`},
			{Unnamed(t, In(dir)).Name(), `^TestNamesCarryTheTestName-sub_case_1-` + random + `$`},
		}
		for _, tt := range tests {
			if filepath.Dir(tt.path) != dir {
				t.Errorf("%q is not directly in %q", tt.path, dir)
			}
			if name := filepath.Base(tt.path); !regexp.MustCompile(tt.want).MatchString(name) {
				t.Errorf("name %q does not match %s", name, tt.want)
			}
		}
	})
}

func TestLongTestNameIsCut(t *testing.T) {
	dir := cleanDir(t)
	long := strings.Repeat("a", 200)
	t.Run(long, func(t *testing.T) {
		name := filepath.Base(Dir(t, In(dir), Prefix("p-"), Suffix("-s")))
		want := "p-" + ("TestLongTestNameIsCut-" + long)[:maxTestName] + "-"
		if !strings.HasPrefix(name, want) || len(name) != len(want)+randomLen+len("-s") {
			t.Errorf("name = %q; want %q, 10 random characters and %q", name, want, "-s")
		}
	})
}

func TestRandomNamesDiffer(t *testing.T) {
	seen := map[string]bool{}
	for range 1000 {
		name := string(appendRandom(nil))
		if !regexp.MustCompile(`^[a-z2-7]{10}$`).MatchString(name) || seen[name] {
			t.Fatalf("appendRandom(nil) = %q: not 10 lowercase base32 characters, or seen before", name)
		}
		seen[name] = true
	}
}

// FuzzSanitize checks that any test name, however hostile, becomes one
// short, visible, portable name part.
func FuzzSanitize(f *testing.F) {
	for _, s := range []string{"TestX/a b", "..", "/", ".", "\x00", "Ü", strings.Repeat("/", 100)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		got := sanitize(name, maxTestName)
		if len(got) > maxTestName {
			t.Errorf("sanitize(%q) = %q: longer than %d bytes", name, got, maxTestName)
		}
		if strings.HasPrefix(got, ".") {
			t.Errorf("sanitize(%q) = %q: hidden", name, got)
		}
		if strings.Trim(got, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-") != "" {
			t.Errorf("sanitize(%q) = %q: holds a byte outside [A-Za-z0-9._-]", name, got)
		}
		if again := sanitize(got, maxTestName); again != got {
			t.Errorf("sanitize(%q) = %q, but sanitize(%q) = %q: not stable", name, got, got, again)
		}
		if name != "" && got == "" {
			t.Errorf("sanitize(%q) is empty", name)
		}
	})
}

// FuzzNamePart checks that a Prefix and Suffix either fail, or make a
// name that is a single new element of the directory, for every helper's
// naming (Dir and File names, Path's last element).
func FuzzNamePart(f *testing.F) {
	for _, s := range [][2]string{{"cfg-", ".yaml"}, {"..", ""}, {".", "."}, {"a/b", ""}, {"", `\`}, {"x\x00", ""}} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, prefix, suffix string) {
		dir := filepath.FromSlash("/base/dir")
		c, err := resolve([]Option{In(dir), Prefix(prefix), Suffix(suffix)}, 0o600)
		bad := func(s string) bool { return strings.ContainsAny(s, "/\\\x00") || strings.Contains(s, "..") }
		if (err != nil) != (bad(prefix) || bad(suffix)) {
			t.Fatalf("Prefix(%q), Suffix(%q): error %v; want an error exactly for a separator, \"..\" or NUL", prefix, suffix, err)
		}
		if err != nil {
			return
		}
		names := []string{c.newName("TestFuzz", maxTestName)}
		if leaf, err := c.pathLeaf(); err == nil {
			names = append(names, leaf)
		}
		for _, name := range names {
			path := filepath.Join(dir, name)
			if name == "." || name == ".." || filepath.Dir(path) != dir || filepath.Base(path) != name {
				t.Errorf("Prefix(%q), Suffix(%q) make %q: not one new element of %q", prefix, suffix, name, dir)
			}
		}
	})
}
