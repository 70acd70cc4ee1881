package faketb

import (
	"fmt"
	"testing"
)

// Example runs the test that an Example function stands in for, printing
// what go test would show of it, so that the example's // Output: can
// hold it. An Example function has no *testing.T of its own; in a real
// test, the user passes the t they are given.
//
// The zero Example prints the message of each Error, Errorf, Fatal and
// Fatalf on a line of its own, and nothing else.
type Example struct {
	// FailHeader prints "--- FAIL: <name>" on a line of its own when the
	// test is first marked failed, before that call's message.
	FailHeader bool
	// Logs prints the messages of Log, Logf, Skip and Skipf too. Without it
	// they are dropped: they often name temp paths, which are random.
	Logs bool
}

// Run runs body with a [TB] called name and no parent, as [TB.Run] does,
// then its cleanups as [TB.Finish] does, printing as e says.
func (e Example) Run(name string, body func(t testing.TB)) {
	t := New(name, nil)
	t.echo = &e
	t.Run(body)
	t.Finish()
}

// The methods below are called with the TB's lock held, which keeps the
// printed lines in call order. A nil *Example prints nothing.

func (e *Example) fail(name string, failedBefore bool) {
	if e != nil && e.FailHeader && !failedBefore {
		fmt.Printf("--- FAIL: %s\n", name)
	}
}

func (e *Example) message(msg string) {
	if e != nil {
		fmt.Println(msg)
	}
}

func (e *Example) log(msg string) {
	if e != nil && e.Logs {
		fmt.Println(msg)
	}
}
