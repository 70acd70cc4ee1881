// Package golden compares test output with golden files and golden trees
// kept in the repository, and updates them on request, safely: across
// `go test ./...`, under t.Parallel, on CI and on Windows checkouts.
//
//	func TestRender(t *testing.T) {
//		golden.Assert(t, render(input))           // testdata/TestRender.golden
//		golden.AssertJSON(t, config, golden.Name("config.json"))
//		golden.AssertDir(t, os.DirFS(outDir))      // testdata/TestRender.golden.d/...
//	}
//
// # Where goldens live
//
// A golden file is testdata/<t.Name()>.golden: subtests are folders, so
// t.Run("empty", ...) in TestParse uses testdata/TestParse/empty.golden. A
// golden tree ([AssertDir]) is the directory testdata/<t.Name()>.golden.d/
// holding plain files, reviewable in a pull request; the two default paths
// never collide, so one test may use both. [Name] replaces the derived name
// with a path used verbatim, [Dir] replaces "testdata"; a relative [Dir]
// starts at the package directory, even after a test changed the working
// directory.
//
// Test names are made into portable file names: "%" followed by two hex
// digits replaces each byte of a character Windows forbids (" * / : < > ?
// \ |), of "%", a space, a control or other invisible character; a leading
// or trailing ".", the first letter of a Windows device name (CON, NUL,
// COM1, ...) and the "." of a trailing ".golden" or ".golden.d" are escaped
// the same way;
// the empty name is "%"; a name longer than 200 bytes is cut and ends with
// "%~" and a hash. Distinct test names give distinct paths; two names that
// differ only in letter case, the same file on macOS and Windows, fail when
// both run.
//
// # Update mode
//
// Nothing is ever written unless asked. The environment variable
// UPDATE_GOLDEN, read by each assertion when it runs (so `go test`'s cache
// reruns tests when it changes), says what to do:
//
//	1 or true      create missing goldens and overwrite differing ones
//	new            only create missing goldens
//	force          as 1, even under CI, and may empty a golden
//	0, false, ""   compare only (the default)
//
// Any other value fails the assertion, listing these. When the test binary
// itself defines a boolean flag named "update" (as gotest.tools and goldie
// do), -update also means 1. The package defines no flag: a flag defined by
// two packages panics, and `go test ./... -update` fails in every package
// that does not define it, while `UPDATE_GOLDEN=1 go test ./...` works in
// all of them.
//
// When the environment variable CI is set to a true value, updates are
// refused unless UPDATE_GOLDEN=force: goldens are only compared, and a
// failure says so. The values strconv.ParseBool reads as false and the empty
// string are not true; every other value ("true", "1", "yes", a vendor
// name) is.
//
// An update writes each golden file atomically (a temporary file in the
// same directory, then a rename), only when its content differs, keeps the
// mode of an existing file (new files 0644, new directories 0755) and logs
// what it changed in each golden, +N -M lines (bytes for binary content;
// files added, removed and changed for a tree):
//
//	golden: wrote +2 -1 testdata/TestRender.golden
//
// and [Main] prints the same lines for the whole package after the tests.
// A golden tree is written whole beside the old one and swapped in, so a
// failed update leaves the old tree whole. An update refuses to replace a
// golden that holds something with empty output, or to empty a golden
// tree, unless UPDATE_GOLDEN=force: an empty capture is the classic way a
// bulk update erases goldens. It never replaces a directory where a golden
// file goes, and never writes a golden tree that is, or holds, the package
// directory, a testdata directory, a module root, a repository or Go
// source. Two assertions of one update run expecting different content in
// the same golden fail, even when they race in parallel subtests, instead
// of the last write winning; outside update mode each is compared with the
// file.
//
// # Comparison
//
// A missing or differing golden marks the test failed and lets it go on,
// so one run reports every golden that differs; misuse (an invalid option
// or UPDATE_GOLDEN value, a golden that cannot be read or is not a
// regular file) stops the test.
//
// A text golden matches the output when they are equal, or when the
// golden's "\r\n" line endings, read as "\n", make them equal: a golden
// checked out with Windows line endings still matches. The output's own
// line endings are never folded, so output that starts printing "\r\n"
// is a difference. [Exact] compares bytes only. Content holding a NUL byte
// or invalid UTF-8 is binary and compared byte for byte. A failure shows a
// unified diff (-want +got) with line numbers and 3 lines of context,
// capped at 200 lines with a note, where trailing blanks, "\r" and a
// missing final newline are made visible, or, for binary content, the
// sizes, the first differing offset and a hex window. It ends with the
// command that updates this golden:
//
//	UPDATE_GOLDEN=1 go test ./pkg -run '^TestX$/^sub$'
//
// (for a benchmark: -run '^$' -bench '^BenchmarkX$'), or, for a missing
// golden, the one that creates it (UPDATE_GOLDEN=new). When the test
// binary runs with -artifacts, the output is also saved under
// t.ArtifactDir().
//
// # Reviewing changes
//
// A missing or differing golden is also recorded as a pending change, for
// the golden command (github.com/tmpkit/tmpkit/cmd/golden) to review one
// by one (`golden review`) or to apply later (`golden apply DIR`): in the
// directory the environment variable GOLDEN_PENDING names, and, when the
// test binary runs with -artifacts, under t.ArtifactDir(), so that a CI job
// uploading its -outputdir carries the changes of a failed run home. A
// record holds the golden's module-relative path, the output, the hash of
// the golden as compared (a changed golden is never overwritten by a stale
// record), the package and the test. GOLDEN_PENDING is read only when a
// golden differs, so passing tests stay in go test's cache.
//
// Each assertion records the golden it used as test attributes (t.Attr),
// which `go test -json` logs carry: "golden" ("file testdata/TestX.golden",
// "tree testdata/TestX.golden.d") and "golden-dir", module-relative, and
// "golden-run" ("full", or "partial" and the flags that limited the run),
// for the golden command's `unused`, which merges the logs of several runs
// and lists (or, with --remove, removes) the goldens none of them used.
//
// Scrubbers ([Scrub], [ScrubRegexp], [ScrubPath], [ScrubTempDirs]) replace
// volatile text in the output before it is compared or written.
//
// # Unused goldens
//
// [Main] (or [Run]) in TestMain reports the goldens of its package that no
// assertion, [Get] or [MarkUsed] used in a full, passing run, failing the run
// for those it is sure of. It removes nothing: a run cannot know what
// other configurations (operating systems, build tags, benchmarks) use.
package golden
