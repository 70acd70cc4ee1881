package pending

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io/fs"
	"runtime"
	"slices"
	"strings"
	"unicode/utf8"
)

// HashFile returns the hash of a golden file's content as golden compares
// it: text (no NUL byte, valid UTF-8) with each "\r\n" turned into "\n"
// unless exact, so a golden checked out with CRLF on Windows has the hash
// of its LF checkout on Linux, and binary content as it is.
func HashFile(golden []byte, exact bool) string {
	h := sha256.New()
	h.Write(Comparable(golden, exact))
	return "sha256:" + hex.EncodeToString(h.Sum(nil))
}

// HashTree returns the hash of a golden tree's entries as golden compares
// them: each entry's name, type (file or symlink), executable bit, content
// (as [HashFile] reads it) and symlink target; the order of entries does
// not matter, directories play no part (git keeps none) and removed
// entries are skipped.
func HashTree(entries []Entry, exact bool) string {
	sorted := slices.Clone(entries)
	sortEntries(sorted)
	h := sha256.New()
	for _, e := range sorted {
		if e.Removed {
			continue
		}
		field(h, []byte(e.Name))
		switch {
		case e.Symlink:
			h.Write([]byte{'l'})
			field(h, []byte(e.Target))
		case e.Exec:
			h.Write([]byte{'x'})
			field(h, Comparable(e.Content, exact))
		default:
			h.Write([]byte{'f'})
			field(h, Comparable(e.Content, exact))
		}
	}
	return "sha256:" + hex.EncodeToString(h.Sum(nil))
}

// field writes b with its length first, so that no two entry lists hash
// the same input.
func field(h hash.Hash, b []byte) {
	h.Write(binary.BigEndian.AppendUint64(nil, uint64(len(b))))
	h.Write(b)
}

// Comparable returns b as golden compares a golden's content: with each
// "\r\n" turned into "\n" when it is text and exact is false, else as it is.
func Comparable(b []byte, exact bool) []byte {
	if exact || !bytes.Contains(b, []byte("\r\n")) || IsBinary(b) {
		return b
	}
	return bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n"))
}

// IsBinary reports whether golden compares b byte for byte as binary data:
// it holds a NUL byte or is not valid UTF-8.
func IsBinary(b []byte) bool {
	return bytes.IndexByte(b, 0) >= 0 || !utf8.Valid(b)
}

// ReadTree reads the golden tree at the root of fsys as golden compares
// it: regular files (content and the owner's executable bit, which Windows
// does not have) and symlinks (their targets), sorted by name; directories
// are implied. fsys must implement [fs.ReadLinkFS] when the tree holds
// symlinks, as the FS of an [os.Root] and [os.DirFS] do. Anything else in
// the tree (a FIFO, a device, a socket) is an error naming it.
func ReadTree(fsys fs.FS) ([]Entry, error) {
	var entries []Entry
	err := fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		switch t := d.Type(); {
		case t.IsDir():
			return nil
		case t&fs.ModeSymlink != 0:
			target, err := fs.ReadLink(fsys, name)
			if err != nil {
				return err
			}
			entries = append(entries, Entry{Name: name, Symlink: true, Target: target})
		case t.IsRegular():
			info, err := d.Info()
			if err != nil {
				return err
			}
			content, err := fs.ReadFile(fsys, name)
			if err != nil {
				return err
			}
			exec := info.Mode().Perm()&0o100 != 0 && runtime.GOOS != "windows"
			entries = append(entries, Entry{Name: name, Content: content, Exec: exec})
		default:
			return fmt.Errorf("%s: %w: %v, not a file, directory or symlink", name, errNotGolden, t)
		}
		return nil
	})
	sortEntries(entries)
	return entries, err
}

// sortEntries sorts entries by name, the order of [Record].Files.
func sortEntries(entries []Entry) {
	slices.SortFunc(entries, func(a, b Entry) int { return strings.Compare(a.Name, b.Name) })
}

var errNotGolden = errors.New("cannot be in a golden tree")
