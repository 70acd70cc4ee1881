// Package expensereport is a small command-line program of the kind tmpkit is
// made to test: it reads expense files in CSV form, prints a summary table
// and writes a JSON report. Its tests show tmptest for inputs and outputs
// and golden files for what it prints and writes, with the report's
// volatile fields (when it was made, a run id, the inputs' modification
// times) redacted by their JSONPath.
package expensereport

import (
	"crypto/rand"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Expense is one row of an input file: date,category,amount.
type Expense struct {
	Date     string
	Category string
	Cents    int64
}

// Report is what the JSON output holds.
type Report struct {
	RunID       string           `json:"run_id"`       // random, to find the run in logs
	GeneratedAt time.Time        `json:"generated_at"` // when the report was made
	Sources     []Source         `json:"sources"`
	Count       int              `json:"count"`
	TotalCents  int64            `json:"total_cents"`
	ByCategory  map[string]int64 `json:"by_category"`
}

// Source is one input file of a report.
type Source struct {
	Path     string    `json:"path"`
	Modified time.Time `json:"modified"` // the file's modification time
	Expenses int       `json:"expenses"`
}

// Main runs the program with args (without the program name) and returns
// its exit code: expensereport [-json report.json] file.csv...
func Main(args []string, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("expensereport", flag.ContinueOnError)
	flags.SetOutput(stderr)
	jsonOut := flags.String("json", "", "also write a JSON report to this `file`")
	if err := flags.Parse(args); err != nil {
		return 2
	}
	if flags.NArg() == 0 {
		fmt.Fprintln(stderr, "expensereport: no input files")
		return 2
	}
	rep, err := Summarize(flags.Args())
	if err != nil {
		fmt.Fprintf(stderr, "expensereport: %v\n", err)
		return 1
	}
	printTable(stdout, rep)
	if *jsonOut != "" {
		rep.RunID, rep.GeneratedAt = rand.Text(), time.Now().UTC()
		if err := writeJSON(*jsonOut, rep); err != nil {
			fmt.Fprintf(stderr, "expensereport: %v\n", err)
			return 1
		}
	}
	return 0
}

// Summarize reads every file and adds up its expenses.
func Summarize(files []string) (Report, error) {
	rep := Report{ByCategory: map[string]int64{}}
	for _, name := range files {
		expenses, modified, err := readFile(name)
		if err != nil {
			return Report{}, err
		}
		rep.Sources = append(rep.Sources, Source{Path: name, Modified: modified.UTC(), Expenses: len(expenses)})
		for _, e := range expenses {
			rep.Count++
			rep.TotalCents += e.Cents
			rep.ByCategory[e.Category] += e.Cents
		}
	}
	return rep, nil
}

func readFile(name string) ([]Expense, time.Time, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, time.Time{}, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, time.Time{}, err
	}
	expenses, err := readExpenses(name, f)
	return expenses, fi.ModTime(), err
}

func readExpenses(name string, f io.Reader) ([]Expense, error) {
	r := csv.NewReader(f)
	r.FieldsPerRecord = 3
	r.Comment = '#'
	var out []Expense
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		cents, err := parseAmount(rec[2])
		if err != nil {
			line, _ := r.FieldPos(2)
			return nil, fmt.Errorf("%s:%d: %w", name, line, err)
		}
		out = append(out, Expense{Date: rec[0], Category: rec[1], Cents: cents})
	}
}

// parseAmount reads "12.50" as 1250 cents.
func parseAmount(s string) (int64, error) {
	whole, frac, _ := strings.Cut(strings.TrimSpace(s), ".")
	if len(frac) > 2 {
		return 0, fmt.Errorf("amount %q has more than two decimals", s)
	}
	frac += strings.Repeat("0", 2-len(frac))
	n, err := strconv.ParseInt(whole+frac, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("amount %q is not a number", s)
	}
	return n, nil
}

// printTable prints one line per category, sorted, and the total, with
// names left-aligned and amounts right-aligned.
func printTable(w io.Writer, rep Report) {
	cats := make([]string, 0, len(rep.ByCategory))
	for c := range rep.ByCategory {
		cats = append(cats, c)
	}
	slices.Sort(cats)
	rows := [][2]string{{"category", "amount"}}
	for _, c := range cats {
		rows = append(rows, [2]string{c, money(rep.ByCategory[c])})
	}
	rows = append(rows, [2]string{fmt.Sprintf("total (%d expenses)", rep.Count), money(rep.TotalCents)})
	var nameWidth, amountWidth int
	for _, r := range rows {
		nameWidth, amountWidth = max(nameWidth, len(r[0])), max(amountWidth, len(r[1]))
	}
	for _, r := range rows {
		fmt.Fprintf(w, "%-*s  %*s\n", nameWidth, r[0], amountWidth, r[1])
	}
}

func money(cents int64) string {
	sign := ""
	if cents < 0 {
		sign, cents = "-", -cents
	}
	return fmt.Sprintf("%s%d.%02d", sign, cents/100, cents%100)
}

func writeJSON(name string, rep Report) error {
	data, err := json.MarshalIndent(rep, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(name, append(data, '\n'), 0o644)
}
