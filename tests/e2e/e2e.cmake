# End-to-end tests: jxaudit run on the bundled samples and rule sets, from the
# source tree (paths in reports are relative to it). Argument lists travel to the
# -P scripts joined with '|', since ctest would split or mangle ';'.
set(JX_E2E ${CMAKE_CURRENT_LIST_DIR})

# jx_golden(NAME <test> GOLDEN <file under golden/> [EXIT <code>] ARGS <args...>)
function(jx_golden)
  cmake_parse_arguments(G "" "NAME;GOLDEN;EXIT" "ARGS" ${ARGN})
  if(NOT DEFINED G_EXIT)
    set(G_EXIT 0)
  endif()
  string(REPLACE ";" "|" args "${G_ARGS}")
  add_test(NAME ${G_NAME}
           COMMAND ${CMAKE_COMMAND} -DJXAUDIT=$<TARGET_FILE:jxaudit> "-DARGS=${args}"
                   -DGOLDEN=${JX_E2E}/golden/${G_GOLDEN} -DEXPECT_EXIT=${G_EXIT} -DWORKDIR=${PROJECT_SOURCE_DIR}
                   -P ${JX_E2E}/run_golden.cmake)
endfunction()

# jx_expect(NAME <test> [EXIT <code>] ARGS <args...> EXPECT <substrings...>)
function(jx_expect)
  cmake_parse_arguments(G "" "NAME;EXIT" "ARGS;EXPECT" ${ARGN})
  if(NOT DEFINED G_EXIT)
    set(G_EXIT 0)
  endif()
  string(REPLACE ";" "|" args "${G_ARGS}")
  string(REPLACE ";" "|" expect "${G_EXPECT}")
  add_test(NAME ${G_NAME}
           COMMAND ${CMAKE_COMMAND} -DJXAUDIT=$<TARGET_FILE:jxaudit> "-DARGS=${args}" "-DEXPECT=${expect}"
                   -DEXPECT_EXIT=${G_EXIT} -DWORKDIR=${PROJECT_SOURCE_DIR} -P ${JX_E2E}/expect_contains.cmake)
endfunction()

# --- every shipped rule set: fixtures pass and lint is clean ---
foreach(set gz/2023 gz/2024)
  string(REPLACE "/" "_" id ${set})
  jx_expect(NAME rules.test.${id} ARGS test rules/${set} EXPECT " 个通过，0 个失败\n")
  jx_expect(NAME rules.lint.${id} ARGS --lang en lint rules/${set} EXPECT " 0 problems\n")
endforeach()

# --- the seed reports score as they say (issue 5): 市档案馆 2023 ---
jx_expect(NAME seed.dangan_2023_scores
  ARGS --lang en check --format json samples/gz-2023-dangan.json
  EXPECT "\"path\":\"履职效能/部门整体绩效目标/部门预算资金支出率\",\"leaf\":true,\"weight\":\"10.00\",\"score\":\"9.99\""
         "\"path\":\"管理效率/采购管理/采购政策效能\",\"leaf\":true,\"weight\":\"1.00\",\"score\":\"0.99\""
         "\"path\":\"管理效率/采购管理/合同备案时效性\",\"leaf\":true,\"weight\":\"1.00\",\"score\":\"0.00\""
         "\"path\":\"履职效能/部门整体绩效目标/产出指标完成情况\",\"leaf\":true,\"weight\":\"20.00\",\"score\":\"19.94\""
         "\"path\":\"履职效能\",\"leaf\":false,\"weight\":\"50.00\",\"score\":\"49.93\""
         "\"path\":\"管理效率\",\"leaf\":false,\"weight\":\"50.00\",\"score\":\"48.99\""
         "\"complete\":true,\"total\":\"98.92\",\"grade\":\"优\"")
# The same department from CSV tables scores the same.
jx_expect(NAME seed.dangan_2023_csv_scores
  ARGS check --format json samples/gz-2023-dangan-csv/department.json
  EXPECT "\"complete\":true,\"total\":\"98.92\",\"grade\":\"优\"")

# --- golden files: every format on a sample; the batch in every format ---
jx_golden(NAME e2e.check.text.dangan GOLDEN dangan.txt ARGS check --color never samples/gz-2023-dangan.json)
jx_golden(NAME e2e.check.text_en.dangan GOLDEN dangan.en.txt
          ARGS --lang en check --color never samples/gz-2023-dangan.json)
jx_golden(NAME e2e.check.json.dangan GOLDEN dangan.json ARGS check --format json samples/gz-2023-dangan.json)
jx_golden(NAME e2e.check.csv.dangan GOLDEN dangan.csv ARGS check --format csv samples/gz-2023-dangan.json)
# A batch with findings: exit 1 with --fail-on deduction. Determinism: the same
# bytes with 1 or 2 jobs and with the files named in another order.
foreach(format txt json csv)
  set(fmt ${format})
  if(format STREQUAL "txt")
    set(fmt text)
  endif()
  jx_golden(NAME e2e.batch.${format}.jobs1 GOLDEN flawed-batch.${format} EXIT 1
            ARGS check --format ${fmt} --color never --fail-on deduction --jobs 1 samples/flawed)
  jx_golden(NAME e2e.batch.${format}.jobs2_shuffled GOLDEN flawed-batch.${format} EXIT 1
            ARGS check --format ${fmt} --color never --fail-on deduction --jobs 2
                 samples/flawed/12-disclosure-late.json samples/flawed/03-sme-setaside.json samples/flawed)
