//go:build unix

package main

import (
	"bytes"
	"errors"
	"io"
	"os"
	"os/exec"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/creack/pty"
)

// terminal is the golden command running on a pseudo-terminal, as a user
// at a terminal runs it: standard input, output and error are the tty.
type terminal struct {
	t    *testing.T
	cmd  *exec.Cmd
	ptmx *os.File // the user's side
	tty  *os.File // the command's side, kept open to check its mode after
	mu   sync.Mutex
	out  bytes.Buffer
}

func startTerminal(t *testing.T, dir string, env []string, args ...string) *terminal {
	t.Helper()
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Skip("no pseudo-terminal here:", err)
	}
	cmd := exec.Command(binary, args...)
	cmd.Dir = dir
	cmd.Env = append(cleanEnv(), append(env, "TERM=xterm")...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = tty, tty, tty
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	term := &terminal{t: t, cmd: cmd, ptmx: ptmx, tty: tty}
	go func() {
		buf := make([]byte, 4096)
		for {
			n, err := ptmx.Read(buf)
			term.mu.Lock()
			term.out.Write(buf[:n])
			term.mu.Unlock()
			if err != nil {
				return
			}
		}
	}()
	t.Cleanup(func() {
		cmd.Process.Kill()
		ptmx.Close()
		tty.Close()
	})
	return term
}

// output returns what the terminal showed, with the tty's "\r\n" as "\n".
func (term *terminal) output() string {
	term.mu.Lock()
	defer term.mu.Unlock()
	return strings.ReplaceAll(term.out.String(), "\r\n", "\n")
}

// waitFor waits until the terminal has shown s n times.
func (term *terminal) waitFor(s string, n int) {
	term.t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for strings.Count(term.output(), s) < n {
		if time.Now().After(deadline) {
			term.t.Fatalf("the terminal never showed %q %d times; it shows:\n%s", s, n, term.output())
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// answer presses key (no Enter) at the n-th prompt.
func (term *terminal) answer(n int, key string) {
	term.t.Helper()
	term.waitFor("[a/r/s/q] ", n)
	if _, err := term.ptmx.Write([]byte(key)); err != nil {
		term.t.Fatal(err)
	}
}

// wait waits for the command to exit and returns its exit status.
func (term *terminal) wait() int {
	term.t.Helper()
	err := term.cmd.Wait()
	var ee *exec.ExitError
	if err != nil && !errors.As(err, &ee) {
		term.t.Fatal(err)
	}
	return term.cmd.ProcessState.ExitCode()
}

// cooked checks that the tty is back in its usual mode: what is typed is
// echoed and read a line at a time.
func (term *terminal) cooked() {
	term.t.Helper()
	if _, err := term.ptmx.Write([]byte("typed\n")); err != nil {
		term.t.Fatal(err)
	}
	term.waitFor("typed\n", 1)
	buf := make([]byte, 16)
	n, err := term.tty.Read(buf)
	if err != nil && err != io.EOF || string(buf[:n]) != "typed\n" {
		term.t.Errorf("the tty reads %q, %v after the command; want the line \"typed\\n\"", buf[:n], err)
	}
}

// One key answers, without Enter; the diff is in colour, with progress
// shown while the tests run; the terminal is left as it was.
func TestReviewTerminal(t *testing.T) {
	root, env := scenario(t, scenarioEvents, "1")
	before := snapshot(t, root)
	term := startTerminal(t, root, env, "review")
	term.answer(1, "a")
	term.answer(2, "x") // no answer: asked again
	term.answer(3, "r")
	term.answer(4, "q")
	if code := term.wait(); code != 0 {
		t.Errorf("exit %d, output:\n%s", code, term.output())
	}
	term.waitFor("\n\n1 accepted, 1 rejected, 1 skipped\n+1 -1 a/testdata/TestA.golden\n", 1)
	out := term.output()
	for _, want := range []string{
		"\r\x1b[Kgo test: ",
		"\x1b[1m[1/3] TestA (example.com/m/a)\x1b[0m\n" +
			"\x1b[1mgolden: \"a/testdata/TestA.golden\" differs from the output (-want +got):\x1b[0m\n" +
			"\x1b[1m--- a/testdata/TestA.golden\x1b[0m\n\x1b[1m+++ got\x1b[0m\n\x1b[36m@@ -1 +1 @@\x1b[0m\n" +
			"\x1b[31m-a\x1b[0m\n\x1b[32m+A\x1b[0m\n\x1b[1maccept, reject, skip or quit? [a/r/s/q] \x1b[0maccept\n",
		"\x1b[0m\nanswer a (accept), r (reject), s (skip) or q (quit)\n",
		"[a/r/s/q] \x1b[0mreject\n",
		"[3/3] TestC (example.com/m/c)",
		"[a/r/s/q] \x1b[0mquit\n\n1 accepted, 1 rejected, 1 skipped\n+1 -1 a/testdata/TestA.golden\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the terminal does not show %q; it shows:\n%q", want, out)
		}
	}
	before["a/testdata/TestA.golden"] = "A\n"
	unchanged(t, before, snapshot(t, root))
	term.cooked()
}

// Ctrl-C at a question stops the review: nothing is written, exit 130.
func TestReviewTerminalInterrupt(t *testing.T) {
	root, env := scenario(t, scenarioEvents, "1")
	before := snapshot(t, root)
	term := startTerminal(t, root, env, "review")
	term.answer(1, "a")
	term.answer(2, "\x03")
	if code := term.wait(); code != 130 {
		t.Errorf("exit %d, want 130; output:\n%s", code, term.output())
	}
	term.waitFor("nothing written\n", 1)
	if out := term.output(); !strings.HasSuffix(out, "interrupted\ngolden review: interrupted; nothing written\n") {
		t.Errorf("output ends:\n%q", out[max(0, len(out)-200):])
	}
	unchanged(t, before, snapshot(t, root))
	term.cooked()
}

// NO_COLOR turns colour off on a terminal too.
func TestReviewTerminalNoColor(t *testing.T) {
	root, env := scenario(t, scenarioEvents, "1")
	term := startTerminal(t, root, append(env, "NO_COLOR=1"), "review", "--reject-all")
	if code := term.wait(); code != 0 {
		t.Errorf("exit %d", code)
	}
	term.waitFor("0 accepted, 3 rejected, 0 skipped\n", 1)
	out := term.output()
	if i := strings.Index(out, "reject a/"); i < 0 || strings.Contains(out[i:], "\x1b") {
		t.Errorf("escape sequences with NO_COLOR:\n%q", out)
	}
}
