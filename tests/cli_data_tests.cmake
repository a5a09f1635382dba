# Smoke tests of `jxaudit validate` through its exit status and exact output.
#
# PASS_REGULAR_EXPRESSION alone ignores the exit status, so each test runs
# jxaudit through this same file in script mode (cmake -P), which prints the
# output followed by "[exit N]"; the expression then checks both.

if(CMAKE_SCRIPT_MODE_FILE)
  # Script mode: cmake -DJXAUDIT=... -DARGS=a;b;c -P cli_data_tests.cmake
  execute_process(COMMAND ${JXAUDIT} ${ARGS} OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
  message("${out}${err}[exit ${rc}]")
  return()
endif()

set(jx_data_malformed_dir ${CMAKE_CURRENT_SOURCE_DIR}/data/malformed)

# Escapes the regular-expression characters of a literal text. A ';' becomes
# '.': test properties are lists, and a ';' would split the expression in two,
# either of which would then be enough to pass.
function(jx_regex_literal out text)
  string(REGEX REPLACE "([][.*+?^$(){}|\\\\])" "\\\\\\1" escaped "${text}")
  string(REPLACE ";" "." escaped "${escaped}")
  set(${out} "${escaped}" PARENT_SCOPE)
endfunction()

# jx_validate_test(NAME name DIR working_dir ARGS args... EXIT code OUTPUT lines... | REGEX expression)
# passes when jxaudit prints exactly OUTPUT (one argument per line), or output
# that REGEX matches, and exits with EXIT.
function(jx_validate_test)
  cmake_parse_arguments(PARSE_ARGV 0 T "" "NAME;DIR;EXIT;REGEX" "ARGS;OUTPUT")
  if(DEFINED T_REGEX)
    set(expected "${T_REGEX}")
  else()
    set(expected "^")
    foreach(line IN LISTS T_OUTPUT)
      jx_regex_literal(line "${line}")
      string(APPEND expected "${line}\n")
    endforeach()
  endif()
  add_test(NAME ${T_NAME}
           COMMAND ${CMAKE_COMMAND} -DJXAUDIT=$<TARGET_FILE:jxaudit> "-DARGS=${T_ARGS}"
                   -P ${CMAKE_CURRENT_SOURCE_DIR}/cli_data_tests.cmake
           WORKING_DIRECTORY ${T_DIR})
  set_tests_properties(${T_NAME} PROPERTIES PASS_REGULAR_EXPRESSION "${expected}\\[exit ${T_EXIT}\\]\n?$")
endfunction()

# --- valid data: exit 0 ------------------------------------------------------------
jx_validate_test(NAME cli.validate.sample DIR ${PROJECT_SOURCE_DIR}
  ARGS validate samples/gz-2023-dangan.json
  EXIT 0
  OUTPUT "samples/gz-2023-dangan.json：有效（0 个错误，0 个警告）")
jx_validate_test(NAME cli.validate.sample_en DIR ${PROJECT_SOURCE_DIR}
  ARGS --lang en validate samples/gz-2023-dangan.json
  EXIT 0
  OUTPUT "samples/gz-2023-dangan.json: valid (0 errors, 0 warnings)")
jx_validate_test(NAME cli.validate.sample_with_csv_tables DIR ${PROJECT_SOURCE_DIR}
  ARGS --lang en validate samples/gz-2023-dangan-csv/department.json
  EXIT 0
  OUTPUT "samples/gz-2023-dangan-csv/department.json: valid (0 errors, 0 warnings)")
jx_validate_test(NAME cli.validate.warnings_only DIR ${CMAKE_CURRENT_SOURCE_DIR}/data/valid
  ARGS --lang en validate unknown-field.json
  EXIT 0
  OUTPUT "unknown-field.json:5:73: warning: /department/联系人: unknown field \"联系人\" (not in the schema; kept)"
         "unknown-field.json:7:15: warning: /reviewer: unknown field \"reviewer\" (not in the schema; kept)"
         "unknown-field.json: valid (0 errors, 2 warnings)")

# Every shipped sample, flawed ones included (their flaws are for the rules, not the schema).
file(GLOB_RECURSE jx_samples RELATIVE ${PROJECT_SOURCE_DIR} CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/samples/*.json)
list(SORT jx_samples)
set(jx_sample_lines "")
foreach(sample IN LISTS jx_samples)
  list(APPEND jx_sample_lines "${sample}: valid (0 errors, 0 warnings)")
endforeach()
jx_validate_test(NAME cli.validate.every_sample DIR ${PROJECT_SOURCE_DIR}
  ARGS --lang en validate ${jx_samples}
  EXIT 0
  OUTPUT ${jx_sample_lines})

# --- malformed data: exit 2 and the exact message -------------------------------------
jx_validate_test(NAME cli.validate.malformed_en DIR ${jx_data_malformed_dir}
  ARGS --lang en validate money-1.2.3.json
  EXIT 2
  OUTPUT "money-1.2.3.json:12:14: error: /budget/spent: expected a decimal number (e.g. 1234.50), found the string \"1.2.3\""
         "money-1.2.3.json: invalid (1 error, 0 warnings)")
jx_validate_test(NAME cli.validate.malformed_zh DIR ${jx_data_malformed_dir}
  ARGS validate date-february-30.json
  EXIT 2
  OUTPUT "date-february-30.json:16:18: 错误: /source/published: 日期 \"2023-02-30\" 不存在"
         "date-february-30.json：无效（1 个错误，0 个警告）")
jx_validate_test(NAME cli.validate.syntax_error DIR ${jx_data_malformed_dir}
  ARGS --lang en validate syntax-fullwidth-colon.json
  EXIT 2
  OUTPUT "syntax-fullwidth-colon.json:4:15: error: full-width '：' (U+FF1A) is not JSON punctuation: use ':'"
         "syntax-fullwidth-colon.json: invalid (1 error, 0 warnings)")
jx_validate_test(NAME cli.validate.csv_error DIR ${jx_data_malformed_dir}
  ARGS validate csv-orphan-target.json
  EXIT 2
  OUTPUT "csv-orphan-target.targets.csv:3:1: 错误: project_id \"P99\" 找不到对应的上级记录；该行未载入"
         "csv-orphan-target.targets.csv:4:1: 错误: 该行没有 project_id，无法确定上级记录；该行未载入"
         "csv-orphan-target.json：无效（2 个错误，0 个警告）")
jx_validate_test(NAME cli.validate.table_option DIR ${jx_data_malformed_dir}
  ARGS --lang en validate option-tables.json --table monthly=missing.csv --table contracts=option-tables.json
  EXIT 2
  OUTPUT "option-tables.json:1:1: warning: /tables/contracts: the schema has no table \"contracts\"; the CSV was not read"
         "option-tables.json:1:1: error: /tables/monthly: cannot read CSV table missing.csv: no such file"
         "option-tables.json: invalid (1 error, 1 warning)")
jx_validate_test(NAME cli.validate.valid_and_malformed DIR ${PROJECT_SOURCE_DIR}
  ARGS --lang en validate samples/gz-2023-dangan.json tests/data/malformed/empty.json
  EXIT 2
  OUTPUT "samples/gz-2023-dangan.json: valid (0 errors, 0 warnings)"
         "tests/data/malformed/empty.json:1:1: error: the file is empty: expected a JSON object"
         "tests/data/malformed/empty.json: invalid (1 error, 0 warnings)")
jx_validate_test(NAME cli.validate.bad_table_option DIR ${jx_data_malformed_dir}
  ARGS --lang en validate empty.json --table monthly
  EXIT 2
  OUTPUT "jxaudit: error: --table expects NAME=PATH, got \"monthly\"")
jx_validate_test(NAME cli.validate.bad_table_option_zh DIR ${jx_data_malformed_dir}
  ARGS validate empty.json --table monthly
  EXIT 2
  OUTPUT "jxaudit: 错误: --table 应写作 名称=路径，却是“monthly”")

# Every file of the malformed corpus is rejected with exit code 2 (its exact
# diagnostics are checked by tests/unit/data_malformed_test.cpp).
file(GLOB jx_malformed RELATIVE ${jx_data_malformed_dir} CONFIGURE_DEPENDS ${jx_data_malformed_dir}/*.json)
foreach(file IN LISTS jx_malformed)
  set(options "")
  if(file STREQUAL "option-tables.json")
    set(options --table monthly=missing.csv)
  endif()
  jx_regex_literal(name "${file}")
  jx_validate_test(NAME cli.validate.malformed.${file} DIR ${jx_data_malformed_dir}
    ARGS --lang en validate ${file} ${options}
    EXIT 2
    REGEX "\n${name}: invalid \\([1-9][0-9]* errors?, [0-9]+ warnings?\\)\n")
endforeach()

# --- GBK CSV (issue 16): read as GB18030 with a warning naming the encoding ---------
jx_validate_test(NAME cli.validate.gbk_csv DIR ${CMAKE_CURRENT_SOURCE_DIR}/data/valid/gbk-csv
  ARGS validate department.json
  EXIT 0
  OUTPUT "projects.csv: 警告: 该 CSV 不是 UTF-8 编码，已按 GB18030（GBK）编码读取；请核对其中文字，或在 Excel 中另存为“CSV UTF-8”"
         "department.json：有效（0 个错误，1 个警告）")
jx_validate_test(NAME cli.validate.gbk_csv_en DIR ${CMAKE_CURRENT_SOURCE_DIR}/data/valid/gbk-csv
  ARGS --lang en validate department.json
  EXIT 0
  OUTPUT "projects.csv: warning: the CSV is not UTF-8; it was read as GB18030 (GBK): check its text, or save it as \"CSV UTF-8\" in Excel"
         "department.json: valid (0 errors, 1 warning)")
# The same score as the UTF-8 sample it was made from.
jx_validate_test(NAME cli.check.gbk_csv_scores_as_utf8 DIR ${CMAKE_CURRENT_SOURCE_DIR}/data/valid/gbk-csv
  ARGS check department.json
  EXIT 0
  REGEX "核定总分：98\\.92（优）    自评总分：98\\.92（优）.*projects\\.csv: 警告: 该 CSV 不是 UTF-8 编码，已按 GB18030（GBK）编码读取.*")

# --- Excel workbooks (issue 16; tests/data/xlsx/generate.py) ---------------------
set(jx_xlsx_dir ${CMAKE_CURRENT_SOURCE_DIR}/data/xlsx)
# The CSV sample as a workbook scores as the sample.
jx_validate_test(NAME cli.check.xlsx_sample_scores_as_json DIR ${jx_xlsx_dir}
  ARGS check sample.xlsx
  EXIT 0
  REGEX "^部门：广州市档案馆（GZ-004）[^\n]*\n[^\n]*\n文件：sample\\.xlsx\n核定总分：98\\.92（优）    自评总分：98\\.92（优）    结论：自评与核定不一致：采购政策效能 自评 9\\.99、核定 0\\.99；[^\n]*\n.*")
jx_validate_test(NAME cli.validate.xlsx_sample DIR ${jx_xlsx_dir}
  ARGS --lang en validate sample.xlsx
  EXIT 0
  OUTPUT "sample.xlsx: valid (0 errors, 0 warnings)")
jx_validate_test(NAME cli.validate.xlsx_old_xls DIR ${jx_xlsx_dir}
  ARGS validate old.xls
  EXIT 2
  OUTPUT "old.xls: 错误: 这是旧版 Excel 97-2003 工作簿（.xls），不能读取：请在 Excel 或 WPS 中另存为 .xlsx"
         "old.xls：无效（1 个错误，0 个警告）")
jx_validate_test(NAME cli.validate.xlsx_encrypted DIR ${jx_xlsx_dir}
  ARGS validate encrypted.xlsx
  EXIT 2
  OUTPUT "encrypted.xlsx: 错误: 工作簿已加密（设有打开密码），无法读取：请取消密码后另存为 .xlsx"
         "encrypted.xlsx：无效（1 个错误，0 个警告）")
jx_validate_test(NAME cli.validate.xlsx_not_a_workbook DIR ${jx_xlsx_dir}
  ARGS --lang en validate not-a-workbook.xlsx
  EXIT 2
  OUTPUT "not-a-workbook.xlsx: error: not an Excel workbook (an .xlsx is a zip archive; this file is not one): save it as .xlsx"
         "not-a-workbook.xlsx: invalid (1 error, 0 warnings)")
jx_validate_test(NAME cli.validate.xlsx_bad_cells DIR ${jx_xlsx_dir}
  ARGS validate bad-cells.xlsx
  EXIT 2
  OUTPUT "bad-cells.xlsx:基本信息!C8: 错误: 公式没有保存计算结果：请在 Excel 或 WPS 中打开该工作簿、重新计算并保存后再检查"
         "bad-cells.xlsx:基本信息!C8: 错误: /budget/adjusted: 缺少必填字段 \"adjusted\""
         "bad-cells.xlsx:采购!2:2: 错误: /procurements/0/budget: 缺少必填字段 \"budget\""
         "bad-cells.xlsx:采购!E2: 错误: “采购预算金额”列：单元格是错误值 #VALUE!"
         "bad-cells.xlsx:采购!G4: 错误: /procurements/1/intention_published: “采购意向公开日期”列：日期 \"2023-02-30\" 不存在"
         "bad-cells.xlsx:采购!H4: 错误: /procurements/1/contract_signed: “合同签订日期”列：应为日期 YYYY-MM-DD，实际为字符串 \"x\""
         "bad-cells.xlsx:采购!C5: 错误: /procurements/2/category: “采购品目类别”列：应为以下之一：goods、services、works；实际为 \"service\""
         "bad-cells.xlsx:采购!H5: 错误: /procurements/2/contract_signed: “合同签订日期”列：应为日期 YYYY-MM-DD，实际为字符串 \"60\""
         "bad-cells.xlsx：无效（8 个错误，0 个警告）")
