package faketb

import "testing"

// Run calls fn with t on a new goroutine, as go test calls a test
// function, and waits for it. It reports whether fn returned normally:
// false means it stopped in Fatal, Fatalf, FailNow, Skip, Skipf or SkipNow
// (or in another runtime.Goexit). A panic in fn is not recovered: it
// crashes the test binary, as it would in a real test. Cleanups that fn
// registers wait for [TB.Finish].
func (t *TB) Run(fn func(t testing.TB)) (returned bool) {
	done := make(chan bool)
	go func() {
		ok := false
		defer func() { done <- ok }()
		fn(t)
		ok = true
	}()
	return <-done
}

// Finish runs the cleanups registered so far, last first, each as by
// [TB.Run], so one that stops does not keep the others from running, as
// in go test. A cleanup registered by a cleanup runs too. After Finish, t
// holds no cleanup; it can be used and finished again.
func (t *TB) Finish() {
	for {
		t.mu.Lock()
		n := len(t.cleanups)
		if n == 0 {
			t.mu.Unlock()
			return
		}
		fn := t.cleanups[n-1]
		t.cleanups = t.cleanups[:n-1]
		t.mu.Unlock()
		t.Run(func(testing.TB) { fn() })
	}
}
