package golden

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Each runs one subtest per file matching pattern, a [filepath.Glob]
// pattern relative to the package directory such as
// "testdata/parse/*.input": the data-driven golden test of a parser, a
// formatter or a command. The subtest is named after the file without its
// extension; f gets the subtest's t and the file's content and returns the
// output, which is compared with the golden beside the input as [Assert]
// compares, "x.input" with "x.golden". A changed output fails only its
// subtest.
//
//	func TestParse(t *testing.T) {
//		golden.Each(t, "testdata/parse/*.input", func(t *testing.T, input []byte) string {
//			return render(parse(input))
//		})
//	}
//
// Adding a case is adding an input and running with UPDATE_GOLDEN=new.
// Nothing else is written: [Name] and [Dir] have no place here (not inside
// [Options] either) and make the test fail, as does [Redact]; the other
// options apply to every input. A pattern that matches no file fails the
// test (a typo must not pass unnoticed), as does one that matches a
// ".golden" file or two inputs that would share a golden. A golden left
// without its input is used by no assertion: [Main] reports it as unused
// (a *.golden file in a directory Each reads inputs from is Each's).
func Each[T ~string | ~[]byte](t *testing.T, pattern string, f func(t *testing.T, input []byte) T, opts ...Option) {
	t.Helper()
	cfg := newConfig(opts)
	inputs, err := eachInputs(cfg, pattern)
	if err != nil {
		t.Fatalf("%v", err)
	}
	dir := filepath.Dir(pattern)
	if !filepath.IsAbs(dir) {
		dir = filepath.Join(startDir, dir)
	}
	cfg.reg.eachDir(dir)
	for _, in := range inputs {
		t.Run(in.test, func(t *testing.T) {
			t.Helper()
			data, err := os.ReadFile(in.path)
			if err != nil {
				t.Fatalf("golden: Each: reading the input: %v", err)
			}
			got := f(t, data)
			sub := cfg
			sub.dir, sub.name, sub.nameSet = in.dir, in.golden, true
			c := newCall(t, &sub)
			c.flush(t, c.assertFile(sub, []byte(got)))
		})
	}
}

// eachInput is one input of Each and where its golden lives.
type eachInput struct {
	path   string // the input's absolute path
	test   string // the subtest name: the file name without extension
	dir    string // the input's directory, the golden directory, absolute
	golden string // the golden's name in dir
}

// eachInputs returns the inputs pattern matches, in Glob's (sorted) order,
// or an error for misuse.
func eachInputs(cfg config, pattern string) ([]eachInput, error) {
	if cfg.placedBy != "" {
		return nil, fmt.Errorf("golden: Each(%q): golden.%s is not allowed: Each keeps each golden beside its input (x.input -> x.golden); "+
			"to move the goldens, move the inputs", pattern, cfg.placedBy)
	}
	cfg.refuseRedact("Each compares text")
	if cfg.err != nil {
		return nil, cfg.err
	}
	// Relative to the package directory fixed at start-up, as every golden
	// path is: a test that changed its working directory still finds them.
	glob := pattern
	if !filepath.IsAbs(glob) {
		glob = filepath.Join(startDir, glob)
	}
	matches, err := filepath.Glob(glob)
	if err != nil {
		return nil, fmt.Errorf("golden: Each(%q): %w", pattern, err)
	}
	var inputs []eachInput
	byGolden := map[string]string{}
	for _, abs := range matches {
		if fi, err := os.Stat(abs); err != nil || fi.IsDir() {
			continue
		}
		m := abs // as the user wrote it: relative when the pattern is
		if !filepath.IsAbs(pattern) {
			m = rel(startDir, abs)
		}
		base := filepath.Base(m)
		if strings.HasSuffix(base, ".golden") {
			return nil, fmt.Errorf("golden: Each(%q): %q is a golden file, not an input; match the inputs only, as in \"testdata/parse/*.input\"",
				pattern, filepath.ToSlash(m))
		}
		stem := strings.TrimSuffix(base, filepath.Ext(base))
		in := eachInput{path: abs, test: stem, dir: filepath.Dir(abs), golden: stem + ".golden"}
		if err := checkName(in.golden); err != nil {
			return nil, fmt.Errorf("golden: Each(%q): the golden of %q cannot be named %q: %w", pattern, filepath.ToSlash(m), in.golden, err)
		}
		key := filepath.Join(filepath.Dir(m), in.golden)
		if other, dup := byGolden[key]; dup {
			return nil, fmt.Errorf("golden: Each(%q): %q and %q would share the golden %q; rename one of them",
				pattern, filepath.ToSlash(other), filepath.ToSlash(m), filepath.ToSlash(key))
		}
		byGolden[key] = m
		inputs = append(inputs, in)
	}
	if len(inputs) == 0 {
		return nil, fmt.Errorf("golden: Each(%q): no file matches the pattern (relative to the package directory %s); "+
			"a test over no input would pass without checking anything", pattern, filepath.ToSlash(startDir))
	}
	return inputs, nil
}
