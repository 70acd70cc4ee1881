package tmptest

import (
	"slices"
	"strings"
	"sync"
	"testing"
)

// Created returns the paths that tmptest made for t and for its parent
// tests and that are still there to be cleaned up, in the order they were
// made: the results of [Dir], [File] (its Name), [WriteFile], [Path] (the
// path returned; its fresh directory is the parent of it) and [Make], and
// the Name of a [Spooled] file once it moved to disk. [Unnamed] files have
// no path. Kept paths ([Keep], TMPTEST_KEEP) are listed too.
//
// It exists for helpers that scrub temporary paths from output before
// comparing it, such as golden's ScrubTempDirs: each path is random, so
// output that shows one differs from run to run unless it is replaced.
//
// A subtest sees its parents' paths, as it may print them: a parent test
// is found by name, as testing.TB gives no other way (TestA/b is a subtest
// of TestA, and of nothing else). Each path leaves the list at its
// cleanup, when the test that made it has ended.
func Created(t testing.TB) []string {
	t.Helper()
	return created.of(t.Name())
}

// created is the bookkeeping behind [Created]: the paths the running tests
// of this process made. It is the package's only package-level variable,
// and it holds no setting: it exists because a test's paths are wanted
// where the test gives only its testing.TB (a golden assertion, a
// subtest), and a testing.TB cannot carry them. One mutex guards it, as
// parallel tests create and ask at once; each entry is dropped at the
// cleanup of what it names, so it holds only what running tests made.
var created = &registry{}

type registry struct {
	mu      sync.Mutex
	last    uint64            // the id of the latest entry; ids grow in creation order
	entries map[uint64]record // by id
}

// record is one path and the name of the test that made it.
type record struct {
	test, path string
}

// add records that test made path, and returns the id to drop it with. An
// empty path is not recorded: its id is 0.
func (r *registry) add(test, path string) uint64 {
	if path == "" {
		return 0
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.entries == nil {
		r.entries = map[uint64]record{}
	}
	r.last++
	r.entries[r.last] = record{test, path}
	return r.last
}

// drop forgets the entry id; 0 does nothing.
func (r *registry) drop(id uint64) {
	if id == 0 {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	delete(r.entries, id)
}

// of returns the paths test and its parents made, in creation order.
func (r *registry) of(test string) []string {
	r.mu.Lock()
	var ids []uint64
	for id, e := range r.entries {
		if e.test == test || strings.HasPrefix(test, e.test) && test[len(e.test)] == '/' {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	paths := make([]string, len(ids))
	for i, id := range ids {
		paths[i] = r.entries[id].path
	}
	r.mu.Unlock()
	return paths
}
