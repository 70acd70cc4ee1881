package aferoadapter_test

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/spf13/afero"

	"github.com/tmpkit/tmpkit/aferoadapter"
	"github.com/tmpkit/tmpkit/fixture"
)

// saveNaive replaces name with doc the way that loses documents: a temp
// file renamed over the target, never synced.
func saveNaive(afs afero.Fs, name string, doc string) error {
	f, err := afs.Create(name + ".tmp")
	if err != nil {
		return err
	}
	if _, err := f.WriteString(doc); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return afs.Rename(name+".tmp", name)
}

// saveSynced is saveNaive with the file synced before the rename and the
// directory after it.
func saveSynced(afs afero.Fs, name string, doc string) error {
	f, err := afs.Create(name + ".tmp")
	if err != nil {
		return err
	}
	_, err = f.WriteString(doc)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = afs.Rename(name+".tmp", name)
	}
	if err == nil {
		err = syncDirOf(afs, "/")
	}
	return err
}

func syncDirOf(afs afero.Fs, name string) error {
	d, err := afs.Open(name)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}

var docSetup = fixture.Tree{"doc.txt": fixture.File("old\n")}

// oldOrNew is the check of a save: the document is whole, old or new.
func oldOrNew(afs afero.Fs) error {
	b, err := afero.ReadFile(afs, "doc.txt")
	if err != nil {
		return err
	}
	if s := string(b); s != "old\n" && s != "new\n" {
		return fmt.Errorf("doc.txt holds %q, want the old or the new document", s)
	}
	return nil
}

func TestCrashCheckReport(t *testing.T) {
	t.Setenv("CRASHTEST_SEED", "")
	t.Setenv("CRASHTEST_SAMPLES", "")
	err := aferoadapter.CrashCheck(docSetup, func(afs afero.Fs) error { return saveNaive(afs, "doc.txt", "new\n") }, oldOrNew)
	want := `aferoadapter: CrashCheck: the check failed on 1 of 5 crash states (seed 1):
crash-3-rename-doc.txt/data-lost: doc.txt holds "", want the old or the new document
	after operation 3 of 3: rename doc.txt.tmp doc.txt
	state data-lost: every directory change kept, the file data not synced lost
	lost: 1 write to doc.txt (not synced)`
	if err == nil || err.Error() != want {
		t.Errorf("CrashCheck of the naive save:\n%v\nwant:\n%s", err, want)
	}
	if err := aferoadapter.CrashCheck(docSetup, func(afs afero.Fs) error { return saveSynced(afs, "doc.txt", "new\n") }, oldOrNew); err != nil {
		t.Errorf("CrashCheck of the synced save: %v", err)
	}
}

// TestCrashTestSubtests: each state is a subtest named after its crash
// point and its kind, on a fresh file system that the check may change.
func TestCrashTestSubtests(t *testing.T) {
	t.Setenv("CRASHTEST_SAMPLES", "0")
	var mu sync.Mutex
	var names []string
	aferoadapter.CrashTest(t, docSetup, func(afs afero.Fs) error { return saveSynced(afs, "doc.txt", "new\n") },
		func(t *testing.T, afs afero.Fs) {
			if err := oldOrNew(afs); err != nil {
				t.Error(err)
			}
			if _, err := afs.Stat("/marker"); err == nil {
				t.Error("a state holds what the check of another wrote")
			}
			if err := afero.WriteFile(afs, "/marker", nil, 0o644); err != nil {
				t.Error(err)
			}
			mu.Lock()
			names = append(names, strings.TrimPrefix(t.Name(), "TestCrashTestSubtests/"))
			mu.Unlock()
		})
	want := []string{
		"crash-1-create-doc.txt.tmp/durable-only",
		"crash-1-create-doc.txt.tmp/data-lost",
		"crash-2-write-doc.txt.tmp/nothing-lost",
		"crash-3-rename-doc.txt/data-lost",
	}
	if !slices.Equal(names, want) {
		t.Errorf("check ran in\n%s\nwant\n%s", strings.Join(names, "\n"), strings.Join(want, "\n"))
	}
}

func TestCrashCheckWorkError(t *testing.T) {
	failure := errors.New("work failed")
	err := aferoadapter.CrashCheck(nil, func(afs afero.Fs) error {
		afero.WriteFile(afs, "/f", []byte("x"), 0o644)
		return failure
	}, func(afero.Fs) error { return nil })
	if !errors.Is(err, failure) || err.Error() != "aferoadapter: CrashCheck: work returned an error: work failed" {
		t.Errorf("CrashCheck = %v, want the work's error, wrapped", err)
	}
}

func TestCrashCheckMisuse(t *testing.T) {
	for _, c := range []struct {
		env   []string
		setup fixture.Tree
		want  string
	}{
		{[]string{"CRASHTEST_SEED=x"}, nil, `aferoadapter: CrashCheck: CRASHTEST_SEED="x": want a number, or "random"`},
		{[]string{"CRASHTEST_SAMPLES=-1"}, nil, `aferoadapter: CrashCheck: CRASHTEST_SAMPLES="-1": want a number of sampled states per crash point, 0 to 1000`},
		{nil, fixture.Tree{"../x": fixture.File("")}, `aferoadapter: CrashCheck: setup: fixture: write: invalid name "../x": has a ".." element, which steps out of a directory` + "\n(fix the Tree)"},
	} {
		t.Run("", func(t *testing.T) {
			t.Setenv("CRASHTEST_SEED", "")
			t.Setenv("CRASHTEST_SAMPLES", "")
			for _, kv := range c.env {
				k, v, _ := strings.Cut(kv, "=")
				t.Setenv(k, v)
			}
			ran := false
			err := aferoadapter.CrashCheck(c.setup, func(afero.Fs) error { ran = true; return nil }, func(afero.Fs) error { return nil })
			if err == nil || err.Error() != c.want {
				t.Errorf("CrashCheck = %v\nwant %s", err, c.want)
			}
			if ran {
				t.Error("work ran")
			}
		})
	}
}

