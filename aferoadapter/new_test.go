package aferoadapter_test

import (
	"slices"
	"testing"

	"github.com/spf13/afero"

	"github.com/tmpkit/tmpkit/aferoadapter"
	"github.com/tmpkit/tmpkit/fixture"
	"github.com/tmpkit/tmpkit/internal/faketb"
)

func TestNew(t *testing.T) {
	afs := aferoadapter.New(t, fixture.Tree{
		"etc/app.yaml": fixture.File("name: app\n"),
		"etc/current":  fixture.Symlink("app.yaml"),
		"var/log":      fixture.Dir().WithMode(0o700),
	})
	for _, name := range []string{"/etc/app.yaml", "etc/app.yaml", "./etc/current"} {
		b, err := afero.ReadFile(afs, name)
		if err != nil || string(b) != "name: app\n" {
			t.Errorf("ReadFile(%q) = %q, %v", name, b, err)
		}
	}
	if info, err := afs.Stat("/var/log"); err != nil || info.Mode().Perm() != 0o700 {
		t.Errorf("Stat(/var/log) = %v, %v; want mode 0700", info, err)
	}
	fixture.Assert(t, aferoadapter.IOFS(afs), fixture.Tree{
		"etc/app.yaml": fixture.File("name: app\n"),
		"etc/current":  fixture.Symlink("app.yaml"),
		"var/log":      fixture.Dir().WithMode(0o700),
	})
}

func TestNewInvalidTree(t *testing.T) {
	tb := faketb.New("T", nil)
	if tb.Run(func(tb testing.TB) { aferoadapter.New(tb, fixture.Tree{"../x": fixture.File("")}) }) {
		t.Fatal("New returned; want it to stop the test")
	}
	want := `aferoadapter: New: fixture: write: invalid name "../x": has a ".." element, which steps out of a directory` + "\n(fix the Tree)"
	if !slices.Equal(tb.Fatals(), []string{want}) || tb.Called("Helper") == 0 {
		t.Errorf("Fatalf calls = %q, want [%q]", tb.Fatals(), want)
	}
}
