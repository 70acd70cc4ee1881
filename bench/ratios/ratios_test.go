package main

import (
	"bytes"
	"strings"
	"testing"
)

const benchOutput = `goos: linux
goarch: amd64
pkg: github.com/tmpkit/tmpkit/tmptest
cpu: AMD EPYC
BenchmarkFile/tmptest.File-2         	   10000	     1100 ns/op	     200 B/op	       3 allocs/op
BenchmarkFile/tmptest.File-2         	   10000	     1000 ns/op	     200 B/op	       3 allocs/op
BenchmarkFile/tmptest.File-2         	   10000	     9000 ns/op	     200 B/op	       3 allocs/op
BenchmarkFile/os.CreateTemp-2        	   10000	     1000 ns/op	     100 B/op	       2 allocs/op
BenchmarkFile/os.CreateTemp-2        	   10000	      900 ns/op	     100 B/op	       2 allocs/op
PASS
ok  	github.com/tmpkit/tmpkit/tmptest	3.2s
pkg: github.com/tmpkit/tmpkit/fixture
BenchmarkWrite/interleaved-2         	      10	  5000000 ns/op	         0.9000 fixture.New/plain
BenchmarkWrite/interleaved-2         	      10	  5000000 ns/op	         1.3000 fixture.New/plain
BenchmarkWrite/interleaved-2         	      10	  5000000 ns/op	         1.0000 fixture.New/plain
BenchmarkWrite/interleaved-2         	      10	  5000000 ns/op	         1.0000 fixture.New/plain	        12.00 disk/mem
pkg: github.com/tmpkit/tmpkit/internal/diff
BenchmarkAllLinesDiffer5000/tmpkit-2 	     100	  6000000 ns/op
`

func TestRun(t *testing.T) {
	const targets = `# package benchmark subject baseline target
tmptest        BenchmarkFile               tmptest.File                    os.CreateTemp  1.1
fixture        BenchmarkWrite              interleaved#fixture.New/plain   -              1.10
fixture        BenchmarkWrite              interleaved#disk/mem            -              >=10
internal/diff  BenchmarkAllLinesDiffer5000 tmpkit                          -              20ms
tmptest        BenchmarkFile               os.CreateTemp                   tmptest.File   -
`
	var out, errs bytes.Buffer
	code := run(targets, strings.NewReader(benchOutput), &out, &errs)
	const want = `| package | benchmark | tmpkit | baseline | tmpkit time | baseline time | ratio | target | |
|---|---|---|---|---:|---:|---:|---:|---|
| tmptest | BenchmarkFile | tmptest.File | os.CreateTemp | 1.1µs | 950ns | 1.16x | <= 1.10x | MISSED |
| fixture | BenchmarkWrite | interleaved (fixture.New/plain) | - | | | 1.00x | <= 1.10x | ok |
| fixture | BenchmarkWrite | interleaved (disk/mem) | - | | | 12.00x | >= 10.00x | ok |
| internal/diff | BenchmarkAllLinesDiffer5000 | tmpkit | - | 6.00ms | | | <= 20ms | ok |
| tmptest | BenchmarkFile | os.CreateTemp | tmptest.File | 950ns | 1.1µs | 0.86x | - | |
`
	if out.String() != want {
		t.Errorf("table:\n%s\nwant:\n%s", out.String(), want)
	}
	if code != 1 || errs.Len() != 0 {
		t.Errorf("code %d, stderr %q; want 1 (a missed target) and no error", code, errs.String())
	}
}

func TestRunMissing(t *testing.T) {
	var out, errs bytes.Buffer
	code := run("tmptest BenchmarkDir tmptest.Dir t.TempDir 1.2\n", strings.NewReader(benchOutput), &out, &errs)
	if !strings.Contains(out.String(), "| tmptest | BenchmarkDir | tmptest.Dir | t.TempDir | missing | | | | FAIL: no such benchmark |") || code != 1 {
		t.Errorf("code %d, table:\n%s", code, out.String())
	}
}

func TestParseTargetsErrors(t *testing.T) {
	for in, want := range map[string]string{
		"a b c d":          "targets line 1: want 5 fields (package benchmark subject baseline target), got 4",
		"a b c d zero":     `targets line 1: target "zero" is not a positive ratio`,
		"\na b c - fast\n": `targets line 2: a target without baseline is a time: time: invalid duration "fast"`,
		"a b c d -1":       `targets line 1: target "-1" is not a positive ratio`,
	} {
		if _, err := parseTargets(in); err == nil || err.Error() != want {
			t.Errorf("parseTargets(%q) = %v, want %s", in, err, want)
		}
	}
}
