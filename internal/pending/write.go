package pending

import (
	"crypto/rand"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// tmpPrefix starts the name of a record being written; [Find] skips such
// files, left behind only by a writer that died mid-write.
const tmpPrefix = ".pending-"

// Write writes r as a new record file in the directory dir, which must
// exist. The file appears whole or not at all (a temporary file renamed
// into place) under a name of its own: the golden's base name and 26
// random characters, so that parallel tests, and several test binaries
// sharing dir, never replace one another's records.
func Write(dir string, r Record) error {
	data, err := Encode(r)
	if err != nil {
		return fmt.Errorf("pending: record for %q: %w", r.Path, err)
	}
	fi, err := os.Stat(dir)
	if err == nil && !fi.IsDir() {
		err = errors.New("not a directory")
	}
	if err != nil {
		return fmt.Errorf("pending: record directory %q: %w", dir, bare(err))
	}
	f, err := os.CreateTemp(dir, tmpPrefix+"*.tmp")
	if err != nil {
		return fmt.Errorf("pending: record for %q: %w", r.Path, err)
	}
	_, err = f.Write(data)
	if err1 := f.Close(); err == nil {
		err = err1
	}
	if err == nil {
		name := filepath.Join(dir, slug(path.Base(r.Path))+"."+rand.Text()+Ext)
		err = os.Rename(f.Name(), name)
	}
	if err != nil {
		os.Remove(f.Name())
		return fmt.Errorf("pending: record for %q: %w", r.Path, err)
	}
	return nil
}

// slug keeps the characters of name that are safe in a file name on every
// system, at most 64 of them, so that a record's name says which golden it
// is about.
func slug(name string) string {
	var b strings.Builder
	for _, c := range []byte(name) {
		if b.Len() == 64 {
			break
		}
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', c == '-', c == '_':
			b.WriteByte(c)
		case b.Len() > 0:
			b.WriteByte('_')
		}
	}
	if b.Len() == 0 {
		return "golden"
	}
	return b.String()
}

// bare drops the path a [fs.PathError] repeats, for messages that name it.
func bare(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
