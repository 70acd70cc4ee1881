package aferoadapter

import (
	"errors"
	"fmt"
	"hash/maphash"
	"iter"
	"math/rand/v2"
	"os"
	"strings"
	"testing"

	"github.com/spf13/afero"

	"github.com/tmpkit/tmpkit/fixture"
)

// CrashTest checks what a power loss during work could leave behind. It
// runs work once on a [NewMemFs] holding setup that records which changes
// are durable; then, for every crash point (the moment after each call
// of work that changes the file system), it builds each state a power
// loss there could leave, each a fresh NewMemFs, and runs check on it as
// a subtest named crash-<k>-<op>-<path>/<state>, k counting from 1: for
// example crash-3-rename-doc.txt/data-lost. Slashes of the path read "_".
//
// The calls that change the file system are the crash points: a create
// (Create, or OpenFile making a file), each Write, WriteAt and
// WriteString, Truncate (and an open with O_TRUNC of a file holding
// data), Mkdir (MkdirAll: each directory it makes), Symlink, Remove,
// RemoveAll (one point for the whole tree), Rename, Chmod, Chown and
// Chtimes.
//
// The durability model is that of POSIX file systems as the OSDI 2014
// study of crash consistency found them (Pillai et al., "All File Systems
// Are Not Created Equal: On the Complexity of Crafting Crash-Consistent
// Applications") and as LazyFS simulates them (Ramos et al., "When
// Amnesia Strikes: Understanding and Reproducing Data Loss Bugs with
// Fault Injection", VLDB 2024):
//
//   - The setup tree is durable from the start.
//   - A file's data (its content, size, mode and times) is durable once
//     the file is Synced, through any handle.
//   - A change of a directory's entries (create, mkdir, symlink, remove)
//     is durable once that directory is Synced: a Sync on a handle of the
//     directory opened with Open. A rename is one change, made durable by
//     a Sync of the destination's directory, and applied whole.
//   - Anything else may be lost.
//
// Each crash point yields these states, a state identical to one already
// checked (at this point or an earlier one) being checked only once:
//
//   - durable-only: only what is durable.
//   - data-lost: every directory change kept, the file data not synced
//     lost: what ext4 and XFS can leave, the classic empty file after a
//     rename.
//   - nothing-lost: every change kept, as after a crash of the process
//     alone.
//   - sample-1, sample-2: the durable changes and a random first part of
//     the others (journalled file systems keep directory changes in
//     order), each file at one of its contents since its last Sync, one
//     per write.
//
// The samples are drawn from the seed CRASHTEST_SEED (default 1, or
// "random"), and their number is CRASHTEST_SAMPLES (default 2), both read
// at call time. A failing state's subtest logs the crash point, what the
// state lost and the command that runs it again, seed included. Code
// under test may also wrap the file system it is given in [Inject], to
// crash and fail at once.
//
// A work that returns an error fails the test, and the states of the
// changes it made are checked all the same. CrashTest stops the test if
// setup is not a valid tree or an environment variable has a bad value.
// [CrashCheck] is the same check as an error, without subtests.
func CrashTest(t *testing.T, setup fixture.Tree, work func(afs afero.Fs) error, check func(t *testing.T, afs afero.Fs)) {
	t.Helper()
	run, err := startCrashRun("CrashTest", setup, work, os.Getenv)
	if err != nil {
		t.Fatalf("%v", err)
		return
	}
	if run.workErr != nil {
		t.Errorf("aferoadapter: CrashTest: work returned an error; the states of what it did are checked all the same:\n%v", run.workErr)
	}
	// Pulled, not ranged over: the body of a range over the iterator is a
	// function of its own, called by the iterator, and both would stand
	// between the log line below and CrashTest's caller.
	next, stop := iter.Pull(run.points())
	defer stop()
	for p, ok := next(); ok; p, ok = next() {
		t.Run(p.name, func(t *testing.T) {
			t.Helper()
			for _, st := range p.states {
				t.Run(st.name, func(t *testing.T) {
					t.Helper() // the log line below points at the CrashTest call
					defer func() {
						t.Helper()
						if t.Failed() {
							t.Logf("%s\nrerun it: CRASHTEST_SEED=%d go test -run '%s'", run.describe(p, st), run.seed, runPattern(t.Name()))
						}
					}()
					check(t, st.fs)
				})
			}
		})
	}
}

// CrashCheck is [CrashTest] returning an error instead of failing a test:
// it runs work and calls check on every crash state, and returns nil when
// work returned nil and check passed everywhere. Otherwise its error
// lists each state check failed on, with the error check returned and
// what the state lost, and wraps the error of work. It returns an error
// too if setup is not a valid tree or an environment variable has a bad
// value.
func CrashCheck(setup fixture.Tree, work func(afs afero.Fs) error, check func(afs afero.Fs) error) error {
	run, err := startCrashRun("CrashCheck", setup, work, os.Getenv)
	if err != nil {
		return err
	}
	var failed []string
	total := 0
	for p := range run.points() {
		for _, st := range p.states {
			total++
			if err := check(st.fs); err != nil {
				failed = append(failed, fmt.Sprintf("%s/%s: %v\n%s", p.name, st.name, err, indent(run.describe(p, st))))
			}
		}
	}
	var report error
	if len(failed) > 0 {
		report = fmt.Errorf("aferoadapter: CrashCheck: the check failed on %d of %d crash states (seed %d):\n%s",
			len(failed), total, run.seed, strings.Join(failed, "\n"))
	}
	if run.workErr != nil {
		return errors.Join(fmt.Errorf("aferoadapter: CrashCheck: work returned an error: %w", run.workErr), report)
	}
	return report
}

// crashRun is one run of work, and the states to check.
type crashRun struct {
	log     *crashLog
	seed    uint64
	samples int
	workErr error
}

// runPoint is a crash point and its states not seen before, built.
type runPoint struct {
	k      int // in crashLog.points
	name   string
	states []*crashState
}

// startCrashRun writes setup into a NewMemFs and runs work on it; fn
// names the caller in errors.
func startCrashRun(fn string, setup fixture.Tree, work func(afero.Fs) error, getenv func(string) string) (*crashRun, error) {
	cfg, err := crashConfigFrom(getenv)
	if err != nil {
		return nil, fmt.Errorf("aferoadapter: %s: %w", fn, err)
	}
	afs, err := newTree(setup)
	if err != nil {
		return nil, fmt.Errorf("aferoadapter: %s: setup: %w\n(fix the Tree)", fn, err)
	}
	m := afs.(*memFs)
	log := newCrashLog(m)
	run := &crashRun{log: log, seed: cfg.seed, samples: cfg.samples}
	run.workErr = work(&crashFs{m: m, log: log})
	return run, nil
}

// points yields the crash points in order, each with its states that
// differ from every state yielded before, built: two states are the same
// when they reach the same inodes at the same versions by the same names.
// A point without a new state is left out. The states of one point at a
// time are in memory.
func (r *crashRun) points() iter.Seq[runPoint] {
	return func(yield func(runPoint) bool) {
		rng := rand.New(rand.NewPCG(r.seed, 0))
		seen := map[uint64]bool{}
		seed := maphash.MakeSeed()
		for k := range r.log.points {
			p := runPoint{k: k, name: r.log.points[k].subtestName(k)}
			for _, st := range r.log.states(k, r.samples, rng) {
				if key := r.log.key(st, seed); !seen[key] {
					seen[key] = true
					st.fs, st.paths = r.log.build(st)
					p.states = append(p.states, st)
				}
			}
			if len(p.states) > 0 && !yield(p) {
				return
			}
		}
	}
}
