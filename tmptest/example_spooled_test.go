package tmptest_test

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/tmpkit/tmpkit/tmptest"
)

// contentOf returns all of s, read without moving its offset.
func contentOf(s *tmptest.SpooledFile) string {
	data, _ := io.ReadAll(io.NewSectionReader(s, 0, 1<<20))
	return string(data)
}

func ExampleSpooled() {
	test("TestSpool", func(t testing.TB) {
		s := tmptest.Spooled(t, 10)
		io.WriteString(s, "0123456789")
		fmt.Printf("10 bytes: on disk %v\n", s.Name() != "")
		io.WriteString(s, "!")
		fmt.Printf("11 bytes: on disk %v, as %s\n", s.Name() != "", shape(s.Name()))
		s.Seek(-3, io.SeekEnd)
		rest, _ := io.ReadAll(s)
		fmt.Printf("%q\n", rest)
	})
	// Output:
	// 10 bytes: on disk false
	// 11 bytes: on disk true, as TestSpool-<random>
	// "89!"
}

func ExampleSpooledFile_File() {
	test("TestNeedsFile", func(t testing.TB) {
		s := tmptest.Spooled(t, 0) // never moves by itself
		io.WriteString(s, "small")
		f, err := s.File() // code under test wants an *os.File: move now
		if err != nil {
			t.Fatalf("%v", err)
		}
		data, _ := os.ReadFile(f.Name())
		fmt.Printf("%q\n", data)
	})
	// Output:
	// "small"
}

func ExampleSpooledFile_Rollover() {
	test("TestRollover", func(t testing.TB) {
		s := tmptest.Spooled(t, 1<<20)
		io.WriteString(s, "header\nbody\n")
		s.Seek(7, io.SeekStart)
		if err := s.Rollover(); err != nil { // move now, content and offset kept
			t.Fatalf("%v", err)
		}
		rest, _ := io.ReadAll(s)
		fmt.Printf("%s %q\n", shape(s.Name()), rest)
	})
	// Output:
	// TestRollover-<random> "body\n"
}

func ExampleSpooledFile_Read() {
	test("TestRead", func(t testing.TB) {
		s := tmptest.Spooled(t, 0)
		io.WriteString(s, "abc")
		s.Seek(0, io.SeekStart)
		buf := make([]byte, 2)
		for {
			n, err := s.Read(buf)
			fmt.Printf("%d %q %v\n", n, buf[:n], err)
			if err != nil {
				break
			}
		}
	})
	// Output:
	// 2 "ab" <nil>
	// 1 "c" <nil>
	// 0 "" EOF
}

func ExampleSpooledFile_Write() {
	test("TestWrite", func(t testing.TB) {
		s := tmptest.Spooled(t, 8)
		n, err := s.Write([]byte("1234"))
		fmt.Println(n, err)
		s.Seek(6, io.SeekStart)
		s.Write([]byte("78")) // past the end: the gap reads as zeros
		fmt.Printf("%q, on disk %v\n", contentOf(s), s.Name() != "")
		s.Write([]byte("9")) // 9 bytes is more than 8: moves to a file first
		fmt.Printf("%q, on disk %v\n", contentOf(s), s.Name() != "")
	})
	// Output:
	// 4 <nil>
	// "1234\x00\x0078", on disk false
	// "1234\x00\x00789", on disk true
}

func ExampleSpooledFile_Seek() {
	test("TestSeek", func(t testing.TB) {
		s := tmptest.Spooled(t, 0)
		io.WriteString(s, "0123456789")
		end, _ := s.Seek(-4, io.SeekEnd)
		pos, _ := s.Seek(2, io.SeekCurrent)
		rest, _ := io.ReadAll(s)
		_, err := s.Seek(-1, io.SeekStart)
		fmt.Println(end, pos, string(rest), err != nil)
	})
	// Output:
	// 6 8 89 true
}

func ExampleSpooledFile_ReadAt() {
	test("TestReadAt", func(t testing.TB) {
		s := tmptest.Spooled(t, 0)
		io.WriteString(s, "header:body")
		buf := make([]byte, 4)
		n, err := s.ReadAt(buf, 7)
		fmt.Printf("%d %q %v\n", n, buf[:n], err)
		n, err = s.ReadAt(buf, 9) // fewer bytes than asked: io.EOF
		fmt.Printf("%d %q %v\n", n, buf[:n], err)
		pos, _ := s.Seek(0, io.SeekCurrent) // the offset did not move
		fmt.Println(pos)
	})
	// Output:
	// 4 "body" <nil>
	// 2 "dy" EOF
	// 11
}

func ExampleSpooledFile_Truncate() {
	test("TestTruncate", func(t testing.TB) {
		s := tmptest.Spooled(t, 8)
		io.WriteString(s, "012345")
		s.Truncate(3)
		fmt.Printf("%q\n", contentOf(s))
		s.Truncate(5) // grows with zeros
		fmt.Printf("%q\n", contentOf(s))
		s.Truncate(9) // more than 8: moves to a file
		fmt.Println(len(contentOf(s)), s.Name() != "")
	})
	// Output:
	// "012"
	// "012\x00\x00"
	// 9 true
}

func ExampleSpooledFile_Close() {
	test("TestClose", func(t testing.TB) {
		s := tmptest.Spooled(t, 0)
		io.WriteString(s, "data")
		fmt.Println(s.Close())
		err := s.Close() // like os.File: a second Close fails
		fmt.Println(errors.Is(err, os.ErrClosed))
	})
	// Output:
	// <nil>
	// true
}

func ExampleSpooledFile_Name() {
	test("TestName", func(t testing.TB) {
		dir := tmptest.Dir(t)
		s := tmptest.Spooled(t, 4, tmptest.In(dir), tmptest.Suffix(".tmp"))
		fmt.Printf("in memory: %q\n", s.Name())
		io.WriteString(s, "12345")
		fmt.Println("moved:", shape(s.Name()), filepath.Dir(s.Name()) == dir)
	})
	// Output:
	// in memory: ""
	// moved: TestName-<random>.tmp true
}
