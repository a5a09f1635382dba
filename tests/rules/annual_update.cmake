# The annual update as a maintainer runs it, in a scratch folder under the build
# tree: `rules new`, `test`, `rules diff` on a 2027 set extending rules/gz/2026;
# then a weight change whose inherited fixtures fail, `test --accept`, and `test`
# again; and `explain` with a misspelt id.
#   -DJXAUDIT=<exe> -DSOURCE=<source tree> -DWORK=<scratch folder>
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK}/rules/gz)

function(run expect_exit)
  execute_process(COMMAND ${JXAUDIT} --lang en ${ARGN} WORKING_DIRECTORY ${SOURCE}
                  OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE code)
  if(NOT code EQUAL expect_exit)
    message(FATAL_ERROR "jxaudit ${ARGN}: exit ${code}, expected ${expect_exit}\n${out}\n${err}")
  endif()
  set(out "${out}${err}" PARENT_SCOPE)
endfunction()

function(expect text)
  string(FIND "${out}" "${text}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "missing: ${text}\noutput:\n${out}")
  endif()
endfunction()

set(new ${WORK}/rules/gz/2027)
file(RELATIVE_PATH from_new ${new} ${SOURCE}/rules/gz/2026)
run(0 rules new ${new} --from rules/gz/2026)
expect("(extends ${from_new}, fiscal year 2027)")
expect("note: the calendar rules/calendars/cn-mainland.toml has no 2027 yet")
file(READ ${new}/manifest.toml manifest)
string(FIND "${manifest}" "name = \"广州市部门整体支出绩效自评（共性指标）2027\"" at)
if(at EQUAL -1)
  message(FATAL_ERROR "manifest:\n${manifest}")
endif()
file(READ ${new}/tests/base.json base)
string(FIND "${base}" "\"fiscal_year\": 2027" at)
string(FIND "${base}" "\"contract_signed\": \"2027-04-17\"" at2)
if(at EQUAL -1 OR at2 EQUAL -1)
  message(FATAL_ERROR "base:\n${base}")
endif()
run(2 rules new ${new} --from rules/gz/2026)  # never overwrites
run(0 test --no-coverage ${new})
expect(" passed, 0 failed\n")
run(0 rules diff rules/gz/2026 ${new})
expect("~ name: 广州市部门整体支出绩效自评（共性指标）2026 → 广州市部门整体支出绩效自评（共性指标）2027\n")
expect("~ fiscal years: 2026 → 2027\n")

# A weight moved from 采购合同签订时效性 to 合同备案时效性: 24 inherited cases fail.
file(APPEND ${new}/manifest.toml "
[[indicators]]
path = \"管理效率/采购管理/合同备案时效性\"
weight = 2

[[indicators]]
path = \"管理效率/采购管理/采购合同签订时效性\"
weight = 2
")
run(1 test --no-coverage ${new})
expect("FAIL rules/gz/2026/procurement/contract_filing.test.json › 2026 base: on time: full marks\n    score: expected 1, got 2\n")
run(0 test --no-coverage --accept ${new})
expect("    score: expected 1, got 2\n")  # the difference is shown first
expect("accepted 17 cases into ")
expect(" passed, 0 failed, 27 accepted\n")
expect("/rules/gz/2027/procurement/contract_filing.test.json (a copy of rules/gz/2026/procurement/contract_filing.test.json)\n")
run(0 test --no-coverage ${new})
expect(" passed, 0 failed\n")

# Accepting keeps relative dates: a point moved to 部门预算资金支出率 changes the
# "month 5 not given" case, whose subject the fixture writes "FY-05". Accepted
# in 2027 it must stay "FY-05" (not "2027-05"), or the next year's set that
# inherits the fixture fails.
file(APPEND ${new}/manifest.toml "
[[indicators]]
path = \"履职效能/部门整体绩效目标/部门预算资金支出率\"
weight = 11

[[indicators]]
path = \"履职效能/部门整体绩效目标/产出指标完成情况\"
weight = 19
")
run(0 test --no-coverage --accept ${new})
file(READ ${new}/performance/spending_rate.test.json accepted)
string(FIND "${accepted}" "\"subject\": \"FY-05\"" relative)
string(FIND "${accepted}" "2027-05" absolute)
if(relative EQUAL -1 OR NOT absolute EQUAL -1)
  message(FATAL_ERROR "the accepted month is not relative:\n${accepted}")
endif()
set(next ${WORK}/rules/gz/2028)
run(0 rules new ${next} --from ${new})
run(0 test --no-coverage ${next})
expect(" passed, 0 failed\n")
file(READ ${SOURCE}/rules/gz/2026/procurement/contract_filing.test.json original)
string(FIND "${original}" "\"score\": \"2\"" changed)
if(NOT changed EQUAL -1)
  message(FATAL_ERROR "the inherited fixture was edited")
endif()

run(2 explain CONTRACT_FILNG --ruleset rules/gz/2026)
expect("no rule \"CONTRACT_FILNG\" in rules/gz/2026; did you mean MGMT.PROC.CONTRACT_FILING, ")
