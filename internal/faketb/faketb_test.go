package faketb

import (
	"fmt"
	"slices"
	"sync"
	"testing"
)

func TestRunStops(t *testing.T) {
	for _, c := range []struct {
		name          string
		call          func(t testing.TB)
		failed, skipd bool
		fatals, logs  []string
	}{
		{"Fatal", func(t testing.TB) { t.Fatal("a", 1, "b") }, true, false, []string{"a 1 b"}, nil},
		{"Fatalf", func(t testing.TB) { t.Fatalf("%s: %d", "n", 2) }, true, false, []string{"n: 2"}, nil},
		{"FailNow", func(t testing.TB) { t.FailNow() }, true, false, nil, nil},
		{"SkipNow", func(t testing.TB) { t.SkipNow() }, false, true, nil, nil},
		{"Skip", func(t testing.TB) { t.Skip("not", "here") }, false, true, nil, []string{"not here"}},
		{"Skipf", func(t testing.TB) { t.Skipf("not on %s", "plan9") }, false, true, nil, []string{"not on plan9"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			f := New("TestX", nil)
			reached := false
			if f.Run(func(tb testing.TB) { c.call(tb); reached = true }) || reached {
				t.Errorf("Run returned true or the body went on after %s; want it stopped", c.name)
			}
			if f.Failed() != c.failed || f.Skipped() != c.skipd {
				t.Errorf("Failed, Skipped = %v, %v; want %v, %v", f.Failed(), f.Skipped(), c.failed, c.skipd)
			}
			if !slices.Equal(f.Fatals(), c.fatals) || !slices.Equal(f.Logs(), c.logs) || len(f.Errors()) != 0 {
				t.Errorf("Fatals %q, Logs %q, Errors %q; want %q, %q, none", f.Fatals(), f.Logs(), f.Errors(), c.fatals, c.logs)
			}
			if got := f.Calls(); !slices.Equal(got, []string{c.name}) {
				t.Errorf("Calls = %q; want [%q]", got, c.name)
			}
		})
	}
}

func TestRunGoesOn(t *testing.T) {
	f := New("TestX", nil)
	if !f.Run(func(t testing.TB) {
		t.Helper()
		t.Log("log", 1, 2)
		t.Logf("logf %d", 3)
		t.Error("err", "or")
		t.Errorf("errorf %q", "x")
		t.Fail()
	}) {
		t.Fatal("Run returned false; Error, Errorf and Fail do not stop the test")
	}
	if want := []string{"Helper", "Log", "Logf", "Error", "Errorf", "Fail"}; !slices.Equal(f.Calls(), want) {
		t.Errorf("Calls = %q; want %q", f.Calls(), want)
	}
	if want := []string{"log 1 2", "logf 3"}; !slices.Equal(f.Logs(), want) {
		t.Errorf("Logs = %q; want %q", f.Logs(), want)
	}
	if want := []string{"err or", `errorf "x"`}; !slices.Equal(f.Errors(), want) {
		t.Errorf("Errors = %q; want %q", f.Errors(), want)
	}
	if !f.Failed() || f.Skipped() || len(f.Fatals()) != 0 {
		t.Errorf("Failed %v, Skipped %v, Fatals %q; want true, false, none", f.Failed(), f.Skipped(), f.Fatals())
	}
}

func TestFailAloneFails(t *testing.T) {
	f := New("TestX", nil)
	if f.Failed() {
		t.Fatal("a new TB is failed")
	}
	f.Fail()
	if !f.Failed() || len(f.Errors()) != 0 {
		t.Errorf("after Fail: Failed %v, Errors %q; want true, none", f.Failed(), f.Errors())
	}
}

func TestFinishRunsCleanupsLastFirst(t *testing.T) {
	f := New("TestX", nil)
	var order []int
	f.Run(func(t testing.TB) {
		t.Cleanup(func() { order = append(order, 1) })
		t.Cleanup(func() {
			order = append(order, 2)
			t.Cleanup(func() { order = append(order, 4) }) // registered late: runs too
		})
		t.Cleanup(func() {
			order = append(order, 3)
			t.Fatalf("cleanup 3 stops") // stops this cleanup only
		})
		t.Fatalf("body stops")
	})
	if len(order) != 0 {
		t.Fatalf("cleanups ran before Finish: %v", order)
	}
	f.Finish()
	if want := []int{3, 2, 4, 1}; !slices.Equal(order, want) {
		t.Errorf("cleanups ran in order %v; want %v", order, want)
	}
	if want := []string{"body stops", "cleanup 3 stops"}; !slices.Equal(f.Fatals(), want) {
		t.Errorf("Fatals = %q; want %q", f.Fatals(), want)
	}
	f.Finish() // nothing left to run
	if len(order) != 4 {
		t.Errorf("a second Finish ran cleanups again: %v", order)
	}
}

