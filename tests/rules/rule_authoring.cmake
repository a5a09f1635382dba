# Rule authors' commands on small rule sets under tests/rules (issue 17): test,
# lint, rules new, explain. Uses jx_expect from tests/e2e/e2e.cmake.
set(JX_RULES_TESTS ${CMAKE_CURRENT_LIST_DIR})

# A second rule file on a leaf that already has one: the newcomer is refused
# (named, with the file to edit or replace), the original keeps running and its
# 234 fixture cases pass; the output is the same on every run.
jx_expect(NAME rules.test.two_rules_one_leaf EXIT 1
  ARGS --lang en test --no-coverage tests/rules/two_rules_one_leaf
  EXPECT "tests/rules/two_rules_one_leaf/procurement/a_late_filing.lua: indicator \"管理效率/采购管理/合同备案时效性\" already has a rule: edit or replace rules/gz/2023/procurement/contract_filing.lua\n"
         "\n234 passed, 1 failed\n")

# Every shipped rule set: its fixtures pass and lint has no problem (English
# messages, for stable substrings). 2026 has one warning: the calendar has no
# 2027 yet, for contracts signed in December 2026.
foreach(set gz/2025 gz/2026)
  string(REPLACE "/" "_" id ${set})
  jx_expect(NAME rules.test.${id} ARGS test rules/${set} EXPECT " 个通过，0 个失败\n")
endforeach()
jx_expect(NAME rules.lint.gz_2025 ARGS --lang en lint rules/gz/2025 EXPECT " 0 problems\n")
jx_expect(NAME rules.lint.gz_2026 ARGS --lang en lint rules/gz/2026
  EXPECT "rules/gz/2023/manifest.toml:14:12: warning: the calendar rules/calendars/cn-mainland.toml covers 2021–2026, not 2027 yet: contracts signed in December 2026 and filed in January 2027 cannot be checked"
         " 0 problems, 1 warning\n")
# The two deadlines of issue 17, counted by the shipped filing rule's 2026 fixture.
jx_expect(NAME rules.test.gz_2026_filing ARGS test --no-coverage --rule MGMT.PROC.CONTRACT_FILING rules/gz/2026
  EXPECT "17 个通过，0 个失败\n")

