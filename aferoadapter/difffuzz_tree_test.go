//go:build linux

package aferoadapter_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/afero"
)

// errText describes an error by its type, op and cause, leaving out the
// path, which differs between the two sides.
func errText(err error) string {
	var pe *fs.PathError
	var le *os.LinkError
	switch {
	case err == nil:
		return "ok"
	case errors.As(err, &pe) && pe == err:
		return fmt.Sprintf("PathError(%s: %s)", pe.Op, causeText(pe.Err))
	case errors.As(err, &le) && le == err:
		return fmt.Sprintf("LinkError(%s: %s)", le.Op, causeText(le.Err))
	}
	return causeText(err)
}

func causeText(err error) string {
	if err.Error() == "use of closed file" {
		// Readdir after Close: os passes internal/poll's error through
		// unwrapped, NewMemFs says fs.ErrClosed, as for every other use
		// after Close (docs/conformance.md: "Where NewMemFs and a disk still differ").
		err = fs.ErrClosed
	}
	return fmt.Sprintf("%T %q", err, err.Error())
}

func typeLetter(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "d"
	case m&fs.ModeSymlink != 0:
		return "l"
	case m.IsRegular():
		return "-"
	}
	return m.Type().String()
}

// infoText describes a FileInfo: type, size (not a directory's, which
// depends on the file system) and, when they compare, permission bits.
func infoText(info fs.FileInfo, err error, perm bool) string {
	if err != nil {
		return errText(err)
	}
	s := typeLetter(info.Mode())
	if !info.IsDir() {
		s += " size " + strconv.FormatInt(info.Size(), 10)
	}
	if perm {
		s += fmt.Sprintf(" %#o", info.Mode()&(fs.ModePerm|fs.ModeSetuid|fs.ModeSetgid|fs.ModeSticky))
	}
	return s
}

// snapshot describes the whole tree of side, one entry a line, sorted:
// type, mode, and content or link target. It makes each directory
// searchable and each file readable first, as permissions may have been
// taken away.
func snapshot(side *diffSide, perm bool) (string, error) {
	var b strings.Builder
	err := snapshotEntry(side, ".", perm, &b)
	return b.String(), err
}

func snapshotEntry(side *diffSide, name string, perm bool, b *strings.Builder) error {
	path := side.path(name)
	if name == "." {
		path = side.root // reached without searching the root itself
	}
	info, _, err := side.fsys.(afero.Lstater).LstatIfPossible(path)
	if err != nil {
		return err
	}
	fmt.Fprintf(b, "%s %s", name, infoText(info, nil, perm))
	switch {
	case info.Mode()&fs.ModeSymlink != 0:
		target, err := side.links.ReadlinkIfPossible(path)
		if err != nil {
			return err
		}
		fmt.Fprintf(b, " -> %q\n", target)
		return nil
	case info.Mode().IsRegular():
		if err := side.fsys.Chmod(path, info.Mode().Perm()|0o600); err != nil {
			return err
		}
		content, err := afero.ReadFile(side.fsys, path)
		if err != nil {
			return err
		}
		fmt.Fprintf(b, " %q\n", abbreviate(content))
		return nil
	}
	b.WriteString("\n")
	if err := side.fsys.Chmod(path, info.Mode().Perm()|0o700); err != nil {
		return err
	}
	d, err := side.fsys.Open(path)
	if err != nil {
		return err
	}
	names, err := d.Readdirnames(-1)
	d.Close()
	if err != nil && err != io.EOF {
		return err
	}
	slices.Sort(names)
	for _, child := range names {
		if err := snapshotEntry(side, strings.TrimPrefix(name+"/"+child, "./"), perm, b); err != nil {
			return err
		}
	}
	return nil
}

// abbreviate keeps the start of long content and says how long it was.
func abbreviate(content []byte) string {
	if len(content) <= 64 {
		return string(content)
	}
	zeros := bytes.Count(content, []byte{0})
	return fmt.Sprintf("%s... (%d bytes, %d zero)", content[:64], len(content), zeros)
}

// unlockTree gives every directory below dir its owner's rwx bits, so
// that it can be removed whatever the steps left.
func unlockTree(dir string) {
	info, err := os.Lstat(dir)
	if err != nil || !info.IsDir() {
		return
	}
	os.Chmod(dir, 0o700)
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		unlockTree(dir + "/" + e.Name())
	}
}

// processUmask reads the umask from /proc, without setting it as
// syscall.Umask would, for the whole process.
func processUmask() fs.FileMode {
	status, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(status), "\n") {
		if v, ok := strings.CutPrefix(line, "Umask:"); ok {
			m, err := strconv.ParseUint(strings.TrimSpace(v), 8, 32)
			if err == nil {
				return fs.FileMode(m)
			}
		}
	}
	return 0
}
