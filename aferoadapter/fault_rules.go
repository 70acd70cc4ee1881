package aferoadapter

import (
	"errors"
	"io/fs"
	"os"
)

// call is one call on an injected file system, as the faults see it.
type call struct {
	op    opSet
	name  string // the name matched, and named by an *fs.PathError
	name2 string // Rename's destination, matched too
	errOp string // the Op of the error, as os names it
	flag  int    // Open's flags

	link     bool   // the error is an *os.LinkError{Old: old, New: new}
	old, new string // as given

	file *injectFile // the handle of a file call

	// For a write when DiskFull applies: the file's size before it, and
	// the offset and length of the write.
	spaced bool
	size   int64
	off    int64
	n      int
}

// firing is what a fault that fires does to a call.
type firing struct {
	err  error
	fits int // DiskFull: the bytes of the write that fit, written first
}

// check returns the error of the first fault that fires on c, or nil.
func (in *injectFs) check(c *call) error {
	if f, fired := in.decide(c); fired {
		return f.err
	}
	return nil
}

// decide goes through the rules in order and returns what the first that
// fires on c does. Each rule that matches c counts the call, for After
// and Times; the rules after the one that fires do not see it.
func (in *injectFs) decide(c *call) (firing, bool) {
	if in.all&c.op == 0 {
		return firing{}, false
	}
	for i := range in.rules {
		r := &in.rules[i]
		if r.ops&c.op == 0 {
			continue
		}
		f, ok := r.match(in, c)
		if ok && in.count(i) {
			return f, true
		}
	}
	return firing{}, false
}

// count records a call that rule i matched and reports whether the rule
// fires on it: once After's calls have passed, as long as Times allows.
func (in *injectFs) count(i int) bool {
	in.mu.Lock()
	defer in.mu.Unlock()
	r, n := &in.rules[i], &in.counts[i]
	n.matched++
	if n.matched <= r.after || r.times >= 0 && n.fired >= r.times {
		return false
	}
	n.fired++
	return true
}

// match reports whether f would fire on c, and what it would do.
func (f *Fault) match(in *injectFs, c *call) (firing, bool) {
	switch f.kind {
	case kindFailOn:
		if f.covered(c) {
			return firing{err: c.fail(f.err)}, true
		}
	case kindReadOnly:
		if errno := readOnlyError(f.pat, in.afs, c); errno != nil {
			return firing{err: c.fail(errno)}, true
		}
	case kindCrossDevice:
		if crossesDevice(f.pat, c) {
			return firing{err: c.fail(f.err)}, true
		}
	case kindMaxOpenFiles:
		if in.openHandles() >= f.n {
			return firing{err: c.fail(f.err)}, true
		}
	case kindDiskFull:
		if fits, short := in.space.fits(f.n, c); short {
			return firing{err: c.fail(errNoSpace), fits: fits}, true
		}
	}
	return firing{}, false
}

// covered reports whether f's pattern covers a name of c.
func (f *Fault) covered(c *call) bool {
	return f.pat.covers(faultName(c.name)) || c.op == opRename && f.pat.covers(faultName(c.name2))
}

// mayCover reports whether a rule touching op covers name: when none
// does, a call on name and below can skip the faults.
func (in *injectFs) mayCover(op opSet, name string) bool {
	if in.all&op == 0 {
		return false
	}
	name = faultName(name)
	for i := range in.rules {
		if r := &in.rules[i]; r.ops&op != 0 && r.pat.covers(name) {
			return true
		}
	}
	return false
}

// mayReach reports whether a rule touching op may cover name or a name
// below it.
func (in *injectFs) mayReach(op opSet, name string) bool {
	if in.all&op == 0 {
		return false
	}
	name = faultName(name)
	for i := range in.rules {
		if r := &in.rules[i]; r.ops&op != 0 && r.pat.reaches(name) {
			return true
		}
	}
	return false
}

// fail returns err in the shape os gives the error of c: an
// *fs.PathError, or an *os.LinkError for Rename and Symlink, naming the
// names as the caller gave them. An err that has one of these shapes
// already is returned as it is.
func (c *call) fail(err error) error {
	var pe *fs.PathError
	var le *os.LinkError
	if errors.As(err, &pe) && pe == err || errors.As(err, &le) && le == err {
		return err
	}
	if c.link {
		return &os.LinkError{Op: c.errOp, Old: c.old, New: c.new, Err: err}
	}
	return &fs.PathError{Op: c.errOp, Path: c.name, Err: err}
}
