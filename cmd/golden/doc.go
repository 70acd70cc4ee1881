// Command golden reviews, applies and prunes the goldens of package
// github.com/tmpkit/tmpkit/golden.
//
// Run it from a module that uses golden, as
//
//	go run github.com/tmpkit/tmpkit/cmd/golden <command> [arguments]
//
// or, with a tool line in the module's go.mod (go get -tool
// github.com/tmpkit/tmpkit/cmd/golden, Go 1.24+), as
//
//	go tool golden <command> [arguments]
//
// # review
//
//	golden review [--accept-all | --reject-all] [--json] [--force] [packages] [-- go test flags]
//
// Review runs `go test -json` on the packages (default ./...) with
// GOLDEN_PENDING set to a fresh temporary directory, where every golden
// assertion that finds its golden missing or different records the output.
// It then shows each change, in the order of the goldens' paths relative
// to the module root (each file of a golden tree on its own), as the test
// failure shows it, and asks: accept, reject, skip or quit. On a terminal
// one key answers (a, r, s or q; Ctrl-C stops and writes nothing); when
// standard input is not a terminal, each line is one answer ("a" or
// "accept", ...), and the end of the input means quit. It ends with a line
// such as "2 accepted, 1 rejected, 2 skipped" and a "+N -M" line per golden
// written. The accepted changes are written as UPDATE_GOLDEN=1 writes them.
//
//	--accept-all   accept every change without asking
//	--reject-all   write nothing: list the changes
//	--json         print each question as one JSON line on standard output
//	               (the golden's module-relative path, "file" for an entry
//	               of a golden tree, the diff); everything else goes to
//	               standard error
//	--force        write even under CI, and let a change empty a golden
//
// Colour is used only when standard output is a terminal and NO_COLOR is
// not set; progress (packages done/total) only when standard error is one.
//
// # apply
//
//	golden apply [--dry-run] [--force] DIR
//
// Apply writes the pending changes recorded anywhere below DIR: a
// GOLDEN_PENDING directory, or the -outputdir of a CI run whose tests ran
// with -artifacts (records are then saved as artifacts). A change is
// written only if its golden is still what the test compared; a golden
// changed since is refused, named, and nothing of it is written. Each
// written golden gets a "+N -M" line. --dry-run prints the lines and writes
// nothing.
//
// # unused
//
//	golden unused [--remove] [--force] LOG...
//
// Unused reads `go test -json` logs (from several CI jobs: operating
// systems, shards, build tags), in which each golden assertion recorded
// the golden it used, and lists, by module-relative path, the golden files
// and golden trees in the module's testdata directories and in every golden
// directory the logs name that no run used. --remove removes them. A log of
// a run that failed, or that ran only some tests (-run, -skip, -short), is
// refused, naming it, and nothing is removed.
//
// # Writes and CI
//
// Every write is the update mode's write: atomic, only what changed, modes
// kept, nothing outside the golden, no symlink followed, no golden emptied
// without --force. When the environment variable CI is set to a true value,
// writes are refused unless --force.
//
// # Exit status
//
//	0    review: the review ran, whatever was decided; apply: every record
//	     was applied; unused: no unused golden, or --remove removed them
//	1    the tests did not build or could not run, a record or a write was
//	     refused, a log was refused, or unused listed goldens
//	2    bad flags or arguments
//	130  the review was interrupted (Ctrl-C): nothing was written
package main
