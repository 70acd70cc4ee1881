package review

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/tmpkit/tmpkit/internal/goldenattr"
)

// use is a golden a test used, by its module-relative slash path (or an
// absolute one, for a golden outside the module).
type use struct {
	kind goldenattr.Kind
	path string
}

// testLog is what one go test -json log says about goldens.
type testLog struct {
	name     string
	uses     []use
	dirs     []string
	packages map[string]bool // packages with golden attributes
	skipped  map[string]bool // "pkg TestX" skipped in this log
	ran      map[string]bool // "pkg TestX" that passed or failed
	problems []string        // why the log cannot be trusted
}

// readLog reads the go test -json log in the file name.
func readLog(name string) testLog {
	l := testLog{name: name, packages: map[string]bool{}, skipped: map[string]bool{}, ran: map[string]bool{}}
	f, err := os.Open(name)
	if err != nil {
		l.problems = append(l.problems, err.Error())
		return l
	}
	defer f.Close()
	l.read(f)
	return l
}

func (l *testLog) read(r io.Reader) {
	started := map[string]bool{}
	finished := map[string]bool{}
	fullRun := map[string]bool{} // packages whose run attribute says full
	events := 0
	var failed []string
	br := bufio.NewReader(r)
	for lineNo := 1; ; lineNo++ {
		line, err := br.ReadBytes('\n')
		if t := bytes.TrimSpace(line); len(t) > 0 && t[0] == '{' {
			var e event
			if jerr := json.Unmarshal(t, &e); jerr != nil {
				l.problems = append(l.problems, fmt.Sprintf("line %d is not a go test -json event: %v", lineNo, jerr))
			} else {
				events++
				l.event(e, started, finished, fullRun, &failed)
			}
		}
		if err != nil {
			if err != io.EOF {
				l.problems = append(l.problems, err.Error())
			}
			break
		}
	}
	switch {
	case events == 0:
		l.problems = append(l.problems, "it holds no go test -json events")
	case len(l.packages) == 0:
		l.problems = append(l.problems, "it records no golden use (no "+goldenattr.Key+" attribute): not a run of tests using golden, or one whose -run matched none of them")
	case len(failed) > 0:
		l.problems = append(l.problems, "the run failed ("+strings.Join(failed[:min(3, len(failed))], ", ")+more(len(failed)-3)+"); a failed run may have skipped assertions")
	}
	var unfinished []string
	for p := range started {
		if !finished[p] {
			unfinished = append(unfinished, p)
		}
	}
	slices.Sort(unfinished)
	if len(unfinished) > 0 {
		l.problems = append(l.problems, "it is cut short: no result for "+strings.Join(unfinished, ", "))
	}
	var unknown []string
	for p := range l.packages {
		if !fullRun[p] {
			unknown = append(unknown, p)
		}
	}
	slices.Sort(unknown)
	if len(unknown) > 0 && !slices.ContainsFunc(l.problems, func(s string) bool { return strings.Contains(s, "ran only some tests") }) {
		l.problems = append(l.problems, "it does not say whether every test ran in "+strings.Join(unknown, ", ")+
			" (no "+goldenattr.RunKey+" attribute: the tmpkit that ran the tests does not record it)")
	}
}

func (l *testLog) event(e event, started, finished, fullRun map[string]bool, failed *[]string) {
	switch e.Action {
	case "start":
		started[e.Package] = true
	case "build-fail":
		*failed = append(*failed, e.ImportPath+" did not build")
	case "skip":
		if e.Test != "" {
			l.skipped[e.Package+" "+e.Test] = true
		}
	case "pass", "fail":
		if e.Test != "" {
			l.ran[e.Package+" "+e.Test] = true
		}
	}
	if e.Test == "" && (e.Action == "pass" || e.Action == "fail" || e.Action == "skip") {
		finished[e.Package] = true
	}
	if e.Action == "fail" {
		switch {
		case e.FailedBuild != "":
			*failed = append(*failed, e.Package+" did not build")
		case e.Test != "":
			*failed = append(*failed, e.Test+" in "+e.Package+" failed")
		}
	}
	if e.Action != "attr" {
		return
	}
	switch e.Key {
	case goldenattr.Key:
		kind, p, err := goldenattr.Parse(e.Value)
		if err != nil {
			l.problems = append(l.problems, fmt.Sprintf("%s: %v", e.Test, err))
			return
		}
		l.uses = append(l.uses, use{kind, p})
		l.packages[e.Package] = true
	case goldenattr.DirKey:
		p, err := goldenattr.ParseDir(e.Value)
		if err != nil {
			l.problems = append(l.problems, fmt.Sprintf("%s: %v", e.Test, err))
			return
		}
		l.dirs = append(l.dirs, p)
		l.packages[e.Package] = true
	case goldenattr.RunKey:
		l.packages[e.Package] = true
		if e.Value == goldenattr.FullRun {
			fullRun[e.Package] = true
			return
		}
		msg := "it ran only some tests (" + strings.TrimSpace(strings.TrimPrefix(e.Value, goldenattr.PartialRun)) + ")"
		if !slices.Contains(l.problems, msg) {
			l.problems = append(l.problems, msg)
		}
	}
}

func more(n int) string {
	if n <= 0 {
		return ""
	}
	return fmt.Sprintf(" and %d more", n)
}
