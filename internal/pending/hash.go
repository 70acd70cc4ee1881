package pending

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"hash"
	"slices"
	"strings"

	"github.com/tmpkit/tmpkit/internal/goldenwrite"
)

// HashFile returns the hash of a golden file's content as golden compares
// it: text (no NUL byte, valid UTF-8) with each "\r\n" read as "\n"
// unless exact ([goldenwrite.Fold]), so a golden checked out with CRLF on
// Windows has the hash of its LF checkout on Linux; binary content as it
// is.
func HashFile(golden []byte, exact bool) string {
	h := sha256.New()
	h.Write(comparable(golden, exact))
	return "sha256:" + hex.EncodeToString(h.Sum(nil))
}

// HashTree returns the hash of a golden tree's entries as golden compares
// them: each entry's name, type (file or symlink), executable bit, content
// (as [HashFile] reads it) and symlink target, as [goldenwrite.ReadTree]
// reads them from disk; the order of entries does
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
			field(h, comparable(e.Content, exact))
		default:
			h.Write([]byte{'f'})
			field(h, comparable(e.Content, exact))
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

// comparable returns a golden's content as a comparison reads it.
func comparable(b []byte, exact bool) []byte {
	if exact {
		return b
	}
	return goldenwrite.Fold(b)
}

// sortEntries sorts entries by name, the order of [Record].Files.
func sortEntries(entries []Entry) {
	slices.SortFunc(entries, func(a, b Entry) int { return strings.Compare(a.Name, b.Name) })
}
