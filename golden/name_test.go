package golden

import (
	"crypto/sha256"
	"encoding/hex"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestDefaultName(t *testing.T) {
	long := strings.Repeat("x", 250)
	sum := sha256.Sum256([]byte(long))
	tests := []struct{ test, want string }{
		{"TestX", "TestX.golden"},
		{"TestParse/empty_input#01", "TestParse/empty_input#01.golden"},
		{"TestÜber/日本", "TestÜber/日本.golden"},
		{"TestX/..", "TestX/%2E%2E.golden"},
		{"TestX/.", "TestX/%2E.golden"},
		{"TestX/.hidden", "TestX/%2Ehidden.golden"},
		{"TestX/a.", "TestX/a%2E.golden"},
		{"TestX/a b", "TestX/a%20b.golden"},
		{`TestX/a:b*c?d"e<f>g|h\i`, "TestX/a%3Ab%2Ac%3Fd%22e%3Cf%3Eg%7Ch%5Ci.golden"},
		{"TestX/100%", "TestX/100%25.golden"},
		{"TestX/CON", "TestX/%43ON.golden"},
		{"TestX/con.txt", "TestX/%63on.txt.golden"},
		{"TestX/LPT1", "TestX/%4CPT1.golden"},
		{"TestX/COM¹", "TestX/%43OM¹.golden"},
		{"TestX/CONSOLE", "TestX/CONSOLE.golden"},
		{"TestX/COM10", "TestX/COM10.golden"},
		{"TestX/out.golden", "TestX/out%2Egolden.golden"},
		{"TestX/out.GOLDEN", "TestX/out%2EGOLDEN.golden"},
		{"TestX/out.golden.d", "TestX/out%2Egolden.d.golden"},
		{"TestX/out.Golden.D", "TestX/out%2EGolden.D.golden"},
		{"TestX/out.golden.d/sub", "TestX/out%2Egolden.d/sub.golden"},
		{"TestX/", "TestX/%.golden"},
		{"TestX//a", "TestX/%/a.golden"},
		{"TestX/\x00\x1b\u200b", "TestX/%00%1B%E2%80%8B.golden"},
		{"TestX/\xff", "TestX/%FF.golden"},
		{"TestX/" + long, "TestX/" + long[:182] + "%~" + hex.EncodeToString(sum[:8]) + ".golden"},
		{"TestX/" + strings.Repeat("é", 101), "TestX/" + strings.Repeat("é", 91) + "%~" + hashOf(strings.Repeat("é", 101)) + ".golden"},
		{"TestX/" + strings.Repeat(":", 100), "TestX/" + strings.Repeat("%3A", 60) + "%~" + hashOf(strings.Repeat(":", 100)) + ".golden"},
	}
	for _, tt := range tests {
		got := defaultName(tt.test)
		if got != tt.want {
			t.Errorf("defaultName(%q) = %q, want %q", tt.test, got, tt.want)
		}
	}
}

func hashOf(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:8])
}

// TestDefaultNameOfRealSubtests runs subtests with hostile names and checks
// that the names the testing package gives them map to distinct, portable
// paths.
func TestDefaultNameOfRealSubtests(t *testing.T) {
	names := []string{"", "", "..", ".", "a/b", "a//b", "/", "CON", "con", "a b", "a_b", "a:b",
		"x.golden", "#00", "a#01", "a", "a", "tab\there", "nul\x00", "ü", "u\u0308", strings.Repeat("long", 80)}
	seen := map[string]string{}
	for _, n := range names {
		t.Run(n, func(t *testing.T) {
			p := defaultName(t.Name())
			if other, dup := seen[p]; dup {
				t.Errorf("%q and %q both map to %q", t.Name(), other, p)
			}
			seen[p] = t.Name()
			checkPortable(t, t.Name(), p)
		})
	}
}

