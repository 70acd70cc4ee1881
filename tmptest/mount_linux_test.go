package tmptest

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"golang.org/x/sys/unix"

	"github.com/tmpkit/tmpkit/internal/faketb"
)

// mount mounts source on target for the rest of t, or skips t where
// mounting is not permitted (unprivileged, or a container without
// CAP_SYS_ADMIN). CI runs as root, so these tests run there.
func mount(t *testing.T, source, target, fstype string, flags uintptr, data string) {
	t.Helper()
	if err := unix.Mount(source, target, fstype, flags, data); err != nil {
		if err == unix.EPERM || err == unix.EACCES {
			t.Skipf("mount %s on %s: %v; mounting needs root with CAP_SYS_ADMIN", source, target, err)
		}
		t.Fatalf("mount %s on %s: %v", source, target, err)
	}
	t.Cleanup(func() {
		if err := unix.Unmount(target, unix.MNT_DETACH); err != nil {
			t.Errorf("unmount %s: %v", target, err)
		}
	})
}

// TestSpooledChecksReadOnlyMount: a read-only file system stops root too,
// so this case of TestSpooledChecksWritable runs in CI as root.
func TestSpooledChecksReadOnlyMount(t *testing.T) {
	dir := cleanDir(t)
	mount(t, "tmpfs", dir, "tmpfs", unix.MS_RDONLY, "size=64k")
	if err := os.WriteFile(dir+"/probe", nil, 0o600); err == nil {
		t.Fatal("created a file on the read-only mount")
	}
	got := fatalOf(t, func(tb testing.TB) { Spooled(tb, 1, In(dir)) })
	want := `tmptest: In("` + dir + `"): cannot create files there: read-only file system; choose a writable directory, or leave out In to use BaseDir()`
	if got != want {
		t.Errorf("Fatalf message:\n got: %s\nwant: %s", got, want)
	}
}

// TestCleanupLeavesMounts mounts into a Dir what cleanup must not touch:
// a bind mount of a directory on the same file system (same device
// number: only the mount ID tells it apart), a tmpfs (another device), a
// bind-mounted file, and a tmpfs on the Dir itself. Before, cleanup
// emptied the mounted directories, then failed with EBUSY.
func TestCleanupLeavesMounts(t *testing.T) {
	base := t.TempDir()
	src := t.TempDir()
	build(t, src, []string{"dir/", "dir/precious", "file"}, nil)
	f := faketb.New("TestMounts", nil)
	var dir, whole string
	f.Run(func(tb testing.TB) {
		dir = Dir(tb, In(base))
		whole = Dir(tb, In(base))
	})
	// The test mounts in its own goroutine, where a Skip stops it.
	build(t, dir, []string{"bind/", "sub/", "sub/tmpfs/", "sub/other", "file", "top"}, nil)
	mount(t, filepath.Join(src, "dir"), filepath.Join(dir, "bind"), "", unix.MS_BIND, "")
	mount(t, "tmpfs", filepath.Join(dir, "sub", "tmpfs"), "tmpfs", 0, "size=64k")
	mount(t, filepath.Join(src, "file"), filepath.Join(dir, "file"), "", unix.MS_BIND, "")
	build(t, filepath.Join(dir, "sub", "tmpfs"), []string{"precious"}, nil)
	mount(t, "tmpfs", whole, "tmpfs", 0, "size=64k")
	build(t, whole, []string{"precious"}, nil)
	f.Finish()
	want := []string{
		"tmptest: cleanup: " + whole + " is a mount point: left it and what it holds alone (cleanup never enters another file system); " +
			"unmount it; remove " + whole + " by hand",
		fmt.Sprintf("tmptest: cleanup: %s, %s and %s are mount points: left them and what they hold alone (cleanup never enters another file system); "+
			"unmount them; remove %s by hand", filepath.Join(dir, "bind"), filepath.Join(dir, "file"), filepath.Join(dir, "sub", "tmpfs"), dir),
	}
	if !slices.Equal(f.Errors(), want) {
		t.Errorf("Errorf calls:\n got: %q\nwant: %q", f.Errors(), want)
	}
	checkHolds(t, filepath.Join(src, "dir", "precious"), "precious")
	checkHolds(t, filepath.Join(src, "file"), "file")
	checkHolds(t, filepath.Join(dir, "bind", "precious"), "precious")
	checkHolds(t, filepath.Join(dir, "sub", "tmpfs", "precious"), "precious")
	checkHolds(t, filepath.Join(whole, "precious"), "precious")
	checkGone(t, filepath.Join(dir, "sub", "other"))
	checkGone(t, filepath.Join(dir, "top"))
}
