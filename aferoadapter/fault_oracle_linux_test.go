package aferoadapter_test

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/spf13/afero"

	"github.com/tmpkit/tmpkit/fixture"
)

// The real disk is the oracle of the faults: these tests run each fault's
// scenario on what the fault imitates (a read-only mount, a full tmpfs, a
// mount point, RLIMIT_NOFILE) and expect the transcript the fault tests
// expect of Inject.

// mountTmpfs mounts a tmpfs with options on dir for the test, or skips the
// test when this process may not mount (an unprivileged run, a container
// without CAP_SYS_ADMIN): the root pass of CI runs it.
func mountTmpfs(t *testing.T, dir, options string) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, options); err != nil {
		if errors.Is(err, syscall.EPERM) {
			t.Skipf("mounting a tmpfs needs CAP_SYS_ADMIN: %v", err)
		}
		t.Fatalf("mount tmpfs on %s: %v", dir, err)
	}
	t.Cleanup(func() {
		if err := syscall.Unmount(dir, syscall.MNT_DETACH); err != nil {
			t.Errorf("unmount %s: %v", dir, err)
		}
	})
}

func TestFaultsMatchRealMounts(t *testing.T) {
	t.Run("ReadOnly", func(t *testing.T) {
		dir := t.TempDir()
		mountTmpfs(t, filepath.Join(dir, "ro"), "size=64k")
		s := newScene(t, afero.NewOsFs(), dir, readOnlyTree())
		ro := filepath.Join(dir, "ro")
		if err := syscall.Mount("", ro, "", syscall.MS_REMOUNT|syscall.MS_RDONLY, ""); err != nil {
			t.Fatalf("remount %s read-only: %v", ro, err)
		}
		readOnlyScenario(s, afero.NewOsFs())
		s.wantLog(readOnlyWant...)
	})
	t.Run("DiskFull", func(t *testing.T) {
		dir := t.TempDir()
		mountTmpfs(t, filepath.Join(dir, "full"), "size=12k") // 3 pages
		s := newScene(t, afero.NewOsFs(), dir, diskFullTree())
		diskFullScenario(s, afero.NewOsFs())
		s.wantLog(diskFullWant...)
	})
	t.Run("CrossDevice", func(t *testing.T) {
		dir := t.TempDir()
		mountTmpfs(t, filepath.Join(dir, "mnt"), "size=64k")
		s := newScene(t, afero.NewOsFs(), dir, crossDeviceTree())
		crossDeviceScenario(s, afero.NewOsFs())
		s.wantLog(crossDeviceWant...)
	})
}

// TestMaxOpenFilesMatchesRlimit runs the scenario of MaxOpenFiles in a
// child process whose RLIMIT_NOFILE leaves a few descriptors free: the
// limit is the process's, which would break the tests running beside it.
func TestMaxOpenFilesMatchesRlimit(t *testing.T) {
	if os.Getenv("TMPKIT_RLIMIT_CHILD") != "" {
		t.Skip("in the child")
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestRlimitChild$", "-test.v")
	cmd.Env = append(os.Environ(), "TMPKIT_RLIMIT_CHILD="+t.TempDir())
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("child: %v\n%s", err, out)
	}
	_, transcript, ok := strings.Cut(string(out), "transcript:\n")
	if !ok {
		t.Fatalf("no transcript in the child's output:\n%s", out)
	}
	transcript, _, _ = strings.Cut(transcript, "\n--- ")
	var got []string
	for _, line := range strings.Split(strings.TrimSpace(transcript), "\n") {
		got = append(got, strings.TrimSpace(line))
	}
	s := &scene{t: t, log: got}
	s.wantLog(openFilesWant...)
}

// TestRlimitChild is the child of TestMaxOpenFilesMatchesRlimit.
func TestRlimitChild(t *testing.T) {
	dir := os.Getenv("TMPKIT_RLIMIT_CHILD")
	if dir == "" {
		t.Skip("runs as the child of TestMaxOpenFilesMatchesRlimit")
	}
	s := newScene(t, afero.NewOsFs(), filepath.ToSlash(dir), fixture.Tree{"f": fixture.File("f")})
	var lim syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_NOFILE, &lim); err != nil {
		t.Fatal(err)
	}
	fds, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		t.Fatal(err)
	}
	lim.Cur = uint64(len(fds) + 8)
	if err := syscall.Setrlimit(syscall.RLIMIT_NOFILE, &lim); err != nil {
		t.Fatal(err)
	}
	for _, f := range openFilesScenario(s, afero.NewOsFs()) {
		f.Close()
	}
	t.Log("transcript:\n" + strings.Join(s.log, "\n"))
}
