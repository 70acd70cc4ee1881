package golden

import (
	"path/filepath"
	"testing"
	"time"
)

type valueNode struct {
	Name string
	Next *valueNode
	seen time.Time
}

func TestAssertValue(t *testing.T) {
	t.Parallel()
	dir := setup(t, nil)
	a := &valueNode{Name: "a", seen: time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)}
	a.Next = &valueNode{Name: "b", Next: a}
	if msg := assertWith(t, AssertValue, a, append(update(), Dir(dir))...); msg != "" {
		t.Fatal(msg)
	}
	checkContent(t, filepath.Join(dir, "TestX.golden"), `&golden.valueNode{
	Name: "a",
	Next: &golden.valueNode{
		Name: "b",
		Next: <cycle to $>,
		seen: time.Time("0001-01-01T00:00:00Z"),
	},
	seen: time.Time("2024-01-02T03:04:05Z"),
}
`)
	a.Next.Next = a.Next
	msg := assertWith(t, AssertValue, a, append(quiet(), Dir(dir), newRun(), Redact("$.seen", "[time]"))...)
	want := `golden: "$DIR/TestX.golden" differs from the output (-want +got):
--- $DIR/TestX.golden
+++ got
@@ -2,8 +2,8 @@
 	Name: "a",
 	Next: &golden.valueNode{
 		Name: "b",
-		Next: <cycle to $>,
+		Next: <cycle to $.Next>,
 		seen: time.Time("0001-01-01T00:00:00Z"),
 	},
-	seen: time.Time("2024-01-02T03:04:05Z"),
+	seen: "[time]",
 }
To update it, run from the module root:
	UPDATE_GOLDEN=1 go test ./golden -run '^TestX$'`
	if got := scrubDir(msg, dir); got != want {
		t.Errorf("message:\n%s\nwant:\n%s", got, want)
	}
}

type yamlConfig struct {
	Name    string            `yaml:"name"`
	Port    int               `yaml:"port"`
	Labels  map[string]string `yaml:"labels"`
	Started time.Time         `yaml:"started"`
}

func TestAssertYAML(t *testing.T) {
	t.Parallel()
	dir := setup(t, nil)
	cfg := yamlConfig{Name: "api", Port: 8080, Labels: map[string]string{"team": "core", "env": "prod"}, Started: time.Now()}
	if msg := assertWith(t, AssertYAML, cfg, append(update(), Dir(dir), Redact("$.started", "[time]"))...); msg != "" {
		t.Fatal(msg)
	}
	checkContent(t, filepath.Join(dir, "TestX.golden"), "name: api\nport: 8080\nlabels:\n  env: prod\n  team: core\nstarted: '[time]'\n")
	// YAML text is written as the data it holds (a map: keys sorted), so
	// the same data matches however it is written.
	text := "# the service\nname: api\nport: 0x1F90\nlabels: {team: core, env: prod}\nstarted: 2024-01-02\n"
	if msg := assertWith(t, AssertYAML, text, append(update(), Dir(dir), Name("text.golden"), Redact("$.started", "[time]"))...); msg != "" {
		t.Fatal(msg)
	}
	checkContent(t, filepath.Join(dir, "text.golden"), "labels:\n  env: prod\n  team: core\nname: api\nport: 8080\nstarted: '[time]'\n")
	same := []byte("started: yesterday\nport: 8080\nname: \"api\"\nlabels:\n    team: core\n    env: prod\n")
	if msg := assertWith(t, AssertYAML, same, append(quiet(), Dir(dir), Name("text.golden"), Redact("$.started", "[time]"))...); msg != "" {
		t.Errorf("equal YAML text: %s", msg)
	}
	msg := assertWith(t, AssertYAML, []byte("name: [api\n"), append(quiet(), Dir(dir), Name("bad.golden"))...)
	if want := `golden: AssertYAML for "` + filepath.ToSlash(dir) + `/bad.golden": invalid YAML: yaml: line 1: did not find expected ',' or ']'`; msg != want {
		t.Errorf("invalid YAML:\n%s\nwant\n%s", msg, want)
	}
}
