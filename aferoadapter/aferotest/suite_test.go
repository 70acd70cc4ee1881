package aferotest_test

import (
	"errors"
	"io/fs"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/spf13/afero"

	"github.com/tmpkit/tmpkit/aferoadapter"
	"github.com/tmpkit/tmpkit/aferoadapter/aferotest"
)

// sloppyFs is NewMemFs with a planted bug: Remove deletes a non-empty
// directory, as MemMapFs does. Embedding hides NewMemFs's Symlinker.
type sloppyFs struct{ afero.Fs }

func (s sloppyFs) Remove(name string) error {
	if err := s.Fs.Remove(name); !errors.Is(err, syscall.ENOTEMPTY) {
		return err
	}
	return s.Fs.RemoveAll(name)
}

// chtimesPanics panics in Chtimes, as MemMapFs panics on negative offsets.
type chtimesPanics struct{ afero.Fs }

func (chtimesPanics) Chtimes(string, time.Time, time.Time) error { panic("planted panic") }

func result(t *testing.T, rs []aferotest.Result, name string) aferotest.Result {
	t.Helper()
	for _, r := range rs {
		if r.Check == name {
			return r
		}
	}
	t.Fatalf("no result for %s", name)
	return aferotest.Result{}
}

func TestEvaluateFindsPlantedBugs(t *testing.T) {
	rs := aferotest.Evaluate(t, aferotest.Backend{
		Name: "sloppy",
		New:  func(testing.TB) (afero.Fs, string) { return sloppyFs{aferoadapter.NewMemFs()}, "/" },
	})
	got := result(t, rs, "remove/nonempty-dir")
	want := `Remove("d"): got nil error, want *fs.PathError wrapping ENOTEMPTY`
	if got.Status != aferotest.Fail || got.Detail != want {
		t.Errorf("remove/nonempty-dir = %v %q, want FAIL %q", got.Status, got.Detail, want)
	}
	// sloppyFs is not a Symlinker: the embedded interface hides it.
	if got := result(t, rs, "symlink/loop"); got.Status != aferotest.Skip || got.Detail != "no symlinks: not an afero.Symlinker" {
		t.Errorf("symlink/loop = %v %q, want a skip for lack of symlinks", got.Status, got.Detail)
	}
	if got := result(t, rs, "symlink/supported"); got.Status != aferotest.Fail {
		t.Errorf("symlink/supported = %v, want FAIL", got.Status)
	}
}

func TestEvaluateRecoversPanics(t *testing.T) {
	rs := aferotest.Evaluate(t, aferotest.Backend{
		Name: "panicky",
		New:  func(testing.TB) (afero.Fs, string) { return chtimesPanics{aferoadapter.NewMemFs()}, "/" },
	})
	got := result(t, rs, "chtimes/mtime")
	if got.Status != aferotest.Fail || !strings.HasPrefix(got.Detail, "panic: planted panic") {
		t.Errorf("chtimes/mtime = %v %q, want FAIL with the panic", got.Status, got.Detail)
	}
}

func TestEvaluateSkips(t *testing.T) {
	rs := aferotest.Evaluate(t, aferotest.Backend{
		Name:       "disk as root",
		Privileged: true,
		Skip:       map[string]string{"readat/short": "not today"},
		New: func(t testing.TB) (afero.Fs, string) {
			return afero.NewOsFs(), t.TempDir()
		},
	})
	for name, want := range map[string]string{
		"perm/file-modes":            "permission bits do not bind a privileged user",
		"readat/short":               "not today",
		"names/one-namespace":        "checks work in a directory, not at the root",
		"perm/create-read-only-file": "",
	} {
		got := result(t, rs, name)
		if want == "" {
			if got.Status != aferotest.Pass {
				t.Errorf("%s = %v %q, want pass", name, got.Status, got.Detail)
			}
			continue
		}
		if got.Status != aferotest.Skip || got.Detail != want {
			t.Errorf("%s = %v %q, want skip %q", name, got.Status, got.Detail, want)
		}
	}
}

