package docsave_test

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"syscall"
	"testing"

	"github.com/spf13/afero"

	"github.com/tmpkit/tmpkit/aferoadapter"
	"github.com/tmpkit/tmpkit/examples/docsave"
	"github.com/tmpkit/tmpkit/fixture"
)

const (
	oldDoc = "Dear reader,\nthe first draft.\n"
	newDoc = "Dear reader,\nthe second draft, longer than the first.\n"
)

// setup is the disk before the save: the old document.
var setup = fixture.Tree{"doc.txt": fixture.File(oldDoc)}

// wholeDocument is what a save promises: the target holds the old or the
// new document, never an empty or partial one.
func wholeDocument(afs afero.Fs) error {
	b, err := afero.ReadFile(afs, "doc.txt")
	if err != nil {
		return fmt.Errorf("doc.txt: %w", err)
	}
	if got := string(b); got != oldDoc && got != newDoc {
		return fmt.Errorf("doc.txt holds %q (%d bytes): want the old or the new document, never an empty or partial one", got, len(b))
	}
	return nil
}

// TestSaveSurvivesPowerLoss: at every point of Save a power loss leaves
// the old document or the new one.
func TestSaveSurvivesPowerLoss(t *testing.T) {
	aferoadapter.CrashTest(t, setup,
		func(afs afero.Fs) error { return docsave.Save(afs, "doc.txt", []byte(newDoc)) },
		func(t *testing.T, afs afero.Fs) {
			if err := wholeDocument(afs); err != nil {
				t.Error(err)
			}
		})
}

// TestSaveNaiveLosesTheDocument: a power loss right after SaveNaive's
// rename can leave the rename done and the new data lost, an empty
// document. CrashCheck, CrashTest's engine, reports it as an error, so
// the naive version's failure can be asserted without failing the run.
func TestSaveNaiveLosesTheDocument(t *testing.T) {
	t.Setenv("CRASHTEST_SEED", "")
	t.Setenv("CRASHTEST_SAMPLES", "")
	err := aferoadapter.CrashCheck(setup,
		func(afs afero.Fs) error { return docsave.SaveNaive(afs, "doc.txt", []byte(newDoc)) },
		wholeDocument)
	want := `aferoadapter: CrashCheck: the check failed on 1 of 5 crash states (seed 1):
crash-3-rename-doc.txt/data-lost: doc.txt holds "" (0 bytes): want the old or the new document, never an empty or partial one
	after operation 3 of 3: rename .doc.txt.tmp doc.txt
	state data-lost: every directory change kept, the file data not synced lost
	lost: 1 write to doc.txt (not synced)`
	if err == nil || err.Error() != want {
		t.Errorf("CrashCheck of SaveNaive:\n%v\nwant:\n%s", err, want)
	}
}

// TestSaveNaiveCrashTestOutput runs CrashTest on SaveNaive in a child
// process, where it fails, and checks what go test prints: the output the
// docs/faults.md shows.
func TestSaveNaiveCrashTestOutput(t *testing.T) {
	cmd := exec.Command(os.Args[0], "-test.run=^TestSaveNaiveCrashTest$")
	cmd.Env = append(os.Environ(), "DOCSAVE_NAIVE_CHILD=1", "CRASHTEST_SEED=", "CRASHTEST_SAMPLES=")
	out, err := cmd.CombinedOutput()
	if err == nil {
		t.Fatalf("CrashTest passed on SaveNaive; want it to fail:\n%s", out)
	}
	got := regexp.MustCompile(`\(\d+\.\d+s\)`).ReplaceAllString(string(out), "(0.00s)")
	got = regexp.MustCompile(`(?m)^(FAIL|exit status).*\n`).ReplaceAllString(got, "")
	got = regexp.MustCompile(`(crash|docsave_test)\.go:\d+:`).ReplaceAllString(got, "$1.go:NN:")
	want := `--- FAIL: TestSaveNaiveCrashTest (0.00s)
    --- FAIL: TestSaveNaiveCrashTest/crash-3-rename-doc.txt (0.00s)
        --- FAIL: TestSaveNaiveCrashTest/crash-3-rename-doc.txt/data-lost (0.00s)
            docsave_test.go:NN: doc.txt holds "" (0 bytes): want the old or the new document, never an empty or partial one
            docsave_test.go:NN: after operation 3 of 3: rename .doc.txt.tmp doc.txt
                state data-lost: every directory change kept, the file data not synced lost
                lost: 1 write to doc.txt (not synced)
                rerun it: CRASHTEST_SEED=1 go test -run '^TestSaveNaiveCrashTest$/^crash-3-rename-doc\.txt$/^data-lost$'
`
	if got != want {
		t.Errorf("go test printed:\n%s\nwant:\n%s", got, want)
	}
}

