// Package tmptest creates temporary files and directories bound to a test's
// lifetime: Python's tempfile module, rebuilt for [testing.TB].
//
// Each helper takes the test, creates what it is asked for, registers its
// removal with t.Cleanup and returns a standard value (a path string or an
// [*os.File]) that can go straight to the code under test. A helper never
// returns an error: when it cannot do its job it stops the test with
// t.Fatalf and a message naming the path or the bad value and what to do.
//
//	func TestLoad(t *testing.T) {
//		path := tmptest.WriteFile(t, "name: demo\n", tmptest.Suffix(".yaml"))
//		cfg, err := config.Load(path)
//		...
//	}
//
// # From Python's tempfile
//
//	Python                              tmptest
//	TemporaryDirectory(), mkdtemp()     [Dir]
//	NamedTemporaryFile()                [File]
//	NamedTemporaryFile(delete=False)    File(t, Keep())
//	mkstemp() followed by a write       [WriteFile]
//	TemporaryFile()                     [Unnamed]
//	SpooledTemporaryFile(max_size)      [Spooled]
//	mktemp() (unsafe)                   [Path]: safe, inside a fresh directory
//	gettempdir()                        [BaseDir]
//	prefix=, suffix=, dir=              [Prefix], [Suffix], [In]
//	mode= (os.chmod afterwards)         [Perm]
//
// The difference is the lifetime: Python removes on close or on leaving a
// with block; tmptest removes when the test ends, after it and its
// subtests are done, unless asked to keep (see below).
//
// # Names and places
//
// Everything is created directly in [BaseDir] ($TMPTEST_DIR, else
// $GOTMPDIR, else [os.TempDir]) or in the directory given with [In]. A
// name is the [Prefix], the test's name, a dash, ten random characters
// and the [Suffix]: Dir(t, Prefix("cfg-")) in TestLoad/empty_file makes
// something like /tmp/cfg-TestLoad-empty_file-k2m4q7x3za. The test name
// is sanitised ("/" between subtests becomes "-", anything but ASCII
// letters, digits, ".", "_" and "-" becomes "_") and cut to 40 bytes, so
// a kept path says which test made it. [Path] shortens it further to stay
// within the length of a Unix socket path. The random part keeps names of
// parallel tests (t.Parallel) apart.
//
// # Security
//
// As in Python's tempfile, creation is race-free and private: files are
// created with O_CREATE|O_EXCL and mode 0600, directories with mode 0700,
// under names with 50 random bits from crypto/rand. When a name is taken,
// even by a dangling symbolic link, the helper tries another: what was
// there is never opened, truncated or followed.
//
// Cleanup removes trees the test made read-only (say, 0555 directories
// holding 0444 files, like a Go module cache), without privileges, where
// t.TempDir fails. It never follows a symbolic link, neither to remove
// nor to chmod: a link in the tree is removed, its target is untouched.
// On Unix it walks with file descriptors (openat with O_NOFOLLOW,
// unlinkat, fchmod), so nothing renamed during the walk can lead it
// outside the tree, and it never enters another file system: a mount
// point in the tree (a tmpfs, a bind mount, even of a directory of the
// same file system) is left in place with all it holds, and reported. A
// cleanup that fails reports with t.Errorf.
//
// # Permissions and the umask
//
// The default modes (0600 and 0700) are the creation modes; a umask can
// only remove bits, and a usual one removes none of these. [Perm] asks
// for exact bits: the helper sets them with an explicit chmod after
// creating, so Perm(0o644) gives 0644 whatever the umask. On Windows a
// mode only sets or clears the read-only attribute.
//
// # Keeping what a test created
//
// [Keep] keeps one thing. The environment variable TMPTEST_KEEP sets a
// policy for everything, like pytest's tmp_path retention:
//
//	TMPTEST_KEEP=failed   keep what failed tests created
//	TMPTEST_KEEP=all      keep everything
//	TMPTEST_KEEP=never    remove everything (also when unset or empty)
//
// The decision is made at cleanup, when the test's result is known, and
// each kept path is logged with t.Log, so a failing run says where to
// look. Any other value fails the test with the accepted values, before
// anything is created. Open files are closed either way. TMPTEST_KEEP and
// TMPTEST_DIR are read at each helper call, inside the test, so go test's
// cache sees them; the package keeps no global settings and registers no
// flags.
package tmptest
