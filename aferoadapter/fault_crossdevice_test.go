package aferoadapter_test

import (
	"testing"

	"github.com/spf13/afero"

	"github.com/tmpkit/tmpkit/aferoadapter"
	"github.com/tmpkit/tmpkit/fixture"
)

func crossDeviceTree() fixture.Tree {
	return fixture.Tree{
		"a/f":       fixture.File("a"),
		"mnt/x":     fixture.File("x"),
		"mnt/sub/y": fixture.File("y"),
	}
}

// crossDeviceScenario renames across and within mnt, another device.
func crossDeviceScenario(s *scene, afs afero.Fs) {
	rename := func(from, to string) { s.note("Rename "+from+" "+to, afs.Rename(s.p(from), s.p(to))) }
	rename("a/f", "mnt/f")
	rename("mnt/x", "a/x")
	rename("a/missing", "mnt/f")
	rename("mnt/x", "mnt/sub/x")
	rename("mnt/sub", "mnt/sub2")
	rename("a/f", "a/g")
}

// crossDeviceWant is what Linux gives with a tmpfs mounted on mnt, as
// TestFaultsMatchRealMounts checks when it can mount one.
var crossDeviceWant = []string{
	"Rename a/f mnt/f: *os.LinkError{rename a/f mnt/f EXDEV}",
	"Rename mnt/x a/x: *os.LinkError{rename mnt/x a/x EXDEV}",
	"Rename a/missing mnt/f: *os.LinkError{rename a/missing mnt/f EXDEV}",
	"Rename mnt/x mnt/sub/x: ok",
	"Rename mnt/sub mnt/sub2: ok",
	"Rename a/f a/g: ok",
}

func TestCrossDevice(t *testing.T) {
	onEach(t, func(t *testing.T, afs afero.Fs, dir string) {
		s := newScene(t, afs, dir, crossDeviceTree())
		crossDeviceScenario(s, aferoadapter.Inject(afs, aferoadapter.CrossDevice(s.p("mnt"))))
		s.wantLog(crossDeviceWant...)
		fixture.Assert(t, s.fs(), fixture.Tree{
			"a/g":        fixture.File("a"),
			"mnt/sub2/x": fixture.File("x"),
			"mnt/sub2/y": fixture.File("y"),
		})
	})
}

// TestCrossDeviceEachMatch: every name a pattern matches is a device.
func TestCrossDeviceEachMatch(t *testing.T) {
	onEach(t, func(t *testing.T, afs afero.Fs, dir string) {
		s := newScene(t, afs, dir, fixture.Tree{"mnt/a/x": fixture.File("x"), "mnt/b": fixture.Dir()})
		in := aferoadapter.Inject(afs, aferoadapter.CrossDevice(s.p("mnt/*")))
		s.note("Rename mnt/a/x mnt/b/x", in.Rename(s.p("mnt/a/x"), s.p("mnt/b/x")))
		s.note("Rename mnt/a/x mnt/a/y", in.Rename(s.p("mnt/a/x"), s.p("mnt/a/y")))
		s.wantLog(
			"Rename mnt/a/x mnt/b/x: *os.LinkError{rename mnt/a/x mnt/b/x EXDEV}",
			"Rename mnt/a/x mnt/a/y: ok",
		)
	})
}
