package aferotest

import (
	"fmt"
	"strings"
)

// Table formats the results of several backends, as [Evaluate] returns
// them, as a Markdown table: one row per check, one column per backend,
// then a row counting passes, failures and skips per backend. names and
// results go in the same order.
func Table(names []string, results ...[]Result) string {
	var b strings.Builder
	b.WriteString("| check |")
	for _, name := range names {
		fmt.Fprintf(&b, " %s |", cell(name))
	}
	b.WriteString("\n|---|")
	b.WriteString(strings.Repeat("---|", len(names)))
	b.WriteString("\n")
	for i, c := range checks {
		fmt.Fprintf(&b, "| %s |", c.Name)
		for _, rs := range results {
			fmt.Fprintf(&b, " %s |", statusAt(rs, i, c.Name))
		}
		b.WriteString("\n")
	}
	b.WriteString("| **pass / FAIL / skip** |")
	for _, rs := range results {
		var n [3]int
		for _, r := range rs {
			n[r.Status]++
		}
		fmt.Fprintf(&b, " %d / %d / %d |", n[Pass], n[Fail], n[Skip])
	}
	b.WriteString("\n")
	return b.String()
}

func statusAt(rs []Result, i int, name string) string {
	if i < len(rs) && rs[i].Check == name {
		return rs[i].Status.String()
	}
	for _, r := range rs {
		if r.Check == name {
			return r.Status.String()
		}
	}
	return "-"
}

// cell escapes s for one cell of a Markdown table.
func cell(s string) string {
	s = strings.ReplaceAll(s, "|", `\|`)
	return strings.ReplaceAll(strings.TrimRight(s, "\n"), "\n", "<br>")
}
