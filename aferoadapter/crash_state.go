package aferoadapter

import (
	"encoding/binary"
	"hash/maphash"
	"maps"
	"math/rand/v2"
	"slices"
	"strconv"
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

// key identifies what st holds: two states with one key are the same.
// It names the changes kept (those not kept play no part) and the
// version of each edited inode.
func (st *crashState) key() string {
	b := make([]byte, 0, len(st.kept)/8+2*len(st.versions)+4)
	for i := 0; i < len(st.kept); i += 8 {
		var bits byte
		for j, k := range st.kept[i:min(i+8, len(st.kept))] {
			if k {
				bits |= 1 << j
			}
		}
		b = append(b, bits)
	}
	for len(b) > 0 && b[len(b)-1] == 0 {
		b = b[:len(b)-1]
	}
	b = binary.AppendUvarint(b, uint64(len(b)))
	for _, v := range st.versions {
		b = binary.AppendUvarint(b, uint64(v))
	}
	return string(b)
}

// build makes a [NewMemFs] holding st, and returns it with the path of
// each inode it holds.
func (l *crashLog) build(st *crashState) (*memFs, map[*inode]string) {
	b := &stateBuilder{log: l, st: st, entries: map[*inode]map[string]*inode{}, paths: map[*inode]string{}, on: map[*inode]bool{}}
	for i, c := range l.changes[:len(st.kept)] {
		if !st.kept[i] {
			continue
		}
		for _, s := range c.sets {
			e, ok := b.entries[s.dir]
			if !ok {
				e = maps.Clone(l.initial[s.dir])
				if e == nil {
					e = map[string]*inode{}
				}
				b.entries[s.dir] = e
			}
			if s.child == nil {
				delete(e, s.name)
			} else {
				e[s.name] = s.child
			}
		}
	}
	return &memFs{root: b.node(l.root, "")}, b.paths
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
		n.data = slices.Clone(in.base)
	}
	for _, e := range edits {
		n.apply(e)
	}
	if !in.mode.IsDir() {
		return n
	}
	entries, ok := b.entries[in]
	if !ok {
		entries = b.log.initial[in]
	}
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

func (b *stateBuilder) version(in *inode) int {
	if len(in.edits) == 0 {
		return 0
	}
	return b.st.versions[in.ord]
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

// treeHash hashes the tree below n: names, types, modes, times, content
// and link targets.
func treeHash(seed maphash.Seed, n *node) uint64 {
	var h maphash.Hash
	h.SetSeed(seed)
	hashNode(&h, n)
	return h.Sum64()
}

func hashNode(h *maphash.Hash, n *node) {
	var b [8]byte
	binary.LittleEndian.PutUint64(b[:], uint64(n.mode))
	h.Write(b[:])
	binary.LittleEndian.PutUint64(b[:], uint64(n.modTime.UnixNano()))
	h.Write(b[:])
	binary.LittleEndian.PutUint64(b[:], uint64(len(n.data)))
	h.Write(b[:])
	h.Write(n.data)
	h.WriteString(n.target)
	for _, name := range n.names() {
		h.WriteString(name)
		h.WriteByte(0)
		hashNode(h, n.entries[name])
	}
	h.WriteByte(1)
}
