package golden

import (
	"flag"
	"fmt"
	"strconv"
)

// mode says what an assertion may do to a golden that is missing or differs.
type mode uint8

const (
	compareOnly   mode = iota // fail, with the command that updates
	createMissing             // write missing goldens, fail on a difference
	overwrite                 // write missing and differing goldens
)

// acceptedValues is quoted in the error for an invalid UPDATE_GOLDEN.
const acceptedValues = "1 or true (create and overwrite goldens), new (only create missing ones), " +
	"force (create and overwrite, even under CI or when the output is empty), 0, false or empty (compare only)"

// setting is the update mode of one assertion, read when it runs.
type setting struct {
	mode  mode   // what the assertion may do
	asked mode   // what UPDATE_GOLDEN or -update asked for, before CI
	ci    string // the value of CI when it counts as true, else ""
	force bool   // UPDATE_GOLDEN=force: also under CI, and a golden may be emptied
}

// refused reports whether CI turned a requested update into a comparison.
func (s setting) refused() bool { return s.asked != compareOnly && s.mode == compareOnly }

// readSetting reads UPDATE_GOLDEN and CI with getenv and the test binary's
// own -update flag, if it has one, with lookup. Both are read at call time,
// inside the test, so that `go test` records the environment variables in
// its cache key and reruns the test when they change.
func readSetting(getenv func(string) string, lookup func(string) *flag.Flag) (setting, error) {
	var s setting
	force := false
	switch v := getenv("UPDATE_GOLDEN"); v {
	case "", "0", "false":
	case "1", "true":
		s.asked = overwrite
	case "new":
		s.asked = createMissing
	case "force":
		s.asked, force = overwrite, true
	default:
		return setting{}, fmt.Errorf("golden: UPDATE_GOLDEN=%q is not a valid value; use %s", v, acceptedValues)
	}
	if updateFlag(lookup) {
		s.asked = overwrite
	}
	s.mode, s.force = s.asked, force
	if ci := getenv("CI"); isCI(ci) {
		s.ci = ci
		if !force {
			s.mode = compareOnly
		}
	}
	return s, nil
}

// isCI reports whether the value of the CI variable says the tests run on a
// CI system. The values strconv.ParseBool reads as false ("0", "f", "F",
// "false", "FALSE", "False") and the empty string mean no; every other value
// means yes: "true" and "1" as most CI systems set it, and also values
// ParseBool does not know ("yes", a vendor name), because refusing an update
// by mistake costs one UPDATE_GOLDEN=force, while rewriting goldens on CI by
// mistake hides a regression.
func isCI(v string) bool {
	if v == "" {
		return false
	}
	b, err := strconv.ParseBool(v)
	return err != nil || b
}

// updateFlag reports whether the test binary defines a boolean flag named
// "update" (its own, or one from a library such as gotest.tools or goldie)
// and it is set. The package never defines the flag itself: a flag defined
// by two packages panics at start-up, and `go test ./... -update` fails in
// every package that does not define it.
func updateFlag(lookup func(string) *flag.Flag) bool {
	f := lookup("update")
	if f == nil {
		return false
	}
	if bf, ok := f.Value.(interface{ IsBoolFlag() bool }); !ok || !bf.IsBoolFlag() {
		return false
	}
	b, err := strconv.ParseBool(f.Value.String())
	return err == nil && b
}
