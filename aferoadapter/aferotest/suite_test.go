package aferotest_test

import (
	"errors"
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
