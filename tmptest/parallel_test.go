package tmptest

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
)

// useEverything calls every helper once in dir, uses what it got, and
// returns the names it saw.
func useEverything(t testing.TB, dir string) []string {
	t.Helper()
	d := Dir(t, In(dir))
	f := File(t, In(dir))
	w := WriteFile(t, "x", In(dir))
	u := Unnamed(t, In(dir))
	s := Spooled(t, 4, In(dir))
	p := Path(t, In(dir), Suffix(".sock"))
	if err := os.WriteFile(filepath.Join(d, "inside"), []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, w := range []interface{ WriteString(string) (int, error) }{f, u} {
		if _, err := w.WriteString("data"); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.Write([]byte("more than four")); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	return []string{d, f.Name(), w, u.Name(), s.Name(), p}
}

func TestParallelNoCollisionNoLeftovers(t *testing.T) {
	// Children may run in parallel after a Setenv in their parent; the
	// policy must be "remove" for the leftovers check to mean something.
	t.Setenv("TMPTEST_KEEP", "")
	dir := cleanDir(t)
	var mu sync.Mutex
	seen := map[string]string{}
	t.Run("group", func(t *testing.T) {
		for i := range 100 {
			t.Run(fmt.Sprint(i), func(t *testing.T) {
				t.Parallel()
				for _, name := range useEverything(t, dir) {
					mu.Lock()
					if other, ok := seen[name]; ok {
						t.Errorf("%s: also made by %s", name, other)
					}
					seen[name] = t.Name()
					mu.Unlock()
				}
			})
		}
	})
	if want := 100 * 6; len(seen) != want {
		t.Errorf("saw %d distinct names; want %d", len(seen), want)
	}
	// cleanDir checks that dir holds nothing once the subtests are done.
}