// checkPortable fails t unless p, the default name of test, is a relative
// path of valid, portable file names, independently of the encoder's code.
func checkPortable(t *testing.T, test, p string) {
	t.Helper()
	if !strings.HasSuffix(p, ".golden") {
		t.Fatalf("defaultName(%q) = %q: no .golden suffix", test, p)
	}
	if !filepath.IsLocal(filepath.FromSlash(p)) {
		t.Fatalf("defaultName(%q) = %q: not a local path", test, p)
	}
	elems := strings.Split(strings.TrimSuffix(p, ".golden"), "/")
	if len(elems) != strings.Count(test, "/")+1 {
		t.Fatalf("defaultName(%q) = %q: %d elements, want %d", test, p, len(elems), strings.Count(test, "/")+1)
	}
	for _, e := range elems {
		if why := unportable(e); why != "" {
			t.Fatalf("defaultName(%q) = %q: element %q %s", test, p, e, why)
		}
	}
}

// unportable says why e cannot be a file or directory name on Linux, macOS
// and Windows, or one that hides, or "".
func unportable(e string) string {
	switch {
	case e == "":
		return "is empty"
	case len(e) > maxElem:
		return "is too long"
	case !utf8.ValidString(e):
		return "is not UTF-8"
	case e[0] == '.':
		return "starts with a dot"
	case strings.HasSuffix(e, ".") || strings.HasSuffix(e, " "):
		return "ends with a dot or space"
	case hasSuffixFold(e, ".golden"), hasSuffixFold(e, ".golden.d"):
		return "ends with .golden or .golden.d, in some letter case"
	case strings.ContainsAny(e, `"*/:<>?\| `):
		return "holds a character Windows forbids"
	}
	for _, r := range e {
		if !strconv.IsPrint(r) {
			return "holds an invisible character"
		}
	}
	base, _, _ := strings.Cut(strings.ToUpper(e), ".")
	for _, dev := range []string{"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"} {
		if base == dev {
			return "is a Windows device name"
		}
	}
	for _, p := range []string{"COM", "LPT"} {
		for _, d := range []string{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "¹", "²", "³"} {
			if base == p+d {
				return "is a Windows device name"
			}
		}
	}
	return ""
}

// decodeElem inverts encodeElem, except for shortened elements (ok false).
func decodeElem(s string) (string, bool) {
	if s == "%" {
		return "", true
	}
	if strings.Contains(s, "%~") {
		return "", false
	}
	var b []byte
	for i := 0; i < len(s); i++ {
		if s[i] != '%' {
			b = append(b, s[i])
			continue
		}
		n, err := strconv.ParseUint(s[i+1:i+3], 16, 8)
		if err != nil {
			panic("bad escape in " + s)
		}
		b = append(b, byte(n))
		i += 2
	}
	return string(b), true
}

func FuzzDefaultName(f *testing.F) {
	for _, s := range []string{"TestX", "TestX/sub", "TestX/..", "TestX/CON.txt", "a//b", "%", "%~", ".golden",
		"x.golden.", "\xff\xfe", "COM²", strings.Repeat("é", 150), strings.Repeat("%", 100)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, test string) {
		p := defaultName(test)
		checkPortable(t, test, p)
		elems := strings.Split(strings.TrimSuffix(p, ".golden"), "/")
		for i, raw := range strings.Split(test, "/") {
			dec, ok := decodeElem(elems[i])
			if ok && dec != raw {
				t.Fatalf("defaultName(%q): element %q decodes to %q, want %q", test, elems[i], dec, raw)
			}
			if !ok && 3*len(raw)+3 <= maxElem { // each byte takes at most 3
				t.Fatalf("defaultName(%q): element %q shortened though short enough", test, elems[i])
			}
		}
	})
}

func hasSuffixFold(s, suffix string) bool {
	return len(s) >= len(suffix) && strings.EqualFold(s[len(s)-len(suffix):], suffix)
}

// TestDefaultTreeName: a golden tree's default path is the file's with
// ".golden.d" for ".golden", so Assert and AssertDir in one test do not
// collide.
func TestDefaultTreeName(t *testing.T) {
	for test, want := range map[string]string{
		"TestX":              "TestX.golden.d",
		"TestX/sub":          "TestX/sub.golden.d",
		"TestX/a.golden.d":   "TestX/a%2Egolden.d.golden.d",
		"TestX/a.golden.d/b": "TestX/a%2Egolden.d/b.golden.d",
	} {
		if got := defaultTreeName(test); got != want {
			t.Errorf("defaultTreeName(%q) = %q, want %q", test, got, want)
		}
	}
}

