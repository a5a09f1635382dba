# Files in, files out (issue 14): the batch summary as a file of its own
# (--summary), validate --format json, "did you mean" for unknown commands,
# and the shell completions and man page generated from the CLI's definition.

# jx_file_golden(NAME <test> OUT <file name> GOLDEN <file under golden/> [STDOUT_GOLDEN <file>] [EXIT <code>] ARGS <args; %OUT% for the file>)
function(jx_file_golden)
  cmake_parse_arguments(G "" "NAME;OUT;GOLDEN;STDOUT_GOLDEN;EXIT" "ARGS" ${ARGN})
  if(NOT DEFINED G_EXIT)
    set(G_EXIT 0)
  endif()
  string(REPLACE ";" "|" args "${G_ARGS}")
  set(stdout_golden)
  if(DEFINED G_STDOUT_GOLDEN)
    set(stdout_golden -DSTDOUT_GOLDEN=${JX_E2E}/golden/${G_STDOUT_GOLDEN})
  endif()
  add_test(NAME ${G_NAME}
           COMMAND ${CMAKE_COMMAND} -DJXAUDIT=$<TARGET_FILE:jxaudit> "-DARGS=${args}"
                   -DOUT=${CMAKE_CURRENT_BINARY_DIR}/e2e-out/${G_NAME}/${G_OUT}
                   -DGOLDEN=${JX_E2E}/golden/${G_GOLDEN} ${stdout_golden} -DEXPECT_EXIT=${G_EXIT}
                   -DWORKDIR=${PROJECT_SOURCE_DIR} -P ${JX_E2E}/run_file_golden.cmake)
endfunction()

# --- --summary FILE: one table, one row per department; the format from the extension ---
# CSV: the findings report is one table (no summary after it), the summary its own file.
jx_file_golden(NAME e2e.summary.csv OUT summary.csv GOLDEN summary/flawed-summary.csv
               STDOUT_GOLDEN flawed-batch.csv
               ARGS check --format csv --jobs 2 --summary %OUT% samples/flawed)
jx_file_golden(NAME e2e.summary.csv_en OUT summary.csv GOLDEN summary/bad-input-summary.en.csv EXIT 2
               ARGS --lang en check --format csv --jobs 2 --summary %OUT% tests/e2e/bad-input)
# The verdict column in English: agrees, disagrees, invalid data.
jx_file_golden(NAME e2e.summary.verdict_en.csv OUT summary.csv GOLDEN summary/verdict.en.csv EXIT 2
               ARGS --lang en check --format csv --summary %OUT% samples/flawed/00-clean-baseline.json
                    samples/flawed/01-procurement-intention.json tests/e2e/bad-input/date-slashes.json)
# JSON and text: the report no longer ends with the summary when it has a file of its own.
jx_file_golden(NAME e2e.summary.json OUT summary.json GOLDEN summary/flawed-summary.json
               STDOUT_GOLDEN summary/flawed-batch-without-summary.json
               ARGS check --format json --jobs 2 --summary %OUT% samples/flawed)
jx_file_golden(NAME e2e.summary.text OUT summary.txt GOLDEN summary/flawed-summary.txt
               ARGS check --color never --jobs 1 --summary %OUT% samples/flawed)
# A single department gets its summary too when asked.
jx_file_golden(NAME e2e.summary.single OUT summary.csv GOLDEN summary/dangan-summary.csv
               ARGS check --format html --summary %OUT% samples/gz-2023-dangan.json)
