package aferoadapter_test

import (
	"io/fs"
	"os"
	"testing"

	"github.com/spf13/afero"

	"github.com/tmpkit/tmpkit/aferoadapter"
	"github.com/tmpkit/tmpkit/aferoadapter/aferotest"
)

// injected returns b with its file systems wrapped by Inject with faults.
func injected(b aferotest.Backend, faults ...aferoadapter.Fault) aferotest.Backend {
	inner := b.New
	b.Name = "Inject(" + b.Name + ")"
	b.New = func(t testing.TB) (afero.Fs, string) {
		afs, dir := inner(t)
		return aferoadapter.Inject(afs, faults...), dir
	}
	return b
}

// injectBackends are the backends Inject must be transparent on: NewMemFs,
// the disk through OsFs, NewRootFs and BasePathFs.
func injectBackends() []aferotest.Backend {
	var bs []aferotest.Backend
	for _, b := range backends() {
		if b.Name != "MemMapFs" {
			bs = append(bs, b)
		}
	}
	return bs
}

// TestInjectNoFaultsConformance runs the suite on Inject(NewMemFs()) as
// subtests.
func TestInjectNoFaultsConformance(t *testing.T) {
	aferotest.Run(t, injected(aferotest.Backend{
		Name: "NewMemFs",
		New:  func(testing.TB) (afero.Fs, string) { return aferoadapter.NewMemFs(), "/" },
	}))
}

// TestInjectIsTransparent checks, check by check, that Inject without a
// fault that fires gives every backend's own results: status and detail.
// A fault that matches nothing the suite touches must be as transparent
// as none.
func TestInjectIsTransparent(t *testing.T) {
	// The stress check passes or fails the same through Inject; at its full
	// 500ms it would run 12 times here. TestConformanceTable runs it whole.
	t.Setenv(aferotest.StressEnv, "50ms")
	never := []aferoadapter.Fault{
		aferoadapter.FailOn("open", "**/never-touched", os.ErrInvalid),
		aferoadapter.ReadOnly("**/never-touched"),
		aferoadapter.CrossDevice("**/never-touched"),
		aferoadapter.DiskFull(1 << 40),
		aferoadapter.MaxOpenFiles(1 << 20),
	}
	for _, b := range injectBackends() {
		want := aferotest.Evaluate(t, b)
		for _, faults := range [][]aferoadapter.Fault{nil, never} {
			got := aferotest.Evaluate(t, injected(b, faults...))
			for i, w := range want {
				if got[i] != w {
					t.Errorf("%s with %d faults: %s = %s %q, want %s %q as without Inject",
						b.Name, len(faults), w.Check, got[i].Status, got[i].Detail, w.Status, w.Detail)
				}
			}
		}
	}
}

// optional is an afero.Fs with some of afero's optional interfaces.
type (
	fsOnly      struct{ afero.Fs }
	withLstat   struct{ afero.Fs }
	withLink    struct{ afero.Fs }
	withReadln  struct{ afero.Fs }
	lstatLink   struct{ withLstat }
	lstatReadln struct{ withLstat }
	linkReadln  struct{ withLink }
	allThree    struct{ withLstat }
)

func (f withLstat) LstatIfPossible(name string) (fs.FileInfo, bool, error) {
	return f.Fs.(afero.Lstater).LstatIfPossible(name)
}
func (f withLink) SymlinkIfPossible(o, n string) error {
	return f.Fs.(afero.Linker).SymlinkIfPossible(o, n)
}
func (f withReadln) ReadlinkIfPossible(n string) (string, error) {
	return f.Fs.(afero.LinkReader).ReadlinkIfPossible(n)
}
func (f lstatLink) SymlinkIfPossible(o, n string) error {
	return withLink{f.Fs}.SymlinkIfPossible(o, n)
}
func (f lstatReadln) ReadlinkIfPossible(n string) (string, error) {
	return withReadln{f.Fs}.ReadlinkIfPossible(n)
}
func (f linkReadln) ReadlinkIfPossible(n string) (string, error) {
	return withReadln{f.Fs}.ReadlinkIfPossible(n)
}
func (f allThree) SymlinkIfPossible(o, n string) error { return withLink{f.Fs}.SymlinkIfPossible(o, n) }
func (f allThree) ReadlinkIfPossible(n string) (string, error) {
	return withReadln{f.Fs}.ReadlinkIfPossible(n)
}

// TestInjectKeepsOptionalInterfaces checks every combination of afero's
// optional interfaces, and the real backends: Inject(afs) has each
// exactly when afs has it, and its handles are fs.ReadDirFile exactly when
// afs's are.
func TestInjectKeepsOptionalInterfaces(t *testing.T) {
	m := aferoadapter.NewMemFs()
	root, err := os.OpenRoot(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	for _, afs := range []afero.Fs{
		fsOnly{m}, withLstat{m}, withLink{m}, withReadln{m},
		lstatLink{withLstat{m}}, lstatReadln{withLstat{m}}, linkReadln{withLink{m}}, allThree{withLstat{m}},
		m, afero.NewOsFs(), afero.NewMemMapFs(), aferoadapter.NewRootFs(root),
		afero.NewBasePathFs(afero.NewOsFs(), t.TempDir()),
	} {
		in := aferoadapter.Inject(afs, aferoadapter.ReadOnly("nothing"))
		if got, want := interfacesOf(in), interfacesOf(afs); got != want {
			t.Errorf("Inject(%T) implements %s, want %s", afs, got, want)
		}
	}
	for _, afs := range []afero.Fs{m, afero.NewOsFs(), afero.NewMemMapFs()} {
		dir := "/"
		if _, ok := afs.(*afero.OsFs); ok {
			dir = t.TempDir()
		}
		f, err := afs.Open(dir)
		if err != nil {
			t.Fatal(err)
		}
		g, err := aferoadapter.Inject(afs).Open(dir)
		if err != nil {
			t.Fatal(err)
		}
		_, want := f.(fs.ReadDirFile)
		if _, got := g.(fs.ReadDirFile); got != want {
			t.Errorf("%T: handle is fs.ReadDirFile: %v through Inject, %v without", afs, got, want)
		}
		f.Close()
		g.Close()
	}
}

func interfacesOf(afs afero.Fs) string {
	s := ""
	if _, ok := afs.(afero.Lstater); ok {
		s += "Lstater "
	}
	if _, ok := afs.(afero.Linker); ok {
		s += "Linker "
	}
	if _, ok := afs.(afero.LinkReader); ok {
		s += "LinkReader "
	}
	if _, ok := afs.(afero.Symlinker); ok {
		s += "(Symlinker)"
	}
	if s == "" {
		return "none"
	}
	return s
}

// TestInjectName keeps the wrapped file system's name.
func TestInjectName(t *testing.T) {
	if got := aferoadapter.Inject(afero.NewOsFs()).Name(); got != "OsFs" {
		t.Errorf("Name() = %q, want OsFs", got)
	}
}
