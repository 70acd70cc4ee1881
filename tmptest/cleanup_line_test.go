package tmptest

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// childEnv, when set to a directory, makes TestCleanupReportsTheCallerChild
// run and create its things there: it runs only as a child of
// TestCleanupReportsTheCaller.
const childEnv = "TMPTEST_CLEANUP_LINE_CHILD"

// TestCleanupReportsTheCaller runs a real test, in a child process, whose
// cleanups log kept paths and report a failure, and checks that go test
// prints each at the line of the test that called the helper. It printed
// keep.go:51, inside tmptest, before atCleanup called t.Helper. A recording
// testing.TB cannot show this: only package testing resolves the line.
func TestCleanupReportsTheCaller(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the test binary again")
	}
	src, err := os.ReadFile("cleanup_line_test.go")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{} // marker -> line
	marker := regexp.MustCompile(`// line:(\w+)$`)
	for i, line := range strings.Split(string(src), "\n") {
		if m := marker.FindStringSubmatch(line); m != nil {
			want[m[1]] = i + 1
		}
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestCleanupReportsTheCallerChild$", "-test.v", "-test.count=1")
	cmd.Env = append(os.Environ(), childEnv+"="+t.TempDir(), "TMPTEST_KEEP=")
	out, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	if !errors.As(err, &exit) { // the child fails: one cleanup reports an error
		t.Fatalf("child: %v, want it to fail; output:\n%s", err, out)
	}
	// "    cleanup_line_test.go:91: tmptest: kept /tmp/x (Keep())"
	report := regexp.MustCompile(`^\s+(\S+):(\d+): tmptest: (kept |cleanup: )(\S+)`)
	got := map[string]string{}
	sc := bufio.NewScanner(strings.NewReader(string(out)))
	for sc.Scan() {
		if m := report.FindStringSubmatch(sc.Text()); m != nil {
			got[m[4]] = m[1] + ":" + m[2]
		}
	}
	paths := map[string]string{} // marker -> path, as the child printed them
	for _, m := range regexp.MustCompile(`(?m)^made (\S+) (\S+)$`).FindAllStringSubmatch(string(out), -1) {
		paths[m[1]] = m[2]
	}
	if len(paths) != len(want) {
		t.Fatalf("child made %d things (%q); want %d; output:\n%s", len(paths), paths, len(want), out)
	}
	for _, marker := range slices.Sorted(maps.Keys(want)) {
		line := want[marker]
		key := paths[marker]
		if marker == "fail" {
			key = "boom;"
		}
		if w := fmt.Sprintf("cleanup_line_test.go:%d", line); got[key] != w {
			t.Errorf("%s: reported at %q; want %s (the call in the test)", marker, got[key], w)
		}
	}
	if t.Failed() {
		t.Logf("child output:\n%s", out)
	}
}

func TestCleanupReportsTheCallerChild(t *testing.T) {
	base := os.Getenv(childEnv)
	if base == "" {
		t.Skip("run by TestCleanupReportsTheCaller")
	}
	keep := []Option{In(base), Keep()}
	made := func(marker, path string) { fmt.Printf("made %s %s\n", marker, path) }
	made("dir", Dir(t, keep...))              // line:dir
	made("file", File(t, keep...).Name())     // line:file
	made("write", WriteFile(t, "x", keep...)) // line:write
	s := Spooled(t, 0, keep...)               // line:spooled
	if _, err := s.File(); err != nil {
		t.Fatal(err)
	}
	made("spooled", s.Name())
	path := Path(t, keep...) // line:path
	made("path", path[:strings.LastIndexByte(path, os.PathSeparator)])
	mkdir := func(path string, perm fs.FileMode) error { return os.Mkdir(path, perm) }
	made("make", Make(t, 0o700, mkdir, os.Remove, keep...))                                         // line:make
	made("fail", Make(t, 0o700, mkdir, func(string) error { return errors.New("boom") }, In(base))) // line:fail
}
