package tmptest

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/tmpkit/tmpkit/internal/faketb"
)

func TestReadBack(t *testing.T) {
	big := bytes.Repeat([]byte("0123456789abcdef"), 64<<10/16+3) // more than any first read
	dir := cleanDir(t)
	f := faketb.New("TestReadBack", nil)
	f.Run(func(tb testing.TB) {
		moved := Spooled(tb, 4, In(dir))
		files := map[string]interface {
			io.WriteSeeker
			io.ReaderAt
		}{"File": File(tb, In(dir)), "Unnamed": Unnamed(tb, In(dir)), "Spooled": Spooled(tb, 0, In(dir)), "Spooled moved": moved}
		for name, file := range files {
			for _, content := range [][]byte{nil, []byte("hello"), big} {
				if _, err := file.Seek(0, io.SeekEnd); err != nil {
					t.Fatal(err)
				}
				if _, err := file.Write(content); err != nil {
					t.Fatal(err)
				}
				end, _ := file.Seek(0, io.SeekCurrent)
				mid, _ := file.Seek(end/2, io.SeekStart) // neither 0 nor the end, once there is content
				if got := ReadBack(tb, file); int64(len(got)) != end {
					t.Errorf("%s: ReadBack gave %d bytes; want %d", name, len(got), end)
				}
				if off, _ := file.Seek(0, io.SeekCurrent); off != mid {
					t.Errorf("%s: offset after ReadBack = %d; want %d, unmoved", name, off, mid)
				}
			}
			if got, want := ReadBack(tb, file), append([]byte("hello"), big...); !bytes.Equal(got, want) {
				t.Errorf("%s: ReadBack = %d bytes starting %q; want %d bytes starting %q", name, len(got), got[:min(len(got), 8)], len(want), want[:8])
			}
		}
		if moved.Name() == "" {
			t.Errorf("the Spooled file with maxSize 4 did not move")
		}
	})
	f.Finish()
	if f.Failed() {
		t.Errorf("failed: %q %q", f.Fatals(), f.Errors())
	}
}

func TestReadBackFails(t *testing.T) {
	dir := cleanDir(t)
	writeOnly := filepath.Join(dir, "write-only")
	w, err := os.OpenFile(writeOnly, os.O_WRONLY|os.O_CREATE, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	defer os.Remove(writeOnly)
	defer w.Close()
	var closed *os.File
	tests := []struct {
		name string
		call func(tb testing.TB)
		want string
	}{
		{"closed", func(tb testing.TB) {
			closed = File(tb, In(dir))
			closed.Close()
			ReadBack(tb, closed)
		}, "tmptest: ReadBack: read %s: file already closed"},
		{"closed in memory", func(tb testing.TB) {
			s := Spooled(tb, 0, In(dir))
			s.Close()
			ReadBack(tb, s)
		}, "tmptest: ReadBack: read spooled file (in memory): file already closed"},
		{"write-only", func(tb testing.TB) { ReadBack(tb, w) }, "tmptest: ReadBack: read " + writeOnly + ": bad file descriptor"},
	}
	for _, tt := range tests {
		got := fatalOf(t, tt.call)
		want := tt.want
		if tt.name == "closed" {
			want = "tmptest: ReadBack: read " + closed.Name() + ": file already closed"
		}
		if got != want {
			t.Errorf("%s: Fatalf message:\n got: %s\nwant: %s", tt.name, got, want)
		}
	}
}
