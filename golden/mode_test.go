package golden

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/tmpkit/tmpkit/internal/faketb"
)

// The update-mode matrix: every UPDATE_GOLDEN value, CI value and state of
// an -update flag.
var (
	updateValues = []string{"", "0", "false", "1", "true", "new", "force", "yes", "TRUE"}
	ciValues     = []string{"", "false", "0", "true", "1", "woodpecker"}
	flagStates   = []string{"undefined", "bool unset", "bool set", "string set"}
)

// flagSet builds the flags of a test binary in the given state.
func flagSet(state string) *flag.FlagSet {
	fs := flag.NewFlagSet("test", flag.ContinueOnError)
	switch state {
	case "bool unset":
		fs.Bool("update", false, "")
	case "bool set":
		fs.Bool("update", false, "")
		fs.Set("update", "true")
	case "string set":
		fs.String("update", "", "")
		fs.Set("update", "true")
	}
	return fs
}

// wantSetting is the specification of the matrix, written independently of
// readSetting: ok false means the value is refused.
func wantSetting(value, ci, flagState string) (m mode, refused, ok bool) {
	var asked mode
	switch value {
	case "", "0", "false":
	case "1", "true", "force":
		asked = overwrite
	case "new":
		asked = createMissing
	default:
		return 0, false, false
	}
	if flagState == "bool set" {
		asked = overwrite
	}
	onCI := ci == "true" || ci == "1" || ci == "woodpecker"
	if onCI && value != "force" && asked != compareOnly {
		return compareOnly, true, true
	}
	return asked, false, true
}

func TestReadSettingMatrix(t *testing.T) {
	for _, v := range updateValues {
		for _, ci := range ciValues {
			for _, fl := range flagStates {
				env := map[string]string{"UPDATE_GOLDEN": v, "CI": ci}
				s, err := readSetting(func(k string) string { return env[k] }, flagSet(fl).Lookup)
				m, refused, ok := wantSetting(v, ci, fl)
				name := fmt.Sprintf("UPDATE_GOLDEN=%q CI=%q flag %s", v, ci, fl)
				if !ok {
					want := fmt.Sprintf("golden: UPDATE_GOLDEN=%q is not a valid value; use 1 or true (create and overwrite goldens), "+
						"new (only create missing ones), force (create and overwrite, even under CI or when the output is empty), 0, false or empty (compare only)", v)
					if err == nil || err.Error() != want {
						t.Errorf("%s: err = %v, want %q", name, err, want)
					}
					continue
				}
				if err != nil || s.mode != m || s.refused() != refused {
					t.Errorf("%s: mode %d refused %v err %v, want mode %d refused %v", name, s.mode, s.refused(), err, m, refused)
				}
			}
		}
	}
}

func FuzzReadSetting(f *testing.F) {
	f.Add("1", "true")
	f.Add("new", "")
	f.Add("force", "yes")
	f.Add("tru", "F")
	f.Fuzz(func(t *testing.T, value, ci string) {
		env := map[string]string{"UPDATE_GOLDEN": value, "CI": ci}
		s, err := readSetting(func(k string) string { return env[k] }, flagSet("undefined").Lookup)
		if err != nil {
			if !strings.Contains(err.Error(), "is not a valid value; use 1 or true") {
				t.Fatalf("error does not list the accepted values: %v", err)
			}
			return
		}
		if s.mode > s.asked || (s.mode != s.asked && value == "force") {
			t.Fatalf("UPDATE_GOLDEN=%q CI=%q: mode %d, asked %d", value, ci, s.mode, s.asked)
		}
		if s.mode != compareOnly && isCI(ci) && value != "force" {
			t.Fatalf("UPDATE_GOLDEN=%q CI=%q: update allowed on CI", value, ci)
		}
	})
}

