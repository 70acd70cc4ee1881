package tmptest

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/tmpkit/tmpkit/internal/faketb"
)

// fileLike is what SpooledFile shares with *os.File.
type fileLike interface {
	io.ReadWriteSeeker
	io.ReaderAt
	Truncate(size int64) error
}

var (
	_ fileLike = (*SpooledFile)(nil)
	_ fileLike = (*os.File)(nil)
)

// replay runs script on f, one operation per byte pair (op, arg), and
// returns a transcript of results, comparable between implementations.
func replay(f fileLike, script []byte) string {
	var out bytes.Buffer
	for i := 0; i+1 < len(script); i += 2 {
		arg := int64(script[i+1])
		var n int64
		var err error
		switch script[i] % 6 {
		case 0:
			var k int
			k, err = f.Write(bytes.Repeat([]byte{script[i+1]}, int(arg%7)))
			n = int64(k)
		case 1:
			buf := make([]byte, arg%9)
			var k int
			k, err = f.Read(buf)
			n = int64(k)
			fmt.Fprintf(&out, "%q ", buf[:k])
		case 2:
			buf := make([]byte, arg%5)
			var k int
			k, err = f.ReadAt(buf, arg%40-3)
			n = int64(k)
			fmt.Fprintf(&out, "%q ", buf[:k])
		case 3:
			n, err = f.Seek(arg%50-10, int(arg%3))
		case 4:
			err = f.Truncate(arg%30 - 2)
		case 5:
			whence := io.SeekCurrent
			if arg%5 == 0 {
				whence = 7 // invalid (3 and 4 are SEEK_DATA and SEEK_HOLE on Linux)
			}
			n, err = f.Seek(0, whence)
		}
		fmt.Fprintf(&out, "op%d(%d) = %d, %s\n", script[i]%6, arg, n, errKind(err))
	}
	f.Seek(0, io.SeekStart)
	all, err := io.ReadAll(f)
	fmt.Fprintf(&out, "content %q, %v\n", all, err)
	return out.String()
}

// errKind reduces an error to what both implementations must agree on.
func errKind(err error) string {
	switch {
	case err == nil:
		return "ok"
	case err == io.EOF:
		return "EOF"
	case errors.Is(err, syscall.EINVAL):
		return "EINVAL"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) && pe.Err.Error() == "negative offset" {
		return pe.Op + ": negative offset"
	}
	return "other: " + err.Error()
}

// checkSameAsFile replays script on an *os.File and on SpooledFiles that
// stay in memory, move to disk at once, and move part way.
func checkSameAsFile(t *testing.T, script []byte) {
	dir := t.TempDir()
	real, err := os.Create(filepath.Join(dir, "real"))
	if err != nil {
		t.Fatal(err)
	}
	defer real.Close()
	want := replay(real, script)
	for _, maxSize := range []int{0, 1, 10} {
		f := faketb.New("TestSpooled", nil)
		f.Run(func(tb testing.TB) {
			if got := replay(Spooled(tb, maxSize, In(dir)), script); got != want {
				t.Errorf("maxSize %d: script %q:\n got: %s\nwant: %s", maxSize, script, got, want)
			}
		})
		f.Finish()
	}
}

func TestSpooledBehavesLikeFile(t *testing.T) {
	scripts := []string{
		"\x00\x05\x00\x06\x05\x00\x03\x02\x01\x08\x05\x00",                 // write, write, seek, read
		"\x03\x30\x00\x04\x02\x0a\x01\x08\x04\x05\x05\x00\x02\x00\x01\x00", // seek past end, write, readat, truncate
		"\x05\x05\x03\x00\x03\x08\x04\x00\x02\x02",                         // invalid whence, negative seek, truncate -2, readat -1
		"\x03\x30\x00\x07", // seek past the end, write nothing (found by fuzzing)
	}
	for _, s := range scripts {
		checkSameAsFile(t, []byte(s))
	}
}

func FuzzSpooledBehavesLikeFile(f *testing.F) {
	f.Add([]byte("\x00\x05\x00\x06\x05\x00\x03\x02\x01\x08"))
	f.Fuzz(func(t *testing.T, script []byte) {
		if len(script) > 200 {
			return
		}
		checkSameAsFile(t, script)
	})
}

