package main

import (
	"fmt"
	"io"
	"time"
)

// report prints the table and returns whether every target holds.
func report(w io.Writer, rows []target, res results) bool {
	ok := true
	fmt.Fprintln(w, "| package | benchmark | tmpkit | baseline | tmpkit time | baseline time | ratio | target | |")
	fmt.Fprintln(w, "|---|---|---|---|---:|---:|---:|---:|---|")
	for _, t := range rows {
		line, held := row(t, res)
		ok = ok && held
		fmt.Fprintln(w, line)
	}
	return ok
}

func row(t target, res results) (string, bool) {
	prefix := fmt.Sprintf("| %s | %s | %s | %s |", t.pkg, t.bench, subjectName(t), t.baseline)
	if t.metric != "" {
		r, ok := res.median(key(t.pkg, t.bench+"/"+t.subject, t.metric))
		if !ok {
			return prefix + " missing | | | | FAIL: no such metric |", false
		}
		return verdict(prefix+" | |", r, t)
	}
	sub, ok := res.median(key(t.pkg, t.bench+"/"+t.subject, "ns/op"))
	if !ok {
		return prefix + " missing | | | | FAIL: no such benchmark |", false
	}
	if t.baseline == "-" {
		line := fmt.Sprintf("%s %s | | |", prefix, duration(sub))
		if t.maxTime == 0 {
			return line + " - | |", true
		}
		held := time.Duration(sub) <= t.maxTime
		return fmt.Sprintf("%s <= %s | %s |", line, t.maxTime, mark(held)), held
	}
	base, ok := res.median(key(t.pkg, t.bench+"/"+t.baseline, "ns/op"))
	if !ok {
		return prefix + " | missing | | | FAIL: no such baseline |", false
	}
	return verdict(fmt.Sprintf("%s %s | %s |", prefix, duration(sub), duration(base)), sub/base, t)
}

func subjectName(t target) string {
	if t.metric != "" {
		return t.subject + " (" + t.metric + ")"
	}
	return t.subject
}

func verdict(prefix string, ratio float64, t target) (string, bool) {
	switch {
	case t.minRatio > 0:
		held := ratio >= t.minRatio
		return fmt.Sprintf("%s %.2fx | >= %.2fx | %s |", prefix, ratio, t.minRatio, mark(held)), held
	case t.maxRatio > 0:
		held := ratio <= t.maxRatio
		return fmt.Sprintf("%s %.2fx | <= %.2fx | %s |", prefix, ratio, t.maxRatio, mark(held)), held
	}
	return fmt.Sprintf("%s %.2fx | - | |", prefix, ratio), true
}

func mark(held bool) string {
	if held {
		return "ok"
	}
	return "MISSED"
}

// duration prints nanoseconds with three significant digits.
func duration(ns float64) string {
	d := time.Duration(ns)
	switch {
	case d >= time.Second:
		return fmt.Sprintf("%.2fs", d.Seconds())
	case d >= time.Millisecond:
		return fmt.Sprintf("%.2fms", float64(d)/float64(time.Millisecond))
	case d >= time.Microsecond:
		return fmt.Sprintf("%.1fµs", float64(d)/float64(time.Microsecond))
	}
	return fmt.Sprintf("%dns", d)
}
