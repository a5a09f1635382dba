# Excel in and out (issue 16): the template, the sample workbooks, a workbook
# written by a third-party program (openpyxl) and --format xlsx, each checked
# against the JSON report. Python is only the test driver.
find_package(Python3 COMPONENTS Interpreter)
set(jx_xlsx_tests ${CMAKE_CURRENT_BINARY_DIR}/xlsx)

# The template: the same bytes every time; blank, it validates to what is missing.
add_test(NAME xlsx.template.deterministic
         COMMAND bash -c "'$<TARGET_FILE:jxaudit>' template --year 2023 -o '${jx_xlsx_tests}-t1.xlsx' && \
TZ=Asia/Shanghai '$<TARGET_FILE:jxaudit>' --lang en template --year 2023 -o '${jx_xlsx_tests}-t2.xlsx' && \
'$<TARGET_FILE:jxaudit>' template --year 2023 -o '${jx_xlsx_tests}-t3.xlsx' && \
cmp '${jx_xlsx_tests}-t1.xlsx' '${jx_xlsx_tests}-t3.xlsx' && echo same bytes")
set_tests_properties(xlsx.template.deterministic PROPERTIES PASS_REGULAR_EXPRESSION "^same bytes\n$")
add_test(NAME xlsx.template.needs_a_year
         COMMAND bash -c "'$<TARGET_FILE:jxaudit>' --lang en template -o '${jx_xlsx_tests}-none.xlsx' 2>&1; echo \"[exit $?]\"")
set_tests_properties(xlsx.template.needs_a_year PROPERTIES
                     PASS_REGULAR_EXPRESSION "give the year with --year \\(e\\.g\\. --year 2023\\)\n\\[exit 2\\]")
# A binary workbook is not written to a terminal: script(1) gives jxaudit one.
add_test(NAME xlsx.report.not_to_a_terminal
         COMMAND script -qec "'$<TARGET_FILE:jxaudit>' --lang en check --format xlsx samples/gz-2023-dangan.json; echo \"[exit $?]\"" /dev/null
         WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
set_tests_properties(xlsx.report.not_to_a_terminal PROPERTIES
                     PASS_REGULAR_EXPRESSION "a workbook is a binary file: name the output with -o FILE\\.xlsx\r?\n\\[exit 2\\]")

if(Python3_Interpreter_FOUND)
  # samples/*.xlsx (scripts/make-sample-workbooks) score exactly as their JSON.
  foreach(sample dangan dangshi jiguan-gongwei)
    add_test(NAME xlsx.sample.${sample}
             COMMAND ${Python3_EXECUTABLE} ${PROJECT_SOURCE_DIR}/tests/e2e/same_report.py $<TARGET_FILE:jxaudit>
                     samples/gz-2023-${sample}.json samples/gz-2023-${sample}.xlsx
             WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
    set_tests_properties(xlsx.sample.${sample} PROPERTIES PASS_REGULAR_EXPRESSION "^same report: ")
  endforeach()
  add_test(NAME xlsx.sample.dangan_en
           COMMAND ${Python3_EXECUTABLE} ${PROJECT_SOURCE_DIR}/tests/e2e/same_report.py $<TARGET_FILE:jxaudit>
                   samples/gz-2023-dangan.json samples/gz-2023-dangan.xlsx --lang en
           WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
  set_tests_properties(xlsx.sample.dangan_en PROPERTIES PASS_REGULAR_EXPRESSION "^same report: ")
  # The committed workbook openpyxl wrote (tests/data/xlsx/openpyxl_fill.py).
  add_test(NAME xlsx.third_party.openpyxl_committed
           COMMAND ${Python3_EXECUTABLE} ${PROJECT_SOURCE_DIR}/tests/e2e/same_report.py $<TARGET_FILE:jxaudit>
                   samples/gz-2023-dangshi.json tests/data/xlsx/openpyxl-dangshi.xlsx
           WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
  set_tests_properties(xlsx.third_party.openpyxl_committed PROPERTIES PASS_REGULAR_EXPRESSION "^same report: ")

  # --format xlsx read back with the project's reader equals --format json: one
  # department, a batch with a department not checked, and in English.
  add_test(NAME xlsx.report.one
           COMMAND ${Python3_EXECUTABLE} ${PROJECT_SOURCE_DIR}/tests/e2e/xlsx_report.py $<TARGET_FILE:jxaudit>
                   $<TARGET_FILE:jx_xlsx_dump> ${jx_xlsx_tests}/one samples/gz-2023-dangan.xlsx
           WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
  add_test(NAME xlsx.report.batch
           COMMAND ${Python3_EXECUTABLE} ${PROJECT_SOURCE_DIR}/tests/e2e/xlsx_report.py $<TARGET_FILE:jxaudit>
                   $<TARGET_FILE:jx_xlsx_dump> ${jx_xlsx_tests}/batch samples tests/data/xlsx/bad-cells.xlsx
                   tests/e2e/bad-input/date-slashes.json
           WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
  add_test(NAME xlsx.report.batch_en
           COMMAND ${Python3_EXECUTABLE} ${PROJECT_SOURCE_DIR}/tests/e2e/xlsx_report.py $<TARGET_FILE:jxaudit>
                   $<TARGET_FILE:jx_xlsx_dump> ${jx_xlsx_tests}/batch_en --lang en samples/flawed
           WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
  set_tests_properties(xlsx.report.one xlsx.report.batch xlsx.report.batch_en PROPERTIES
                       PASS_REGULAR_EXPRESSION "the workbook reads back as the JSON report")
endif()

# The round trip: the template, filled by a third-party program (openpyxl)
# from the JSON sample, checks to the JSON sample's report. Needs Debian's
# python3-openpyxl (scripts/packages.txt): found beside whichever python3 has it.
find_program(jx_debian_python python3 PATHS /usr/bin NO_DEFAULT_PATH)
foreach(python IN ITEMS ${Python3_EXECUTABLE} ${jx_debian_python})
  if(NOT jx_openpyxl_python AND python)
    execute_process(COMMAND ${python} -c "import openpyxl" RESULT_VARIABLE jx_no_openpyxl OUTPUT_QUIET ERROR_QUIET)
    if(jx_no_openpyxl EQUAL 0)
      set(jx_openpyxl_python ${python})
    endif()
  endif()
endforeach()
if(jx_openpyxl_python)
  foreach(sample dangan dangshi jiguan-gongwei)
    add_test(NAME xlsx.round_trip.${sample}
             COMMAND bash -c "'$<TARGET_FILE:jxaudit>' template --year 2023 -o '${jx_xlsx_tests}-rt-${sample}-template.xlsx' && \
'${jx_openpyxl_python}' tests/data/xlsx/openpyxl_fill.py '${jx_xlsx_tests}-rt-${sample}-template.xlsx' \
samples/gz-2023-${sample}.json schemas/department.schema.json '${jx_xlsx_tests}-rt-${sample}.xlsx' && \
'${jx_openpyxl_python}' tests/e2e/same_report.py '$<TARGET_FILE:jxaudit>' samples/gz-2023-${sample}.json \
'${jx_xlsx_tests}-rt-${sample}.xlsx'"
             WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
    set_tests_properties(xlsx.round_trip.${sample} PROPERTIES PASS_REGULAR_EXPRESSION "same report: ")
  endforeach()
else()
  message(STATUS "python3-openpyxl not found: the xlsx round-trip tests are skipped")
endif()