// FuzzDefaultTreeNameApart checks that no default golden file path is a
// default golden tree path, lies inside one, or holds one, whatever the
// letter case, as on macOS and Windows.
func FuzzDefaultTreeNameApart(f *testing.F) {
	f.Add("TestX", "TestX")
	f.Add("TestX/a", "TestX/a.golden.d/b")
	f.Add("TestX/a", "TestX/a.GOLDEN.D/b")
	f.Add("TestX/a.golden", "TestX/a")
	f.Fuzz(func(t *testing.T, fileTest, treeTest string) {
		file, tree := strings.ToLower(defaultName(fileTest)), strings.ToLower(defaultTreeName(treeTest))
		if file == tree || strings.HasPrefix(file, tree+"/") || strings.HasPrefix(tree, file+"/") {
			t.Fatalf("the golden file of %q, %q, and the golden tree of %q, %q, collide", fileTest, defaultName(fileTest), treeTest, defaultTreeName(treeTest))
		}
	})
}

func FuzzDefaultNameInjective(f *testing.F) {
	f.Add("TestX/a", "TestX/A")
	f.Add("TestX/..", "TestX/%2E%2E")
	f.Add("TestX/", "TestX/%")
	f.Add("TestX/CON", "TestX/%43ON")
	f.Add("TestX/a.golden", "TestX/a%2Egolden")
	f.Fuzz(func(t *testing.T, a, b string) {
		if a != b && defaultName(a) == defaultName(b) {
			t.Fatalf("defaultName(%q) == defaultName(%q) == %q", a, b, defaultName(a))
		}
	})
}

func TestCheckName(t *testing.T) {
	for _, ok := range []string{"out.txt", "sub/dir/out.golden", "a..b", "日本.json"} {
		if err := checkName(ok); err != nil {
			t.Errorf("checkName(%q) = %v, want nil", ok, err)
		}
	}
	bad := map[string]string{
		"":          "empty name",
		".":         `"." is the golden directory itself`,
		"../x":      `not a relative slash-separated path inside the golden directory (no leading or trailing "/", no empty, "." or ".." element)`,
		"a/../../x": `not a relative slash-separated path inside the golden directory (no leading or trailing "/", no empty, "." or ".." element)`,
		"/abs":      `not a relative slash-separated path inside the golden directory (no leading or trailing "/", no empty, "." or ".." element)`,
		"a//b":      `not a relative slash-separated path inside the golden directory (no leading or trailing "/", no empty, "." or ".." element)`,
		"a/":        `not a relative slash-separated path inside the golden directory (no leading or trailing "/", no empty, "." or ".." element)`,
		`a\..\x`:    `contains a backslash, a separator on Windows; use "/"`,
		"C:x":       "contains a colon, a drive letter or stream name on Windows",
		"a\x00":     "contains a NUL byte",
		"\xff":      `not a relative slash-separated path inside the golden directory (no leading or trailing "/", no empty, "." or ".." element)`,
	}
	for name, want := range bad {
		err := checkName(name)
		if err == nil || err.Error() != want {
			t.Errorf("checkName(%q) = %v, want %q", name, err, want)
		}
	}
}

func FuzzCheckName(f *testing.F) {
	for _, s := range []string{"a", "a/b", "..", "a/../b", `a\b`, "/", "C:", "a/./b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		if checkName(name) != nil {
			return
		}
		dir := filepath.Join("base", "testdata")
		joined := filepath.Join(dir, filepath.FromSlash(name))
		rel, err := filepath.Rel(dir, joined)
		if err != nil || !filepath.IsLocal(rel) || rel == "." {
			t.Fatalf("checkName accepted %q, which leaves the golden directory: %q", name, joined)
		}
	})
}
