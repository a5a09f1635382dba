# A rule set without a calendar, on two departments (issue 14): the set loads,
# the rule that checks for the calendar notes its absence, the rule that uses
# it anyway is an engine error in each department's report with a message that
# says why, the exit code is 3 (incomplete), and stderr says it once per run.
#   -DJXAUDIT=<exe> -DWORKDIR=<source dir>
cmake_minimum_required(VERSION 3.20)
execute_process(COMMAND ${JXAUDIT} --lang en check --format json --jobs 2 --ruleset tests/rules/no_calendar
                        samples/gz-2023-dangan.json samples/gz-2023-dangshi.json
                WORKING_DIRECTORY ${WORKDIR}
                OUTPUT_VARIABLE out
                ERROR_VARIABLE err
                RESULT_VARIABLE code)
if(NOT code EQUAL 3)
  message(FATAL_ERROR "exit code ${code}, expected 3\nstdout:\n${out}\nstderr:\n${err}")
endif()
function(count_of haystack needle expected what)
  string(LENGTH "${needle}" n)
  set(count 0)
  set(rest "${haystack}")
  while(TRUE)
    string(FIND "${rest}" "${needle}" at)
    if(at EQUAL -1)
      break()
    endif()
    math(EXPR count "${count} + 1")
    math(EXPR at "${at} + ${n}")
    string(SUBSTRING "${rest}" ${at} -1 rest)
  endwhile()
  if(NOT count EQUAL expected)
    message(FATAL_ERROR "${what}: found ${count} times, expected ${expected}: ${needle}\nstdout:\n${out}\nstderr:\n${err}")
  endif()
endfunction()
set(rule tests/rules/no_calendar/rules/filing.lua)
count_of("${out}" "\"rule_id\":\"TEST.FILING\",\"indicator\":\"采购管理/合同备案时效性\",\"kind\":\"engine_error\",\"subject\":\"\",\"message\":\"${rule}:10: this rule counts with ctx.calendar, which is nil: the rule set's manifest names no calendar (calendar = \\\"cn-mainland\\\")\",\"points\":\"60.00\"" 2 "the engine error in each report")
count_of("${out}" "\"rule_id\":\"TEST.SIGNING\",\"indicator\":\"采购管理/合同签订\",\"kind\":\"note\",\"subject\":\"\",\"message\":\"规则集未指定日历：不按工作日核查\"" 2 "the guarded rule's note in each report")
count_of("${out}" "\"ruleset\":{\"id\":\"tests/rules/no_calendar\"" 2 "the rule set, cited by its directory (outside the rules root)")
count_of("${err}" "${rule}:10: rule TEST.FILING uses ctx.calendar, but the manifest.toml of tests/rules/no_calendar names no calendar (calendar = \"cn-mainland\"): its indicator is not scored, the check is incomplete" 1 "the warning on stderr")
count_of("${err}" "ctx.calendar" 1 "any other word of the calendar on stderr")