# jx_stderr(NAME <test> EXPECT <regex over stderr and "exit=N"> ARGS <args>): the message and the exit code.
function(jx_stderr)
  cmake_parse_arguments(G "" "NAME;EXPECT" "ARGS" ${ARGN})
  string(REPLACE ";" " " args "${G_ARGS}")
  add_test(NAME ${G_NAME} COMMAND bash -c "$<TARGET_FILE:jxaudit> ${args} 2>&1 >/dev/null; echo exit=$?"
           WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
  set_tests_properties(${G_NAME} PROPERTIES PASS_REGULAR_EXPRESSION "${G_EXPECT}")
endfunction()
jx_stderr(NAME e2e.summary.bad_extension
  ARGS --lang en check --format html --summary summary.html samples/gz-2023-dangan.json
  EXPECT "^jxaudit: error: --summary summary.html: the summary file must end in .csv, .json or .txt and differ from -o\nexit=2\n$")

# --- validate --format json (schemas/validation.schema.json) ---
jx_golden(NAME e2e.validate.json GOLDEN validate/mixed.json EXIT 2
          ARGS validate --format json tests/e2e/bad-input/date-slashes.json samples/gz-2023-dangan.json
               tests/e2e/bad-input/csv-gbk.json)
jx_golden(NAME e2e.validate.json_en GOLDEN validate/mixed.en.json EXIT 2
          ARGS --lang en validate --format json tests/e2e/bad-input/date-slashes.json samples/gz-2023-dangan.json
               tests/e2e/bad-input/csv-gbk.json)
jx_golden(NAME e2e.validate.json_valid GOLDEN validate/valid.json
          ARGS validate --format json samples/gz-2023-dangan.json samples/gz-2023-dangan-csv/department.json)
if(Python3_Interpreter_FOUND AND jx_no_jsonschema EQUAL 0)
  add_test(NAME e2e.json_schema.validation
           COMMAND ${Python3_EXECUTABLE} ${JX_E2E}/validate_findings.py --format jxaudit.validation/1
                   ${PROJECT_SOURCE_DIR}/schemas/validation.schema.json ${JX_E2E}/golden/validate/mixed.json
                   ${JX_E2E}/golden/validate/mixed.en.json ${JX_E2E}/golden/validate/valid.json)
  set_tests_properties(e2e.json_schema.validation PROPERTIES PASS_REGULAR_EXPRESSION "^3 documents checked, 0 problems")
endif()

# --- "did you mean" for an unknown command, in the user's language, exit 2 ---
jx_stderr(NAME cli.unknown_command ARGS chek samples/gz-2023-dangan.json
  EXPECT "^jxaudit：未知命令“chek”；您是否要用 “check”？（jxaudit --help 列出所有命令）\nexit=2\n$")
jx_stderr(NAME cli.unknown_command_en ARGS --lang en rules dif rules/gz/2023 rules/gz/2024
  EXPECT "^jxaudit: unknown command \"rules dif\"; did you mean \"rules diff\"\\? \\(jxaudit rules --help lists them all\\)\nexit=2\n$")
jx_stderr(NAME cli.unknown_command_far ARGS --lang en frobnicate
  EXPECT "^jxaudit: unknown command \"frobnicate\" \\(jxaudit --help lists them all\\)\nexit=2\n$")

# --- a command line CLI11 cannot parse: the kind of mistake in Chinese, CLI11's detail after it ---
jx_stderr(NAME cli.parse_error_zh ARGS check --format foo samples/gz-2023-dangan.json
  EXPECT "^jxaudit：参数值无效：--format: foo not in \\{text,json,csv,html,xlsx\\}\n用 jxaudit --help 查看用法。\nexit=2\n$")
jx_stderr(NAME cli.parse_error_missing_zh ARGS check
  EXPECT "^jxaudit：缺少必需的参数或选项：data is required\n用 jxaudit --help 查看用法。\nexit=2\n$")
jx_stderr(NAME cli.parse_error_en ARGS --lang en check
  EXPECT "^jxaudit: data is required\nRun jxaudit --help for more information.\nexit=2\n$")

# --- completions and man page: generated at build time, naming every command and option of --help ---
if(Python3_Interpreter_FOUND)
  add_test(NAME cli.generated_docs
         COMMAND ${Python3_EXECUTABLE} ${JX_E2E}/check_cli_docs.py $<TARGET_FILE:jxaudit>
                 ${PROJECT_BINARY_DIR}/generated/share/jxaudit.bash ${PROJECT_BINARY_DIR}/generated/share/_jxaudit
                 ${PROJECT_BINARY_DIR}/generated/share/jxaudit.1)
  set_tests_properties(cli.generated_docs PROPERTIES PASS_REGULAR_EXPRESSION " options, 0 problems\n")
endif()
