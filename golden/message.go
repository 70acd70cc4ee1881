package golden

import (
	"bytes"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/tmpkit/tmpkit/internal/diff"
	"github.com/tmpkit/tmpkit/internal/goldenwrite"
)

// Failure messages. Each says what differs and where, and ends with the
// exact command that creates or updates this golden, or, under CI, why it
// was not updated.

// missing reports a golden that does not exist.
func (c *call) missing(set setting, loc location, got []byte) error {
	var b strings.Builder
	fmt.Fprintf(&b, "golden: %q does not exist.\n", loc.display)
	c.saveArtifact(&b, loc, func(dst string) error { return writeArtifact(dst, got) })
	c.tell(&b, set, "new", "create it from the output")
	return &difference{b.String()}
}

// mismatch reports a golden file whose content differs from got.
func (c *call) mismatch(set setting, loc location, want, got []byte, exact bool, p int) error {
	var b strings.Builder
	o := diff.Options{WantLabel: loc.display, GotLabel: "got"}
	var report string
	var binary bool
	// Folding shortens want; unfolded, it is shown as it is, and p, its
	// first difference with got, holds.
	if s := shown(want, got, exact); len(s) == len(want) {
		report, binary = diff.ReportFrom(want, got, p, o)
	} else {
		report, binary = diff.Report(s, got, o)
	}
	if binary {
		fmt.Fprintf(&b, "golden: %q differs from the output:\n", loc.display)
	} else {
		fmt.Fprintf(&b, "golden: %q differs from the output (-want +got):\n", loc.display)
	}
	b.WriteString(report)
	c.saveArtifact(&b, loc, func(dst string) error { return writeArtifact(dst, got) })
	c.tell(&b, set, "1", "update it")
	return &difference{b.String()}
}

// shown returns the golden want as a diff against got shows it: with its
// CRLF line endings read as LF (as the comparison reads them), unless
// exact or got itself ends every line with CRLF, which then is compared
// as it is. Output that ends only some lines with CRLF is shown against
// the folded golden, so that the lines that turned CRLF are the ones
// marked.
func shown(want, got []byte, exact bool) []byte {
	// IndexByte first: it runs at memory speed, and a golden without "\r"
	// is shown as it is, however large.
	if exact || bytes.IndexByte(want, '\r') < 0 || allCRLF(got) {
		return want
	}
	return goldenwrite.Fold(want)
}

// allCRLF reports whether b has lines and ends each with "\r\n".
func allCRLF(b []byte) bool {
	crlf := bytes.Count(b, []byte("\r\n"))
	return crlf > 0 && crlf == bytes.Count(b, []byte{'\n'})
}

// tell ends a message with the command that runs the test with
// UPDATE_GOLDEN=value, or says that CI refused the update.
func (c *call) tell(b *strings.Builder, set setting, value, what string) {
	cmd := updateCommand(value, c.pkgDir, c.test)
	if set.ci != "" {
		fmt.Fprintf(b, "Updates are refused under CI=%s (UPDATE_GOLDEN=force overrides this); to %s, run outside CI from the module root:\n\t%s", set.ci, what, cmd)
		return
	}
	fmt.Fprintf(b, "To %s, run from the module root:\n\t%s", what, cmd)
}

// saveArtifact saves the output with save under t.ArtifactDir() when the
// test binary runs with -artifacts, and says where.
func (c *call) saveArtifact(b *strings.Builder, loc location, save func(dst string) error) {
	if c.artifactDir == nil {
		return
	}
	dst := filepath.Join(c.artifactDir(), path.Base(loc.name))
	if err := save(dst); err != nil {
		fmt.Fprintf(b, "The output could not be saved as an artifact: %v\n", err)
		return
	}
	fmt.Fprintf(b, "The output is saved in %s\n", dst)
}

func writeArtifact(dst string, data []byte) error {
	return os.WriteFile(dst, data, goldenwrite.NewFileMode)
}
