#!/usr/bin/env bash
# check --rule-costs (docs/cli.md): one line per rule with its runs, CPU time and
# instruction count. CPU times differ from run to run, so this asserts the rest
# exactly: the header lines, every rule with its runs, instructions and file,
# the total's instructions, and the refusals.
#   rule_costs.sh JXAUDIT SOURCE_DIR WORK_DIR
set -euo pipefail
JX=$1
cd "$2"
WORK=$3
rm -rf "$WORK"
mkdir -p "$WORK"
fail() {
  echo "FAIL: $*" >&2
  exit 1
}

# The 18 departments of samples/ with one worker: the counts are exact.
"$JX" check --jobs 1 --rule-costs "$WORK/costs.txt" samples/ >/dev/null 2>&1 || fail "check exited $?"
[[ $(sed -n 1p "$WORK/costs.txt") == "规则运行耗时：18 个部门，CPU 时间最多的规则在前。CPU 时间为线程 CPU 时间，每次运行略有不同；指令数是 CPU 预算所计的数（每 1000 条 Lua 指令计一次，加上模式匹配、大块内存等库函数的工作量；--jobs 1 时每次运行相同）" ]] ||
  fail "first line: $(sed -n 1p "$WORK/costs.txt")"
[[ $(sed -n 2p "$WORK/costs.txt" | tr -s ' ') == "规则 运行次数 CPU 毫秒 CPU 占比 指令数 文件" ]] ||
  fail "column line: $(sed -n 2p "$WORK/costs.txt")"
# rule, runs, instructions, file; sorted by rule (the order follows CPU time).
sed -n '3,$p' "$WORK/costs.txt" | grep -v '^合计' | awk '{print $1, $2, $5, $6}' | sort >"$WORK/rows"
cat >"$WORK/expected" <<'ROWS'
MGMT.ASSETS.ALLOCATION 18 43 rules/gz/2023/assets/allocation.lua
MGMT.ASSETS.COMPLIANCE 18 73 rules/gz/2023/assets/management_compliance.lua
MGMT.ASSETS.DATA_QUALITY 18 48 rules/gz/2023/assets/data_quality.lua
MGMT.ASSETS.INCOME_REMITTANCE 18 107 rules/gz/2023/assets/income_remittance.lua
MGMT.ASSETS.INVENTORY 18 16 rules/gz/2023/assets/inventory.lua
MGMT.ASSETS.UTILIZATION 18 57 rules/gz/2023/assets/fixed_asset_utilization.lua
MGMT.BUDGET.EX_ANTE 18 93 rules/gz/2023/budgeting/ex_ante_evaluation.lua
MGMT.COSTS.PUBLIC_FUNDS 18 55 rules/gz/2023/running_costs/public_funds.lua
MGMT.COSTS.THREE_PUBLIC 18 216 rules/gz/2023/running_costs/three_public_expenses.lua
MGMT.DISCLOSURE.BUDGET 18 115 rules/gz/2023/disclosure/budget_disclosure.lua
MGMT.DISCLOSURE.PERFORMANCE 18 44 rules/gz/2023/disclosure/performance_disclosure.lua
MGMT.EXEC.CARRYOVER 18 69 rules/gz/2023/execution/carryover_rate.lua
MGMT.EXEC.FINANCIAL_COMPLIANCE 18 153 rules/gz/2023/execution/financial_compliance.lua
MGMT.PERF.RESULTS_APPLIED 18 25 rules/gz/2023/perf_mgmt/results_applied.lua
MGMT.PERF.RULES 18 23 rules/gz/2023/perf_mgmt/rules_in_place.lua
MGMT.PERF.RULES_FOLLOWED 18 1109 rules/gz/2023/perf_mgmt/rules_followed.lua
MGMT.PROC.COMPLIANCE 18 106 rules/gz/2023/procurement/compliance.lua
MGMT.PROC.CONTRACT_FILING 18 105 rules/gz/2023/procurement/contract_filing.lua
MGMT.PROC.CONTRACT_SIGNING 18 60 rules/gz/2023/procurement/contract_signing.lua
MGMT.PROC.INTENTION_LEAD_TIME 18 80 rules/gz/2023/procurement/intention_lead_time.lua
MGMT.PROC.INTENTION_PUBLISHED 18 22 rules/gz/2023/procurement/intention_published.lua
MGMT.PROC.INTERNAL_CONTROLS 18 0 rules/gz/2023/procurement/internal_controls.lua
MGMT.PROC.SME_SETASIDE 18 315 rules/gz/2023/procurement/sme_setaside.lua
PERF.SPENDING_RATE 18 1988 rules/gz/2023/performance/spending_rate.lua
PERF.TARGETS.BENEFIT 18 135 rules/gz/2023/performance/benefit_targets.lua
PERF.TARGETS.OUTPUT 18 310 rules/gz/2023/performance/output_targets.lua
ROWS
diff "$WORK/expected" "$WORK/rows" || fail "the rules, runs, instructions or files differ"
# The total is the sum of the rows.
[[ $(grep '^合计' "$WORK/costs.txt" | awk '{print $NF}') == 5367 ]] || fail "total: $(grep '^合计' "$WORK/costs.txt")"
[[ $(awk '{s += $3} END {print s}' "$WORK/rows") == 5367 ]] || fail "the rows do not add up to the total"
# The CPU shares add up to about 100%.
sum=$(sed -n '3,$p' "$WORK/costs.txt" | grep -v '^合计' | awk '{gsub("%", "", $4); s += $4} END {printf "%d", s + 0.5}')
((sum >= 99 && sum <= 101)) || fail "CPU shares add up to $sum%"

