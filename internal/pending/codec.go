package pending

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// magic is the value of the "tmpkit" member of every record, so that a
// JSON file that merely ends in [Ext] is not taken for a record.
const magic = "golden-pending"

// wire is a record as JSON. Byte slices are base64 (content may be binary
// or invalid UTF-8, which a JSON string cannot carry unchanged).
type wire struct {
	Tmpkit  string      `json:"tmpkit"`
	Version int         `json:"version"`
	Module  string      `json:"module"`
	Path    string      `json:"path"`
	Kind    Kind        `json:"kind"`
	Package string      `json:"package"`
	Test    string      `json:"test"`
	Exact   bool        `json:"exact,omitempty"`
	Hash    string      `json:"hash,omitempty"`
	Content []byte      `json:"content,omitempty"`
	Files   []wireEntry `json:"files,omitempty"`
}

type wireEntry struct {
	Name    string `json:"name"`
	Removed bool   `json:"removed,omitempty"`
	Symlink bool   `json:"symlink,omitempty"`
	Target  string `json:"target,omitempty"`
	Content []byte `json:"content,omitempty"`
	Exec    bool   `json:"exec,omitempty"`
}

// Encode returns r as a record file's content, or an error when r is not
// valid ([Record.Check]).
func Encode(r Record) ([]byte, error) {
	if err := r.Check(); err != nil {
		return nil, err
	}
	w := wire{Tmpkit: magic, Version: Version, Module: r.Module, Path: r.Path, Kind: r.Kind,
		Package: r.Package, Test: r.Test, Exact: r.Exact, Hash: r.Hash, Content: r.Content}
	for _, e := range r.Files {
		w.Files = append(w.Files, wireEntry(e))
	}
	b, err := json.Marshal(w)
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

// Decode parses a record file's content. It refuses anything but exactly
// one valid record of this [Version]: unknown members, trailing data, a
// path that leaves the module or the tree, a malformed hash.
func Decode(data []byte) (Record, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var w wire
	if err := dec.Decode(&w); err != nil {
		return Record{}, fmt.Errorf("not a pending record: %w", err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return Record{}, errors.New("not a pending record: data after the record")
	}
	if w.Tmpkit != magic {
		return Record{}, fmt.Errorf("not a pending record: \"tmpkit\" is %q, want %q", w.Tmpkit, magic)
	}
	if w.Version != Version {
		return Record{}, fmt.Errorf("pending record of format version %d; this tmpkit reads version %d: "+
			"use the tmpkit version that wrote it", w.Version, Version)
	}
	r := Record{Module: w.Module, Path: w.Path, Kind: w.Kind, Package: w.Package, Test: w.Test,
		Exact: w.Exact, Hash: w.Hash, Content: w.Content}
	for _, e := range w.Files {
		r.Files = append(r.Files, Entry(e))
	}
	if err := r.Check(); err != nil {
		return Record{}, fmt.Errorf("invalid pending record: %w", err)
	}
	return r, nil
}
