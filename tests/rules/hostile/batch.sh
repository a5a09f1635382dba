#!/usr/bin/env bash
# Hostile rules through the command line, with the shipped budgets: one attack
# planted in contract_filing.lua strikes only for the first department of a
# batch (广州市档案馆). The check must stop within the budget, exit 3, report an
# engine_error naming the rule's file:line, the budget and its value, keep the
# process's resident memory under the Lua budget plus the margin of
# docs/rule-api.md, and leave the next department of the batch (党史研究室)
# byte-identical to a clean run of it alone.
#
# usage: batch.sh JXAUDIT SOURCE_DIR WORK CASE
set -euo pipefail
JX=$1
cd "$2"
WORK=$3
case_name=$4
source tests/reliability/lib.sh

rm -rf "$WORK"
mkdir -p "$WORK"
copy_rules
rule=$WORK/rules/gz/2023/procurement/contract_filing.lua
first=samples/gz-2023-dangan.json
next=samples/gz-2023-dangshi.json

# Shipped budgets: 100,000,000 instructions, 10 s, 256 MiB, strings of 16 MiB,
# 10,000 findings and 4 MiB of their text per rule run.
budget="instruction budget exceeded (100000000 instructions per rule run)"
case $case_name in
  xpcall-handler) attack='xpcall(function() while true do end end, function(m) while true do end end)' ;;
  coroutine-tree)
    attack='while true do coroutine.wrap(function() local x = 0 for i = 1, 50 do x = x + i end end)() end' ;;
  coroutine-nest)
    attack='local function nest() return coroutine.wrap(nest)() end nest()'
    budget="C stack overflow" ;;
  upper) attack='local s = string.rep("a", 1 << 24) while true do local _ = s:upper() end' ;;
  insert-front)
    attack='local t = {} for i = 1, 1000000 do t[i] = i end while true do table.insert(t, 1, 0) table.remove(t, 1) end' ;;
  close-after-stop)
    attack='local g <close> = setmetatable({}, { __close = function() while true do end end }) while true do end' ;;
  deduct-flood)
    attack='while true do ctx:deduct(0, { message = "x" }) end'
    budget="findings budget exceeded (10000 findings per rule run): the findings after the first 10000 are cut" ;;
  note-bytes)
    attack='local s = string.rep("x", 1 << 24) while true do ctx:note({ message = s }) end'
    budget="findings budget exceeded (4 MiB of messages and evidence per rule run): the findings from here on are cut" ;;
  error-table)
    attack='error({ code = 42 })'
    budget="(error object is a table value)" ;;
  long-string-compare)
    attack='local a = string.rep("a", 1 << 24) local b = a:sub(1) while a == b do end'
    budget="time budget exceeded (10 s per rule run)" ;;
  memory)
    attack='local t = {} for i = 1, 1e9 do t[i] = string.rep("x", 1 << 20) .. i end'
    budget="memory budget exceeded (256 MiB per Lua state)" ;;
  *) fail "unknown case $case_name" ;;
esac

# The attack goes on the line after `check = function(dept, ctx)`, as one line.
line=$(grep -n '^  check = function(dept, ctx)$' "$rule" | cut -d: -f1)
[[ -n "$line" ]] || fail "no check function in $rule"
line=$((line + 1))
escaped=$(printf '%s' "$attack" | sed -e 's/[\/&]/\\&/g')
sed -i "$((line - 1))a\\    if dept.department.name == \"广州市档案馆\" then $escaped end" "$rule"
grep -qF "$attack" "$rule" || fail "could not plant the attack in $rule"
set_dir=$WORK/rules/gz/2023

# The clean run: the next department alone (the attack does not strike for it).
run 0 "$WORK/clean.json" "$WORK/clean.err" -- "$JX" --lang en check --format json --ruleset "$set_dir" "$next"

for jobs in 1 2; do
  out=$WORK/batch-$jobs.json
  err=$WORK/batch-$jobs.err
  start=$(date +%s)
  run 3 "$out" "$err" -- /usr/bin/time -f '%M' -o "$WORK/rss-$jobs" \
    timeout 120 "$JX" --lang en check --jobs "$jobs" --format json --ruleset "$set_dir" "$first" "$next"
  took=$(($(date +%s) - start))
  # 10 s of time budget (or 100,000,000 instructions) and a margin.
  [[ $took -le 30 ]] || fail "jobs $jobs: the batch took $took s"
  rss_kib=$(tail -n 1 "$WORK/rss-$jobs")
  # The Lua budget (256 MiB) per worker plus the margin of docs/rule-api.md (128 MiB).
  # Not under AddressSanitizer (JX_SANITIZED, set by tests/CMakeLists.txt): its
  # shadow memory and quarantine inflate resident memory whatever the rule does.
  if [[ ${JX_SANITIZED:-0} != 1 ]]; then
    [[ $rss_kib -le $(((256 * jobs + 128) * 1024)) ]] || fail "jobs $jobs: resident memory $rss_kib KiB"
  fi
  first_report=$(head -n 1 "$out")
  grep -qF '"kind":"engine_error"' <<<"$first_report" || fail "jobs $jobs: no engine_error for the first department"
  grep -qF "contract_filing.lua:$line: $budget" <<<"$first_report" ||
    fail "jobs $jobs: no \"contract_filing.lua:$line: $budget\" in $(head -c 2000 <<<"$first_report")"
  grep -qF '"complete":false' <<<"$first_report" || fail "jobs $jobs: the first department is not marked incomplete"
  sed -n 2p "$out" >"$WORK/next-$jobs.json"
  same_bytes "$WORK/clean.json" "$WORK/next-$jobs.json" "jobs $jobs: the next department of the batch"
  echo "jobs $jobs: ${took} s, ${rss_kib} KiB resident"
done
if [[ $case_name == deduct-flood ]]; then
  # The findings budget from the manifest, and the flag over it.
  printf '\n[budgets]\nfindings_per_rule = 20\n' >>"$set_dir/manifest.toml"
  run 3 "$WORK/manifest.json" "$WORK/manifest.err" -- "$JX" --lang en check --format json --ruleset "$set_dir" "$first"
  contains "$WORK/manifest.json" "contract_filing.lua:$line: findings budget exceeded (20 findings per rule run)" \
    "the manifest's findings_per_rule"
  run 3 "$WORK/flag.json" "$WORK/flag.err" -- "$JX" --lang en --max-findings 50 check --format json \
    --ruleset "$set_dir" "$first"
  contains "$WORK/flag.json" "contract_filing.lua:$line: findings budget exceeded (50 findings per rule run)" \
    "--max-findings over the manifest"
fi
echo "ok: $case_name"
