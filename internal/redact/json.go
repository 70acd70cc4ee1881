package redact

import (
	"bytes"
	"encoding/json"
)

// JSON applies rules to the JSON text doc, as [Apply] does to its decoded
// value, and returns the text with each replaced value's bytes swapped for
// the replacement as a JSON string; every other byte (member order,
// indentation, number spelling) stays as it was, so adding a redaction to a
// golden changes only the redacted lines. doc must be valid JSON, as
// encoding/json writes it. Without rules, doc is returned as it is.
func JSON(doc []byte, rules []Rule) ([]byte, error) {
	if len(rules) == 0 {
		return doc, nil
	}
	root, err := parseJSON(doc)
	if err != nil {
		return nil, err
	}
	_, trie, err := Apply(root, rules)
	if err != nil {
		return nil, err
	}
	s := splicer{data: doc, out: make([]byte, 0, len(doc)+len(doc)/8), quoted: map[string][]byte{}}
	s.value(skipSpace(doc, 0), trie)
	return append(s.out, doc[s.last:]...), nil
}

// splicer copies data to out, replacing the values a trie marks. Parts of
// the document without a replaced location below them are skipped over
// without being looked at more than it takes to find their end, and copied
// in one piece later.
type splicer struct {
	data   []byte
	out    []byte
	last   int               // data[:last] is accounted for in out
	quoted map[string][]byte // replacement -> its JSON string
}

// value walks the value starting at data[pos] and returns the offset just
// past it.
func (s *splicer) value(pos int, t *Trie) int {
	if t == nil {
		return skipValue(s.data, pos)
	}
	if with, ok := t.Replaced(); ok {
		end := skipValue(s.data, pos)
		s.out = append(s.out, s.data[s.last:pos]...)
		s.out = append(s.out, s.quote(with)...)
		s.last = end
		return end
	}
	switch s.data[pos] {
	case '{':
		pos = skipSpace(s.data, pos+1)
		for s.data[pos] != '}' {
			keyEnd, plain := stringEnd(s.data, pos)
			var member *Trie
			if plain {
				member = t.names[string(s.data[pos+1:keyEnd-1])] // no allocation
			} else {
				var name string
				_ = json.Unmarshal(s.data[pos:keyEnd], &name) // valid JSON: cannot fail
				member = t.Name(name)
			}
			pos = skipSpace(s.data, keyEnd) + 1 // ':'
			pos = skipSpace(s.data, s.value(skipSpace(s.data, pos), member))
			if s.data[pos] == ',' {
				pos = skipSpace(s.data, pos+1)
			}
		}
		return pos + 1
	case '[':
		pos = skipSpace(s.data, pos+1)
		for i := 0; s.data[pos] != ']'; i++ {
			pos = skipSpace(s.data, s.value(pos, t.Index(i)))
			if s.data[pos] == ',' {
				pos = skipSpace(s.data, pos+1)
			}
		}
		return pos + 1
	}
	return skipValue(s.data, pos)
}

func (s *splicer) quote(with string) []byte {
	if q, ok := s.quoted[with]; ok {
		return q
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false) // as golden.AssertJSON writes strings
	_ = enc.Encode(with)     // a string always encodes
	q := bytes.TrimSuffix(b.Bytes(), []byte("\n"))
	s.quoted[with] = q
	return q
}

func skipSpace(data []byte, pos int) int {
	for pos < len(data) && (data[pos] == ' ' || data[pos] == '\n' || data[pos] == '\t' || data[pos] == '\r') {
		pos++
	}
	return pos
}

// skipValue returns the offset just past the valid JSON value starting at
// data[pos].
func skipValue(data []byte, pos int) int {
	switch data[pos] {
	case '"':
		end, _ := stringEnd(data, pos)
		return end
	case '{', '[':
		depth := 0
		for i := pos; i < len(data); i++ {
			switch data[i] {
			case '"':
				end, _ := stringEnd(data, i)
				i = end - 1
			case '{', '[':
				depth++
			case '}', ']':
				depth--
				if depth == 0 {
					return i + 1
				}
			}
		}
		return len(data)
	}
	for pos < len(data) && (isNumberByte(data[pos]) || data[pos] >= 'a' && data[pos] <= 'z') {
		pos++
	}
	return pos
}
