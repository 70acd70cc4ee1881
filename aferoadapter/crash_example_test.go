package aferoadapter_test

import (
	"fmt"
	"testing"

	"github.com/spf13/afero"

	"github.com/tmpkit/tmpkit/aferoadapter"
	"github.com/tmpkit/tmpkit/fixture"
)

// ExampleCrashTest shows the test of a save that must survive a power
// loss; CrashCheck's example shows what a failure says.
func ExampleCrashTest() {
	testSave := func(t *testing.T) {
		aferoadapter.CrashTest(t, fixture.Tree{"state.json": fixture.File(`{"v":1}`)},
			func(afs afero.Fs) error {
				return saveSynced(afs, "state.json", `{"v":2}`)
			},
			func(t *testing.T, afs afero.Fs) {
				b, err := afero.ReadFile(afs, "state.json")
				if err != nil || string(b) != `{"v":1}` && string(b) != `{"v":2}` {
					t.Errorf("state.json = %q, %v; want version 1 or 2, whole", b, err)
				}
			})
	}
	_ = testSave // func TestSave(t *testing.T) in your _test.go file
}

func ExampleCrashCheck() {
	// An append-only log, appended without Sync: after a power loss, the
	// last records may be gone.
	err := aferoadapter.CrashCheck(fixture.Tree{"log": fixture.File("a\n")},
		func(afs afero.Fs) error {
			return afero.WriteFile(afs, "log", []byte("a\nb\n"), 0o644)
		},
		func(afs afero.Fs) error {
			b, _ := afero.ReadFile(afs, "log")
			if len(b) < 2 {
				return fmt.Errorf("log holds %q: a record that was there before is lost", b)
			}
			return nil
		})
	fmt.Println(err)
	// Output:
	// aferoadapter: CrashCheck: the check failed on 1 of 3 crash states (seed 1):
	// crash-1-truncate-log/nothing-lost: log holds "": a record that was there before is lost
	// 	after operation 1 of 2: truncate log
	// 	state nothing-lost: nothing lost, as after a crash of the process alone
}
