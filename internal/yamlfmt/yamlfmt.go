// Package yamlfmt writes values as YAML for golden files, through
// go.yaml.in/yaml/v3: the YAML organisation's maintained continuation of
// gopkg.in/yaml.v3, the library most Go code writes its configuration
// with, so a golden reads like the files it mirrors. Its code needs no
// other module (tmpkit requires v3.0.2, the first release under this
// path, whose go.mod names only gopkg.in/check.v1 for its tests), and its
// yaml.Node lets a redaction replace a node in place, keeping the order of
// struct fields and every style choice.
// github.com/goccy/go-yaml would do as well, but writes differently from
// the yaml.v3 that most configuration files come from, and would be one
// more module for users to pull.
package yamlfmt

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/tmpkit/tmpkit/internal/redact"
)

// Format returns v as YAML, indented by two spaces, map keys sorted as
// yaml.v3 sorts them, struct fields in their order. A string or []byte is
// YAML text: each of its documents is decoded into a Go value and written
// as that value would be (comments, anchors and the original key order and
// styles are gone: equal data gives equal bytes); invalid YAML is an error.
//
// rules apply to each document through the JSON-like view of its YAML
// (mappings keyed by their keys' text, sequences, scalars typed by their
// tags); a rule that selects nothing in any document is an error.
func Format(v any, rules []redact.Rule) ([]byte, error) {
	values := []any{v}
	switch text := v.(type) {
	case string:
		var err error
		if values, err = decodeAll([]byte(text)); err != nil {
			return nil, err
		}
	case []byte:
		var err error
		if values, err = decodeAll(text); err != nil {
			return nil, err
		}
	}
	docs := make([]*yaml.Node, len(values))
	for i, val := range values {
		var err error
		if docs[i], err = encode(val); err != nil {
			return nil, fmt.Errorf("cannot marshal the %T value as YAML: %w", v, err)
		}
	}
	if len(rules) > 0 {
		views := make([]any, len(docs))
		for i, d := range docs {
			views[i] = project(d)
		}
		_, tries, err := redact.ApplyEach(views, rules)
		if err != nil {
			return nil, err
		}
		for i := range docs {
			docs[i] = replace(docs[i], tries[i])
		}
	}
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	for _, d := range docs {
		if err := enc.Encode(d); err != nil {
			return nil, fmt.Errorf("cannot write the %T value as YAML: %w", v, err)
		}
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// encode returns the YAML node tree of v. yaml.v3 reports some values it
// cannot marshal (a func, a chan) by panicking with a string rather than
// returning an error: that is turned into an error too.
func encode(v any) (n *yaml.Node, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	n = &yaml.Node{}
	if err := n.Encode(keepFloats(v)); err != nil {
		return nil, err
	}
	keepNegativeZero(n)
	return n, nil
}

// keepFloats returns v with each float64 in its maps and slices (the
// values YAML text decodes to) as a float, which is written with a decimal
// point where yaml.v3 writes an integer's digits: 1.0 as "1.0", not "1",
// which reads back as the integer 1, and, as a key next to the integer
// key 1, made a mapping with one key twice (found by FuzzFormatText).
// Other values are left alone: a struct's float field still writes as
// yaml.v3 writes it.
func keepFloats(v any) any {
	switch x := v.(type) {
	case float64:
		return float(x)
	case map[string]any:
		m := make(map[string]any, len(x))
		for k, e := range x {
			m[k] = keepFloats(e)
		}
		return m
	case map[any]any:
		m := make(map[any]any, len(x))
		for k, e := range x {
			m[keepFloats(k)] = keepFloats(e)
		}
		return m
	case []any:
		l := make([]any, len(x))
		for i, e := range x {
			l[i] = keepFloats(e)
		}
		return l
	}
	return v
}

// float is a float64 that yaml.v3 writes as a float, never as an integer.
type float float64

// MarshalYAML writes f as yaml.v3 writes a float64, with ".0" added where
// that is an integer's digits ("1", "-0").
func (f float) MarshalYAML() (any, error) {
	n := &yaml.Node{}
	if err := n.Encode(float64(f)); err != nil {
		return nil, err
	}
	if n.ShortTag() == "!!int" {
		n.Value, n.Tag = n.Value+".0", "!!float"
	}
	return n, nil
}

// keepNegativeZero writes a float -0 as "-0.0": yaml.v3 writes "-0" and
// tags it !!int (no integer is written so), which reads back as the
// integer 0, so formatting the output again would give "0" and Format
// would not be stable (found by FuzzFormatText).
func keepNegativeZero(n *yaml.Node) {
	if n.Kind == yaml.ScalarNode && n.Style == 0 && n.ShortTag() == "!!int" && n.Value == "-0" {
		n.Value, n.Tag = "-0.0", "!!float"
	}
	for _, c := range n.Content {
		keepNegativeZero(c)
	}
}

// decodeAll decodes every document of a YAML stream; an empty stream is one
// null document, as yaml.Unmarshal reads it.
func decodeAll(text []byte) ([]any, error) {
	dec := yaml.NewDecoder(bytes.NewReader(text))
	var docs []any
	for {
		var v any
		err := dec.Decode(&v)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("invalid YAML: %w", err)
		}
		docs = append(docs, v)
	}
	if len(docs) == 0 {
		docs = []any{nil}
	}
	return docs, nil
}

// project returns the JSON-like view of the YAML node n.
func project(n *yaml.Node) any {
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			return nil
		}
		return project(n.Content[0])
	case yaml.MappingNode:
		m := make(map[string]any, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			m[n.Content[i].Value] = project(n.Content[i+1])
		}
		return m
	case yaml.SequenceNode:
		l := make([]any, len(n.Content))
		for i, c := range n.Content {
			l[i] = project(c)
		}
		return l
	case yaml.AliasNode:
		return project(n.Alias)
	}
	return scalar(n)
}

// scalar returns the value of a scalar node as its tag says, so that
// filters compare numbers as numbers.
func scalar(n *yaml.Node) any {
	switch n.ShortTag() {
	case "!!null":
		return nil
	case "!!bool":
		if b, err := strconv.ParseBool(n.Value); err == nil {
			return b
		}
	case "!!int":
		if i, err := strconv.ParseInt(strings.ReplaceAll(n.Value, "_", ""), 0, 64); err == nil {
			return i
		}
	case "!!float":
		switch strings.ToLower(strings.TrimPrefix(n.Value, "+")) {
		case ".inf":
			return math.Inf(1)
		case "-.inf":
			return math.Inf(-1)
		case ".nan":
			return math.NaN()
		}
		if f, err := strconv.ParseFloat(n.Value, 64); err == nil {
			return f
		}
	}
	return n.Value
}

// replace returns n with the nodes t marks replaced by string scalars.
func replace(n *yaml.Node, t *redact.Trie) *yaml.Node {
	if t == nil {
		return n
	}
	if n.Kind == yaml.DocumentNode {
		if len(n.Content) > 0 {
			n.Content[0] = replace(n.Content[0], t)
		}
		return n
	}
	if with, ok := t.Replaced(); ok {
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: with}
	}
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			n.Content[i+1] = replace(n.Content[i+1], t.Name(n.Content[i].Value))
		}
	case yaml.SequenceNode:
		for i, c := range n.Content {
			n.Content[i] = replace(c, t.Index(i))
		}
	}
	return n
}
