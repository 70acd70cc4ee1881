package golden

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/tmpkit/tmpkit/internal/faketb"
)

// TestParallelUpdates runs 50 parallel subtests that each update their own
// golden, and 2 that race to update one golden with different content: all
// 50 goldens are written whole, one racer wins and the other is told about
// the conflict, and the shared golden holds the winner's content, whole.
func TestParallelUpdates(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	content := func(i int) string { return strings.Repeat(fmt.Sprintf("golden %d\n", i), 10_000) }
	var mu sync.Mutex
	racers := map[string]*faketb.TB{}

	t.Run("group", func(t *testing.T) {
		for i := range 50 {
			t.Run(fmt.Sprintf("g%02d", i), func(t *testing.T) {
				t.Parallel()
				Assert(t, content(i), append(update(), Dir(dir))...)
			})
		}
		for _, racer := range []string{"A", "B"} {
			t.Run("racer"+racer, func(t *testing.T) {
				t.Parallel()
				f := runFake(t, t.Name(), func(tb testing.TB) {
					Assert(tb, strings.Repeat("racer "+racer+"\n", 50_000), append(update(), Dir(dir), Name("shared.golden"))...)
				})
				mu.Lock()
				racers[racer] = f
				mu.Unlock()
			})
		}
	})

	for i := range 50 {
		checkContent(t, filepath.Join(dir, t.Name(), "group", fmt.Sprintf("g%02d.golden", i)), content(i))
	}
	checkNoTempFiles(t, filepath.Join(dir, t.Name(), "group"))
	checkNoTempFiles(t, dir)

	winner, loser := "A", "B"
	if racers["A"].Failed() {
		winner, loser = "B", "A"
	}
	if racers[winner].Failed() || !racers[loser].Failed() {
		t.Fatalf("racer A failed %v, racer B failed %v: want exactly one failure", racers["A"].Failed(), racers["B"].Failed())
	}
	want := fmt.Sprintf(`golden: "$DIR/shared.golden": two assertions in this run expect different content `+
		`(first TestParallelUpdates/group/racer%s, then TestParallelUpdates/group/racer%s); a golden holds one result, `+
		`so the last update would win silently: give each assertion its own golden with golden.Name`, winner, loser)
	checkFailure(t, racers[loser], dir, want)
	checkContent(t, filepath.Join(dir, "shared.golden"), strings.Repeat("racer "+winner+"\n", 50_000))
	if entries, err := os.ReadDir(dir); err != nil || len(entries) != 2 {
		t.Errorf("golden dir holds %v (%v), want shared.golden and the test's folder", entries, err)
	}
}
