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
