package fspath

import (
	"errors"
	"io/fs"
	"path"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func TestCheckValid(t *testing.T) {
	for _, name := range []string{
		"a", "a/b", "a/b/c.txt", ".hidden", "a/.b", "..a", "a..", "a/...",
		`d\d`, `a\b\c`, `a\.\b`, "a b", "ä/ö", "nul", "NUL.txt", "ab:c", "x.", "com1",
	} {
		if err := check(name, false); err != nil {
			t.Errorf("check(%q, unix) = %v, want nil", name, err)
		}
	}
	for _, name := range []string{"a", "a/b", `d\d`, "..a", "a/.b", "nul1", "comx", "com10"} {
		if err := check(name, true); err != nil {
			t.Errorf("check(%q, windows) = %v, want nil", name, err)
		}
	}
}

func TestCheckInvalid(t *testing.T) {
	tests := []struct {
		name    string
		windows bool // refused on Windows only
		msg     string
	}{
		{name: "", msg: `invalid name "": empty`},
		{name: ".", msg: `invalid name ".": "." is the root itself, not an entry below it`},
		{name: "a\x00b", msg: `invalid name "a\x00b": contains a NUL byte`},
		{name: "a\xff", msg: `invalid name "a\xff": is not valid UTF-8`},
		{name: "/abs", msg: `invalid name "/abs": absolute path; give a path relative to the root`},
		{name: "/", msg: `invalid name "/": absolute path; give a path relative to the root`},
		{name: "../x", msg: `invalid name "../x": has a ".." element, which steps out of a directory`},
		{name: "..", msg: `invalid name "..": has a ".." element, which steps out of a directory`},
		{name: "a/../../x", msg: `invalid name "a/../../x": has a ".." element, which steps out of a directory`},
		{name: "a/..", msg: `invalid name "a/..": has a ".." element, which steps out of a directory`},
		{name: "a/../b", msg: `invalid name "a/../b": has a ".." element, which steps out of a directory`},
		{name: "./a", msg: `invalid name "./a": has a "." element; write the path without it`},
		{name: "a/./b", msg: `invalid name "a/./b": has a "." element; write the path without it`},
		{name: "a//b", msg: `invalid name "a//b": has an empty element ("//")`},
		{name: "a/", msg: `invalid name "a/": ends in a slash`},
		{name: `C:\x`, msg: `invalid name "C:\\x": starts with "C:", a Windows drive letter`},
		{name: "c:x", msg: `invalid name "c:x": starts with "c:", a Windows drive letter`},
		{name: "Z:", msg: `invalid name "Z:": starts with "Z:", a Windows drive letter`},
		{name: `\\srv\x`, msg: `invalid name "\\\\srv\\x": starts with "\\", a Windows UNC or device path`},
		{name: `\\?\C:\x`, msg: `invalid name "\\\\?\\C:\\x": starts with "\\", a Windows UNC or device path`},
		{name: `\x`, msg: `invalid name "\\x": starts with "\", a rooted path on Windows`},
		{name: `a\..\..\x`, msg: `invalid name "a\\..\\..\\x": has a ".." element between backslashes, which are separators on Windows`},
		{name: `..\x`, msg: `invalid name "..\\x": has a ".." element between backslashes, which are separators on Windows`},
		{name: `a/b\..`, msg: `invalid name "a/b\\..": has a ".." element between backslashes, which are separators on Windows`},
		{name: "ab:c", windows: true, msg: `invalid name "ab:c": contains ":", which Windows reads as a drive or a stream name`},
		{name: "d/NUL", windows: true, msg: `invalid name "d/NUL": "NUL" is a reserved device name on Windows`},
		{name: "nul.txt", windows: true, msg: `invalid name "nul.txt": "nul.txt" is a reserved device name on Windows`},
		{name: `d\com1`, windows: true, msg: `invalid name "d\\com1": "com1" is a reserved device name on Windows`},
		{name: "LPT\u00b9", windows: true, msg: `invalid name "LPT¹": "LPT¹" is a reserved device name on Windows`},
		{name: "CONOUT$", windows: true, msg: `invalid name "CONOUT$": "CONOUT$" is a reserved device name on Windows`},
		{name: "a./b", windows: true, msg: `invalid name "a./b": element "a." ends in a dot or a space, which Windows strips`},
		{name: "a/b ", windows: true, msg: `invalid name "a/b ": element "b " ends in a dot or a space, which Windows strips`},
		{name: "a/...", windows: true, msg: `invalid name "a/...": element "..." ends in a dot or a space, which Windows strips`},
	}
	for _, tt := range tests {
		err := check(tt.name, true)
		if err == nil || err.Error() != tt.msg {
			t.Errorf("check(%q, windows):\n got: %v\nwant: %s", tt.name, err, tt.msg)
			continue
		}
		if !errors.Is(err, fs.ErrInvalid) {
			t.Errorf("check(%q): errors.Is(err, fs.ErrInvalid) = false", tt.name)
		}
		var e *Error
		if !errors.As(err, &e) || e.Name != tt.name {
			t.Errorf("check(%q): error does not name the entry: %#v", tt.name, err)
		}
		unixErr := check(tt.name, false)
		switch {
		case tt.windows && unixErr != nil:
			t.Errorf("check(%q, unix) = %v, want nil: only Windows treats it specially", tt.name, unixErr)
		case !tt.windows && (unixErr == nil || unixErr.Error() != tt.msg):
			t.Errorf("check(%q, unix) = %v, want %s", tt.name, unixErr, tt.msg)
		}
	}
}

func TestCheckUsesHostRules(t *testing.T) {
	err := Check("ab:c")
	if got, want := err != nil, runtime.GOOS == "windows"; got != want {
		t.Errorf("Check(%q) = %v on %s", "ab:c", err, runtime.GOOS)
	}
}

// FuzzCheck proves that every accepted name stays inside the root however
// it is read: as an fs.FS name, as a local path on this OS, and with
// backslashes taken as separators the way Windows takes them.
func FuzzCheck(f *testing.F) {
	for _, s := range []string{"a", "a/b", "../x", "a/../../x", `C:\x`, `\\srv\x`, `a\..\..\x`, `d\d`, "a//b", "a/", "", ".", "nul", "ab:c"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		// The one-pass fast path never accepts what the full checks refuse.
		if plain(name) && reason(name, false) != "" {
			t.Fatalf("plain(%q) but the full checks say %s", name, reason(name, false))
		}
		for _, windows := range []bool{false, true} {
			err := check(name, windows)
			if err != nil {
				if !strings.Contains(err.Error(), "invalid name ") {
					t.Fatalf("error does not say what is wrong: %v", err)
				}
				continue
			}
			if !fs.ValidPath(name) || name == "." {
				t.Fatalf("accepted %q, which fs.ValidPath refuses", name)
			}
			if path.Clean(name) != name {
				t.Fatalf("accepted unclean name %q", name)
			}
			if !filepath.IsLocal(name) && !windows && runtime.GOOS != "windows" {
				t.Fatalf("accepted %q, which filepath.IsLocal refuses", name)
			}
			asWindows := strings.ReplaceAll(name, `\`, "/")
			if hasDriveLetter(name) || strings.HasPrefix(asWindows, "/") {
				t.Fatalf("accepted %q, rooted on Windows", name)
			}
			if path.Clean(asWindows) == ".." || strings.HasPrefix(path.Clean(asWindows), "../") {
				t.Fatalf("accepted %q, which escapes on Windows", name)
			}
			for elem := range strings.SplitSeq(asWindows, "/") {
				if elem == ".." {
					t.Fatalf("accepted %q, which has a .. element on Windows", name)
				}
				if windows && (isReserved(elem) || strings.HasSuffix(elem, ".") && elem != ".") {
					t.Fatalf("accepted %q, special on Windows", name)
				}
			}
		}
	})
}

// The fast path against the full checks, on names as fixtures have them.
func BenchmarkCheck(b *testing.B) {
	const name = "src/internal/config/app_settings.yaml"
	b.Run("Check", func(b *testing.B) {
		for b.Loop() {
			_ = check(name, false)
		}
	})
	b.Run("full-checks", func(b *testing.B) {
		for b.Loop() {
			_ = reason(name, false)
		}
	})
}
