package review

import (
	"bytes"
	"slices"
	"strings"
	"testing"
)

// A go test -json log as Go 1.26 prints it (shortened), with a package
// that does not build, one whose test fails and one that passes.
const sampleLog = `{"ImportPath":"example.com/x/b [example.com/x/b.test]","Action":"build-output","Output":"# example.com/x/b [example.com/x/b.test]\n"}
{"ImportPath":"example.com/x/b [example.com/x/b.test]","Action":"build-output","Output":"b/b_test.go:3:28: undefined: x\n"}
{"ImportPath":"example.com/x/b [example.com/x/b.test]","Action":"build-fail"}
{"Action":"start","Package":"example.com/x/a"}
{"Action":"start","Package":"example.com/x/b"}
{"Action":"output","Package":"example.com/x/b","Output":"FAIL\texample.com/x/b [build failed]\n"}
{"Action":"fail","Package":"example.com/x/b","Elapsed":0,"FailedBuild":"example.com/x/b [example.com/x/b.test]"}
{"Action":"run","Package":"example.com/x/a","Test":"TestA"}
{"Action":"attr","Package":"example.com/x/a","Test":"TestA","Key":"golden","Value":"file a/testdata/TestA.golden"}
not json: go: downloading something
{"Action":"fail","Package":"example.com/x/a","Test":"TestA/sub","Elapsed":0}
{"Action":"fail","Package":"example.com/x/a","Test":"TestA","Elapsed":0}
{"Action":"fail","Package":"example.com/x/a","Elapsed":0.017}
{"Action":"skip","Package":"example.com/x/c","Elapsed":0}
`

func TestReadEvents(t *testing.T) {
	var w bytes.Buffer
	p := newProgress(&w)
	p.total = 3
	res, n := readEvents(strings.NewReader(sampleLog), p)
	if n != 13 {
		t.Errorf("%d events, want 13", n)
	}
	if want := []string{"example.com/x/b [example.com/x/b.test]"}; !slices.Equal(res.BuildFailed, want) {
		t.Errorf("BuildFailed = %q, want %q", res.BuildFailed, want)
	}
	if want := "# example.com/x/b [example.com/x/b.test]\nb/b_test.go:3:28: undefined: x\n"; res.BuildOutput != want {
		t.Errorf("BuildOutput = %q", res.BuildOutput)
	}
	if want := []Failure{{"example.com/x/a", "TestA/sub"}, {"example.com/x/a", "TestA"}, {"example.com/x/a", ""}}; !slices.Equal(res.Failed, want) {
		t.Errorf("Failed = %q, want %q", res.Failed, want)
	}
	p.done()
	p.show() // nothing after done
	const clear = "\r\x1b[K"
	want := clear + "go test: 0 packages" + clear + "go test: 1/3 packages" + clear + "go test: 2/3 packages" + clear + "go test: 3/3 packages" + clear
	if w.String() != want {
		t.Errorf("progress:\n%q\nwant\n%q", w.String(), want)
	}
}

func TestWithoutVars(t *testing.T) {
	got := withoutVars([]string{"A=1", "UPDATE_GOLDEN=1", "B=UPDATE_GOLDEN", "GOLDEN_PENDING=/x"}, "UPDATE_GOLDEN", "GOLDEN_PENDING")
	if want := []string{"A=1", "B=UPDATE_GOLDEN"}; !slices.Equal(got, want) {
		t.Errorf("withoutVars = %q", got)
	}
}
