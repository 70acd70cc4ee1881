package aferoadapter

import (
	"encoding/binary"
	"hash/maphash"
	"maps"
	"math/rand/v2"
	"slices"
	"strconv"
	"sync"
)

// crashState is one state a power loss could leave at a crash point:
// which directory changes it keeps and which version of each edited
// inode it has, the number of its edits applied.
type crashState struct {
	name     string
	kept     []bool // per change up to the crash point
	versions []int  // per edited inode, in crashLog.edited order
	live     []int  // the versions of nothing-lost, for descriptions

	fs    *memFs            // the state, once built
	paths map[*inode]string // where its inodes are in fs
}

// The states every crash point yields, and what each keeps.
const (
	stateDurable = "durable-only" // what was made durable, nothing else
	stateLost    = "data-lost"    // every directory change, file data not synced lost
	stateAll     = "nothing-lost" // everything: what a crash of the process leaves
)

// states returns the states of the crash point k (see [CrashTest]),
// samples sampled ones included, drawn from rng.
func (l *crashLog) states(k, samples int, rng *rand.Rand) []*crashState {
	at := l.points[k].seq
	n := 0
	for n < len(l.changes) && l.changes[n].seq <= at {
		n++
	}
	durable := make([]bool, n)
	var pending []int
	for i, c := range l.changes[:n] {
		durable[i] = c.durableAt != 0 && c.durableAt <= at
		if !durable[i] {
			pending = append(pending, i)
		}
	}
	all := slices.Repeat([]bool{true}, n)
	synced := make([]int, len(l.edited))
	live := make([]int, len(l.edited))
	for i, in := range l.edited {
		synced[i], live[i] = in.versionsAt(at)
	}
	states := []*crashState{
		{name: stateDurable, kept: durable, versions: synced, live: live},
		{name: stateLost, kept: all, versions: synced, live: live},
		{name: stateAll, kept: all, versions: live, live: live},
	}
	for i := range samples {
		kept := slices.Clone(durable)
		for _, c := range pending[:rng.IntN(len(pending)+1)] {
			kept[c] = true // journalled file systems keep directory changes in order
		}
		versions := make([]int, len(l.edited))
		for j := range versions {
			versions[j] = synced[j] + rng.IntN(live[j]-synced[j]+1)
		}
		states = append(states, &crashState{name: "sample-" + strconv.Itoa(i+1), kept: kept, versions: versions, live: live})
	}
	return states
}

// versionsAt returns the number of edits of in durable at the sequence
// number at, and the number made by then.
func (in *inode) versionsAt(at int) (synced, live int) {
	for _, s := range in.synced {
		if s.seq > at {
			break
		}
		synced = s.edits
	}
	for live < len(in.edits) && in.edits[live].seq <= at {
		live++
	}
	return synced, live
}

// entries returns the entries of the directories st's changes touch.
func (l *crashLog) entries(st *crashState) map[*inode]map[string]*inode {
	entries := map[*inode]map[string]*inode{}
	for i, c := range l.changes[:len(st.kept)] {
		if !st.kept[i] {
			continue
		}
		for _, s := range c.sets {
			e, ok := entries[s.dir]
			if !ok {
				e = maps.Clone(l.initial[s.dir])
				if e == nil {
					e = map[string]*inode{}
				}
				entries[s.dir] = e
			}
			if s.child == nil {
				delete(e, s.name)
			} else {
				e[s.name] = s.child
			}
		}
	}
	return entries
}

// key identifies the tree st holds without building it: the inodes it
// reaches, each with its version, and the names that lead to them. Two
// states with one key hold the same tree (but for a 64-bit hash
// collision, which would skip a state). Entries are combined by a sum,
// which map order does not change.
func (l *crashLog) key(st *crashState, seed maphash.Seed) uint64 {
	b := &stateBuilder{log: l, st: st, entries: l.entries(st), on: map[*inode]bool{}}
	return b.key(l.root, seed)
}