// TestSaveNaiveCrashTest is TestSaveSurvivesPowerLoss on SaveNaive. It
// fails, so it runs only as the child of TestSaveNaiveCrashTestOutput.
func TestSaveNaiveCrashTest(t *testing.T) {
	if os.Getenv("DOCSAVE_NAIVE_CHILD") == "" {
		t.Skip("fails on purpose: runs as the child of TestSaveNaiveCrashTestOutput")
	}
	aferoadapter.CrashTest(t, setup,
		func(afs afero.Fs) error { return docsave.SaveNaive(afs, "doc.txt", []byte(newDoc)) },
		func(t *testing.T, afs afero.Fs) {
			if err := wholeDocument(afs); err != nil {
				t.Error(err)
			}
		})
}

// TestSaveDiskFull: when the disk fills up during the save, the old
// document stays whole, no temporary file is left, and the error wraps
// ENOSPC. On NewMemFs and on the disk.
func TestSaveDiskFull(t *testing.T) {
	for _, c := range []struct {
		name string
		new  func(t *testing.T) afero.Fs
	}{
		{"NewMemFs", func(t *testing.T) afero.Fs { return aferoadapter.New(t, setup) }},
		{"disk", func(t *testing.T) afero.Fs {
			root, err := os.OpenRoot(fixture.New(t, setup))
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { root.Close() })
			return aferoadapter.NewRootFs(root)
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			for _, save := range []func(afero.Fs, string, []byte) error{docsave.Save, docsave.SaveNaive} {
				afs := c.new(t)
				// Room for the old document and 20 bytes more.
				full := aferoadapter.Inject(afs, aferoadapter.DiskFull(int64(len(oldDoc)+20)))
				err := save(full, "doc.txt", []byte(newDoc))
				if !errors.Is(err, syscall.ENOSPC) {
					t.Errorf("save = %v, want an error wrapping ENOSPC", err)
				}
				if want := "docsave: save doc.txt: write .doc.txt.tmp: no space left on device"; err == nil || err.Error() != want {
					t.Errorf("save = %v\nwant %s", err, want)
				}
				fixture.Assert(t, aferoadapter.IOFS(afs), setup)
			}
		})
	}
}

// TestSaveOnDisk: the same code on the real disk.
func TestSaveOnDisk(t *testing.T) {
	dir := fixture.New(t, setup)
	name := filepath.Join(dir, "doc.txt")
	for _, save := range []func(afero.Fs, string, []byte) error{docsave.Save, docsave.SaveNaive} {
		if err := save(afero.NewOsFs(), name, []byte(newDoc)); err != nil {
			t.Fatal(err)
		}
		fixture.Assert(t, os.DirFS(dir), fixture.Tree{"doc.txt": fixture.File(newDoc)})
	}
}

// TestSaveErrors: a failing step leaves the document and no temporary
// file, and the error names the document and wraps the cause.
func TestSaveErrors(t *testing.T) {
	for _, c := range []struct {
		fault aferoadapter.Fault
		want  string
	}{
		{aferoadapter.FailOn("sync", "**", syscall.EIO), "docsave: save doc.txt: sync .doc.txt.tmp: input/output error"},
		{aferoadapter.FailOn("close", "**", syscall.EIO), "docsave: save doc.txt: close .doc.txt.tmp: input/output error"},
		{aferoadapter.CrossDevice("doc.txt"), "docsave: save doc.txt: rename .doc.txt.tmp doc.txt: invalid cross-device link"},
		{aferoadapter.ReadOnly(""), "docsave: save doc.txt: open .doc.txt.tmp: read-only file system"},
	} {
		afs := aferoadapter.New(t, setup)
		err := docsave.Save(aferoadapter.Inject(afs, c.fault), "doc.txt", []byte(newDoc))
		if err == nil || err.Error() != c.want {
			t.Errorf("%v: Save = %v\nwant %s", c.fault, err, c.want)
		}
		fixture.Assert(t, aferoadapter.IOFS(afs), setup)
	}
	// The directory's Sync, the second, comes after the rename: the new
	// document is in place, and the error says the save may not survive a
	// power loss.
	afs := aferoadapter.New(t, setup)
	err := docsave.Save(aferoadapter.Inject(afs, aferoadapter.FailOn("sync", "**", syscall.EIO).After(1)), "doc.txt", []byte(newDoc))
	if want := "docsave: save doc.txt: sync .: input/output error"; err == nil || err.Error() != want {
		t.Errorf("Save = %v\nwant %s", err, want)
	}
	fixture.Assert(t, aferoadapter.IOFS(afs), fixture.Tree{"doc.txt": fixture.File(newDoc)})
}