// TestUpdateModeMatrix runs Assert through a fake TB, with the real
// environment set by t.Setenv, over the whole matrix: an existing golden
// that differs and a missing one, checking what is on disk afterwards and
// what the test was told.
func TestUpdateModeMatrix(t *testing.T) {
	for _, v := range updateValues {
		for _, ci := range ciValues {
			for _, fl := range flagStates {
				t.Run(fmt.Sprintf("%s_%s_%s", v, ci, fl), func(t *testing.T) {
					t.Setenv("UPDATE_GOLDEN", v)
					t.Setenv("CI", ci)
					dir := t.TempDir()
					os.WriteFile(filepath.Join(dir, "old.golden"), []byte("old\n"), 0o644)
					opts := []Option{Dir(dir), withFlags(flagSet(fl))}
					differs := runFake(t, "TestM", func(tb testing.TB) {
						Assert(tb, "new\n", append(opts, Name("old.golden"))...)
					})
					missing := runFake(t, "TestM", func(tb testing.TB) {
						Assert(tb, "made\n", append(opts, Name("missing.golden"))...)
					})
					old, _ := os.ReadFile(filepath.Join(dir, "old.golden"))
					made, err := os.ReadFile(filepath.Join(dir, "missing.golden"))

					m, _, ok := wantSetting(v, ci, fl)
					switch {
					case !ok:
						checkFatal(t, differs, "is not a valid value")
						checkFatal(t, missing, "is not a valid value")
						if string(old) != "old\n" || err == nil {
							t.Errorf("an invalid UPDATE_GOLDEN wrote goldens")
						}
					case m == overwrite:
						checkPassed(t, differs, "golden: wrote +1 -1 "+filepath.ToSlash(dir)+"/old.golden")
						checkPassed(t, missing, "golden: wrote +1 -0 "+filepath.ToSlash(dir)+"/missing.golden (new)")
						if string(old) != "new\n" || string(made) != "made\n" {
							t.Errorf("overwrite mode left old=%q made=%q", old, made)
						}
					case m == createMissing:
						checkError(t, differs, "UPDATE_GOLDEN=1 go test")
						checkPassed(t, missing, "golden: wrote +1 -0 "+filepath.ToSlash(dir)+"/missing.golden (new)")
						if string(old) != "old\n" || string(made) != "made\n" {
							t.Errorf("new mode left old=%q made=%q", old, made)
						}
					default:
						if onCI := ci == "true" || ci == "1" || ci == "woodpecker"; onCI {
							// Under CI a failure says updates are refused
							// there, whether or not one was asked for.
							checkError(t, differs, "Updates are refused under CI="+ci)
							checkError(t, missing, "Updates are refused under CI="+ci)
						} else {
							checkError(t, differs, "To update it, run from the module root:\n\tUPDATE_GOLDEN=1 go test")
							checkError(t, missing, "To create it from the output, run from the module root:\n\tUPDATE_GOLDEN=new go test")
						}
						if string(old) != "old\n" || err == nil {
							t.Errorf("compare mode wrote goldens: old=%q made=%q", old, made)
						}
					}
				})
			}
		}
	}
}

func checkFatal(t *testing.T, f *faketb.TB, want string) {
	t.Helper()
	if fatals := f.Fatals(); len(fatals) != 1 || !strings.Contains(fatals[0], want) {
		t.Errorf("Fatalf messages %q; want one that contains %q", fatals, want)
	}
	if f.Called("Helper") == 0 {
		t.Errorf("Helper was not called")
	}
}

// checkError checks that f failed with one Errorf message holding want
// and went on: a missing or differing golden.
func checkError(t *testing.T, f *faketb.TB, want string) {
	t.Helper()
	if errs := f.Errors(); len(errs) != 1 || !strings.Contains(errs[0], want) || len(f.Fatals()) != 0 {
		t.Errorf("Errorf messages %q, Fatalf %q; want one Errorf that contains %q", errs, f.Fatals(), want)
	}
	if f.Called("Helper") == 0 {
		t.Errorf("Helper was not called")
	}
}

func checkPassed(t *testing.T, f *faketb.TB, log string) {
	t.Helper()
	if f.Failed() {
		t.Errorf("failed: %s%s", f.Fatals(), f.Errors())
	}
	if !slices.Equal(f.Logs(), []string{log}) {
		t.Errorf("logs = %q, want [%q]", f.Logs(), log)
	}
}
