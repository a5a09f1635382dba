# `jxaudit narrative` end to end (issue 15): the seed reports as text, Word and
# PDF in every output format and language, waivers, --fail-on, and bad input
# (exit 2, the report listed as not checked with a clear message).
set(N tests/data/narrative)
jx_golden(NAME narrative.seeds.text GOLDEN narrative/seeds.txt
          ARGS narrative ${N}/seed004.txt ${N}/seed000.txt ${N}/seed002.txt)
jx_golden(NAME narrative.seed004.text_en GOLDEN narrative/seed004.en.txt ARGS --lang en narrative ${N}/seed004.txt)
jx_golden(NAME narrative.seed004.json GOLDEN narrative/seed004.json ARGS narrative --format json ${N}/seed004.txt)
jx_golden(NAME narrative.seed004.docx GOLDEN narrative/seed004.docx.txt ARGS narrative ${N}/seed004.docx)
jx_golden(NAME narrative.seed004.pdf GOLDEN narrative/seed004.pdf.txt ARGS --lang en narrative ${N}/seed004.pdf)
jx_golden(NAME narrative.gbk GOLDEN narrative/gbk.txt ARGS narrative ${N}/seed002-gbk.txt)
# A waived finding stays listed, marked, with its reason; it no longer fails --fail-on.
jx_golden(NAME narrative.waived GOLDEN narrative/waived.txt EXIT 1
          ARGS narrative --fail-on certain --waivers ${N}/seed004.waivers ${N}/seed004.txt)
jx_expect(NAME narrative.fail_on.suspected EXIT 1 ARGS narrative --fail-on suspected ${N}/seed000.txt ${N}/seed004.txt
          EXPECT "确定 2 · 疑似 1")
jx_expect(NAME narrative.fail_on.clean ARGS narrative --fail-on hint ${N}/seed000.txt ${N}/seed002.txt
          EXPECT "确定 0 · 疑似 0 · 提示 0")
# Bad input: every file is listed; the readable one is still checked; exit 2.
jx_golden(NAME narrative.bad_input GOLDEN narrative/bad.txt EXIT 2
          ARGS narrative ${N}/bad/not-a-docx.docx ${N}/bad/corrupt.docx ${N}/bad/encrypted.pdf ${N}/bad/corrupt.pdf
               ${N}/bad/empty.txt ${N}/bad/empty.docx ${N}/bad/empty.pdf ${N}/seed000.txt)
jx_golden(NAME narrative.bad_input_en GOLDEN narrative/bad.en.txt EXIT 2
          ARGS --lang en narrative --format json ${N}/bad/encrypted.pdf ${N}/bad/not-a-docx.docx)
jx_expect(NAME narrative.waivers_need_one_report EXIT 2
          ARGS narrative --waivers ${N}/seed004.waivers ${N}/seed000.txt ${N}/seed004.txt EXPECT "")
# Relations in Lua: an auditor's own folder (no rebuild); a runaway relation is
# stopped by the sandbox's budget and the check says it is incomplete (exit 3);
# a relation that does not load is bad input (exit 2).
jx_golden(NAME narrative.lua.auditor GOLDEN narrative/auditor.txt
          ARGS narrative --relations ${N}/auditor-relations ${N}/satisfaction.txt)
jx_golden(NAME narrative.lua.runaway GOLDEN narrative/runaway.txt EXIT 3
          ARGS --lang en narrative --relations ${N}/hostile-relations ${N}/satisfaction.txt)
jx_expect(NAME narrative.lua.shipped EXIT 1 ARGS narrative --fail-on certain ${N}/level-one-over.txt
          EXPECT "[确定] 履职效能得分 50.01 分超过其分值 50 分")