endforeach()

# --- invalid data is never scored (issue 12) ---
# Each mistake of tests/e2e/bad-input (see its generate.py): exit 2, no score,
# the located diagnostic. Then the whole directory as a batch in every format:
# the valid department (ok.json) is still checked, the others are not.
foreach(bad boolean-chinese-yes csv-gbk date-chinese date-excel-serial date-february-29 date-september-31
            date-slashes duplicate-key money-empty-string money-negative-budget money-thousands-separator
            money-unit-wan money-with-unit)
  jx_golden(NAME e2e.bad_input.${bad} GOLDEN bad-input/${bad}.txt EXIT 2
            ARGS check --color never tests/e2e/bad-input/${bad}.json)
endforeach()
jx_golden(NAME e2e.bad_input.english GOLDEN bad-input/money-with-unit.en.txt EXIT 2
          ARGS --lang en check --color never tests/e2e/bad-input/money-with-unit.json)
# A department no rule set applies to is not checked either: each problem of the rule set, located.
jx_expect(NAME e2e.bad_input.no_rule_set EXIT 2
  ARGS check --color never --ruleset tests/e2e/bad-input/no-such-rule-set tests/e2e/bad-input/ok.json
  EXPECT "结论：未检查：数据有 2 个错误，不评分\n\n数据问题\n"
         "- tests/e2e/bad-input/ok.json: 错误: tests/e2e/bad-input/no-such-rule-set: no manifest.toml in the rule-set directory\n"
         "- tests/e2e/bad-input/ok.json: 错误: tests/e2e/bad-input/no-such-rule-set/manifest.toml: no indicators\n")
foreach(format txt json csv html)
  set(fmt ${format})
  if(format STREQUAL "txt")
    set(fmt text)
  endif()
  jx_golden(NAME e2e.bad_input.batch.${format} GOLDEN bad-input/batch.${format} EXIT 2
            ARGS check --format ${fmt} --color never --jobs 2 tests/e2e/bad-input)
endforeach()

# --- an honest verdict (issue 12): 一致 only when every self score agrees and every self-check passes ---
# Seed 004 states 采购政策效能 9.99 of 1: its totals agree, its verdict must not.
jx_expect(NAME seed.dangan_2023_verdict EXIT 1
  ARGS check --color never --fail-on gap samples/gz-2023-dangan.json
  EXPECT "结论：自评与核定不一致：采购政策效能 自评 9.99、核定 0.99；自评报告核对 2 项未通过（采购政策效能：自评得分 9.99 超过分值 1等）"
         "- 管理效率/采购管理/采购政策效能: 自评得分 9.99 超过分值 1\n    数据：samples/gz-2023-dangan.json:609:27\n"
         "- 管理效率: 下级指标自评得分合计 57.99，与本级自评得分 48.99 不一致\n")
jx_expect(NAME seed.dangan_2023_verdict_json EXIT 1
  ARGS check --format json --fail-on gap samples/gz-2023-dangan.json
  EXPECT "\"verdict\":{\"kind\":\"disagrees\",\"text_zh\":\"自评与核定不一致：采购政策效能 自评 9.99、核定 0.99；"
         "\"differences\":[{\"indicator\":\"管理效率/采购管理/采购政策效能\",\"score\":\"0.99\",\"self_score\":\"9.99\",\"source\":\"samples/gz-2023-dangan.json:609:27\"}]}")
# Spending 999.70 of 1000 is 99.97%: a report stating 99.7 is flagged; 99.97, and 99.9 (truncated), are not.
foreach(case wrong right truncated)
  jx_golden(NAME e2e.verdict.stated_rate_${case} GOLDEN verdict/stated-rate-${case}.txt
            ARGS check --color never tests/e2e/verdict/stated-rate-${case}.json)
endforeach()

# --- the batch summary carries each department's verdict, in English with --lang en (text, HTML here;
# the CSV summary, a file of its own, in outputs.cmake;
# JSON's stable names and the Chinese labels are in the golden files above) ---
set(jx_summary_batch samples/flawed/00-clean-baseline.json samples/flawed/01-procurement-intention.json
    tests/e2e/bad-input/date-slashes.json)
jx_expect(NAME e2e.summary.verdict_en.text EXIT 2 ARGS --lang en check --color never ${jx_summary_batch}
  EXPECT "Department                  Checked    Self    Gap  Grade      Verdict    Findings  File\n"
         "  agrees            0  samples/flawed/00-clean-baseline.json\n"
         "  disagrees         3  samples/flawed/01-procurement-intention.json\n"
         "not checked (bad input): tests/e2e/bad-input/date-slashes.json\n")
