// Package envfile parses .env files, the KEY=value files that tools such as
// docker compose and many twelve-factor apps read: the kind of small parser
// whose tests are a folder of input files, each with the output it should
// give. Its test drives golden.Each over testdata/parse/*.input.
//
// The format: one assignment a line, KEY=value, optionally after "export ";
// keys are letters, digits and underscores, not starting with a digit;
// blank lines and lines starting with "#" are skipped. A value is taken as
// it is, trimmed, up to a " #" comment; in 'single quotes' it is literal;
// in "double quotes" it may hold \n, \t, \" and \\ escapes and span lines.
// A later assignment of a key replaces an earlier one.
package envfile

import (
	"fmt"
	"strings"
)

// Var is one assignment, with the line it starts on.
type Var struct {
	Key   string
	Value string
	Line  int
}

// Parse returns the assignments of data in file order, the last one of
// each key only, or the first error, naming its line.
func Parse(data []byte) ([]Var, error) {
	lines := strings.Split(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n")
	var vars []Var
	index := map[string]int{}
	for i := 0; i < len(lines); i++ {
		line := strings.TrimSpace(lines[i])
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		start := i + 1
		key, rest, ok := strings.Cut(strings.TrimPrefix(line, "export "), "=")
		key = strings.TrimSpace(key)
		if !ok {
			return nil, fmt.Errorf("line %d: no '=' in %q", start, line)
		}
		if !validKey(key) {
			return nil, fmt.Errorf("line %d: invalid key %q", start, key)
		}
		value, consumed, err := parseValue(strings.TrimSpace(rest), lines[i+1:])
		if err != nil {
			return nil, fmt.Errorf("line %d: %s: %w", start, key, err)
		}
		i += consumed
		if j, seen := index[key]; seen {
			vars = append(vars[:j], vars[j+1:]...)
			for k, v := range vars[j:] {
				index[v.Key] = j + k
			}
		}
		index[key] = len(vars)
		vars = append(vars, Var{key, value, start})
	}
	return vars, nil
}

func validKey(k string) bool {
	for i, r := range k {
		if !(r == '_' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || i > 0 && r >= '0' && r <= '9') {
			return false
		}
	}
	return k != ""
}

// parseValue reads the value starting v, and the following lines a double
// quoted value runs over; it returns how many of them it consumed.
func parseValue(v string, more []string) (string, int, error) {
	switch {
	case strings.HasPrefix(v, "'"):
		end := strings.Index(v[1:], "'")
		if end < 0 {
			return "", 0, fmt.Errorf("unterminated single quote")
		}
		return v[1 : 1+end], 0, trailing(v[end+2:])
	case strings.HasPrefix(v, `"`):
		var b strings.Builder
		text, consumed := v[1:], 0
		for {
			for j := 0; j < len(text); j++ {
				switch c := text[j]; {
				case c == '"':
					return b.String(), consumed, trailing(text[j+1:])
				case c == '\\' && j+1 < len(text):
					j++
					esc, ok := map[byte]string{'n': "\n", 't': "\t", '"': `"`, '\\': `\`}[text[j]]
					if !ok {
						return "", 0, fmt.Errorf(`unknown escape \%c`, text[j])
					}
					b.WriteString(esc)
				default:
					b.WriteByte(c)
				}
			}
			if consumed == len(more) {
				return "", 0, fmt.Errorf("unterminated double quote")
			}
			b.WriteByte('\n')
			text = more[consumed]
			consumed++
		}
	}
	if c := strings.Index(v, " #"); c >= 0 {
		v = v[:c]
	}
	return strings.TrimSpace(v), 0, nil
}

// trailing checks what follows a closing quote: nothing or a comment.
func trailing(s string) error {
	if s = strings.TrimSpace(s); s != "" && !strings.HasPrefix(s, "#") {
		return fmt.Errorf("unexpected %q after the closing quote", s)
	}
	return nil
}