# Two workers, in English: each worker's counts add up to the same rules and
# runs; a large allocation is charged to whichever rule makes it, so the
# instructions may move a little: the Lua string table growing once more in one
# worker than in the other charges 41 (5,408 against 5,367 in 2 of 30 runs);
# within 1% here.
"$JX" --lang en check --jobs 2 --rule-costs "$WORK/costs-en.txt" samples/ >/dev/null 2>&1 || fail "check exited $?"
[[ $(sed -n 2p "$WORK/costs-en.txt" | tr -s ' ') == "rule runs CPU ms of CPU instructions file" ]] ||
  fail "English column line: $(sed -n 2p "$WORK/costs-en.txt")"
sed -n '3,$p' "$WORK/costs-en.txt" | grep -v '^total' | awk '{print $1, $2, $6}' | sort >"$WORK/rows-en"
awk '{print $1, $2, $4}' "$WORK/expected" | diff - "$WORK/rows-en" || fail "--jobs 2: other rules or runs"
total2=$(grep '^total' "$WORK/costs-en.txt" | awk '{print $NF}')
((total2 >= 5367 - 53 && total2 <= 5367 + 53)) || fail "--jobs 2: $total2 instructions in all, against 5367"

# Refused: the same file as -o, stdout, and an input.
code=0
"$JX" --lang en check -o "$WORK/x.txt" --rule-costs "$WORK/x.txt" samples/gz-2023-dangan.json 2>"$WORK/err" >/dev/null || code=$?
[[ $code -eq 2 && $(cat "$WORK/err") == "jxaudit: error: --rule-costs $WORK/x.txt: must be a file other than -o and --summary" ]] ||
  fail "same as -o: exit $code, $(cat "$WORK/err")"
code=0
"$JX" --lang en check --rule-costs - samples/gz-2023-dangan.json 2>"$WORK/err" >/dev/null || code=$?
[[ $code -eq 2 ]] || fail "--rule-costs -: exit $code"
cp samples/gz-2023-dangan.json "$WORK/dept.json"
code=0
"$JX" check --rule-costs "$WORK/dept.json" "$WORK/dept.json" 2>"$WORK/err" >/dev/null || code=$?
[[ $code -eq 2 ]] || fail "over an input: exit $code"
cmp -s samples/gz-2023-dangan.json "$WORK/dept.json" || fail "the input was overwritten"
code=0
"$JX" --lang en check --compare-rulesets rules/gz/2023 rules/gz/2024 --rule-costs "$WORK/c.txt" samples/gz-2023-dangan.json \
  2>"$WORK/err" >/dev/null || code=$?
[[ $code -eq 2 && $(cat "$WORK/err") == "jxaudit: error: --rule-costs: not with --compare-rulesets" ]] ||
  fail "with --compare-rulesets: exit $code, $(cat "$WORK/err")"
# No department checked (bad data): the file says so, and an older one is replaced.
echo "an older table" >"$WORK/none.txt"
code=0
"$JX" check --rule-costs "$WORK/none.txt" tests/e2e/bad-input/date-slashes.json 2>/dev/null >/dev/null || code=$?
[[ $code -eq 2 ]] || fail "bad data: exit $code"
[[ $(sed -n 1p "$WORK/none.txt") == 规则运行耗时：0\ 个部门* && $(sed -n 3p "$WORK/none.txt" | tr -s ' ') == "合计 0.00 0" ]] ||
  fail "bad data: $(cat "$WORK/none.txt")"
echo "rule_costs: ok"
