package aferotest

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"runtime/debug"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/spf13/afero"
)

// StressEnv names the environment variable that sets how long the
// concurrent/stress check runs on each backend, as a [time.ParseDuration]
// value ("10s" for a soak under -race). It is read when the check runs.
// Unset, the check runs for 500ms, or 100ms under -short.
const StressEnv = "AFEROTEST_STRESS"

// stressWorkers is how many goroutines the stress check runs at once.
const stressWorkers = 32

// stressTime is how long the stress check runs.
func stressTime() (time.Duration, error) {
	if v := os.Getenv(StressEnv); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil || d <= 0 {
			return 0, fmt.Errorf("setup: %s=%q is not a positive duration such as 2s", StressEnv, v)
		}
		return d, nil
	}
	if testing.Testing() && testing.Short() {
		return 100 * time.Millisecond, nil
	}
	return 500 * time.Millisecond, nil
}

var stressChecks = []Check{
	{Name: "concurrent/stress", Want: "32 goroutines mixing Create, OpenFile, Write, WriteAt, ReadAt, Seek, Readdir, Chmod, Chtimes, Rename, Remove, Mkdir and Symlink get only os's error shapes and never panic; afterwards every listed entry Lstats with the type its listing gave", run: func(e *env) error {
		d, err := stressTime()
		if err != nil {
			return err
		}
		if err := e.mkdirs("a", "b"); err != nil {
			return err
		}
		s := &stress{e: e, deadline: time.Now().Add(d)}
		var wg sync.WaitGroup
		for w := range stressWorkers {
			wg.Go(func() { s.work(uint64(w)) })
		}
		wg.Wait()
		if s.err != nil {
			return s.err
		}
		return e.wantListedTypes(".")
	}},
}

// stress is the shared state of one stress run: the first failure stops
// every worker.
type stress struct {
	e        *env
	deadline time.Time
	failed   atomic.Bool
	once     sync.Once
	err      error
}

func (s *stress) fail(err error) {
	s.once.Do(func() { s.err = err })
	s.failed.Store(true)
}

// stressNames are the names workers use: few, so that they collide.
var stressNames = []string{"a", "b", "c", "a/a", "a/b", "a/c", "b/a", "b/c", "c/a"}

// stressHandle is a worker's open file and the flags it was opened with.
type stressHandle struct {
	f    afero.File
	flag int
}

// work runs random operations until the deadline or the first failure.
func (s *stress) work(seed uint64) {
	defer func() {
		if p := recover(); p != nil {
			s.fail(fmt.Errorf("panic: %v\n%s", p, firstFrames(debug.Stack())))
		}
	}()
	rng := rand.New(rand.NewPCG(seed, 0x5eed))
	var handles [2]stressHandle
	defer func() {
		for _, h := range handles {
			if h.f != nil {
				h.f.Close()
			}
		}
	}()
	name := func() string { return stressNames[rng.IntN(len(stressNames))] }
	buf := make([]byte, 16)
	for !s.failed.Load() && time.Now().Before(s.deadline) {
		h := &handles[rng.IntN(len(handles))]
		if err := s.step(rng, h, name, buf); err != nil {
			s.fail(err)
		}
	}
}

// openFlags are the flags OpenFile is given; none may fail for a reason
// other than the entry it names.
var openFlags = []int{
	os.O_RDONLY,
	os.O_RDWR,
	os.O_WRONLY | os.O_CREATE,
	os.O_RDWR | os.O_CREATE | os.O_EXCL,
	os.O_WRONLY | os.O_TRUNC,
	os.O_RDWR | os.O_CREATE | os.O_APPEND,
}