# The Lua relations pass luacheck with the rule sets' configuration (the sandbox's globals only).
find_program(LUACHECK luacheck)
if(LUACHECK)
  add_test(NAME narrative.lua.luacheck
           COMMAND ${LUACHECK} --no-color --config rules/.luacheckrc rules/narrative ${N}/auditor-relations
                   ${N}/hostile-relations
           WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
endif()
jx_golden(NAME narrative.csv GOLDEN narrative/seeds.csv EXIT 2
          ARGS narrative --format csv ${N}/seed004.pdf ${N}/bad/encrypted.pdf ${N}/seed000.txt)

# check --report (issue 15, deliverable 5): the report beside the data, in the
# same audit, verdict and every format. Seed 004 with its data (samples/
# gz-2023-dangan.json, entered from that report): the report's three findings,
# its 0.99 that is not the data's 9.99, and its 9.99 that is not the checked 0.99.
set(D tests/data/narrative/with-data)
jx_golden(NAME check_report.seed004.text GOLDEN narrative/check-seed004.txt
          ARGS check --color never samples/gz-2023-dangan.json --report ${N}/seed004.txt)
jx_golden(NAME check_report.seed004.pdf_en GOLDEN narrative/check-seed004.pdf.en.txt
          ARGS --lang en check --color never samples/gz-2023-dangan.json --report ${N}/seed004.pdf)
jx_golden(NAME check_report.seed004.docx_json GOLDEN narrative/check-seed004.docx.json
          ARGS check --format json samples/gz-2023-dangan.json --report ${N}/seed004.docx)
jx_golden(NAME check_report.seed004.csv GOLDEN narrative/check-seed004.csv
          ARGS check --format csv samples/gz-2023-dangan.json --report ${N}/seed004.txt)
jx_golden(NAME check_report.seed004.html GOLDEN narrative/check-seed004.html
          ARGS check --format html samples/gz-2023-dangan.json --report ${N}/seed004.txt)
# Seed 002 agrees with its data and its checked scorecard: nothing, and the verdict stands.
jx_expect(NAME check_report.seed002.agrees ARGS check --color never --fail-on gap samples/gz-2023-jiguan-gongwei.json
          --report ${N}/seed002.txt EXPECT "结论：自评与核定一致" "45 个数字事实；确定 0 · 疑似 0 · 提示 0 · 已豁免 0")
# Seed 000 states the department's own scores; the checked ones differ (as the verdict says).
jx_golden(NAME check_report.seed000.text GOLDEN narrative/check-seed000.txt
          ARGS check --color never samples/gz-2023-dangshi.json --report ${N}/seed000.txt)
# Every comparison with the data, firing and not, at the stated precision:
# 调整预算数 10606.2 ≠ 10606.10; 预算调整率 3.79% holds (3.7936…%), 3.81% does not;
# 支出进度 99.85% holds (99.850…%); 项目支出 4726.1 ≠ 4726.02 while 基本支出 5864.2
# holds for 5864.18; 分值 2 ≠ the rule set's 1; 得分 0.99 ≠ the data's 9.99 but is
# the checked 0.99; 履职效能 49.9 and 管理效率 48.9 hold for 49.93 and 48.99
# (truncated); the total 98.93 is neither the data's nor the checked 98.92.
jx_golden(NAME check_report.slips.text GOLDEN narrative/check-slips.txt
          ARGS check --color never samples/gz-2023-dangan.json --report ${D}/dangan-slips.txt)
jx_golden(NAME check_report.slips.waived GOLDEN narrative/check-slips-waived.en.txt EXIT 1
          ARGS --lang en check --color never --fail-on gap samples/gz-2023-dangan.json --report ${D}/dangan-slips.txt
               --waivers ${D}/dangan-slips.accepted)
# A report that cannot be read: the department is still checked and shown, exit 2.
jx_expect(NAME check_report.unreadable EXIT 2 ARGS check --color never samples/gz-2023-jiguan-gongwei.json
          --report ${N}/bad/encrypted.pdf EXPECT "未检查：tests/data/narrative/bad/encrypted.pdf：PDF 已加密")
jx_expect(NAME check_report.one_department EXIT 2 ARGS check samples/gz-2023-dangan.json samples/gz-2023-dangshi.json
          --report ${N}/seed004.txt EXPECT "")
# jxaudit narrative --format html: the same page style, quotes with their figures marked.
jx_golden(NAME narrative.html GOLDEN narrative/seeds.html ARGS narrative --format html ${N}/seed004.txt ${N}/seed000.txt)
if(Python3_Interpreter_FOUND AND jx_no_jsonschema EQUAL 0)
  add_test(NAME check_report.json_schema
           COMMAND ${Python3_EXECUTABLE} ${JX_E2E}/validate_findings.py ${PROJECT_SOURCE_DIR}/schemas/findings.schema.json
                   ${JX_E2E}/golden/narrative/check-seed004.docx.json)
  set_tests_properties(check_report.json_schema PROPERTIES PASS_REGULAR_EXPRESSION "^1 documents checked, 0 problems")
endif()

# jxaudit test and lint on the relations folder (issue 15, deliverable 3): the
# shipped relations' fixtures (rules/narrative/*.test.json, interval boundaries
# included) pass and lint is clean; a failing fixture and a misnamed relation
# without a fixture are reported exactly.
jx_golden(NAME narrative.relations.test GOLDEN narrative/relations-test.txt ARGS test rules/narrative)
jx_golden(NAME narrative.relations.lint GOLDEN narrative/relations-lint.txt ARGS lint rules/narrative)
jx_golden(NAME narrative.relations.test_fails GOLDEN narrative/relations-test-bad.txt EXIT 1
          ARGS test tests/data/narrative/bad-relations)
jx_golden(NAME narrative.relations.lint_fails GOLDEN narrative/relations-lint-bad.en.txt EXIT 1
          ARGS --lang en lint tests/data/narrative/bad-relations)