// TestCrashConcurrentWork: work may use the file system from several
// goroutines (run with -race).
func TestCrashConcurrentWork(t *testing.T) {
	err := aferoadapter.CrashCheck(nil, func(afs afero.Fs) error {
		var wg sync.WaitGroup
		for i := range 4 {
			wg.Go(func() {
				f, err := afs.Create(fmt.Sprintf("/f%d", i))
				if err != nil {
					t.Error(err)
					return
				}
				f.WriteString("a")
				f.Sync()
				f.WriteString("b")
				f.Close()
			})
		}
		wg.Wait()
		return nil
	}, func(afs afero.Fs) error { return nil })
	if err != nil {
		t.Error(err)
	}
}

// TestCrashTestFailureOutput runs a failing CrashTest in a child process,
// so that its failure does not fail this test, and checks what go test
// prints of it: the state's log line points at the CrashTest call, not
// into crash.go (as it did before it pulled its iterator).
func TestCrashTestFailureOutput(t *testing.T) {
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashTestChild$")
	cmd.Env = append(os.Environ(), "TMPKIT_CRASH_CHILD=1", "CRASHTEST_SEED=", "CRASHTEST_SAMPLES=")
	out, err := cmd.CombinedOutput()
	if err == nil {
		t.Fatalf("the child passed; want it to fail:\n%s", out)
	}
	got := regexp.MustCompile(`\(\d+\.\d+s\)`).ReplaceAllString(string(out), "(0.00s)")
	got = regexp.MustCompile(`(?m)^(FAIL|exit status).*\n`).ReplaceAllString(got, "")
	want := `--- FAIL: TestCrashTestChild (0.00s)
    crash_test.go:NN: aferoadapter: CrashTest: work returned an error; the states of what it did are checked all the same:
        saved, then failed
    --- FAIL: TestCrashTestChild/crash-3-rename-doc.txt (0.00s)
        --- FAIL: TestCrashTestChild/crash-3-rename-doc.txt/data-lost (0.00s)
            crash_test.go:NN: doc.txt holds "", want the old or the new document
            crash_test.go:NN: after operation 3 of 3: rename doc.txt.tmp doc.txt
                state data-lost: every directory change kept, the file data not synced lost
                lost: 1 write to doc.txt (not synced)
                rerun it: CRASHTEST_SEED=1 go test -run '^TestCrashTestChild$/^crash-3-rename-doc\.txt$/^data-lost$'
`
	got = regexp.MustCompile(`\.go:\d+:`).ReplaceAllString(got, ".go:NN:")
	if got != want {
		t.Errorf("the child printed:\n%s\nwant:\n%s", got, want)
	}
}

// TestCrashTestChild is the child of TestCrashTestFailureOutput.
func TestCrashTestChild(t *testing.T) {
	if os.Getenv("TMPKIT_CRASH_CHILD") == "" {
		t.Skip("runs as the child of TestCrashTestFailureOutput")
	}
	aferoadapter.CrashTest(t, docSetup, func(afs afero.Fs) error {
		if err := saveNaive(afs, "doc.txt", "new\n"); err != nil {
			return err
		}
		return errors.New("saved, then failed")
	}, func(t *testing.T, afs afero.Fs) {
		if err := oldOrNew(afs); err != nil {
			t.Error(err)
		}
	})
}

// TestCrashWorkThroughAdapters: work may write through FS (fixture) and
// through Inject of the file system it is given: every change is still a
// crash point, and a fault fails work as on any file system.
func TestCrashWorkThroughAdapters(t *testing.T) {
	t.Setenv("CRASHTEST_SAMPLES", "0")
	var seen []string
	err := aferoadapter.CrashCheck(nil, func(afs afero.Fs) error {
		if err := fixture.WriteFS(aferoadapter.FS(afs), fixture.Tree{"d/a": fixture.File("a")}); err != nil {
			return err
		}
		full := aferoadapter.Inject(afs, aferoadapter.DiskFull(3))
		return afero.WriteFile(full, "/d/b", []byte("bcd"), 0o644)
	}, func(afs afero.Fs) error {
		tree, err := fixture.Read(aferoadapter.IOFS(afs))
		if err != nil {
			return err
		}
		seen = append(seen, fmt.Sprint(len(tree)))
		return nil
	})
	want := "aferoadapter: CrashCheck: work returned an error: write /d/b: no space left on device"
	if err == nil || err.Error() != want {
		t.Errorf("CrashCheck = %v\nwant %s", err, want)
	}
	// mkdir d, create d/a, write d/a, create d/b, write d/b (2 of 3 bytes):
	// the states hold 0 to 3 entries.
	if got := strings.Join(seen, " "); got != "0 1 2 2 3 3 3" {
		t.Errorf("entries per state: %s", got)
	}
}
