//go:build unix

package goldenwrite

import (
	"errors"
	"net"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestReadFileRefusesSpecialFiles: a FIFO golden made Assert and Get block
// forever, and a character device was read without limit. Both fail at
// once, naming the file and its type (failed before: the FIFO read hung).
func TestReadFileRefusesSpecialFiles(t *testing.T) {
	t.Parallel()
	dir := setup(t, map[string]string{"sub/": ""})
	if err := syscall.Mkfifo(filepath.Join(dir, "fifo.golden"), 0o644); err != nil {
		t.Fatal(err)
	}
	l, err := net.Listen("unix", filepath.Join(dir, "sock.golden"))
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	for _, tt := range []struct{ dir, name, want string }{
		{dir, "fifo.golden", `"L" is a named pipe (FIFO), not a regular file`},
		{dir, "sock.golden", `"L" is a socket, not a regular file`},
		{dir, "sub", `"L" is a directory, not a regular file`},
		{"/dev", "zero", `"L" is a character device, not a regular file`},
		{"/dev", "null", `"L" is a character device, not a regular file`},
	} {
		done := make(chan error, 1)
		go func() {
			_, err := ReadFile(tt.dir, tt.name, Options{Label: "L"})
			done <- err
		}()
		select {
		case err := <-done:
			checkErr(t, err, tt.want)
			var nr *NotRegularError
			if !errors.As(err, &nr) {
				t.Errorf("%s: %T is not a *NotRegularError", tt.name, err)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("ReadFile(%s) still blocks after 10s", tt.name)
		}
	}
}

func TestReadTreeRefusesSpecialFiles(t *testing.T) {
	t.Parallel()
	dir := setup(t, map[string]string{"T.golden.d/b/a.txt": "a\n"})
	syscall.Mkfifo(filepath.Join(dir, "T.golden.d", "b", "pipe"), 0o644)
	_, err := ReadTree(dir, "T.golden.d", Options{Label: "L"})
	checkErr(t, err, `"L/b/pipe" is a named pipe (FIFO); a golden tree holds only files, symlinks and directories`)
}
