package aferotest

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"syscall"

	"github.com/spf13/afero"
)

// openWith writes content to name and opens it with flag.
func openWith(e *env, name, content string, flag int) (afero.File, error) {
	if err := e.writeFile(name, content); err != nil {
		return nil, err
	}
	f, err := e.fsys.OpenFile(e.p(name), flag, 0)
	if err != nil {
		return nil, wantOK(fmt.Sprintf("OpenFile(%q)", name), err)
	}
	return f, nil
}

var ioChecks = []Check{
	{Name: "truncate/sizes", Want: "Truncate shrinks a file, and grows it with zero bytes", run: func(e *env) error {
		f, err := openWith(e, "f", "data", os.O_RDWR)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := first(wantOK("Truncate(2)", f.Truncate(2)), wantOK("Truncate(6)", f.Truncate(6))); err != nil {
			return err
		}
		return e.wantContent("f", "da\x00\x00\x00\x00")
	}},
	{Name: "truncate/invalid", Want: "Truncate to a negative size, or on a read-only handle, fails with EINVAL and changes nothing", run: func(e *env) error {
		f, err := openWith(e, "f", "data", os.O_RDWR)
		if err != nil {
			return err
		}
		err = f.Truncate(-1)
		f.Close()
		if err := wantPathErr("Truncate(-1)", err, syscall.EINVAL); err != nil {
			return err
		}
		r, err := e.fsys.Open(e.p("f"))
		if err != nil {
			return wantOK(`Open("f")`, err)
		}
		defer r.Close()
		return first(wantPathErr("Truncate(0) on a read-only handle", r.Truncate(0), syscall.EINVAL), e.wantContent("f", "data"))
	}},
	{Name: "seek/whence", Want: "Seek from the start, the current offset and the end", run: func(e *env) error {
		f, err := openWith(e, "f", "0123456789", os.O_RDONLY)
		if err != nil {
			return err
		}
		defer f.Close()
		for _, s := range []struct {
			off    int64
			whence int
			want   int64
		}{{2, io.SeekStart, 2}, {3, io.SeekCurrent, 5}, {-1, io.SeekEnd, 9}} {
			got, err := f.Seek(s.off, s.whence)
			if err != nil || got != s.want {
				return fmt.Errorf("Seek(%d, %d) = %d, %s; want %d", s.off, s.whence, got, describe(err), s.want)
			}
		}
		return readsNext(f, "9")
	}},
	{Name: "seek/negative", Want: "Seek to a negative offset fails with EINVAL, keeps the offset, never panics", run: func(e *env) error {
		f, err := openWith(e, "f", "0123456789", os.O_RDONLY)
		if err != nil {
			return err
		}
		defer f.Close()
		if _, err := f.Seek(4, io.SeekStart); err != nil {
			return wantOK("Seek(4, io.SeekStart)", err)
		}
		_, err = f.Seek(-1, io.SeekStart)
		if err := wantPathErr("Seek(-1, io.SeekStart)", err, syscall.EINVAL); err != nil {
			return err
		}
		return readsNext(f, "4")
	}},
	{Name: "seek/past-end", Want: "writing after seeking past the end fills the gap with zero bytes", run: func(e *env) error {
		f, err := openWith(e, "f", "abc", os.O_RDWR)
		if err != nil {
			return err
		}
		defer f.Close()
		if _, err := f.Seek(2, io.SeekEnd); err != nil {
			return wantOK("Seek(2, io.SeekEnd)", err)
		}
		if _, err := f.WriteString("z"); err != nil {
			return wantOK("WriteString", err)
		}
		return e.wantContent("f", "abc\x00\x00z")
	}},
	{Name: "read/eof", Want: "Read at the end of a file returns 0 and io.EOF", run: func(e *env) error {
		f, err := openWith(e, "f", "ab", os.O_RDONLY)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := readsNext(f, "ab"); err != nil {
			return err
		}
		n, err := f.Read(make([]byte, 4))
		if n != 0 || err != io.EOF {
			return fmt.Errorf("at the end, Read returned %d, %s; want 0, io.EOF", n, describe(err))
		}
		return nil
	}},
	{Name: "readat/short", Want: "ReadAt that reads fewer bytes than asked returns io.EOF (io.ReaderAt's contract)", run: func(e *env) error {
		f, err := openWith(e, "f", "hello", os.O_RDONLY)
		if err != nil {
			return err
		}
		defer f.Close()
		buf := make([]byte, 10)
		n, err := f.ReadAt(buf, 2)
		if n != 3 || string(buf[:n]) != "llo" || err != io.EOF {
			return fmt.Errorf("ReadAt(10 bytes, 2) = %d %q, %s; want 3 \"llo\", io.EOF", n, buf[:n], describe(err))
		}
		return nil
	}},
	{Name: "readat/keeps-offset", Want: "ReadAt neither uses nor moves the offset", run: func(e *env) error {
		f, err := openWith(e, "f", "0123456789", os.O_RDONLY)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := readsNext(f, "01"); err != nil {
			return err
		}
		buf := make([]byte, 3)
		if n, err := f.ReadAt(buf, 6); n != 3 || string(buf) != "678" || err != nil {
			return fmt.Errorf("ReadAt(3 bytes, 6) = %d %q, %s; want 3 \"678\", nil", n, buf[:n], describe(err))
		}
		return readsNext(f, "23")
	}},
	{Name: "readat/negative", Want: "ReadAt at a negative offset fails with an *fs.PathError and never panics", run: func(e *env) error {
		f, err := openWith(e, "f", "data", os.O_RDONLY)
		if err != nil {
			return err
		}
		defer f.Close()
		_, err = f.ReadAt(make([]byte, 2), -1)
		return wantPathError("ReadAt at -1", err)
	}},
	{Name: "writeat/negative", Want: "WriteAt at a negative offset fails with an *fs.PathError, never panics, writes nothing", run: func(e *env) error {
		f, err := openWith(e, "f", "data", os.O_RDWR)
		if err != nil {
			return err
		}
		_, err = f.WriteAt([]byte("x"), -1)
		f.Close()
		return first(wantPathError("WriteAt at -1", err), e.wantContent("f", "data"))
	}},
	{Name: "writeat/keeps-offset", Want: "WriteAt writes at its offset, filling a gap with zeros, and leaves the handle's offset alone", run: func(e *env) error {
		f, err := openWith(e, "f", "abc", os.O_RDWR)
		if err != nil {
			return err
		}
		if _, err := f.WriteAt([]byte("z"), 5); err != nil {
			f.Close()
			return wantOK("WriteAt(z, 5)", err)
		}
		_, err = f.WriteString("X")
		f.Close()
		return first(wantOK("WriteString", err), e.wantContent("f", "Xbc\x00\x00z"))
	}},
	{Name: "writeat/append-mode", Want: "WriteAt on a handle opened with O_APPEND fails", run: func(e *env) error {
		f, err := openWith(e, "f", "data", os.O_WRONLY|os.O_APPEND)
		if err != nil {
			return err
		}
		_, err = f.WriteAt([]byte("x"), 0)
		f.Close()
		return first(wantFailure("WriteAt on an O_APPEND handle", err), e.wantContent("f", "data"))
	}},
	{Name: "append/every-write", Want: "with O_APPEND every Write goes to the current end, also across handles", run: func(e *env) error {
		a, err := openWith(e, "f", "0", os.O_WRONLY|os.O_APPEND)
		if err != nil {
			return err
		}
		defer a.Close()
		b, err := e.fsys.OpenFile(e.p("f"), os.O_WRONLY|os.O_APPEND, 0)
		if err != nil {
			return wantOK(`second OpenFile("f", O_APPEND)`, err)
		}
		defer b.Close()
		for _, w := range []struct {
			f afero.File
			s string
		}{{a, "a"}, {b, "b"}, {a, "c"}} {
			if _, err := w.f.WriteString(w.s); err != nil {
				return wantOK("WriteString", err)
			}
		}
		return e.wantContent("f", "0abc")
	}},
	{Name: "append/after-seek", Want: "with O_APPEND a Write after Seek(0) still appends", run: func(e *env) error {
		f, err := openWith(e, "f", "data", os.O_RDWR|os.O_APPEND)
		if err != nil {
			return err
		}
		defer f.Close()
		if _, err := f.Seek(0, io.SeekStart); err != nil {
			return wantOK("Seek(0, io.SeekStart)", err)
		}
		if _, err := f.WriteString("+"); err != nil {
			return wantOK("WriteString", err)
		}
		return e.wantContent("f", "data+")
	}},
	{Name: "close/twice", Want: "a second Close fails with an error wrapping fs.ErrClosed", run: func(e *env) error {
		f, err := openWith(e, "f", "data", os.O_RDONLY)
		if err != nil {
			return err
		}
		if err := f.Close(); err != nil {
			return wantOK("first Close", err)
		}
		return wantIs("second Close", f.Close(), fs.ErrClosed)
	}},
	{Name: "close/use-after", Want: "Read, Write, Seek and Stat after Close fail with errors wrapping fs.ErrClosed", run: func(e *env) error {
		f, err := openWith(e, "f", "data", os.O_RDWR)
		if err != nil {
			return err
		}
		f.Close()
		_, rerr := f.Read(make([]byte, 2))
		_, werr := f.Write([]byte("x"))
		_, serr := f.Seek(0, io.SeekStart)
		_, sterr := f.Stat()
		return first(wantIs("Read after Close", rerr, fs.ErrClosed), wantIs("Write after Close", werr, fs.ErrClosed),
			wantIs("Seek after Close", serr, fs.ErrClosed), wantIs("Stat after Close", sterr, fs.ErrClosed), e.wantContent("f", "data"))
	}},
}

// readsNext checks that the next Read returns want.
func readsNext(f afero.File, want string) error {
	buf := make([]byte, len(want))
	n, err := io.ReadFull(f, buf)
	if err != nil || string(buf[:n]) != want {
		return fmt.Errorf("next Read gave %q, %s; want %q", buf[:n], describe(err), want)
	}
	return nil
}

// wantPathError checks that err is an *fs.PathError, whatever it wraps.
func wantPathError(what string, err error) error {
	var pe *fs.PathError
	if !errors.As(err, &pe) {
		return fmt.Errorf("%s: got %s, want an *fs.PathError", what, describe(err))
	}
	return nil
}
