package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// binary is the golden command, built once by TestMain for the tests that
// run it as a process (through a pipe or a pseudo-terminal).
var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "golden-cmd-test")
	if err != nil {
		panic(err)
	}
	binary = filepath.Join(dir, "golden")
	if runtime.GOOS == "windows" {
		binary += ".exe"
	}
	if out, err := exec.Command("go", "build", "-o", binary, ".").CombinedOutput(); err != nil {
		os.RemoveAll(dir)
		panic("go build: " + err.Error() + "\n" + string(out))
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// result is what a run of the command printed and returned.
type result struct {
	stdout, stderr string
	code           int
}

// runCmd runs the golden command in dir with stdin and extra environment
// variables, through pipes.
func runCmd(t *testing.T, dir, stdin string, env []string, args ...string) result {
	t.Helper()
	return runCmdEnv(t, dir, stdin, append(cleanEnv(), env...), args...)
}

// runCmdEnv runs the golden command in dir with stdin and exactly the
// environment env.
func runCmdEnv(t *testing.T, dir, stdin string, env []string, args ...string) result {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Dir = dir
	cmd.Env = env
	cmd.Stdin = strings.NewReader(stdin)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return result{out.String(), errOut.String(), code}
}

// cleanEnv is the test's environment without what would change the
// command's behaviour.
func cleanEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		switch k, _, _ := strings.Cut(kv, "="); k {
		case "CI", "UPDATE_GOLDEN", "GOLDEN_PENDING", "NO_COLOR", "GOFLAGS":
		default:
			env = append(env, kv)
		}
	}
	return env
}

func TestUsage(t *testing.T) {
	dir := t.TempDir()
	for _, tt := range []struct {
		args   []string
		code   int
		stderr string
	}{
		{nil, 2, "usage: golden <command> [arguments]\n"},
		{[]string{"frob"}, 2, "golden: unknown command \"frob\"\nusage: golden <command> [arguments]\n"},
		{[]string{"review", "--accept-all", "--reject-all"}, 2, "golden review: --accept-all and --reject-all exclude each other\n"},
		{[]string{"review", "--nope"}, 2, "flag provided but not defined: -nope\nusage: golden review "},
		{[]string{"review", "-h"}, 0, "usage: golden review [--accept-all | --reject-all] [--json] [--force] [packages] [-- go test flags]\n"},
		{[]string{"apply"}, 2, "golden apply: want one directory, got 0\nusage: golden apply [--dry-run] [--force] DIR\n"},
		{[]string{"apply", "a", "b"}, 2, "golden apply: want one directory, got 2\n"},
		{[]string{"apply", "-h"}, 0, "usage: golden apply [--dry-run] [--force] DIR\n"},
		{[]string{"unused"}, 2, "golden unused: no log given\nusage: golden unused [--remove] [--force] LOG...\n"},
		{[]string{"unused", "-h"}, 0, "usage: golden unused [--remove] [--force] LOG...\n"},
	} {
		r := runCmd(t, dir, "", nil, tt.args...)
		if r.code != tt.code || !strings.HasPrefix(r.stderr, tt.stderr) {
			t.Errorf("golden %q: exit %d, stderr:\n%s\nwant exit %d, stderr starting with:\n%s", tt.args, r.code, r.stderr, tt.code, tt.stderr)
		}
		if r.stdout != "" && tt.args != nil && tt.args[0] != "help" {
			t.Errorf("golden %q printed on stdout: %q", tt.args, r.stdout)
		}
	}
	if r := runCmd(t, dir, "", nil, "help"); r.code != 0 || !strings.HasPrefix(r.stdout, "usage: golden <command>") {
		t.Errorf("golden help: %+v", r)
	}
}

func write(tb testing.TB, p, content string, perm os.FileMode) {
	tb.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), perm); err != nil {
		tb.Fatal(err)
	}
}
