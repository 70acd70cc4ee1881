package tmptest

import (
	"errors"
	"io"
	"math"
	"os"
	"syscall"
	"testing"

	"github.com/tmpkit/tmpkit/internal/faketb"
)

// tooLarge is the error message of an in-memory SpooledFile that would
// grow past its bound, for op, with the bound given as text.
func tooLarge(op, bound string) string {
	return op + " spooled file (in memory): file too large: a SpooledFile whose maxSize is 0 or less never moves to a file, " +
		"and holds at most " + bound + " in memory; give Spooled a maxSize to move to a file past it"
}

// TestSpooledNeverMovingIsBounded: with maxSize <= 0 a Truncate or a Write
// far past the end used to allocate it all and kill the test binary
// ("fatal error: out of memory"); it fails with EFBIG instead, naming the
// file, and leaves the content as it was.
func TestSpooledNeverMovingIsBounded(t *testing.T) {
	for _, maxSize := range []int{0, -1} {
		f := faketb.New("TestHuge", nil)
		f.Run(func(tb testing.TB) {
			s := Spooled(tb, maxSize, In(cleanDir(t)))
			if _, err := s.Write([]byte("abc")); err != nil {
				t.Fatal(err)
			}
			err := s.Truncate(1 << 40)
			if !errors.Is(err, syscall.EFBIG) || err.Error() != tooLarge("truncate", "1 GiB") {
				t.Errorf("Truncate(1<<40) = %v;\nwant %s", err, tooLarge("truncate", "1 GiB"))
			}
			if _, err := s.Seek(1<<40, io.SeekStart); err != nil {
				t.Fatalf("Seek(1<<40): %v; want it allowed, as on a file", err)
			}
			n, err := s.Write([]byte("x"))
			if n != 0 || !errors.Is(err, syscall.EFBIG) || err.Error() != tooLarge("write", "1 GiB") {
				t.Errorf("Write at 1<<40 = %d, %v;\nwant 0, %s", n, err, tooLarge("write", "1 GiB"))
			}
			if got := contentOf(t, s); got != "abc" || s.Name() != "" {
				t.Errorf("after the refused growth: content %q, Name() %q; want \"abc\" still in memory", got, s.Name())
			}
		})
		f.Finish()
	}
}

// TestSpooledMovesAtTheBound: a maxSize above the bound moves to the file
// at the bound, so growing far never allocates past it.
func TestSpooledMovesAtTheBound(t *testing.T) {
	f := faketb.New("TestHuge", nil)
	f.Run(func(tb testing.TB) {
		s := Spooled(tb, math.MaxInt, In(cleanDir(t)))
		if err := s.Truncate(1<<30 + 1); err != nil {
			t.Fatalf("Truncate(1<<30+1): %v", err)
		}
		if s.Name() == "" {
			t.Fatalf("Truncate(1<<30+1) kept it in memory; want it moved to a file")
		}
		if info, err := os.Stat(s.Name()); err != nil || info.Size() != 1<<30+1 {
			t.Errorf("the file: %v, %v; want size 1<<30+1", info, err)
		}
	})
	f.Finish()
	if f.Failed() {
		t.Errorf("failed: %s %q", f.Fatals(), f.Errors())
	}
}

// TestSpooledBoundExactly checks the bound byte for byte, lowered to 16
// bytes through a test hook.
func TestSpooledBoundExactly(t *testing.T) {
	f := faketb.New("TestBound", nil)
	f.Run(func(tb testing.TB) {
		dir := cleanDir(t)
		never := Spooled(tb, 0, In(dir), withMemLimit(16))
		if n, err := never.Write([]byte("0123456789abcdef")); n != 16 || err != nil {
			t.Errorf("Write of 16 bytes = %d, %v; want 16, nil", n, err)
		}
		if n, err := never.Write([]byte("g")); n != 0 || err == nil || err.Error() != tooLarge("write", "16 bytes") {
			t.Errorf("Write of the 17th byte = %d, %v;\nwant 0, %s", n, err, tooLarge("write", "16 bytes"))
		}
		if err := never.Truncate(17); err == nil || err.Error() != tooLarge("truncate", "16 bytes") {
			t.Errorf("Truncate(17) = %v;\nwant %s", err, tooLarge("truncate", "16 bytes"))
		}
		if err := never.Truncate(16); err != nil {
			t.Errorf("Truncate(16) = %v; want nil", err)
		}

		big := Spooled(tb, 100, In(dir), withMemLimit(16))
		big.Write([]byte("0123456789abcdef"))
		if big.Name() != "" {
			t.Errorf("at 16 bytes: moved to %s; want it in memory", big.Name())
		}
		big.Write([]byte("g"))
		if big.Name() == "" {
			t.Errorf("at 17 bytes with a bound of 16: in memory; want it moved to a file")
		} else if got, err := os.ReadFile(big.Name()); string(got) != "0123456789abcdefg" || err != nil {
			t.Errorf("the file holds %q, %v; want all 17 bytes", got, err)
		}
	})
	f.Finish()
	if f.Failed() {
		t.Errorf("failed: %s %q", f.Fatals(), f.Errors())
	}
}

// contentOf returns all of s without moving its offset.
func contentOf(t *testing.T, s *SpooledFile) string {
	t.Helper()
	data, err := io.ReadAll(io.NewSectionReader(s, 0, math.MaxInt64))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}