func TestTable(t *testing.T) {
	rs := []aferotest.Result{{Check: "create/new-file", Status: aferotest.Pass}, {Check: "create/mode", Status: aferotest.Fail, Detail: "x|y"}}
	table := aferotest.Table([]string{"A|B"}, rs)
	lines := strings.Split(table, "\n")
	want := []string{"| check | A\\|B |", "|---|---|", "| create/new-file | pass |", "| create/mode | FAIL |", "| create/missing-parent | - |"}
	for i, w := range want {
		if lines[i] != w {
			t.Errorf("line %d = %q, want %q", i, lines[i], w)
		}
	}
	if last := lines[len(lines)-2]; last != "| **pass / FAIL / skip** | 1 / 1 / 0 |" {
		t.Errorf("summary = %q", last)
	}
}

// shapelessChmod is NewMemFs whose Chmod fails with a bare error, the
// kind of error a backend's own code returns where os gives an errno.
type shapelessChmod struct{ afero.Fs }

func (s shapelessChmod) Chmod(name string, mode fs.FileMode) error {
	if err := s.Fs.Chmod(name, mode); err != nil {
		return errors.New("chmod failed")
	}
	return nil
}

// followingLstat is NewMemFs whose Lstat follows links, as a backend
// that implements Lstater with Stat would.
type followingLstat struct{ afero.Fs }

func (f followingLstat) LstatIfPossible(name string) (fs.FileInfo, bool, error) {
	info, err := f.Fs.Stat(name)
	return info, true, err
}

func (f followingLstat) SymlinkIfPossible(oldname, newname string) error {
	return f.Fs.(afero.Linker).SymlinkIfPossible(oldname, newname)
}

func (f followingLstat) ReadlinkIfPossible(name string) (string, error) {
	return f.Fs.(afero.LinkReader).ReadlinkIfPossible(name)
}

func TestStressFindsPlantedBugs(t *testing.T) {
	for _, c := range []struct {
		name string
		fsys func() afero.Fs
		want string
	}{
		{"shapeless-chmod", func() afero.Fs { return shapelessChmod{aferoadapter.NewMemFs()} },
			`^Chmod\("[a-c/]+"\) under load: got \*errors.errorString\("chmod failed"\), want nil, io.EOF or \*fs.PathError wrapping an errno$`},
		{"following-lstat", func() afero.Fs { return followingLstat{aferoadapter.NewMemFs()} },
			`^after the stress, listed as a symlink: [a-c/]+( has type (directory|regular file), want symlink|: want it to exist: \*fs.PathError\{Op: "stat", Err: (ENOENT|ELOOP|ENOTDIR)\})$`},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Setenv(aferotest.StressEnv, "300ms")
			rs := aferotest.Evaluate(t, aferotest.Backend{Name: c.name, New: func(testing.TB) (afero.Fs, string) { return c.fsys(), "/" }})
			got := result(t, rs, "concurrent/stress")
			if got.Status != aferotest.Fail || !regexp.MustCompile(c.want).MatchString(got.Detail) {
				t.Errorf("concurrent/stress = %v %q, want FAIL matching %s", got.Status, got.Detail, c.want)
			}
		})
	}
}

func TestStressEnv(t *testing.T) {
	t.Setenv(aferotest.StressEnv, "soon")
	rs := aferotest.Evaluate(t, aferotest.Backend{Name: "NewMemFs", New: func(testing.TB) (afero.Fs, string) { return aferoadapter.NewMemFs(), "/" }})
	got := result(t, rs, "concurrent/stress")
	want := `setup: AFEROTEST_STRESS="soon" is not a positive duration such as 2s`
	if got.Status != aferotest.Fail || got.Detail != want {
		t.Errorf("concurrent/stress = %v %q, want FAIL %q", got.Status, got.Detail, want)
	}
}
