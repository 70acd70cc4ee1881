package tmptest

import (
	"io"
	"math"
	"testing"
)

// ReadBack returns the whole content of f, from its first byte to its
// last, as a test reads back what the code under test wrote to a [File],
// an [Unnamed] file or a [SpooledFile]. It reads with ReadAt (pread on a
// file), so f's offset does not move: writing can go on where it was, with
// no Seek before or after. An error reading, such as a closed f or one
// open only for writing, fails the test.
func ReadBack(t testing.TB, f io.ReaderAt) []byte {
	t.Helper()
	data, err := readBack(f)
	if err != nil {
		t.Fatalf("tmptest: ReadBack: %v", err)
	}
	return data
}

// readBack is the work of [ReadBack]: io.ReadAll over a section reader,
// which reads with ReadAt from offset 0 until io.EOF.
func readBack(f io.ReaderAt) ([]byte, error) {
	return io.ReadAll(io.NewSectionReader(f, 0, math.MaxInt64))
}
