package aferoadapter_test

import (
	"os"
	"testing"

	"github.com/spf13/afero"

	"github.com/tmpkit/tmpkit/aferoadapter"
	"github.com/tmpkit/tmpkit/fixture"
)

// openFilesScenario opens f until open fails, then tries the other calls
// that need a handle, and the one that does not.
func openFilesScenario(s *scene, afs afero.Fs) (opened []afero.File) {
	for range 1 << 16 {
		f, err := afs.Open(s.p("f"))
		if err != nil {
			s.note("Open f past the limit", err)
			break
		}
		opened = append(opened, f)
	}
	_, err := afs.Create(s.p("g"))
	s.note("Create g", err)
	s.note("WriteFile g", afero.WriteFile(afs, s.p("g"), []byte("x"), 0o644))
	_, err = afero.ReadDir(afs, s.dir+"/")
	s.note("ReadDir .", err)
	s.note("Mkdir d", afs.Mkdir(s.p("d"), 0o755))
	return opened
}

// openFilesWant is what Linux gives past RLIMIT_NOFILE, as
// TestMaxOpenFilesMatchesRlimit checks.
var openFilesWant = []string{
	"Open f past the limit: *fs.PathError{open f EMFILE}",
	"Create g: *fs.PathError{open g EMFILE}",
	"WriteFile g: *fs.PathError{open g EMFILE}",
	"ReadDir .: *fs.PathError{open  EMFILE}",
	"Mkdir d: ok",
}

func TestMaxOpenFiles(t *testing.T) {
	onEach(t, func(t *testing.T, afs afero.Fs, dir string) {
		s := newScene(t, afs, dir, fixture.Tree{"f": fixture.File("f")})
		in := aferoadapter.Inject(afs, aferoadapter.MaxOpenFiles(3))
		opened := openFilesScenario(s, in)
		if len(opened) != 3 {
			t.Errorf("%d handles opened, want 3", len(opened))
		}
		s.wantLog(openFilesWant...)

		// Closing frees a slot; closing twice frees one.
		s.log = nil
		s.note("Close", opened[0].Close())
		s.note("Close again", opened[0].Close())
		f, err := in.Open(s.p("f"))
		s.note("Open f", err)
		_, err = in.Open(s.p("f"))
		s.note("Open f", err)
		s.note("Close", f.Close())
		f, err = in.OpenFile(s.p("g"), os.O_RDWR|os.O_CREATE, 0o644)
		s.note("OpenFile g O_CREATE", err)
		s.wantLog(
			"Close: ok",
			"Close again: *fs.PathError{close f fs.ErrClosed}",
			"Open f: ok",
			"Open f: *fs.PathError{open f EMFILE}",
			"Close: ok",
			"OpenFile g O_CREATE: ok",
		)
		for _, f := range append(opened[1:], f) {
			f.Close()
		}
	})
}

// TestMaxOpenFilesAfterTimes: the calls MaxOpenFiles counts are the opens
// past the limit.
func TestMaxOpenFilesAfterTimes(t *testing.T) {
	onEach(t, func(t *testing.T, afs afero.Fs, dir string) {
		s := newScene(t, afs, dir, fixture.Tree{"f": fixture.File("f")})
		in := aferoadapter.Inject(afs, aferoadapter.MaxOpenFiles(1).After(1).Times(1))
		for range 4 {
			f, err := in.Open(s.p("f"))
			s.note("Open f", err)
			if err == nil {
				defer f.Close()
			}
		}
		s.wantLog("Open f: ok", "Open f: ok", "Open f: *fs.PathError{open f EMFILE}", "Open f: ok")
	})
}
