package tmptest

import (
	"os"
	"testing"

	"golang.org/x/sys/unix"
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