// step runs one random operation and checks the shape of its result.
func (s *stress) step(rng *rand.Rand, h *stressHandle, name func() string, buf []byte) error {
	e := s.e
	switch op := rng.IntN(14); {
	case op == 0 || op == 1:
		flag := os.O_RDWR | os.O_CREATE | os.O_TRUNC
		n := name()
		what := fmt.Sprintf("Create(%q)", n)
		var f afero.File
		var err error
		if op == 1 {
			flag = openFlags[rng.IntN(len(openFlags))]
			what = fmt.Sprintf("OpenFile(%q, %#o)", n, flag)
			f, err = e.fsys.OpenFile(e.p(n), flag, 0o644)
		} else {
			f, err = e.fsys.Create(e.p(n))
		}
		if err != nil {
			return wantShape(what, err, false)
		}
		if h.f != nil {
			h.f.Close()
		}
		*h = stressHandle{f: f, flag: flag}
	case op == 2:
		n := name()
		// The owner keeps rwx, so that every name stays usable and removable.
		mode := fs.FileMode(0o700 | rng.IntN(0o100)&0o055)
		return wantShape(fmt.Sprintf("Chmod(%q)", n), e.fsys.Chmod(e.p(n), mode), false)
	case op == 3:
		n := name()
		mtime := time.Unix(1e9+rng.Int64N(1e6), 0)
		return wantShape(fmt.Sprintf("Chtimes(%q)", n), e.fsys.Chtimes(e.p(n), mtime, mtime), false)
	case op == 4:
		from, to := name(), name()
		return wantShape(fmt.Sprintf("Rename(%q, %q)", from, to), e.fsys.Rename(e.p(from), e.p(to)), true)
	case op == 5:
		n := name()
		return wantShape(fmt.Sprintf("Remove(%q)", n), e.fsys.Remove(e.p(n)), false)
	case op == 6:
		n := name()
		return wantShape(fmt.Sprintf("Mkdir(%q)", n), e.fsys.Mkdir(e.p(n), 0o755), false)
	case op == 7 && e.links != nil:
		// Targets never climb: a link may dangle or loop, never leave.
		target, n := stressNames[rng.IntN(len(stressNames))], name()
		return wantShape(fmt.Sprintf("Symlink(%q, %q)", target, n), e.links.SymlinkIfPossible(target, e.p(n)), true)
	case h.f == nil:
		return nil // the handle operations below need one
	case op == 8:
		n, err := h.f.Write(buf[:1+rng.IntN(len(buf))])
		return first(wantShape("Write", err, false), wantCount("Write", n, err, 1, len(buf)))
	case op == 9:
		if h.flag&os.O_APPEND != 0 {
			return nil // os refuses WriteAt in append mode without an errno
		}
		n, err := h.f.WriteAt(buf[:1+rng.IntN(len(buf))], rng.Int64N(64))
		return first(wantShape("WriteAt", err, false), wantCount("WriteAt", n, err, 1, len(buf)))
	case op == 10:
		n, err := h.f.ReadAt(buf, rng.Int64N(64))
		return first(wantShape("ReadAt", err, false), wantCount("ReadAt", n, err, 0, len(buf)))
	case op == 11:
		whence := rng.IntN(3)
		off, err := h.f.Seek(rng.Int64N(32), whence)
		if err == nil && off < 0 {
			return fmt.Errorf("Seek(_, %d) = %d, want a non-negative offset", whence, off)
		}
		return wantShape("Seek", err, false)
	case op == 12:
		_, err := h.f.Readdir(rng.IntN(3) - 1)
		return wantShape("Readdir", err, false)
	case op == 13:
		err := h.f.Close()
		h.f = nil
		return wantShape("Close", err, false)
	}
	return nil
}

// wantShape checks that err is nil, io.EOF, or the error os gives: an
// *fs.PathError (an *os.LinkError when link) wrapping an errno.
func wantShape(what string, err error, link bool) error {
	if err == nil || err == io.EOF {
		return nil
	}
	var errno syscall.Errno
	var pe *fs.PathError
	var le *os.LinkError
	shaped := link && errors.As(err, &le) && le == err || !link && errors.As(err, &pe) && pe == err
	if !shaped || !errors.As(err, &errno) {
		kind := "*fs.PathError"
		if link {
			kind = "*os.LinkError"
		}
		return fmt.Errorf("%s under load: got %s, want nil, io.EOF or %s wrapping an errno", what, describe(err), kind)
	}
	return nil
}

// wantCount checks the byte count of a read or write of up to most bytes:
// at least least on success (a write is whole), never more than most.
func wantCount(what string, n int, err error, least, most int) error {
	if n < 0 || n > most || err == nil && n < least {
		return fmt.Errorf("%s under load returned %d bytes (%s), want %d to %d", what, n, describe(err), least, most)
	}
	return nil
}

// wantListedTypes walks the tree below dir through its listings, and
// checks that every entry Lstats with the type the listing gave, once.
func (e *env) wantListedTypes(dir string) error {
	f, err := e.fsys.Open(e.p(dir))
	if err != nil {
		return wantOK(fmt.Sprintf("Open(%q) after the stress", dir), err)
	}
	infos, err := f.Readdir(-1)
	f.Close()
	if err != nil {
		return wantOK(fmt.Sprintf("Readdir(%q) after the stress", dir), err)
	}
	seen := map[string]bool{}
	for _, info := range infos {
		name := strings.TrimPrefix(dir+"/"+info.Name(), "./")
		if seen[name] {
			return fmt.Errorf("Readdir(%q) after the stress lists %q twice", dir, info.Name())
		}
		seen[name] = true
		listed := info.Mode().Type()
		if err := e.wantType(name, listed); err != nil {
			return fmt.Errorf("after the stress, listed as a %s: %w", typeName(listed), err)
		}
		if listed == fs.ModeDir {
			if err := e.wantListedTypes(name); err != nil {
				return err
			}
		}
	}
	return nil
}