func TestHelperIsRecordedInOrder(t *testing.T) {
	f := New("TestX", nil)
	f.Run(func(t testing.TB) {
		t.Helper()
		_ = t.Name()
		t.Helper()
		t.Cleanup(func() {})
	})
	if want := []string{"Helper", "Name", "Helper", "Cleanup"}; !slices.Equal(f.Calls(), want) {
		t.Errorf("Calls = %q; want %q", f.Calls(), want)
	}
	if f.Called("Helper") != 2 || f.Called("Cleanup") != 1 || f.Called("Fatalf") != 0 {
		t.Errorf("Called Helper %d, Cleanup %d, Fatalf %d; want 2, 1, 0",
			f.Called("Helper"), f.Called("Cleanup"), f.Called("Fatalf"))
	}
}

func TestNameAndParent(t *testing.T) {
	if got := New("TestX", t).Name(); got != "TestX" {
		t.Errorf("New(TestX, t).Name() = %q", got)
	}
	if got := New("", t).Name(); got != t.Name() {
		t.Errorf("New(\"\", t).Name() = %q; want the parent's %q", got, t.Name())
	}
	if got := (&TB{TB: t}).Name(); got != t.Name() {
		t.Errorf("(&TB{TB: t}).Name() = %q; want the parent's %q", got, t.Name())
	}
	// A method TB does not record goes to the parent...
	if dir := New("TestX", t).TempDir(); dir == "" {
		t.Errorf("TempDir through the parent = %q", dir)
	}
	// ...and without one it panics.
	func() {
		defer func() {
			if recover() == nil {
				t.Errorf("TempDir without a parent did not panic")
			}
		}()
		New("TestX", nil).TempDir()
	}()
	// Failures stay in the TB: the parent test does not fail.
	f := New("TestX", t)
	f.Run(func(tb testing.TB) { tb.Errorf("recorded only") })
	if t.Failed() || !f.Failed() {
		t.Errorf("parent failed %v, fake failed %v; want false, true", t.Failed(), f.Failed())
	}
}

func TestAccessorsReturnCopies(t *testing.T) {
	f := New("TestX", nil)
	f.Logf("a")
	logs := f.Logs()
	logs[0] = "changed"
	if f.Logs()[0] != "a" {
		t.Errorf("changing what Logs returned changed the record: %q", f.Logs())
	}
}

// TestConcurrentUse calls every recording method from parallel subtests
// and goroutines while others read the record: run with -race.
func TestConcurrentUse(t *testing.T) {
	f := New("TestX", nil)
	const workers, rounds = 8, 50
	t.Run("group", func(t *testing.T) {
		for w := range workers {
			t.Run(fmt.Sprint(w), func(t *testing.T) {
				t.Parallel()
				var wg sync.WaitGroup
				wg.Go(func() {
					for range rounds {
						_ = f.Calls()
						_ = f.Errors()
						_ = f.Failed()
						_ = f.Called("Helper")
					}
				})
				f.Run(func(tb testing.TB) {
					for i := range rounds {
						tb.Helper()
						tb.Logf("%d/%d", w, i)
						tb.Errorf("%d/%d", w, i)
						tb.Cleanup(func() { tb.Log("cleanup") })
						_ = tb.Name()
					}
				})
				wg.Wait()
			})
		}
	})
	f.Finish()
	if got, want := f.Called("Helper"), workers*rounds; got != want {
		t.Errorf("Helper calls = %d; want %d", got, want)
	}
	if got, want := len(f.Errors()), workers*rounds; got != want {
		t.Errorf("Errors = %d; want %d", got, want)
	}
	if got, want := len(f.Logs()), 2*workers*rounds; got != want {
		t.Errorf("Logs = %d; want %d (one per Logf, one per cleanup)", got, want)
	}
}
