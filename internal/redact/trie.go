package redact

import "github.com/tmpkit/tmpkit/internal/jsonpath"

// Trie is the set of locations [Apply] replaced, shaped like the value: a
// caller walking its own representation of the value steps down with
// [Trie.Name] and [Trie.Index] alongside, and replaces a node whole where
// [Trie.Replaced] says so. A nil *Trie holds nothing, so that walking a part
// of the value without redactions costs one nil check per node.
type Trie struct {
	replaced bool
	with     string
	names    map[string]*Trie
	indexes  map[int]*Trie
}

// Replaced reports whether the node here is replaced, and by what.
func (t *Trie) Replaced() (string, bool) {
	if t == nil {
		return "", false
	}
	return t.with, t.replaced
}

// Name returns the trie of the member named name of an object here, nil if
// nothing below it is replaced.
func (t *Trie) Name(name string) *Trie {
	if t == nil {
		return nil
	}
	return t.names[name]
}

// Index returns the trie of the element at index i of an array here, nil if
// nothing below it is replaced.
func (t *Trie) Index(i int) *Trie {
	if t == nil {
		return nil
	}
	return t.indexes[i]
}

// Empty reports whether the trie holds no location.
func (t *Trie) Empty() bool {
	return t == nil || (!t.replaced && len(t.names) == 0 && len(t.indexes) == 0)
}

// add records that the node at path is replaced by with. A location below
// an already replaced one is dropped (the outer replacement hides it; a
// later rule cannot select below a replacement, which is a string, so this
// happens only within one rule that selects a node and its descendants); a
// replaced location drops the ones below it.
func (t *Trie) add(path jsonpath.NormalizedPath, with string) {
	n := t
	for _, step := range path {
		if n.replaced {
			return
		}
		switch step := step.(type) {
		case jsonpath.Name:
			if n.names == nil {
				n.names = map[string]*Trie{}
			}
			next := n.names[string(step)]
			if next == nil {
				next = &Trie{}
				n.names[string(step)] = next
			}
			n = next
		case jsonpath.Index:
			if n.indexes == nil {
				n.indexes = map[int]*Trie{}
			}
			next := n.indexes[int(step)]
			if next == nil {
				next = &Trie{}
				n.indexes[int(step)] = next
			}
			n = next
		}
	}
	*n = Trie{replaced: true, with: with} // a later rule may replace a replacement
}