func (b *stateBuilder) key(in *inode, seed maphash.Seed) uint64 {
	var buf [16]byte
	binary.LittleEndian.PutUint64(buf[:8], uint64(in.id))
	binary.LittleEndian.PutUint64(buf[8:], uint64(b.version(in)))
	h := maphash.Bytes(seed, buf[:])
	if !in.mode.IsDir() {
		return h
	}
	b.on[in] = true
	for name, child := range b.dirEntries(in) {
		if !b.on[child] {
			binary.LittleEndian.PutUint64(buf[:8], b.key(child, seed))
			h += maphash.Bytes(seed, append(buf[:8], name...))
		}
	}
	delete(b.on, in)
	return h
}

// build makes a [NewMemFs] holding st, and returns it with the path of
// each inode it holds.
func (l *crashLog) build(st *crashState) (*memFs, map[*inode]string) {
	b := &stateBuilder{log: l, st: st, entries: l.entries(st), paths: map[*inode]string{}, on: map[*inode]bool{}}
	return &memFs{mu: new(sync.RWMutex), root: b.node(l.root, "")}, b.paths
}

// stateBuilder makes the nodes of a state.
type stateBuilder struct {
	log     *crashLog
	st      *crashState
	entries map[*inode]map[string]*inode // directories the state's changes touched
	paths   map[*inode]string
	on      map[*inode]bool // the directories on the way to the current one
}

func (b *stateBuilder) node(in *inode, name string) *node {
	if _, ok := b.paths[in]; !ok {
		b.paths[in] = name
	}
	n := &node{mode: in.mode, modTime: in.modTime, uid: in.uid, gid: in.gid, target: in.target}
	edits := in.edits[:b.version(in)]
	if in.mode.IsRegular() {
		n.data = make([]byte, len(in.base), contentSize(in.base, edits))
		copy(n.data, in.base)
	}
	for _, e := range edits {
		n.apply(e)
	}
	if !in.mode.IsDir() {
		return n
	}
	entries := b.dirEntries(in)
	n.entries = make(map[string]*node, len(entries))
	b.on[in] = true
	for child, cin := range entries {
		if b.on[cin] {
			continue // a directory below itself: states with changes dropped can loop
		}
		n.entries[child] = b.node(cin, joinName(name, child))
	}
	delete(b.on, in)
	return n
}

// dirEntries returns the entries of the directory in, in the state.
func (b *stateBuilder) dirEntries(in *inode) map[string]*inode {
	if entries, ok := b.entries[in]; ok {
		return entries
	}
	return b.log.initial[in]
}

func (b *stateBuilder) version(in *inode) int {
	if len(in.edits) == 0 {
		return 0
	}
	return b.st.versions[in.ord]
}

// contentSize is the largest size the content base reaches through
// edits, so that applying them allocates once.
func contentSize(base []byte, edits []edit) int64 {
	size, most := int64(len(base)), int64(len(base))
	for _, e := range edits {
		switch e.kind {
		case editWrite:
			size = max(size, e.off+int64(len(e.data)))
		case editTruncate:
			size = e.off
		}
		most = max(most, size)
	}
	return most
}

// apply makes the edit e on n.
func (n *node) apply(e edit) {
	switch e.kind {
	case editWrite:
		if end := e.off + int64(len(e.data)); end > int64(len(n.data)) {
			n.data = grow(n.data, end)
		}
		copy(n.data[e.off:], e.data)
		n.modTime = e.modTime
	case editTruncate:
		if e.off > int64(len(n.data)) {
			n.data = grow(n.data, e.off)
		} else {
			n.data = n.data[:e.off]
		}
		n.modTime = e.modTime
	case editChmod:
		n.mode = e.mode
	case editChtimes:
		n.modTime = e.modTime
	case editChown:
		n.uid, n.gid = e.uid, e.gid
	}
}

func joinName(dir, name string) string {
	if dir == "" {
		return name
	}
	return dir + "/" + name
}