jx_expect(NAME e2e.summary.verdict_en.html EXIT 2 ARGS --lang en check --format html ${jx_summary_batch}
  EXPECT "<td class=\"verdict ok\">agrees</td>" "<td class=\"verdict bad\">disagrees</td>"
         "<span>1 disagreeing</span>")

# --- a date the calendar does not cover: the engine error names that date (2027-01-05, the
# filing), not 1 January of the missing year (issue 14) ---
jx_expect(NAME e2e.calendar.error_names_the_date EXIT 3
  ARGS --lang en check --format json tests/e2e/calendar/filed-after-calendar.json
  EXPECT "\"kind\":\"engine_error\",\"subject\":\"\",\"message\":\"rules/gz/2023/procurement/contract_filing.lua:59: no holiday calendar for 2027 (date 2027-01-05): cn-mainland covers 2021–2026\",\"points\":\"1.00\"")

# --- check --compare-rulesets A B with any number of departments (issue 14): per
# department, then across them; text, JSON and CSV; English with --lang en ---
# B (tests/e2e/compare/stricter) is the 2023 set with a looser filing deadline and
# a dearer spending schedule: two departments gain a point, two lose some.
set(jx_compare check --compare-rulesets rules/gz/2023 tests/e2e/compare/stricter samples/gz-2023-dangan.json
    samples/gz-2023-dangshi.json samples/flawed/04-spending-schedule.json samples/flawed/02-procurement-contract.json)
jx_golden(NAME e2e.compare.text GOLDEN compare/four.txt ARGS ${jx_compare})
jx_golden(NAME e2e.compare.text_en GOLDEN compare/four.en.txt ARGS --lang en ${jx_compare})
jx_golden(NAME e2e.compare.json GOLDEN compare/four.json ARGS ${jx_compare} --format json)
jx_golden(NAME e2e.compare.csv GOLDEN compare/four.csv ARGS ${jx_compare} --format csv)
# One department: no summary. A file that cannot be checked: listed in the summary, exit 2.
jx_golden(NAME e2e.compare.one GOLDEN compare/one.txt
          ARGS check --compare-rulesets rules/gz/2023 rules/gz/2024 samples/gz-2023-dangan.json)
# A format compare does not write: the whole output is the refusal.
add_test(NAME e2e.compare.html_refused
         COMMAND jxaudit --lang en check --compare-rulesets rules/gz/2023 rules/gz/2024 --format html
                 samples/gz-2023-dangan.json
         WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
set_tests_properties(e2e.compare.html_refused PROPERTIES PASS_REGULAR_EXPRESSION
                     "^jxaudit: --compare-rulesets writes text, json or csv, not html\n$")
jx_golden(NAME e2e.compare.bad_input GOLDEN compare/bad-input.json EXIT 2
          ARGS check --compare-rulesets rules/gz/2023 tests/e2e/compare/stricter --format json
               samples/gz-2023-dangan.json tests/e2e/bad-input/date-slashes.json)

# --- the JSON reports (golden files above, so the same bytes jxaudit writes) match schemas/findings.schema.json ---
find_package(Python3 COMPONENTS Interpreter)
if(Python3_Interpreter_FOUND)
  execute_process(COMMAND ${Python3_EXECUTABLE} -c "import jsonschema" RESULT_VARIABLE jx_no_jsonschema
                  OUTPUT_QUIET ERROR_QUIET)
endif()
if(Python3_Interpreter_FOUND AND jx_no_jsonschema EQUAL 0)
  add_test(NAME e2e.json_schema.findings
           COMMAND ${Python3_EXECUTABLE} ${JX_E2E}/validate_findings.py ${PROJECT_SOURCE_DIR}/schemas/findings.schema.json
                   ${JX_E2E}/golden/dangan.json ${JX_E2E}/golden/flawed-batch.json ${JX_E2E}/golden/bad-input/batch.json)
  set_tests_properties(e2e.json_schema.findings PROPERTIES PASS_REGULAR_EXPRESSION "^29 documents checked, 0 problems")
endif()

# --- one language throughout (issue 14 part 5): every format of every sample, `narrative`,
# the errors and --help, in Chinese and in English; no word of the other language
# (data, identifiers and paths aside: see the script) ---
if(Python3_Interpreter_FOUND)
  add_test(NAME e2e.language.one_language_throughout
           COMMAND ${Python3_EXECUTABLE} ${JX_E2E}/language_check.py $<TARGET_FILE:jxaudit> ${PROJECT_SOURCE_DIR}
                   ${CMAKE_CURRENT_BINARY_DIR}/language-check)
  set_tests_properties(e2e.language.one_language_throughout PROPERTIES
                       PASS_REGULAR_EXPRESSION " outputs read, 0 with words of the other language")
endif()
