package aferoadapter

import (
	"fmt"
	"path"
	"strings"
)

// pattern is a compiled fault pattern: its cleaned segments. No segment
// at all ("", "/", ".") covers every name, as "**" does.
type pattern struct{ segs []string }

// mustPattern compiles text, panicking with desc on a malformed one.
func mustPattern(desc, text string) pattern {
	clean := faultName(text)
	if clean == "" {
		return pattern{}
	}
	segs := strings.Split(clean, "/")
	for _, s := range segs {
		if _, err := path.Match(s, "x"); err != nil {
			panic(fmt.Sprintf("aferoadapter: %s: %v", desc, err))
		}
	}
	return pattern{segs: segs}
}

// faultName is name as patterns see it: slash-separated, cleaned, relative
// to the root, "" for the root itself. "/d/f", "./d/f" and "d/f" are all
// "d/f". A name that is already clean costs no allocation.
func faultName(name string) string {
	name = toSlash(name)
	if rel, ok := cleanRel(name); ok {
		return rel
	}
	return path.Clean("/" + name)[1:]
}

// cleanRel returns name without its leading slashes when the rest is
// already clean: no empty, "." or ".." segment and no trailing slash.
func cleanRel(name string) (string, bool) {
	for name != "" && name[0] == '/' {
		name = name[1:]
	}
	if name == "" {
		return "", true
	}
	for rest := name; ; {
		seg, after, more := strings.Cut(rest, "/")
		if seg == "" || seg == "." || seg == ".." {
			return "", false
		}
		if !more {
			return name, true
		}
		rest = after
	}
}

// covers reports whether p matches name or one of its parents: a pattern
// covers everything below what it names.
func (p pattern) covers(name string) bool {
	_, ok := matchPrefix(p.segs, name, 0, 0)
	return ok
}

// mount returns the prefix of name that p matched, the shortest one, and
// whether p covers name: the "device" name lies on for [CrossDevice].
func (p pattern) mount(name string) (string, bool) {
	end, ok := matchPrefix(p.segs, name, 0, 0)
	if !ok {
		return "", false
	}
	return name[:end], true
}

// matchPrefix matches segs against the segments of the cleaned name from
// at on, end being where the part already matched ends, and returns where
// the shortest matched prefix ends. "**" matches any number of segments,
// none included.
func matchPrefix(segs []string, name string, at, end int) (int, bool) {
	if len(segs) == 0 {
		return end, true
	}
	if segs[0] == "**" {
		for {
			if e, ok := matchPrefix(segs[1:], name, at, end); ok {
				return e, true
			}
			seg, next, ok := segment(name, at)
			if !ok {
				return 0, false
			}
			at, end = next, at+len(seg)
		}
	}
	seg, next, ok := segment(name, at)
	if !ok {
		return 0, false
	}
	if m, _ := path.Match(segs[0], seg); !m {
		return 0, false
	}
	return matchPrefix(segs[1:], name, next, at+len(seg))
}

// segment returns the segment of the cleaned name that starts at at and
// where the next one starts; ok is false when none is left.
func segment(name string, at int) (seg string, next int, ok bool) {
	if at >= len(name) {
		return "", 0, false
	}
	if i := strings.IndexByte(name[at:], '/'); i >= 0 {
		return name[at : at+i], at + i + 1, true
	}
	return name[at:], len(name), true
}

// reaches reports whether p may cover name or something below it, so
// that a call on the whole tree below name (RemoveAll, MkdirAll) must be
// taken apart into calls on each entry.
func (p pattern) reaches(name string) bool {
	segs, at := p.segs, 0
	for {
		if len(segs) == 0 || segs[0] == "**" {
			return true
		}
		seg, next, ok := segment(name, at)
		if !ok {
			return true // below name, the rest of p may match
		}
		if m, _ := path.Match(segs[0], seg); !m {
			return false
		}
		segs, at = segs[1:], next
	}
}
