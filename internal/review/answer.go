package review

import (
	"bufio"
	"errors"
	"io"
	"strings"
)

// Answer is a reply to a question.
type Answer byte

// The answers. Interrupt (Ctrl-C on a terminal) ends the review without
// writing anything; Quit ends it and writes what was accepted.
const (
	Accept    Answer = 'a'
	Reject    Answer = 'r'
	Skip      Answer = 's'
	Quit      Answer = 'q'
	Interrupt Answer = 3
)

// Answers reads one answer per question.
type Answers interface {
	// Next returns the next answer. It returns [ErrUnknown] for input that
	// is no answer (the question is asked again) and Quit at the end of
	// the input.
	Next() (Answer, error)
}

// ErrUnknown is returned for input that is not an answer.
var ErrUnknown = errors.New("answer a (accept), r (reject), s (skip) or q (quit)")

// Lines returns the answers given one per line on r, as a script or an
// editor gives them: "a", "r", "s", "q" or the words "accept", "reject",
// "skip", "quit", in any case, blanks around them ignored. The end of
// the input is Quit.
func Lines(r io.Reader) Answers { return &lines{r: bufio.NewReader(r)} }

type lines struct{ r *bufio.Reader }

func (l *lines) Next() (Answer, error) {
	line, err := l.r.ReadString('\n')
	if err != nil && line == "" {
		if errors.Is(err, io.EOF) {
			return Quit, nil
		}
		return 0, err
	}
	switch strings.ToLower(strings.TrimSpace(line)) {
	case "a", "accept":
		return Accept, nil
	case "r", "reject":
		return Reject, nil
	case "s", "skip":
		return Skip, nil
	case "q", "quit":
		return Quit, nil
	}
	return 0, ErrUnknown
}

// Keys returns the answers given as single key presses on r, a terminal
// in raw mode: the keys a, r, s and q; Ctrl-C interrupts; Ctrl-D (end of
// input) quits. A read that returns more than one byte (an arrow key's
// escape sequence, pasted text) is no answer, so that neither answers by
// accident. raw, if not nil, puts the terminal in raw mode for each read
// and returns the function restoring it.
func Keys(r io.Reader, raw func() (restore func(), err error)) Answers {
	return &keys{r: r, raw: raw}
}

type keys struct {
	r   io.Reader
	raw func() (func(), error)
}

func (k *keys) Next() (Answer, error) { return k.nextAfter(nil) }

// nextAfter puts the terminal in raw mode, then shows the prompt, then
// reads a key: a key pressed as soon as the prompt appears is read raw,
// never echoed by a terminal still in its line mode.
func (k *keys) nextAfter(prompt func()) (Answer, error) {
	if k.raw != nil {
		restore, err := k.raw()
		if err != nil {
			return 0, err
		}
		defer restore()
	}
	if prompt != nil {
		prompt()
	}
	var buf [16]byte
	n, err := k.r.Read(buf[:])
	if n == 0 {
		if err == nil || errors.Is(err, io.EOF) {
			return Quit, nil
		}
		return 0, err
	}
	if n > 1 {
		return 0, ErrUnknown
	}
	switch buf[0] {
	case 'a', 'r', 's', 'q':
		return Answer(buf[0]), nil
	case 3:
		return Interrupt, nil
	case 4:
		return Quit, nil
	}
	return 0, ErrUnknown
}
