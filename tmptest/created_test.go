package tmptest

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"

	"github.com/tmpkit/tmpkit/internal/faketb"
)

// live returns how many entries the registry holds.
func live() int {
	created.mu.Lock()
	defer created.mu.Unlock()
	return len(created.entries)
}

func TestCreatedListsWhatEachHelperMade(t *testing.T) {
	before := live()
	dir := cleanDir(t)
	f := faketb.New("TestCreatedEach", nil)
	var want []string
	f.Run(func(tb testing.TB) {
		s := Spooled(tb, 0, In(dir))
		Unnamed(tb, In(dir))
		if got := Created(tb); len(got) != 0 {
			t.Errorf("Created before anything with a path = %q; want none (Spooled in memory, Unnamed)", got)
		}
		mkdir := func(path string, perm fs.FileMode) error { return os.Mkdir(path, perm) }
		want = append(want, Dir(tb, In(dir)), File(tb, In(dir)).Name(), WriteFile(tb, "x", In(dir)),
			Path(tb, In(dir)), Make(tb, 0o700, mkdir, os.Remove, In(dir)), Dir(tb, In(dir), Keep()))
		if _, err := s.File(); err != nil {
			t.Fatal(err)
		}
		want = append(want, s.Name())
		if got := Created(tb); !slices.Equal(got, want) {
			t.Errorf("Created:\n got: %q\nwant: %q in creation order", got, want)
		}
	})
	if got := live(); got != before+len(want) {
		t.Errorf("registry holds %d entries; want %d", got, before+len(want))
	}
	f.Finish()
	os.Remove(want[5]) // the kept directory
	if got := Created(f); len(got) != 0 {
		t.Errorf("Created after cleanup = %q; want none", got)
	}
	if got := live(); got != before {
		t.Errorf("after cleanup the registry holds %d entries; want %d as before: entries must be dropped", got, before)
	}
}

func TestCreatedSeesParentsOnly(t *testing.T) {
	dir := cleanDir(t)
	parent := faketb.New("TestA", nil)
	child := faketb.New("TestA/child", nil)
	grandchild := faketb.New("TestA/child/deeper", nil)
	sibling := faketb.New("TestA/sibling", nil)
	lookalike := faketb.New("TestAB", nil)
	var p, c, g, s, l string
	for _, step := range []struct {
		tb   *faketb.TB
		path *string
	}{{parent, &p}, {child, &c}, {grandchild, &g}, {sibling, &s}, {lookalike, &l}} {
		step.tb.Run(func(tb testing.TB) { *step.path = Dir(tb, In(dir)) })
	}
	for _, tt := range []struct {
		tb   *faketb.TB
		want []string
	}{
		{parent, []string{p}},
		{child, []string{p, c}},
		{grandchild, []string{p, c, g}},
		{sibling, []string{p, s}},
		{lookalike, []string{l}},
		{faketb.New("TestA/other", nil), []string{p}},
		{faketb.New("TestB", nil), nil},
	} {
		if got := Created(tt.tb); !slices.Equal(got, tt.want) {
			t.Errorf("Created(%s):\n got: %q\nwant: %q", tt.tb.Name(), got, tt.want)
		}
	}
	for _, tb := range []*faketb.TB{lookalike, sibling, grandchild, child, parent} {
		tb.Finish()
	}
}

// TestCreatedInRealSubtests runs parallel subtests under the real testing
// package: each sees its parent's paths and its own, never a sibling's,
// and the parent's list is back to its own once they are done.
func TestCreatedInRealSubtests(t *testing.T) {
	t.Setenv("TMPTEST_KEEP", "")
	dir := cleanDir(t)
	mine := Dir(t, In(dir))
	var mu sync.Mutex
	seen := 0
	t.Run("group", func(t *testing.T) {
		for i := range 50 {
			t.Run(fmt.Sprint(i), func(t *testing.T) {
				t.Parallel()
				own := []string{mine, Dir(t, In(dir)), WriteFile(t, "x", In(dir))}
				if got := Created(t); !slices.Equal(got, own) {
					t.Errorf("Created:\n got: %q\nwant: %q", got, own)
				}
				mu.Lock()
				seen++
				mu.Unlock()
			})
		}
	})
	if got := Created(t); !slices.Equal(got, []string{mine}) {
		t.Errorf("Created of the parent after its subtests = %q; want only %q", got, mine)
	}
	if seen != 50 {
		t.Errorf("%d subtests ran; want 50", seen)
	}
	if names := list(t, dir); len(names) != 1 || filepath.Join(dir, names[0]) != mine {
		t.Errorf("%s holds %q; want only the parent's directory", dir, names)
	}
}
