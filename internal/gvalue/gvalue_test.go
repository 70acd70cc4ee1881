package gvalue

import (
	"errors"
	"fmt"
	"math"
	"math/big"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/tmpkit/tmpkit/internal/redact"
)

func format(t *testing.T, v any, rules ...redact.Rule) string {
	t.Helper()
	b, err := Format(v, rules)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func check(t *testing.T, v any, want string) {
	t.Helper()
	want = strings.TrimPrefix(want, "\n")
	if got := format(t, v); got != want {
		t.Errorf("Format(%#v) =\n%s\nwant\n%s", v, got, want)
	}
}

type level int

func (l level) String() string { return [...]string{"debug", "info"}[l] }

type account struct {
	ID      int
	owner   string
	created time.Time
	Limit   *int
	Level   level
}

// String is not used: account has exported fields, which a golden shows.
func (a account) String() string { return "account" }

type panics struct{ secret int }

func (panics) String() string { panic("no") }

type point struct{ X, Y int }

func TestFormatScalars(t *testing.T) {
	check(t, []any{3, 3.0, 2.5, math.Inf(1), math.NaN(), float32(1.5), "s", true, uint8(7), level(1), int64(-2), complex(1, 2), 'x'}, `
[]any{
	3,
	float64(3),
	2.5,
	+Inf,
	NaN,
	float32(1.5),
	"s",
	true,
	uint8(7),
	gvalue.level("info"),
	int64(-2),
	(1+2i),
	int32(120),
}
`)
	check(t, "top", `"top"`+"\n")
	check(t, nil, "nil\n")
	check(t, "line 1\n\tline `2`\n", `"line 1\n\tline `+"`2`"+`\n"`+"\n")
	check(t, []string{"a\n\tb", "c\rd\n"}, "[]string{\n\t`a\n\tb`,\n\t\"c\\rd\\n\",\n}\n")
}

func TestFormatNilAndEmpty(t *testing.T) {
	type s struct {
		NilSlice   []int
		EmptySlice []int
		NilMap     map[string]int
		EmptyMap   map[string]int
		NilPtr     *int
		NilAny     any
		TypedNil   any
		Func       func()
		Chan       chan int
	}
	check(t, s{EmptySlice: []int{}, EmptyMap: map[string]int{}, TypedNil: (*int)(nil), Func: func() {}, Chan: make(chan int)}, `
gvalue.s{
	NilSlice: nil,
	EmptySlice: []int{},
	NilMap: nil,
	EmptyMap: map[string]int{},
	NilPtr: nil,
	NilAny: nil,
	TypedNil: (*int)(nil),
	Func: (func())(non-nil),
	Chan: (chan int)(non-nil),
}
`)
	check(t, [][]int{nil, {}}, "[][]int{\n\tnil,\n\t{},\n}\n")
	check(t, []any{[]int(nil), map[string]int(nil), struct{}{}}, "[]any{\n\t[]int(nil),\n\tmap[string]int(nil),\n\tstruct {}{},\n}\n")
}

func TestFormatStructsAndMethods(t *testing.T) {
	limit := 10
	when := time.Date(2024, 1, 2, 3, 4, 5, 0, time.FixedZone("X", 3600))
	check(t, []account{{ID: 1, owner: "ann", created: when, Limit: &limit, Level: 1}}, `
[]gvalue.account{
	{
		ID: 1,
		owner: "ann",
		created: time.Time("2024-01-02T03:04:05+01:00"),
		Limit: &10,
		Level: gvalue.level("info"),
	},
}
`)
	check(t, map[string]any{
		"dur": 1500 * time.Millisecond, "ip": net.ParseIP("10.0.0.1"), "big": big.NewInt(-5),
		"err": fmt.Errorf("read: %w", errors.New("boom")), "panics": panics{3}, "bytes": []byte("hi"), "bin": []byte{0, 0xff},
		"arr": [2]byte{1, 2},
	}, `
map[string]any{
	"arr": [2]byte{
		0x01, 0x02,
	},
	"big": &big.Int("-5"),
	"bin": []byte{
		0x00, 0xff,
	},
	"bytes": []byte("hi"),
	"dur": time.Duration("1.5s"),
	"err": &fmt.wrapError("read: boom"),
	"ip": net.IP("10.0.0.1"),
	"panics": gvalue.panics{
		secret: 3,
	},
}
`)
}

func TestFormatPointers(t *testing.T) {
	type node struct {
		Name string
		Next *node
		Kids []*node
	}
	shared := &node{Name: "shared"}
	check(t, node{Name: "root", Kids: []*node{shared, shared}}, `
gvalue.node{
	Name: "root",
	Next: nil,
	Kids: []*gvalue.node{
		&{
			Name: "shared",
			Next: nil,
			Kids: nil,
		},
		&{
			Name: "shared",
			Next: nil,
			Kids: nil,
		},
	},
}
`)
	a := &node{Name: "a"}
	a.Next = &node{Name: "b", Next: a}
	a.Kids = []*node{a.Next}
	check(t, a, `
&gvalue.node{
	Name: "a",
	Next: &gvalue.node{
		Name: "b",
		Next: <cycle to $>,
		Kids: nil,
	},
	Kids: []*gvalue.node{
		&{
			Name: "b",
			Next: <cycle to $>,
			Kids: nil,
		},
	},
}
`)
	s := []any{"x", nil}
	s[1] = s
	m := map[string]any{}
	m["my self"] = m
	check(t, []any{s, m}, `
[]any{
	[]any{
		"x",
		<cycle to $[0]>,
	},
	map[string]any{
		"my self": <cycle to $[1]>,
	},
}
`)
}

func TestFormatMapOrder(t *testing.T) {
	check(t, map[int]string{10: "ten", 2: "two", -1: "minus one"}, "map[int]string{\n\t-1: \"minus one\",\n\t2: \"two\",\n\t10: \"ten\",\n}\n")
	check(t, map[float64]int{math.NaN(): 2, math.NaN(): 1, 0.5: 3, math.Inf(-1): 4}, "map[float64]int{\n\tNaN: 1,\n\tNaN: 2,\n\t-Inf: 4,\n\t0.5: 3,\n}\n")
	check(t, map[any]int{"b": 1, 2: 2, int8(2): 3, false: 4, nil: 5, point{1, 2}: 6, "a": 7}, `
map[any]int{
	nil: 5,
	false: 4,
	2: 2,
	int8(2): 3,
	"a": 7,
	"b": 1,
	gvalue.point{
		X: 1,
		Y: 2,
	}: 6,
}
`)
	check(t, map[level]bool{1: true, 0: false}, "map[gvalue.level]bool{\n\tgvalue.level(\"debug\"): false,\n\tgvalue.level(\"info\"): true,\n}\n")
}

func TestFormatRedact(t *testing.T) {
	type item struct {
		ID    string
		Seen  time.Time
		Owner *account
		Tags  map[string]int
	}
	v := []item{
		{ID: "a1", Seen: time.Unix(1, 0).UTC(), Owner: &account{ID: 7}, Tags: map[string]int{"x y": 1, "z": 2}},
		{ID: "b2", Tags: map[string]int{}},
	}
	rules := []redact.Rule{
		mustCompile(t, "$[*].ID", "[id]"),
		mustCompile(t, "$[0].Owner", "[owner]"),
		mustCompile(t, `$..Tags["x y"]`, "[tag]"),
		mustCompile(t, `$[?@.Seen == "0001-01-01T00:00:00Z"].Seen`, "[zero]"),
	}
	want := `[]gvalue.item{
	{
		ID: "[id]",
		Seen: time.Time("1970-01-01T00:00:01Z"),
		Owner: "[owner]",
		Tags: map[string]int{
			"x y": "[tag]",
			"z": 2,
		},
	},
	{
		ID: "[id]",
		Seen: "[zero]",
		Owner: nil,
		Tags: map[string]int{},
	},
}
`
	if got := format(t, v, rules...); got != want {
		t.Errorf("Format with rules =\n%s\nwant\n%s", got, want)
	}
	if got := format(t, v, mustCompile(t, "$", "[all]")); got != "\"[all]\"\n" {
		t.Errorf("redacting the root: %q", got)
	}
	_, err := Format(v, []redact.Rule{mustCompile(t, "$[0].Owner.owner", "x"), mustCompile(t, "$[0].Owner.id", "x")})
	if !errors.Is(err, redact.ErrNothing) || !strings.Contains(err.Error(), `"$[0].Owner.id"`) {
		t.Errorf("a path naming a JSON name instead of the Go field: %v", err)
	}
}

func mustCompile(t *testing.T, path, repl string) redact.Rule {
	t.Helper()
	r, err := redact.Compile(path, repl)
	if err != nil {
		t.Fatal(err)
	}
	return r
}
