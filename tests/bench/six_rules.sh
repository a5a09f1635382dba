#!/usr/bin/env bash
# The six-rule bench's rule sets stay runnable and agree (docs/performance.md,
# "The six-rule bench"): six generated departments (jx_bench_generate
# --six-rules), checked with bench/six-rules and with bench/six-rules-columnar
# (the same rules written with list:column and working_days_between_columns).
# Both give the exact scores below, and the same reports apart from the rule
# set's name and the rules' line numbers. No timing is asserted.
#
# usage: six_rules.sh JXAUDIT JX_BENCH_GENERATE SOURCE_DIR WORK
set -euo pipefail
JX=$1
GEN=$2
cd "$3"
WORK=$4
fail() { echo "FAIL: $*" >&2; exit 1; }

rm -rf "$WORK"
mkdir -p "$WORK"
"$GEN" --departments 6 --six-rules --out "$WORK/data" >/dev/null
expected='100.00 100.00 100.00 91.54 80.86 84.99'
for set in six-rules six-rules-columnar; do
  "$JX" --lang en check --jobs 2 --format json --ruleset "bench/$set" "$WORK/data/json" >"$WORK/$set.json" \
    2>"$WORK/$set.err" || fail "$set: exit $? ($(head -c 500 "$WORK/$set.err"))"
  # One report per line, then the closing summary.
  totals=$(head -n 6 "$WORK/$set.json" | grep -o '"total":"[^"]*"' | cut -d'"' -f4 | tr '\n' ' ')
  [[ ${totals% } == "$expected" ]] || fail "$set: totals '${totals% }', expected '$expected'"
  sed -E 's/"rule_source":"[^"]*"//g; s/"ruleset":\{[^}]*\}//g' "$WORK/$set.json" >"$WORK/$set.stripped"
done
cmp -s "$WORK/six-rules.stripped" "$WORK/six-rules-columnar.stripped" ||
  fail "the columnar set's reports differ from the plain set's: diff $WORK/six-rules.stripped $WORK/six-rules-columnar.stripped"
grep -q '"kind":"deduction"' "$WORK/six-rules.json" || fail "no deduction at all: the bench checks nothing"
echo "ok: six-rule bench sets agree"
