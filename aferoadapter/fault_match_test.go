package aferoadapter

import (
	"path"
	"strings"
	"testing"
)

// refMatch is the plain definition: p matches all of the segments n,
// "**" matching any number of them.
func refMatch(p, n []string) bool {
	if len(p) == 0 {
		return len(n) == 0
	}
	if p[0] == "**" {
		for i := 0; i <= len(n); i++ {
			if refMatch(p[1:], n[i:]) {
				return true
			}
		}
		return false
	}
	if len(n) == 0 {
		return false
	}
	ok, _ := path.Match(p[0], n[0])
	return ok && refMatch(p[1:], n[1:])
}

func segs(name string) []string {
	if name == "" {
		return nil
	}
	return strings.Split(name, "/")
}

// validPattern reports whether mustPattern accepts text.
func validPattern(text string) bool {
	for _, s := range segs(faultName(text)) {
		if _, err := path.Match(s, "x"); err != nil {
			return false
		}
	}
	return true
}

func TestPatternCovers(t *testing.T) {
	for _, c := range []struct {
		pattern, name   string
		covers, reaches bool
		mount           string
	}{
		{"ro", "ro", true, true, "ro"},
		{"ro", "ro/x/y", true, true, "ro"},
		{"ro", "ro2", false, false, ""},
		{"ro", "", false, true, ""},
		{"ro/x", "ro", false, true, ""},
		{"", "a/b", true, true, ""},
		{"**", "a/b", true, true, ""},
		{"**/*.tmp", "a/b.tmp/c", true, true, "a/b.tmp"},
		{"**/*.tmp", "a/b", false, true, ""},
		{"mnt/*", "mnt/a/x", true, true, "mnt/a"},
		{"mnt/*", "mnt", false, true, ""},
		{"a/**/z", "a/b/c/z/w", true, true, "a/b/c/z"},
		{"a/**/z", "b/z", false, false, ""},
		{"a/**", "a", true, true, "a"},
	} {
		p := mustPattern("test", c.pattern)
		mount, covers := p.mount(c.name)
		if covers != c.covers || p.covers(c.name) != c.covers || p.reaches(c.name) != c.reaches || mount != c.mount {
			t.Errorf("pattern %q, name %q: covers %v, reaches %v, mount %q; want %v, %v, %q",
				c.pattern, c.name, p.covers(c.name), p.reaches(c.name), mount, c.covers, c.reaches, c.mount)
		}
	}
}

// FuzzFaultPattern checks the matching of patterns against the plain
// definition, and the cleaning of names.
func FuzzFaultPattern(f *testing.F) {
	for _, s := range [][3]string{
		{"ro", "ro/x", "y"}, {"**/*.tmp", "a/b.tmp", "c"}, {"mnt/*", "./mnt//a/../b", "x"},
		{"a/**/z", "/a/b/z", ""}, {"", "/", "."}, {"[a-c]?/x", "b1/x", ".."}, {`\*`, "*", "q"},
	} {
		f.Add(s[0], s[1], s[2])
	}
	f.Fuzz(func(t *testing.T, pattern, name, extra string) {
		clean := faultName(name)
		if again := path.Clean("/" + clean); again[1:] != clean {
			t.Fatalf("faultName(%q) = %q, not clean", name, clean)
		}
		for _, form := range []string{"/" + name, "./" + name, name + "/"} {
			if got := faultName(form); got != clean {
				t.Fatalf("faultName(%q) = %q, faultName(%q) = %q", form, got, name, clean)
			}
		}
		if !validPattern(pattern) {
			return
		}
		p := mustPattern("fuzz", pattern)
		n := segs(clean)
		want := false
		for k := 0; k <= len(n) && !want; k++ {
			want = refMatch(p.segs, n[:k])
		}
		if got := p.covers(clean); got != want {
			t.Fatalf("pattern %q covers %q: %v, want %v", pattern, clean, got, want)
		}
		if mount, ok := p.mount(clean); ok != want ||
			ok && (!refMatch(p.segs, segs(mount)) || mount != "" && clean != mount && !strings.HasPrefix(clean, mount+"/")) {
			t.Fatalf("pattern %q, name %q: mount %q, %v", pattern, clean, mount, ok)
		}
		below := faultName(clean + "/" + extra)
		if !strings.HasPrefix(below, clean) {
			return // extra climbed out with ".."
		}
		if want && !p.covers(below) {
			t.Fatalf("pattern %q covers %q but not %q below it", pattern, clean, below)
		}
		if p.covers(below) && !p.reaches(clean) {
			t.Fatalf("pattern %q covers %q but does not reach %q above it", pattern, below, clean)
		}
	})
}
