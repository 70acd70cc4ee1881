package jsonpath

import (
	"bytes"
	"encoding/json"
	"os"
	"reflect"
	"testing"
)

// TestComplianceSuite runs the JSONPath Compliance Test Suite
// (github.com/jsonpath-standard/jsonpath-compliance-test-suite) from the
// cts.json that JSONPATH_CTS names. The suite is not part of this
// repository: fetch it and point JSONPATH_CTS at its cts.json. Skipped
// when JSONPATH_CTS is unset.
func TestComplianceSuite(t *testing.T) {
	path := os.Getenv("JSONPATH_CTS")
	if path == "" {
		t.Skip("JSONPATH_CTS is unset: set it to the path of the compliance suite's cts.json")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var suite struct {
		Tests []struct {
			Name         string
			Selector     string
			Document     json.RawMessage
			Result       []json.RawMessage
			Results      [][]json.RawMessage
			ResultPaths  []string   `json:"result_paths"`
			ResultsPaths [][]string `json:"results_paths"`
			Invalid      bool       `json:"invalid_selector"`
		}
	}
	if err := json.Unmarshal(data, &suite); err != nil {
		t.Fatal(err)
	}
	passed := 0
	for _, tc := range suite.Tests {
		ok := t.Run(tc.Name, func(t *testing.T) {
			q, err := Parse(tc.Selector)
			if tc.Invalid {
				if err == nil {
					t.Fatalf("Parse(%q) succeeded, want a syntax error; it reads %s", tc.Selector, q)
				}
				return
			}
			if err != nil {
				t.Fatalf("Parse(%q): %v", tc.Selector, err)
			}
			doc := decodeNumbers(t, tc.Document)
			nodes := q.SelectLocated(doc)
			got, paths := make([]any, len(nodes)), make([]string, len(nodes))
			for i, n := range nodes {
				got[i], paths[i] = n.Value, n.Path.String()
			}
			wants, wantPaths := tc.Results, tc.ResultsPaths
			if tc.Result != nil || tc.Results == nil {
				wants, wantPaths = [][]json.RawMessage{tc.Result}, [][]string{tc.ResultPaths}
			}
			for i, want := range wants {
				if reflect.DeepEqual(got, decodeList(t, want)) && (wantPaths == nil || equalPaths(paths, wantPaths[i])) {
					return
				}
			}
			t.Errorf("%s on %s:\ngot  %v at %q\nwant one of %s at %q", tc.Selector, tc.Document, got, paths, wants, wantPaths)
		})
		if ok {
			passed++
		}
	}
	t.Logf("compliance suite: %d of %d cases pass", passed, len(suite.Tests))
}

func equalPaths(got, want []string) bool {
	return len(got) == len(want) && (len(got) == 0 || reflect.DeepEqual(got, want))
}

func decodeNumbers(t *testing.T, data []byte) any {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		t.Fatal(err)
	}
	return v
}

func decodeList(t *testing.T, list []json.RawMessage) []any {
	out := make([]any, len(list))
	for i, raw := range list {
		out[i] = decodeNumbers(t, raw)
	}
	return out
}
