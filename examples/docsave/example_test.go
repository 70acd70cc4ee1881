package docsave_test

import (
	"errors"
	"fmt"
	"syscall"

	"github.com/spf13/afero"

	"github.com/tmpkit/tmpkit/aferoadapter"
	"github.com/tmpkit/tmpkit/examples/docsave"
	"github.com/tmpkit/tmpkit/fixture"
)

func ExampleSave() {
	afs := aferoadapter.NewMemFs()
	if err := docsave.Save(afs, "notes.txt", []byte("first\n")); err != nil {
		fmt.Println(err)
	}
	b, _ := afero.ReadFile(afs, "notes.txt")
	fmt.Printf("%q\n", b)

	// A full disk: the old document stays, and the error says why.
	full := aferoadapter.Inject(afs, aferoadapter.DiskFull(10))
	err := docsave.Save(full, "notes.txt", []byte("second, longer\n"))
	fmt.Println(err)
	fmt.Println(errors.Is(err, syscall.ENOSPC))
	b, _ = afero.ReadFile(afs, "notes.txt")
	fmt.Printf("%q\n", b)
	// Output:
	// "first\n"
	// docsave: save notes.txt: write .notes.txt.tmp: no space left on device
	// true
	// "first\n"
}

func ExampleSaveNaive() {
	err := aferoadapter.CrashCheck(fixture.Tree{"notes.txt": fixture.File("first\n")},
		func(afs afero.Fs) error { return docsave.SaveNaive(afs, "notes.txt", []byte("second\n")) },
		func(afs afero.Fs) error {
			b, _ := afero.ReadFile(afs, "notes.txt")
			if s := string(b); s != "first\n" && s != "second\n" {
				return fmt.Errorf("notes.txt holds %q", s)
			}
			return nil
		})
	fmt.Println(err)
	// Output:
	// aferoadapter: CrashCheck: the check failed on 1 of 5 crash states (seed 1):
	// crash-3-rename-notes.txt/data-lost: notes.txt holds ""
	// 	after operation 3 of 3: rename .notes.txt.tmp notes.txt
	// 	state data-lost: every directory change kept, the file data not synced lost
	// 	lost: 1 write to notes.txt (not synced)
}
