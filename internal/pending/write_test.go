package pending

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
)

func TestWriteThenFind(t *testing.T) {
	dir := t.TempDir()
	if err := Write(dir, fileRecord); err != nil {
		t.Fatal(err)
	}
	if err := Write(dir, treeRecord); err != nil {
		t.Fatal(err)
	}
	got, err := Find(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 {
		t.Fatalf("Find returned %d records, want 2", len(got))
	}
	byPath := map[string]Record{}
	for _, r := range got {
		if filepath.Dir(r.From) != dir || !strings.HasSuffix(r.From, Ext) {
			t.Errorf("From = %q, want a %s file in %s", r.From, Ext, dir)
		}
		byPath[r.Path] = r
	}
	for _, want := range []Record{fileRecord, treeRecord} {
		r := byPath[want.Path]
		r.From = ""
		if !equalRecords(r, want) {
			t.Errorf("Find returned\n%+v\nwant\n%+v", r, want)
		}
	}
	// The name says which golden the record is about.
	if base := filepath.Base(byPath[fileRecord.Path].From); !strings.HasPrefix(base, "TestX_golden.") {
		t.Errorf("record file %q is not named after its golden", base)
	}
}

func TestWriteRefuses(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "nope")
	err := Write(missing, fileRecord)
	if want := fmt.Sprintf("pending: record directory %q: no such file or directory", missing); err == nil || err.Error() != want {
		t.Errorf("Write into a missing directory: %v, want %q", err, want)
	}
	file := filepath.Join(dir, "f")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	err = Write(file, fileRecord)
	if want := fmt.Sprintf("pending: record directory %q: not a directory", file); err == nil || err.Error() != want {
		t.Errorf("Write into a file: %v, want %q", err, want)
	}
	bad := fileRecord
	bad.Kind = "dir"
	err = Write(dir, bad)
	if want := `pending: record for "a/testdata/TestX.golden": invalid kind "dir" (want "file" or "tree")`; err == nil || err.Error() != want {
		t.Errorf("Write of an invalid record: %v, want %q", err, want)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("failed writes left files: %v", entries)
	}
}

// Many goroutines record the same golden at once: each record lands in a
// file of its own.
func TestWriteConcurrent(t *testing.T) {
	dir := t.TempDir()
	const n = 200
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			r := fileRecord
			r.Test = "TestX/" + strconv.Itoa(i)
			if err := Write(dir, r); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	checkTests(t, dir, n, "TestX/")
}

// Several processes, as `go test ./...` runs several test binaries, write
// into one directory at once.
func TestWriteConcurrentProcesses(t *testing.T) {
	if os.Getenv("PENDING_WRITER") != "" {
		return
	}
	dir := t.TempDir()
	const procs, each = 4, 50
	var cmds []*exec.Cmd
	for p := range procs {
		cmd := exec.Command(os.Args[0], "-test.run=^TestWriterProcess$")
		cmd.Env = append(os.Environ(), "PENDING_WRITER="+strconv.Itoa(p), "PENDING_DIR="+dir, "PENDING_N="+strconv.Itoa(each))
		cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		cmds = append(cmds, cmd)
	}
	for _, cmd := range cmds {
		if err := cmd.Wait(); err != nil {
			t.Fatal(err)
		}
	}
	checkTests(t, dir, procs*each, "P")
}

// TestWriterProcess is the child of TestWriteConcurrentProcesses: it
// writes PENDING_N records from as many goroutines.
func TestWriterProcess(t *testing.T) {
	p := os.Getenv("PENDING_WRITER")
	if p == "" {
		t.Skip("run by TestWriteConcurrentProcesses")
	}
	n, _ := strconv.Atoi(os.Getenv("PENDING_N"))
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			r := treeRecord
			r.Test = fmt.Sprintf("P%s/%d", p, i)
			if err := Write(os.Getenv("PENDING_DIR"), r); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
}

// checkTests checks that dir holds exactly n records, for n distinct tests
// named with prefix, and nothing else.
func checkTests(t *testing.T, dir string, n int, prefix string) {
	t.Helper()
	records, err := Find(dir)
	if err != nil {
		t.Fatal(err)
	}
	var tests []string
	for _, r := range records {
		if !strings.HasPrefix(r.Test, prefix) {
			t.Errorf("unexpected record of %q", r.Test)
		}
		tests = append(tests, r.Test)
	}
	slices.Sort(tests)
	if len(slices.Compact(tests)) != n {
		t.Errorf("found records of %d distinct tests, want %d", len(tests), n)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != n {
		t.Errorf("%d files in the directory, want %d (no temporary file left)", len(entries), n)
	}
}

// Find reads records anywhere below a directory that holds other files,
// as a CI job's -outputdir does, reports each broken record by its path
// and still returns the good ones.
func TestFind(t *testing.T) {
	dir := t.TempDir()
	good, err := Encode(fileRecord)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		"_artifacts/123/x" + Ext:                string(good),
		"_artifacts/123/TestX.golden":           "a saved output, not a record",
		"_artifacts/456/deep/y" + Ext:           string(good),
		"_artifacts/456/bad" + Ext:              `{"tmpkit":"golden-pending","version":1}`,
		"_artifacts/456/" + tmpPrefix + "1.tmp": "half written",
		"other.json":                            "{}",
	}
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(filepath.Join(dir, "_artifacts"), filepath.Join(dir, "link")); err != nil {
		t.Fatal(err)
	}
	records, err := Find(dir)
	bad := filepath.Join(dir, "_artifacts", "456", "bad"+Ext)
	want := "pending: " + bad + `: invalid pending record: invalid module path ""`
	if err == nil || err.Error() != want {
		t.Errorf("Find error:\n got %v\nwant %s", err, want)
	}
	var from []string
	for _, r := range records {
		from = append(from, r.From)
	}
	wantFrom := []string{filepath.Join(dir, "_artifacts", "123", "x"+Ext), filepath.Join(dir, "_artifacts", "456", "deep", "y"+Ext)}
	if !slices.Equal(from, wantFrom) {
		t.Errorf("Find read %q, want %q (no symlink followed)", from, wantFrom)
	}

	// A record file given directly.
	one, err := Find(wantFrom[0])
	if err != nil || len(one) != 1 {
		t.Errorf("Find(a record file) = %d records, %v", len(one), err)
	}
	if _, err := Find(filepath.Join(dir, "missing")); err == nil {
		t.Error("Find of a missing directory succeeded")
	}
}
