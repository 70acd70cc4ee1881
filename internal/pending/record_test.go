package pending

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
)

var (
	hashA = HashFile([]byte("a\n"), false)

	fileRecord = Record{Module: "example.com/m", Path: "a/testdata/TestX.golden", Kind: File,
		Package: "example.com/m/a", Test: "TestX/sub", Hash: hashA, Content: []byte("new\n")}

	treeRecord = Record{Module: "example.com/m", Path: "b/testdata/TestT.golden", Kind: Tree,
		Package: "example.com/m/b", Test: "TestT", Exact: true, Hash: hashA,
		Files: []Entry{
			{Name: "bin/run", Content: []byte("#!/bin/sh\n"), Exec: true},
			{Name: "gone.txt", Removed: true},
			{Name: "link", Symlink: true, Target: "bin/run"},
			{Name: "z/bin.dat", Content: []byte{0, 1, 0xff}},
		}}
)

// equalRecords compares records treating nil and empty content alike, as
// the format does.
func equalRecords(a, b Record) bool {
	norm := func(r Record) Record {
		if len(r.Content) == 0 {
			r.Content = nil
		}
		r.Files = append([]Entry(nil), r.Files...)
		for i := range r.Files {
			if len(r.Files[i].Content) == 0 {
				r.Files[i].Content = nil
			}
		}
		if len(r.Files) == 0 {
			r.Files = nil
		}
		return r
	}
	return reflect.DeepEqual(norm(a), norm(b))
}

func TestRoundTrip(t *testing.T) {
	missing := fileRecord
	missing.Hash, missing.Content = "", nil // a missing golden, empty output
	binary := fileRecord
	binary.Content = []byte("\xff\xfe\x00 not UTF-8 \r\n")
	emptyTree := treeRecord
	emptyTree.Hash, emptyTree.Files = "", nil
	for _, r := range []Record{fileRecord, treeRecord, missing, binary, emptyTree} {
		data, err := Encode(r)
		if err != nil {
			t.Fatalf("Encode(%+v): %v", r, err)
		}
		back, err := Decode(data)
		if err != nil {
			t.Fatalf("Decode(%s): %v", data, err)
		}
		if !equalRecords(r, back) {
			t.Errorf("round trip changed the record:\n%+v\n%+v", r, back)
		}
	}
}

