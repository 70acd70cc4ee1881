// Package jsonpath implements JSONPath as RFC 9535 defines it: queries that
// select nodes of a JSON value, with the full grammar (child and descendant
// segments; name, wildcard, index, slice and filter selectors; bracket and
// shorthand notations), filter expressions with the RFC's comparison
// semantics, and the five function extensions (length, count, match,
// search, value) with their well-typedness rules and I-Regexp (RFC 9485).
//
// tmpkit implements it itself rather than depending on a library: every Go
// RFC 9535 implementation we found requires github.com/stretchr/testify
// (and gopkg.in/yaml.v3) in its go.mod, so depending on one would move
// those modules forward in every module that adds tmpkit, the forced
// upgrade tmpkit promises never to cause.
//
// Queries run on JSON-like values, as encoding/json decodes them into an
// any: map[string]any, []any, string, bool, nil and numbers, which may be
// float64, [encoding/json.Number], or any Go integer or float type. A value
// of another type is a leaf that no comparison finds equal to anything.
//
// The RFC leaves the order of an object's members unspecified; this
// package visits them sorted by name (byte order, which is code point
// order), so that a query gives the same nodes in the same order on every
// run.
package jsonpath
