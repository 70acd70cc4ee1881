package aferoadapter_test

import (
	"bytes"
	"fmt"
	"testing"
	"time"

	"github.com/spf13/afero"

	"github.com/tmpkit/tmpkit/aferoadapter"
	"github.com/tmpkit/tmpkit/fixture"
)

// crashBench is a workload of exactly 100 crash points: 20 documents
// replaced the safe way (create, two writes, Sync, rename: 4 points) and
// 20 old files removed (1 point each), the directory synced every fifth
// document; the check reads every document.
var crashBench = struct {
	setup fixture.Tree
	work  func(afs afero.Fs) error
	check func(afs afero.Fs) error
}{
	setup: func() fixture.Tree {
		tree := fixture.Tree{}
		for i := range 20 {
			tree[fmt.Sprintf("doc%02d", i)] = fixture.File(bytes.Repeat([]byte("o"), 512))
			tree[fmt.Sprintf("old%02d", i)] = fixture.File("old")
		}
		return tree
	}(),
	work: func(afs afero.Fs) error {
		half := bytes.Repeat([]byte("n"), 256)
		for i := range 20 {
			tmp := fmt.Sprintf("/doc%02d.tmp", i)
			f, err := afs.Create(tmp)
			if err != nil {
				return err
			}
			f.Write(half)
			f.Write(half)
			f.Sync()
			f.Close()
			if err := afs.Rename(tmp, fmt.Sprintf("/doc%02d", i)); err != nil {
				return err
			}
			if err := afs.Remove(fmt.Sprintf("/old%02d", i)); err != nil {
				return err
			}
			if i%5 == 4 {
				if err := syncDirOf(afs, "/"); err != nil {
					return err
				}
			}
		}
		return nil
	},
	check: func(afs afero.Fs) error {
		for i := range 20 {
			b, err := afero.ReadFile(afs, fmt.Sprintf("/doc%02d", i))
			if err != nil {
				return err
			}
			if len(b) != 512 || b[0] != b[511] {
				return fmt.Errorf("doc%02d is torn", i)
			}
		}
		return nil
	},
}

// BenchmarkCrashCheck100 is CrashCheck (CrashTest's engine, without the
// subtests a benchmark cannot make) of the 100-operation workload, against
// what one run costs on a fresh NewMemFs (New of the setup, work, check),
// in turns in one run. It reports the time per crash state checked and
// its ratio to one run, with and without New:
//
//	go test -run='^$' -bench=CrashCheck100 -benchtime=20x -count=5 ./aferoadapter/
//
// Target: state/run at most 3.
func BenchmarkCrashCheck100(b *testing.B) {
	b.Run("interleaved", benchCrashCheck)
}

func benchCrashCheck(b *testing.B) {
	w := crashBench
	states := 0
	var crash, run, runWithoutNew time.Duration
	oneRun := func() {
		start := time.Now()
		afs := aferoadapter.New(b, w.setup)
		made := time.Now()
		if err := w.work(afs); err != nil {
			b.Fatal(err)
		}
		if err := w.check(afs); err != nil {
			b.Fatal(err)
		}
		run += time.Since(start)
		runWithoutNew += time.Since(made)
	}
	crashCheck := func() {
		start := time.Now()
		states = 0
		err := aferoadapter.CrashCheck(w.setup, w.work, func(afs afero.Fs) error {
			states++
			return w.check(afs)
		})
		crash += time.Since(start)
		if err != nil {
			b.Fatal(err)
		}
	}
	// One CrashCheck, then as many runs as it checked states, or the other
	// way round: the two totals are of one size, so that the load of a
	// shared machine weighs on both alike.
	runs := func() {
		for range max(states, 1) {
			oneRun()
		}
	}
	round, checks := 0, 0
	for b.Loop() {
		if round%2 == 0 {
			crashCheck()
			runs()
		} else {
			runs()
			crashCheck()
		}
		checks += max(states, 1)
		round++
	}
	perState := float64(crash) / float64(b.N*states)
	perRun := float64(run) / float64(checks)
	b.ReportMetric(float64(states), "states")
	b.ReportMetric(perState, "ns/state")
	b.ReportMetric(perRun, "run-ns")
	b.ReportMetric(perState/perRun, "state/run")
	b.ReportMetric(perState/(float64(runWithoutNew)/float64(checks)), "state/run-without-New")
}
