package golden_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/tmpkit/tmpkit/golden"
)

func ExampleRedact() {
	t := newT("TestOrderAPI")
	defer t.done()

	// A response whose id and timestamps change on every run.
	response := map[string]any{
		"id":     "ord_8f3a2c",
		"status": "paid",
		"items":  []map[string]any{{"sku": "A-1", "added_at": time.Now()}, {"sku": "B-7", "added_at": time.Now()}},
	}
	golden.AssertJSON(t, response,
		golden.Redact("$.id", "[order-id]"),
		golden.Redact("$.items[*].added_at", "[time]"))
	fmt.Print(string(golden.Get(t)))
	// Output:
	// {
	//   "id": "[order-id]",
	//   "items": [
	//     {
	//       "added_at": "[time]",
	//       "sku": "A-1"
	//     },
	//     {
	//       "added_at": "[time]",
	//       "sku": "B-7"
	//     }
	//   ],
	//   "status": "paid"
	// }
}

func ExampleScrubNumbered() {
	t := newT("TestSessions")
	defer t.done()

	log := "open sess-4f1c by u17\nopen sess-9a0b by u17\nclose sess-4f1c\n"
	golden.Assert(t, log,
		golden.ScrubNumbered(`sess-[0-9a-f]{4}`, "session"),
		golden.ScrubNumbered(`u\d+`, "user"))
	fmt.Print(string(golden.Get(t)))
	// Output:
	// open [session-1] by [user-1]
	// open [session-2] by [user-1]
	// close [session-1]
}

type Order struct {
	ID      string
	Total   int
	Lines   map[string]int
	Buyer   *Buyer
	Placed  time.Time
	comment string
}

type Buyer struct{ Name string }

func ExampleAssertValue() {
	t := newT("TestOrder")
	defer t.done()

	order := Order{ID: "o-1", Total: 1250, Lines: map[string]int{"tea": 2, "cake": 1}, Buyer: &Buyer{"Ann"},
		Placed: time.Date(2024, 3, 1, 9, 30, 0, 0, time.UTC), comment: "gift"}
	golden.AssertValue(t, order, golden.Redact("$.ID", "[id]"))
	fmt.Print(string(golden.Get(t)))
	// Output:
	// golden_test.Order{
	// 	ID: "[id]",
	// 	Total: 1250,
	// 	Lines: map[string]int{
	// 		"cake": 1,
	// 		"tea": 2,
	// 	},
	// 	Buyer: &golden_test.Buyer{
	// 		Name: "Ann",
	// 	},
	// 	Placed: time.Time("2024-03-01T09:30:00Z"),
	// 	comment: "gift",
	// }
}

type ServerConfig struct {
	Listen  string            `yaml:"listen"`
	Workers int               `yaml:"workers"`
	Labels  map[string]string `yaml:"labels"`
}

func ExampleAssertYAML() {
	t := newT("TestDefaults")
	defer t.done()

	golden.AssertYAML(t, ServerConfig{Listen: ":8080", Workers: 4, Labels: map[string]string{"tier": "web", "env": "dev"}})
	fmt.Print(string(golden.Get(t)))
	// YAML text holding the same data matches too.
	golden.AssertYAML(t, "labels: {env: dev, tier: web}\nlisten: ':8080'\nworkers: 4\n", golden.Name("TestDefaults-text.golden"))
	fmt.Print(string(golden.Get(t, golden.Name("TestDefaults-text.golden"))))
	// Output:
	// listen: :8080
	// workers: 4
	// labels:
	//   env: dev
	//   tier: web
	// labels:
	//   env: dev
	//   tier: web
	// listen: :8080
	// workers: 4
}

// goldenOpts are the settings every test of a suite shares.
var goldenOpts = golden.Options(golden.Dir("testdata/shared"), golden.ScrubNumbered(`req-\d+`, "req"))

func ExampleOptions() {
	t := newT("TestShared")
	defer t.done()

	golden.Assert(t, "req-81 then req-82\n", goldenOpts)
	fmt.Printf("%q\n", golden.Get(t, goldenOpts))
	// Output:
	// "[req-1] then [req-2]\n"
}

// In a test: each testdata/calc/*.input is a subtest compared with the
// .golden beside it (testdata/calc/add.input -> testdata/calc/add.golden).
func ExampleEach() {
	TestCalc := func(t *testing.T) {
		golden.Each(t, "testdata/calc/*.input", func(t *testing.T, input []byte) string {
			return strings.ToUpper(string(input)) // stands for the code under test
		})
	}
	_ = TestCalc
}