# luacheck over every shipped rule set (rules/.luacheckrc: the sandbox's globals).
find_program(JX_LUACHECK luacheck)
if(JX_LUACHECK)
  add_test(NAME rules.luacheck.shipped
           COMMAND ${JX_LUACHECK} --no-color --config rules/.luacheckrc rules/gz
           WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
endif()

# lint knows the data: each mistake of lint_mistakes/procurement/contract_filing.lua,
# with file:line, in English with --lang en and in Chinese by default.
set(mistakes tests/rules/lint_mistakes/procurement/contract_filing.lua)
jx_expect(NAME rules.lint.mistakes_en EXIT 1 ARGS --lang en lint tests/rules/lint_mistakes
  EXPECT "${mistakes}:10: p.contract_sign: the department schema has no field \"contract_sign\" here; did you mean contract_signed, contract_filed?\n"
         "${mistakes}:11: parameter \"contract_filing_workdays\" is not in the rule set's [params]; did you mean contract_filing_working_days, contract_signing_days?\n"
         "${mistakes}:13: points ctx.weight / 3 divide but are not rounded"
         "${mistakes}:18: float literal 0.25: binary floating point is not exact on money; write dec(\"0.25\")\n"
         "rules/gz/2023/manifest.toml:14:12: the calendar rules/calendars/cn-mainland.toml covers 2021–2026, not the fiscal year 2027"
         "lint: 26 rules, 5 problems, 1 warning\n")
jx_expect(NAME rules.lint.mistakes_zh EXIT 1 ARGS lint tests/rules/lint_mistakes
  EXPECT "${mistakes}:10: p.contract_sign：部门数据结构中没有字段“contract_sign”；是否要写：contract_signed、contract_filed？\n"
         "${mistakes}:18: 浮点数字面量 0.25：二进制浮点数不能精确表示金额，请写 dec(\"0.25\")\n"
         "lint：26 条规则，5 个问题，1 个警告\n")
# A second rule on a leaf: lint refuses it, naming the file to edit or replace.
jx_expect(NAME rules.lint.two_rules_one_leaf EXIT 1 ARGS --lang en lint tests/rules/two_rules_one_leaf
  EXPECT "tests/rules/two_rules_one_leaf/procurement/a_late_filing.lua:4: indicator \"管理效率/采购管理/合同备案时效性\" already has a rule, rules/gz/2023/procurement/contract_filing.lua: a leaf has one rule, so this file does not run; edit or replace rules/gz/2023/procurement/contract_filing.lua")
# A calendar named wrongly: the message names the manifest key and its line.
jx_expect(NAME rules.test.calendar_missing EXIT 2 ARGS --lang en test tests/rules/calendar_missing
  EXPECT "tests/rules/calendar_missing/manifest.toml:7:12: manifest key `calendar`: no calendar named \"cn-mainlnd\""
         "/rules/calendars/cn-mainlnd.toml does not exist); did you mean calendar = \"cn-mainland\"?\n")
# rules new, test and rules diff make and check a 2027 set in three commands;
# test --accept shows the differences, then writes the child's own fixtures;
# explain suggests ids.
add_test(NAME rules.annual_update
         COMMAND ${CMAKE_COMMAND} -DJXAUDIT=$<TARGET_FILE:jxaudit> -DSOURCE=${PROJECT_SOURCE_DIR}
                 -DWORK=${CMAKE_CURRENT_BINARY_DIR}/annual_update -P ${JX_RULES_TESTS}/annual_update.cmake)

# Coverage lists, per rule, the lines the fixtures never ran (here the check that
# the manifest's three part points add up to the weight, which no fixture breaks);
# a yes/no rule is data only; lib lines run at load (evidence.yes_no) count as run.
jx_expect(NAME rules.test.coverage_never_ran ARGS test --rule MGMT.PERF.RULES_FOLLOWED rules/gz/2023
  EXPECT "覆盖（用例从未运行的行）：\n    rules/gz/2023/perf_mgmt/rules_followed.lua：25 行中运行过 23 行；从未运行：45-46\n")
jx_expect(NAME rules.test.coverage_yes_no ARGS --lang en test --rule MGMT.ASSETS.INVENTORY rules/gz/2023
  EXPECT "    rules/gz/2023/assets/inventory.lua: no function of its own (it runs when it loads)\n"
         "    rules/gz/2023/lib/evidence.lua: 63 of 98 lines ran; never: 24-28, 30-31, 44, 105-108, 110-118, 120, 122-132, 135-136\n")

# A rule set without a calendar (issue 14): accepted; ctx.calendar is nil; one
# message per run on stderr, the engine error in each department's report.
add_test(NAME rules.no_calendar
         COMMAND ${CMAKE_COMMAND} -DJXAUDIT=$<TARGET_FILE:jxaudit> -DWORKDIR=${PROJECT_SOURCE_DIR}
                 -P ${JX_RULES_TESTS}/no_calendar.cmake)
# lint has no calendar to check the years of: its only problems are the two
# rules without fixtures (a set made for this test), none about a calendar.
jx_expect(NAME rules.lint.no_calendar EXIT 1 ARGS --lang en lint tests/rules/no_calendar
  EXPECT "tests/rules/no_calendar/rules/filing.lua:1: no fixtures (rules/filing.test.json beside the rule)\n"
         "tests/rules/no_calendar/rules/signing.lua:1: no fixtures (rules/signing.test.json beside the rule)\n"
         "lint: 2 rules, 2 problems\n")

# rules list: the shipped sets by short name, and those of --rules DIR.
jx_golden(NAME rules.list.text GOLDEN rules-list.txt ARGS rules list)
jx_golden(NAME rules.list.text_en GOLDEN rules-list.en.txt ARGS --lang en rules list --rules tests/rules)
jx_golden(NAME rules.list.json GOLDEN rules-list.json ARGS rules list --format json --rules tests/rules)
