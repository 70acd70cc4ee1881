package main

import (
	"bufio"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// target is one line of the targets file.
type target struct {
	pkg, bench, subject, metric, baseline string
	maxRatio                              float64       // 0 when none
	minRatio                              float64       // 0 when none: a ">=N" target
	maxTime                               time.Duration // 0 when none
}

func parseTargets(text string) ([]target, error) {
	var rows []target
	for i, line := range strings.Split(text, "\n") {
		// Comments are whole lines: a subject may hold '#' (sub#metric).
		if trimmed := strings.TrimSpace(line); trimmed == "" || strings.HasPrefix(trimmed, "#") {
			continue
		}
		f := strings.Fields(line)
		if len(f) != 5 {
			return nil, fmt.Errorf("targets line %d: want 5 fields (package benchmark subject baseline target), got %d", i+1, len(f))
		}
		t := target{pkg: f[0], bench: f[1], subject: f[2], baseline: f[3]}
		t.subject, t.metric, _ = strings.Cut(t.subject, "#")
		switch {
		case f[4] == "-":
		case t.baseline == "-" && t.metric == "":
			d, err := time.ParseDuration(f[4])
			if err != nil {
				return nil, fmt.Errorf("targets line %d: a target without baseline is a time: %w", i+1, err)
			}
			t.maxTime = d
		default:
			at, least := strings.CutPrefix(f[4], ">=")
			r, err := strconv.ParseFloat(at, 64)
			if err != nil || r <= 0 {
				return nil, fmt.Errorf("targets line %d: target %q is not a positive ratio", i+1, f[4])
			}
			if least {
				t.minRatio = r
			} else {
				t.maxRatio = r
			}
		}
		rows = append(rows, t)
	}
	return rows, nil
}

// results maps "pkg benchmark/sub unit" to the values of every run.
type results map[string][]float64

func key(pkg, name, unit string) string { return pkg + " " + name + " " + unit }

// median returns the median of the values under k, and whether there are any.
func (r results) median(k string) (float64, bool) {
	v := slices.Sorted(slices.Values(r[k]))
	if len(v) == 0 {
		return 0, false
	}
	if len(v)%2 == 1 {
		return v[len(v)/2], true
	}
	return (v[len(v)/2-1] + v[len(v)/2]) / 2, true
}

var procSuffix = regexp.MustCompile(`-\d+$`)

// parseBench reads the standard benchmark format: "pkg: path" lines name
// the package of the result lines that follow, which hold the name, the
// iteration count, then value-unit pairs.
func parseBench(r io.Reader) (results, error) {
	res := results{}
	var pkg string
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		line := sc.Text()
		if p, ok := strings.CutPrefix(line, "pkg: "); ok {
			pkg = strings.TrimPrefix(strings.TrimPrefix(strings.TrimSpace(p), "github.com/tmpkit/tmpkit"), "/")
			continue
		}
		f := strings.Fields(line)
		if len(f) < 4 || !strings.HasPrefix(f[0], "Benchmark") || len(f)%2 != 0 {
			continue
		}
		name := procSuffix.ReplaceAllString(f[0], "")
		for i := 2; i+1 < len(f); i += 2 {
			v, err := strconv.ParseFloat(f[i], 64)
			if err != nil {
				return nil, fmt.Errorf("bad value %q in %q", f[i], line)
			}
			res[key(pkg, name, f[i+1])] = append(res[key(pkg, name, f[i+1])], v)
		}
	}
	return res, sc.Err()
}