func TestEncodeFormat(t *testing.T) {
	data, err := Encode(fileRecord)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"tmpkit":"golden-pending","version":1,"module":"example.com/m","path":"a/testdata/TestX.golden",` +
		`"kind":"file","package":"example.com/m/a","test":"TestX/sub","hash":"` + hashA + `","content":"bmV3Cg=="}` + "\n"
	if string(data) != want {
		t.Errorf("Encode =\n%s\nwant\n%s", data, want)
	}
}

// TestDecodeRefuses pins the message for each way a record file can be
// wrong; each names what is wrong, so apply can say it.
func TestDecodeRefuses(t *testing.T) {
	valid, err := Encode(fileRecord)
	if err != nil {
		t.Fatal(err)
	}
	edit := func(from, to string) string {
		s := strings.Replace(string(valid), from, to, 1)
		if s == string(valid) {
			t.Fatalf("edit %q -> %q changed nothing", from, to)
		}
		return s
	}
	tree := func(files string) string {
		return `{"tmpkit":"golden-pending","version":1,"module":"m","path":"t.golden","kind":"tree","package":"m","test":"T","files":[` + files + `]}`
	}
	tests := []struct{ data, msg string }{
		{"", "not a pending record: EOF"},
		{"[]", "not a pending record: json: cannot unmarshal array into Go value of type pending.wire"},
		{string(valid) + "{}", "not a pending record: data after the record"},
		{edit(`"tmpkit":"golden-pending"`, `"tmpkit":"other"`), `not a pending record: "tmpkit" is "other", want "golden-pending"`},
		{edit(`"version":1`, `"version":2`), "pending record of format version 2; this tmpkit reads version 1: use the tmpkit version that wrote it"},
		{edit(`"test"`, `"extra":1,"test"`), `not a pending record: json: unknown field "extra"`},
		{edit(`a/testdata/TestX.golden`, `../x.golden`), `invalid pending record: invalid golden path "../x.golden": not a relative slash-separated path without "", "." or ".." elements`},
		{edit(`a/testdata/TestX.golden`, `/etc/passwd`), `invalid pending record: invalid golden path "/etc/passwd": not a relative slash-separated path without "", "." or ".." elements`},
		{edit(`a/testdata/TestX.golden`, `a\\b`), `invalid pending record: invalid golden path "a\\b": contains a backslash or a colon, which Windows reads as separators or drives`},
		{edit(`a/testdata/TestX.golden`, `C:x`), `invalid pending record: invalid golden path "C:x": contains a backslash or a colon, which Windows reads as separators or drives`},
		{edit(`"path":"a/testdata/TestX.golden"`, `"path":""`), `invalid pending record: invalid golden path "": empty`},
		{edit(`"kind":"file"`, `"kind":"dir"`), `invalid pending record: invalid kind "dir" (want "file" or "tree")`},
		{edit(`"module":"example.com/m"`, `"module":""`), `invalid pending record: invalid module path ""`},
		{edit(`"package":"example.com/m/a"`, `"package":""`), `invalid pending record: no package`},
		{edit(`"test":"TestX/sub"`, `"test":""`), `invalid pending record: no test name`},
		{edit(hashA, "md5:00"), `invalid pending record: invalid hash "md5:00" (want "sha256:" and 64 lower-case hex digits)`},
		{edit(`"kind":"file"`, `"files":[{"name":"a"}],"kind":"file"`), "invalid pending record: a golden file's record has tree entries"},
		{tree(`{"name":"a"}`)[:len(tree(""))-2] + `],"content":"eA=="}`, "invalid pending record: a golden tree's record has file content"},
		{tree(`{"name":"b"},{"name":"a"}`), `invalid pending record: tree entries not sorted or repeated: "b" then "a"`},
		{tree(`{"name":"a"},{"name":"a"}`), `invalid pending record: tree entries not sorted or repeated: "a" then "a"`},
		{tree(`{"name":"../a"}`), `invalid pending record: invalid tree entry name "../a": not a relative slash-separated path without "", "." or ".." elements`},
		{tree(`{"name":"a","removed":true,"content":"eA=="}`), `invalid pending record: tree entry "a" is removed and has content`},
		{tree(`{"name":"a","symlink":true}`), `invalid pending record: tree entry "a" is a symlink without a target`},
		{tree(`{"name":"a","symlink":true,"target":"b","exec":true}`), `invalid pending record: tree entry "a" is a symlink and has content or an executable bit`},
		{tree(`{"name":"a","target":"b"}`), `invalid pending record: tree entry "a" is a file and has a symlink target`},
		{tree(`{"name":"a"},{"name":"a.x"},{"name":"a/b"}`), `invalid pending record: tree entry "a/b" lies below the entry "a", which is not a directory`},
	}
	for _, tt := range tests {
		_, err := Decode([]byte(tt.data))
		if err == nil {
			t.Errorf("Decode(%s) accepted it, want %q", tt.data, tt.msg)
			continue
		}
		if err.Error() != tt.msg {
			t.Errorf("Decode(%s):\n got %q\nwant %q", tt.data, err, tt.msg)
		}
	}
	// A removed entry under a removed or present name is fine: "a" became
	// a directory holding "a/b".
	if _, err := Decode([]byte(tree(`{"name":"a","removed":true},{"name":"a/b"}`))); err != nil {
		t.Errorf("a file replaced by a directory: %v", err)
	}
}

func TestEncodeRefusesInvalid(t *testing.T) {
	r := fileRecord
	r.Path = "../up"
	if _, err := Encode(r); err == nil {
		t.Error("Encode wrote a record whose golden leaves the module")
	}
}

func FuzzDecode(f *testing.F) {
	for _, r := range []Record{fileRecord, treeRecord} {
		data, err := Encode(r)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(`{"tmpkit":"golden-pending","version":1}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := Decode(data)
		if err != nil {
			return
		}
		// Whatever Decode accepts is valid and survives a round trip.
		if err := r.Check(); err != nil {
			t.Fatalf("Decode accepted an invalid record: %v", err)
		}
		again, err := Encode(r)
		if err != nil {
			t.Fatalf("Encode of a decoded record: %v", err)
		}
		back, err := Decode(again)
		if err != nil || !equalRecords(r, back) {
			t.Fatalf("round trip: %v\n%+v\n%+v", err, r, back)
		}
		if r.Kind == File && !bytes.Equal(r.Content, back.Content) {
			t.Fatal("content changed")
		}
	})
}
