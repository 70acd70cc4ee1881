package golden

import (
	"fmt"
	"hash/maphash"
	"strings"
	"sync"

	"github.com/tmpkit/tmpkit/internal/goldenwrite"
	"golang.org/x/text/unicode/norm"
)

// used is the bookkeeping of the current test process: which goldens its
// assertions used, what content updates expected there and what they
// wrote. It holds no setting a user could change: it exists because four
// promises need to see more than one assertion:
//   - in update mode, two assertions expecting different content in one
//     golden fail, instead of the last write winning silently, even from
//     parallel subtests racing on it (each golden has a lock held while it
//     is compared and written); outside update mode each is compared with
//     the file;
//   - two goldens whose paths differ only in case or Unicode normalisation,
//     one file on macOS and Windows, fail;
//   - [Main] learns which goldens no assertion touched, and what updates
//     wrote.
var used = &registry{}

type registry struct {
	mu      sync.Mutex
	entries map[string]*entry // by absolute path
	folded  map[string]string // fold(path) -> path
	kept    []string          // absolute path prefixes from MarkUsed
	dirs    map[string]bool   // absolute golden directories used
	written []written         // what updates wrote, for Main's summary
	each    []string          // absolute directories Each read inputs from
}

// eachDir records that Each read inputs from dir: the goldens there are
// Each's, named after its inputs, not after a test.
func (r *registry) eachDir(dir string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.each = append(r.each, dir)
}

// written is what an update wrote in one golden.
type written struct {
	path    string // module-relative, slash-separated
	summary goldenwrite.Summary
}

// wrote records that an update wrote s in the golden at path.
func (r *registry) wrote(path string, s goldenwrite.Summary) {
	r.mu.Lock()
	defer r.mu.Unlock()
	s.Path = path
	r.written = append(r.written, written{path, s})
}

// entry is one golden file or tree used in this process.
type entry struct {
	lock    sync.Mutex // held by the assertion comparing and writing it
	tree    bool       // a golden tree (AssertDir), else a file
	display string     // the path as first shown to the user
	test    string     // the first test that expected content in it
	sum     uint64     // maphash of the content, comparable within one process
	hasSum  bool
}

// acquire registers the golden at loc, a file or a tree, and returns its
// entry locked; the caller unlocks it.
func (r *registry) acquire(loc location, tree bool) (*entry, error) {
	abs, display := loc.abs, loc.display
	r.mu.Lock()
	if r.entries == nil {
		r.entries, r.folded, r.dirs = map[string]*entry{}, map[string]string{}, map[string]bool{}
	}
	r.dirs[loc.absDir] = true
	e, ok := r.entries[abs]
	if !ok {
		key := fold(abs)
		if other, clash := r.folded[key]; clash {
			r.mu.Unlock()
			return nil, fmt.Errorf("golden: %+q and %+q differ only in letter case or Unicode normalisation: "+
				"one file on macOS and Windows; rename a test or use golden.Name", display, r.entries[other].display)
		}
		e = &entry{tree: tree, display: display}
		r.entries[abs], r.folded[key] = e, abs
	}
	r.mu.Unlock()
	if e.tree != tree {
		return nil, fmt.Errorf("golden: %q is used both as a golden file and as a golden tree (AssertDir) in this run; "+
			"give one of them its own path with golden.Name", display)
	}
	e.lock.Lock()
	return e, nil
}

// expect records that test, in update mode, expects content with digest
// sum in e, or reports a conflict with an earlier assertion. e must be
// locked.
func (e *entry) expect(sum uint64, test, display string) error {
	if e.hasSum && e.sum != sum {
		return &difference{fmt.Sprintf("golden: %q: two assertions in this run expect different content (first %s, then %s); "+
			"a golden holds one result, so the last update would win silently: give each assertion its own golden with golden.Name",
			display, e.test, test)}
	}
	e.sum, e.hasSum, e.test = sum, true, test
	return nil
}

// keep records that every golden at or below prefix counts as used.
func (r *registry) keep(prefix string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.kept = append(r.kept, prefix)
}

// seed keys the content sums of this process; it never changes after
// initialisation. A 64-bit maphash suffices: the sums only tell the
// assertions of one run apart, and it is many times faster than a
// cryptographic hash on large goldens.
var seed = maphash.MakeSeed()

// sum returns the content sum of b.
func sum(b []byte) uint64 { return maphash.Bytes(seed, b) }

// fold maps paths that macOS and Windows treat as one file to one key.
func fold(p string) string {
	return strings.ToLower(norm.NFC.String(p))
}
