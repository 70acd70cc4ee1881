package yamlfmt

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/tmpkit/tmpkit/internal/redact"
)

type server struct {
	Port    int               `yaml:"port"`
	Host    string            `yaml:"host"`
	Labels  map[string]string `yaml:"labels"`
	Started string            `yaml:"started,omitempty"`
	Peers   []peer            `yaml:"peers"`
}

type peer struct {
	Name string `yaml:"name"`
	ID   string `yaml:"id"`
}

func format(t *testing.T, v any, rules ...[2]string) string {
	t.Helper()
	var rs []redact.Rule
	for _, r := range rules {
		c, err := redact.Compile(r[0], r[1])
		if err != nil {
			t.Fatal(err)
		}
		rs = append(rs, c)
	}
	b, err := Format(v, rs)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

var cfg = server{Port: 8080, Host: "example.com", Labels: map[string]string{"z": "1", "a": "2"}, Started: "2024-01-02",
	Peers: []peer{{"one", "id-1"}, {"two", "id-2"}}}

const cfgYAML = `port: 8080
host: example.com
labels:
  a: "2"
  z: "1"
started: "2024-01-02"
peers:
  - name: one
    id: id-1
  - name: two
    id: id-2
`

func TestFormat(t *testing.T) {
	if got := format(t, cfg); got != cfgYAML {
		t.Errorf("Format =\n%s\nwant\n%s", got, cfgYAML)
	}
	// YAML text is re-formatted to the bytes its decoded value gives:
	// mappings sorted, comments and styles gone.
	text := "# a comment\npeers: [{name: one, id: id-1}]\nport: 0x10\nhost:   'h'\n"
	want := "host: h\npeers:\n  - id: id-1\n    name: one\nport: 16\n"
	if got := format(t, text); got != want {
		t.Errorf("Format(text) =\n%s\nwant\n%s", got, want)
	}
	if got := format(t, []byte(want)); got != want {
		t.Errorf("formatted text does not format to itself:\n%s", got)
	}
	if got := format(t, "a: 1\n---\nb: [2]\n"); got != "a: 1\n---\nb:\n  - 2\n" {
		t.Errorf("two documents: %q", got)
	}
	if got := format(t, ""); got != "null\n" {
		t.Errorf("empty text: %q", got)
	}
}

func TestFormatInvalid(t *testing.T) {
	_, err := Format("a: [1\nb: 2\n", nil)
	if err == nil || err.Error() != "invalid YAML: yaml: line 1: did not find expected ',' or ']'" {
		t.Errorf("invalid YAML: %v", err)
	}
	_, err = Format(map[string]any{"f": func() {}}, nil)
	if err == nil || err.Error() != "cannot marshal the map[string]interface {} value as YAML: cannot marshal type: func()" {
		t.Errorf("a function: %v", err)
	}
}

func TestFormatRedact(t *testing.T) {
	got := format(t, cfg, [2]string{"$.peers[?@.name == 'one'].id", "[one]"}, [2]string{"$.peers[?@.id != '[one]'].id", "[other]"},
		[2]string{"$.labels", "[labels]"}, [2]string{"$.started", "2024-01-02"})
	want := strings.NewReplacer("id: id-1", `id: '[one]'`, "id: id-2", `id: '[other]'`, "labels:\n  a: \"2\"\n  z: \"1\"", `labels: '[labels]'`).Replace(cfgYAML)
	if got != want {
		t.Errorf("Format with rules =\n%s\nwant\n%s", got, want)
	}
	if got := format(t, "a: 1\n---\nb: 2\n", [2]string{"$.b", "x"}); got != "a: 1\n---\nb: x\n" {
		t.Errorf("a rule matching the second document: %q", got)
	}
	_, err := Format("a: 1\n---\nb: 2\n", []redact.Rule{mustCompile(t, "$.c")})
	if !errors.Is(err, redact.ErrNothing) {
		t.Errorf("a rule matching no document: %v", err)
	}
}

func mustCompile(t *testing.T, path string) redact.Rule {
	r, err := redact.Compile(path, "x")
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// FuzzFormatText checks that formatted YAML text formats to itself: the
// bytes depend only on the data, as AssertYAML promises.
func FuzzFormatText(f *testing.F) {
	for _, s := range []string{cfgYAML, "a: [1, 2]\nb: {c: d}\n", "- x\n- 'y'\n- |\n  multi\n  line\n", "a: &x 1\nb: *x\n", "---\na: 1\n---\n- 2\n",
		"? [complex]\n: key\n", "a: 1e3\nb: .inf\nc: 0o17\nd: ~\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		once, err := Format(text, nil)
		if err != nil {
			return
		}
		twice, err := Format(once, nil)
		if err != nil {
			t.Fatalf("formatted YAML does not parse: %v\n%s", err, once)
		}
		if string(once) != string(twice) {
			t.Fatalf("Format is not stable:\n%s\n---\n%s", once, twice)
		}
	})
}

// A float -0 must stay a float: yaml.v3 writes it "-0", the integer 0 when
// read back, and formatting that again gave "0".
func TestNegativeZeroStaysFloat(t *testing.T) {
	for _, v := range []any{math.Copysign(0, -1), "-.0", "-0.0", []byte("x: -0.0e0\n")} {
		once, err := Format(v, nil)
		if err != nil {
			t.Fatal(err)
		}
		twice, err := Format(once, nil)
		if err != nil {
			t.Fatal(err)
		}
		if want := "-0.0\n"; !strings.HasSuffix(string(once), want) || string(twice) != string(once) {
			t.Errorf("Format(%#v) = %q, then %q; want both ending %q", v, once, twice, want)
		}
	}
	if got, _ := Format("-0", nil); string(got) != "0\n" {
		t.Errorf(`Format("-0") = %q, want the integer "0\n"`, got)
	}
}

// An integral float stays a float: yaml.v3 writes 1.0 as "1", the integer
// 1 when read back, and a mapping with the keys 0 and 0.0 was written with
// the key "0" twice, which does not parse.
func TestIntegralFloatsStayFloats(t *testing.T) {
	got, err := Format("? 0\n: 0\n0.:\nf: 1.0\ng: 1.5\nh: 1e21\ni: [2.0, 2]\n", nil)
	if err != nil {
		t.Fatal(err)
	}
	const want = "0: 0\n0.0: null\nf: 1.0\ng: 1.5\nh: 1e+21\ni:\n  - 2.0\n  - 2\n"
	if string(got) != want {
		t.Errorf("Format = %q, want %q", got, want)
	}
	if again, err := Format(got, nil); err != nil || string(again) != want {
		t.Errorf("formatted again: %q, %v", again, err)
	}
}
