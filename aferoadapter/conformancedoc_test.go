package aferoadapter_test

import (
	"os"
	"strings"
	"testing"
)

// The table of MemMapFs differences in docs/conformance.md must be the one
// the conformance suite generated (TestConformanceTable), not a copy that
// went stale: the table is evidence, so it is checked like any other output.
func TestDocCarriesConformanceTable(t *testing.T) {
	generated, err := os.ReadFile("testdata/conformance-unprivileged.md")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := os.ReadFile("../docs/conformance.md")
	if err != nil {
		t.Fatal(err)
	}
	const heading = "### How afero's MemMapFs differs from a disk"
	section := sectionAfter(t, string(generated), heading)
	if !strings.Contains(string(doc), section) {
		t.Errorf("docs/conformance.md does not hold the table under %q of testdata/conformance-unprivileged.md verbatim; copy it over:\n%s", heading, section)
	}
}

// sectionAfter returns the text between heading and the next heading.
func sectionAfter(t *testing.T, doc, heading string) string {
	t.Helper()
	_, rest, ok := strings.Cut(doc, heading+"\n")
	if !ok {
		t.Fatalf("no %q in the generated file", heading)
	}
	if i := strings.Index(rest, "\n#"); i >= 0 {
		rest = rest[:i]
	}
	return strings.TrimSpace(rest)
}
