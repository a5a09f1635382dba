#!/usr/bin/env bash
# Determinism (docs/reliability.md): the same batch gives the same bytes in
# every format whatever --jobs is and whatever order the files are named in,
# on stdout and through -o; NDJSON on stdin gives the same bytes with 1 or 2
# jobs and the same scores as the files it was made from.
#   determinism.sh JXAUDIT SOURCE_DIR WORK_DIR FORMAT      (FORMAT: text, json or csv)
set -euo pipefail
JX=$1
cd "$2"
WORK=$3
format=$4
. tests/reliability/lib.sh
rm -rf "$WORK"
mkdir -p "$WORK"

# The batch: every sample department (every *.json under samples/, as
# `check samples` finds them), in sorted path order. Departments whose CSV
# tables resolve against their own directory are in the file batch, not in
# the NDJSON one.
mapfile -t files < <(find samples -name '*.json' -type f | LC_ALL=C sort)
mapfile -t json_only < <(grep -L '"tables"' "${files[@]}" | LC_ALL=C sort)
[[ ${#files[@]} -ge 15 ]] || fail "expected the sample batch, found ${#files[@]} files"

check=("$JX" check --format "$format" --color never)
run_check() {  # run_check NAME ARGS...: stdout to WORK/NAME.out, exit code to WORK/NAME.code
  local name=$1 code=0
  shift
  "${check[@]}" "$@" >"$WORK/$name.out" 2>"$WORK/$name.err" || code=$?
  echo "$code" >"$WORK/$name.code"
  [[ $code -le 1 ]] || { cat "$WORK/$name.err" >&2; fail "$name: exit $code"; }
}

# Reference: one job, directories and files in sorted order.
run_check ref --jobs 1 samples
# Two jobs, three other orders: reversed, and two fixed shuffles (shuf with a
# fixed random source, so a failure can be replayed).
mapfile -t reversed < <(printf '%s\n' "${files[@]}" | tac)
mapfile -t shuffled1 < <(printf '%s\n' "${files[@]}" | shuf --random-source=<(yes 1))
mapfile -t shuffled2 < <(printf '%s\n' "${files[@]}" | shuf --random-source=<(yes 2))
run_check reversed --jobs 2 "${reversed[@]}"
run_check shuffled1 --jobs 2 "${shuffled1[@]}"
run_check shuffled2 --jobs 3 "${shuffled2[@]}"
run_check mixed --jobs 2 samples/gz-2023-dangan.json samples/flawed "${shuffled1[@]:3:4}" samples
# The same through -o (atomic write to a file).
"${check[@]}" --jobs 2 -o "$WORK/file.out" "${shuffled2[@]}" >"$WORK/file.stdout" 2>"$WORK/file.err" || true
[[ -s "$WORK/file.stdout" ]] && fail "-o still wrote to stdout"

for variant in reversed shuffled1 shuffled2 mixed; do
  same_bytes "$WORK/ref.out" "$WORK/$variant.out" "$format report, $variant"
  same_bytes "$WORK/ref.code" "$WORK/$variant.code" "exit code, $variant"
done
same_bytes "$WORK/ref.out" "$WORK/file.out" "$format report written with -o"
[[ $(wc -c <"$WORK/ref.out") -gt 20000 ]] || fail "the reference report is suspiciously short"

# NDJSON on stdin: one department per line (a JSON text's line breaks all lie
# between tokens, so joining its lines keeps it valid).
for f in "${json_only[@]}"; do tr '\r\n' '  ' <"$f"; echo; done >"$WORK/batch.ndjson"
for jobs in 1 2 3; do
  code=0
  "${check[@]}" --jobs "$jobs" - <"$WORK/batch.ndjson" >"$WORK/stdin$jobs.out" 2>"$WORK/stdin$jobs.err" || code=$?
  [[ $code -le 1 ]] || { cat "$WORK/stdin$jobs.err" >&2; fail "NDJSON, $jobs jobs: exit $code"; }
done
same_bytes "$WORK/stdin1.out" "$WORK/stdin2.out" "$format report from NDJSON, 1 vs 2 jobs"
same_bytes "$WORK/stdin1.out" "$WORK/stdin3.out" "$format report from NDJSON, 1 vs 3 jobs"

# The NDJSON departments score exactly as the files they came from.
if [[ $format == json ]]; then
  scores() { grep -oE '"complete":(true|false),"total":"[^"]*","grade":"[^"]*"' "$1" || true; }
  run_check files_only --jobs 2 "${json_only[@]}"
  scores "$WORK/files_only.out" >"$WORK/files.scores"
  scores "$WORK/stdin1.out" >"$WORK/stdin.scores"
  [[ $(wc -l <"$WORK/files.scores") -eq ${#json_only[@]} ]] || fail "expected ${#json_only[@]} scorecards"
  same_bytes "$WORK/files.scores" "$WORK/stdin.scores" "scores from NDJSON against scores from files"
fi
echo "determinism ($format): ${#files[@]} departments, 5 orders and -o identical; NDJSON identical with 1, 2, 3 jobs"
