package sitegen_test

import (
	"os"
	"regexp"
	"testing"
	"time"

	"github.com/tmpkit/tmpkit/examples/sitegen"
	"github.com/tmpkit/tmpkit/fixture"
	"github.com/tmpkit/tmpkit/golden"
	"github.com/tmpkit/tmpkit/tmptest"
)

// source is the input site: one Tree literal instead of a dozen
// os.MkdirAll and os.WriteFile calls, and the same value whether the test
// reads it from memory or from disk.
var source = fixture.Tree{
	"site.json":            fixture.File(`{"title": "Notes"}` + "\n"),
	"pages/index.txt":      fixture.File("Welcome\n\nShort notes on <testing>.\n"),
	"pages/blog/first.txt": fixture.File("First post\n\nOne.\n\nTwo.\n"),
	"static/style.css":     fixture.File("body { margin: 0 }\n"),
	"drafts/ignored.txt":   fixture.File("not published\n"),
}

// Each page carries its build time; the scrubber turns it into a stable
// placeholder so the golden tree under testdata/ stays reviewable.
var buildTime = golden.ScrubRegexp(regexp.MustCompile(`built \d{4}-\d\d-\d\dT[0-9:]+Z`), "built $$TIME")

// The generator reads from the Tree directly (Tree.FS is an fs.FS) and
// writes to a temp dir; the whole output tree is compared with
// testdata/TestBuild.golden.d/.
func TestBuild(t *testing.T) {
	out := tmptest.Dir(t)
	if err := sitegen.Build(source.FS(), out, time.Now()); err != nil {
		t.Fatal(err)
	}
	golden.AssertDir(t, os.DirFS(out), buildTime)
}

// The same input written to disk first, as a user whose code only reads
// real directories would do it, gives the same output tree: the same golden.
func TestBuildFromDisk(t *testing.T) {
	src := fixture.New(t, source)
	out := tmptest.Dir(t)
	if err := sitegen.Build(os.DirFS(src), out, time.Now()); err != nil {
		t.Fatal(err)
	}
	golden.AssertDir(t, os.DirFS(out), buildTime, golden.Name("TestBuild.golden.d"))
}

// Where only part of the output matters, an expected Tree with relaxations
// says so: any footer time, and other files allowed.
func TestBuildIndexPage(t *testing.T) {
	out := tmptest.Dir(t)
	if err := sitegen.Build(source.FS(), out, time.Date(2026, 11, 26, 8, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	fixture.Assert(t, os.DirFS(out), fixture.Tree{
		"index.html": fixture.File("<!doctype html>\n<title>Welcome | Notes</title>\n<h1>Welcome</h1>\n" +
			"<p>Short notes on &lt;testing&gt;.</p>\n<footer>built 2026-11-26T08:00:00Z</footer>\n"),
		"blog/first.html": fixture.MatchRegexp(`<p>One.</p>\n<p>Two.</p>`),
		"sitemap.txt":     fixture.File("blog/first.html\nindex.html\n"),
	}, fixture.AllowExtra("static"))
}

func TestBuildWithoutConfig(t *testing.T) {
	src := fixture.Tree{"pages/index.txt": fixture.File("Hi\n")}
	err := sitegen.Build(src.FS(), tmptest.Dir(t), time.Now())
	const want = "sitegen: open site.json: file does not exist"
	if err == nil || err.Error() != want {
		t.Errorf("Build() error = %v, want %q", err, want)
	}
}