func TestSpooledMovesPastMaxSize(t *testing.T) {
	dir := cleanDir(t)
	f := faketb.New("TestSpool", nil)
	var name string
	f.Run(func(tb testing.TB) {
		s := Spooled(tb, 8, In(dir))
		s.Write([]byte("12345678"))
		s.Seek(2, io.SeekStart)
		if s.Name() != "" || len(list(t, dir)) != 0 {
			t.Errorf("at 8 bytes of 8: Name() = %q, dir lists %q; want all in memory", s.Name(), list(t, dir))
		}
		s.Write([]byte("abcdefg")) // ends at 9: moves
		name = s.Name()
		if filepath.Dir(name) != dir {
			t.Fatalf("past maxSize: Name() = %q; want a file in %q", name, dir)
		}
		checkMode(t, name, 0o600)
		if got, err := os.ReadFile(name); err != nil || string(got) != "12abcdefg" {
			t.Errorf("file holds %q, %v; want \"12abcdefg\"", got, err)
		}
		if off, _ := s.Seek(0, io.SeekCurrent); off != 9 {
			t.Errorf("offset after move = %d; want 9", off)
		}
		file, err := s.File()
		if err != nil || file.Name() != name {
			t.Errorf("File() = %v, %v; want the file it moved to", file, err)
		}
	})
	f.Finish()
	checkGone(t, name)
}

func TestSpooledFileForcesMove(t *testing.T) {
	dir := cleanDir(t)
	f := faketb.New("TestSpool", nil)
	f.Run(func(tb testing.TB) {
		s := Spooled(tb, 0, In(dir))
		s.Write([]byte("data"))
		s.Seek(1, io.SeekStart)
		file, err := s.File()
		if err != nil {
			t.Fatal(err)
		}
		if rest, err := io.ReadAll(file); err != nil || string(rest) != "ata" {
			t.Errorf("reading the file from the kept offset: %q, %v; want \"ata\"", rest, err)
		}
		if err := s.Rollover(); err != nil {
			t.Errorf("second Rollover: %v; want nil", err)
		}
		if err := s.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
		if _, err := file.Write(nil); !errors.Is(err, os.ErrClosed) {
			t.Errorf("the file after Close: %v; want it closed", err)
		}
	})
	f.Finish()
	if f.Failed() {
		t.Errorf("failed: %s %q", f.Fatals(), f.Errors())
	}
}

func TestSpooledClosed(t *testing.T) {
	f := faketb.New("TestSpool", nil)
	f.Run(func(tb testing.TB) {
		s := Spooled(tb, 0, In(t.TempDir()))
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
		_, readErr := s.Read(nil)
		_, readAtErr := s.ReadAt(nil, 0)
		_, writeErr := s.Write(nil)
		_, seekErr := s.Seek(0, 0)
		_, fileErr := s.File()
		got := fmt.Sprint(readErr, "; ", readAtErr, "; ", writeErr, "; ", seekErr, "; ",
			s.Truncate(0), "; ", s.Rollover(), "; ", fileErr, "; ", s.Close())
		want := "read spooled file (in memory): file already closed; read spooled file (in memory): file already closed; " +
			"write spooled file (in memory): file already closed; seek spooled file (in memory): file already closed; " +
			"truncate spooled file (in memory): file already closed; rollover spooled file (in memory): file already closed; " +
			"file spooled file (in memory): file already closed; close spooled file (in memory): file already closed"
		if got != want {
			t.Errorf("errors after Close:\n got: %s\nwant: %s", got, want)
		}

		moved := Spooled(tb, 0, In(t.TempDir()))
		file, err := moved.File()
		if err != nil {
			t.Fatal(err)
		}
		moved.Close()
		_, err = moved.Write([]byte("x"))
		if want := "write " + file.Name() + ": file already closed"; err == nil || err.Error() != want {
			t.Errorf("Write after Close of a moved file = %v; want %s", err, want)
		}
	})
	f.Finish()
}

func TestSpooledRolloverFailureKeepsData(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "gone")
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	f := faketb.New("TestSpool", nil)
	f.Run(func(tb testing.TB) {
		s := Spooled(tb, 4, In(dir))
		s.Write([]byte("abcd"))
		os.Remove(dir) // the directory goes before the data moves
		n, err := s.Write([]byte("e"))
		want := `tmptest: In("` + dir + `"): no such directory; create it first, or leave out In to use BaseDir()`
		if n != 0 || err == nil || err.Error() != want {
			t.Errorf("Write = %d, %v; want 0, %s", n, err, want)
		}
		if got, err := io.ReadAll(io.NewSectionReader(s, 0, 100)); string(got) != "abcd" || err != nil {
			t.Errorf("content after the failed move: %q, %v; want \"abcd\"", got, err)
		}
	})
	f.Finish()
	if f.Failed() {
		t.Errorf("failed: %s %q", f.Fatals(), f.Errors())
	}
}
