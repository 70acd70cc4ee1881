# summary.awk reads `go test -v` output and prints, per package, its result
# line with the number of tests (examples and fuzz seed runs included) that
# passed, failed and were skipped, and of subtests; then the totals.
function reset() { pass = fail = skip = subtests = 0 }
BEGIN { reset() }
/^--- PASS: / { pass++ }
/^--- FAIL: / { fail++ }
/^--- SKIP: / { skip++ }
/^ +--- (PASS|FAIL|SKIP): / { subtests++ }
/^(ok|FAIL|\?) *\t/ {
  if ($1 == "?") { printf "?    %-52s  no test files\n", $2; next }
  printf "%-4s %-52s %8s  %4d passed, %d failed, %d skipped, %d subtests\n", $1, $2, $3, pass, fail, skip, subtests
  tp += pass; tf += fail; ts += skip; tsub += subtests
  reset()
}
END { printf "total: %d tests passed, %d failed, %d skipped; %d subtests\n", tp, tf, ts, tsub }
