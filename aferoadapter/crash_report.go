package aferoadapter

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
)

// crashConfig is what the environment sets for [CrashTest].
type crashConfig struct {
	seed    uint64
	samples int
}

// crashConfigFrom reads CRASHTEST_SEED and CRASHTEST_SAMPLES.
func crashConfigFrom(getenv func(string) string) (crashConfig, error) {
	cfg := crashConfig{seed: 1, samples: 2}
	switch s := getenv("CRASHTEST_SEED"); s {
	case "":
	case "random":
		cfg.seed = uint64(time.Now().UnixNano()) % 1_000_000_000
	default:
		seed, err := strconv.ParseUint(s, 10, 64)
		if err != nil {
			return cfg, fmt.Errorf(`CRASHTEST_SEED=%q: want a number, or "random"`, s)
		}
		cfg.seed = seed
	}
	if s := getenv("CRASHTEST_SAMPLES"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 0 || n > 1000 {
			return cfg, fmt.Errorf("CRASHTEST_SAMPLES=%q: want a number of sampled states per crash point, 0 to 1000", s)
		}
		cfg.samples = n
	}
	return cfg, nil
}

// subtestName is the name of the crash point k's subtest.
func (p crashPoint) subtestName(k int) string {
	name := faultName(p.name)
	if name == "" {
		name = "."
	}
	return fmt.Sprintf("crash-%d-%s-%s", k+1, p.op, strings.ReplaceAll(name, "/", "_"))
}

// String describes the call of the crash point: "rename a b".
func (p crashPoint) String() string {
	if p.from != "" {
		return p.op + " " + p.from + " " + p.name
	}
	return p.op + " " + p.name
}

// describe says where st was taken and what it lost.
func (r *crashRun) describe(p runPoint, st *crashState) string {
	l := r.log
	var b strings.Builder
	fmt.Fprintf(&b, "after operation %d of %d: %s\n", p.k+1, len(l.points), l.points[p.k])
	fmt.Fprintf(&b, "state %s: %s", st.name, r.meaning(st.name))
	lastSeq := 0
	for i, c := range l.changes[:len(st.kept)] {
		if !st.kept[i] && c.seq != lastSeq {
			lastSeq = c.seq
			fmt.Fprintf(&b, "\nlost: %s (its directory not synced)", l.pointAt(c.seq))
		}
	}
	for i, in := range l.edited {
		path, ok := st.paths[in]
		if v, live := st.versions[i], st.live[i]; ok && v < live {
			fmt.Fprintf(&b, "\nlost: %s to %s (not synced)", editCount(in.edits[v:live]), path)
		}
	}
	return b.String()
}

// meaning says what a state keeps.
func (r *crashRun) meaning(state string) string {
	switch state {
	case stateDurable:
		return "only what was made durable (the data of files synced, the entries of directories synced)"
	case stateLost:
		return "every directory change kept, the file data not synced lost"
	case stateAll:
		return "nothing lost, as after a crash of the process alone"
	}
	return fmt.Sprintf("the durable changes, some others in order, each file at one of its contents since its last Sync (seed %d)", r.seed)
}

// pointAt returns the crash point of the change with sequence number seq.
func (l *crashLog) pointAt(seq int) crashPoint {
	i := sort.Search(len(l.points), func(i int) bool { return l.points[i].seq >= seq })
	return l.points[i]
}

// editCount says how many edits there are: "1 write", "3 changes".
func editCount(edits []edit) string {
	noun := "write"
	for _, e := range edits {
		if e.kind != editWrite {
			noun = "change"
		}
	}
	if len(edits) != 1 {
		noun += "s"
	}
	return fmt.Sprintf("%d %s", len(edits), noun)
}

// runPattern is the -run pattern that selects exactly the test name.
func runPattern(name string) string {
	parts := strings.Split(name, "/")
	for i, p := range parts {
		parts[i] = "^" + regexp.QuoteMeta(p) + "$"
	}
	return strings.Join(parts, "/")
}

// indent indents every line of s by a tab.
func indent(s string) string { return "\t" + strings.ReplaceAll(s, "\n", "\n\t") }
