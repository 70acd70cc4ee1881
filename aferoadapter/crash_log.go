package aferoadapter

import (
	"io/fs"
	"sync"
	"time"
)

// crashLog is what [CrashTest] remembers of one run of work: every change
// of the file system, on inodes, and every Sync, in order, so that the
// state a power loss could leave after any change can be built again.
//
// Every change and every Sync takes the next sequence number; a crash
// point is the moment after a change.
type crashLog struct {
	mu sync.Mutex // serialises the recorded calls

	m       *memFs // where work runs
	inodes  map[*node]*inode
	root    *inode
	initial map[*inode]map[string]*inode // the setup's directory entries: durable from the start
	changes []*dirChange                 // in order
	edited  []*inode                     // inodes with edits, in the order of their first
	points  []crashPoint
	seq     int
}

// inode is what the log knows of one file, directory or symbolic link.
type inode struct {
	id      int
	mode    fs.FileMode // when made (or at setup)
	modTime time.Time
	uid     int
	gid     int
	target  string // symbolic link
	base    []byte // content when made (or at setup)
	edits   []edit // every later change of content or attributes
	synced  []syncMark
	ord     int // the index in crashLog.edited, once edited
}

// edit is one change of an inode's content or attributes.
type edit struct {
	seq     int
	kind    editKind
	off     int64 // write: offset; truncate: size
	data    []byte
	mode    fs.FileMode
	modTime time.Time
	uid     int
	gid     int
}

type editKind uint8

const (
	editWrite editKind = iota
	editTruncate
	editChmod
	editChtimes
	editChown
)

// syncMark records a Sync of an inode: the edits before it are durable.
type syncMark struct{ seq, edits int }

// dirChange is one change of directory entries: what a create, mkdir,
// symlink, remove or rename did. Its sets apply together (a rename is
// atomic); it is durable once dir is Synced.
type dirChange struct {
	seq       int
	sets      []entrySet
	dir       *inode // the directory whose Sync makes it durable
	durableAt int    // the sequence number of that Sync; 0 until then
}

// entrySet sets the entry name of dir to child, or removes it (nil).
type entrySet struct {
	dir   *inode
	name  string
	child *inode
}

// crashPoint is the moment after a change: its op and the name as work
// gave it (and the source of a rename).
type crashPoint struct {
	seq  int
	op   string
	name string
	from string
}

// newCrashLog snapshots m, holding the setup: all of it is durable.
func newCrashLog(m *memFs) *crashLog {
	l := &crashLog{m: m, inodes: map[*node]*inode{}, initial: map[*inode]map[string]*inode{}}
	m.mu.RLock()
	defer m.mu.RUnlock()
	l.root = l.snapshot(m.root)
	return l
}

func (l *crashLog) snapshot(n *node) *inode {
	in := l.register(n)
	if n.isDir() {
		entries := make(map[string]*inode, len(n.entries))
		for name, child := range n.entries {
			entries[name] = l.snapshot(child)
		}
		l.initial[in] = entries
	}
	return in
}

// register makes the inode of n, as n is now. m.mu must be held.
func (l *crashLog) register(n *node) *inode {
	in := &inode{
		id: len(l.inodes), mode: n.mode, modTime: n.modTime, uid: n.uid, gid: n.gid,
		target: n.target, base: append([]byte(nil), n.data...),
	}
	l.inodes[n] = in
	return in
}

// inodeOf returns the inode of n, registering one for a node made out of
// the log's sight. l.mu must be held; m.mu is taken.
func (l *crashLog) inodeOf(n *node) *inode {
	if in, ok := l.inodes[n]; ok {
		return in
	}
	l.m.mu.RLock()
	defer l.m.mu.RUnlock()
	return l.register(n)
}

// point records a crash point for op on name and returns its sequence
// number. l.mu must be held.
func (l *crashLog) point(op, name string) int {
	l.seq++
	l.points = append(l.points, crashPoint{seq: l.seq, op: op, name: name})
	return l.seq
}

// change records a change of entries, durable once dir is Synced, at
// the crash point seq.
func (l *crashLog) change(seq int, dir *inode, sets ...entrySet) {
	l.changes = append(l.changes, &dirChange{seq: seq, sets: sets, dir: dir})
}

// made records a new entry name of the directory parent, the new node n.
func (l *crashLog) made(op, name string, parent, n *node, base string) {
	seq := l.point(op, name)
	dir := l.inodeOf(parent)
	l.m.mu.RLock()
	child := l.register(n)
	l.m.mu.RUnlock()
	l.change(seq, dir, entrySet{dir: dir, name: base, child: child})
}

// edit records a change of the content or attributes of n.
func (l *crashLog) edit(op, name string, n *node, e edit) {
	e.seq = l.point(op, name)
	in := l.inodeOf(n)
	if len(in.edits) == 0 {
		in.ord = len(l.edited)
		l.edited = append(l.edited, in)
	}
	in.edits = append(in.edits, e)
}

// synced records a Sync of n: its edits so far are durable and, for a
// directory, the changes of its entries.
func (l *crashLog) synced(n *node) {
	l.seq++
	in := l.inodeOf(n)
	in.synced = append(in.synced, syncMark{seq: l.seq, edits: len(in.edits)})
	for _, c := range l.changes {
		if c.dir == in && c.durableAt == 0 {
			c.durableAt = l.seq
		}
	}
}
