# Reliability tests (docs/reliability.md): determinism of batch output, fault
# injection through the command line, and regression tests for what the
# fuzzers (fuzz/) found. Shell scripts run from the source tree, each in a
# scratch directory of its own under the build tree.
set(JX_RELIABILITY ${CMAKE_CURRENT_LIST_DIR})
set(JX_RELIABILITY_WORK ${CMAKE_CURRENT_BINARY_DIR}/reliability)

foreach(format text json csv)
  add_test(NAME reliability.determinism.${format}
           COMMAND bash ${JX_RELIABILITY}/determinism.sh $<TARGET_FILE:jxaudit> ${PROJECT_SOURCE_DIR}
                   ${JX_RELIABILITY_WORK}/determinism-${format} ${format})
  set_tests_properties(reliability.determinism.${format} PROPERTIES LABELS "reliability" TIMEOUT 600)
endforeach()

foreach(case output-not-a-directory output-missing-directory output-permission-denied output-disk-full
             output-file-mode
             input-truncated-json input-truncated-csv ruleset-missing-rule calendar-missing calendar-unreadable
             lua-out-of-memory stdout-disk-full signal-removes-temp csv-formula-injection
             input-not-regular input-too-large output-is-input xml-encoding-error-is-quiet xml-doctype-refused validate-directory-and-stdin stdin-record-too-large stdin-memory-bounded)
  add_test(NAME reliability.fault.${case}
           COMMAND bash ${JX_RELIABILITY}/faults.sh $<TARGET_FILE:jxaudit> ${PROJECT_SOURCE_DIR}
                   ${JX_RELIABILITY_WORK}/fault-${case} ${case})
  set_tests_properties(reliability.fault.${case} PROPERTIES LABELS "reliability" SKIP_RETURN_CODE 77 TIMEOUT 300)
endforeach()
if(JX_SANITIZE)
  # Resident memory is no bound under ASan (shadow memory, quarantine): faults.sh skips that case.
  set_tests_properties(reliability.fault.stdin-memory-bounded PROPERTIES ENVIRONMENT "JX_SANITIZED=1")
endif()

# Regression tests, and every input under tests/data/regressions/TARGET/ run
# through the fuzz harness TARGET (compiled here with the normal compiler, so
# every build replays what the fuzzers once found).
add_executable(jx_reliability_tests
  ${JX_RELIABILITY}/regressions_test.cpp
  ${PROJECT_SOURCE_DIR}/fuzz/fuzz_decimal.cpp
  ${PROJECT_SOURCE_DIR}/fuzz/fuzz_json.cpp
  ${PROJECT_SOURCE_DIR}/fuzz/fuzz_csv.cpp
  ${PROJECT_SOURCE_DIR}/fuzz/fuzz_manifest.cpp
  ${PROJECT_SOURCE_DIR}/fuzz/fuzz_json_fast.cpp
  ${PROJECT_SOURCE_DIR}/fuzz/fuzz_csv_fast.cpp
  ${PROJECT_SOURCE_DIR}/fuzz/fuzz_xlsx.cpp
  ${PROJECT_SOURCE_DIR}/fuzz/fuzz_ndjson.cpp
  ${PROJECT_SOURCE_DIR}/engine/cli/record_reader.cpp
  ${PROJECT_SOURCE_DIR}/fuzz/fuzz_narrative_text.cpp
  ${PROJECT_SOURCE_DIR}/fuzz/fuzz_narrative_docx.cpp
  ${PROJECT_SOURCE_DIR}/fuzz/fuzz_narrative_pdf_text.cpp
  ${PROJECT_SOURCE_DIR}/fuzz/fuzz_narrative_diff.cpp
  ${PROJECT_SOURCE_DIR}/fuzz/fuzz_sandbox.cpp)
foreach(target decimal json csv manifest json_fast csv_fast xlsx ndjson narrative_text narrative_docx
               narrative_pdf_text narrative_diff sandbox)
  set_source_files_properties(${PROJECT_SOURCE_DIR}/fuzz/fuzz_${target}.cpp PROPERTIES
                              COMPILE_DEFINITIONS "LLVMFuzzerTestOneInput=jx_fuzz_${target}")
endforeach()
target_include_directories(jx_reliability_tests PRIVATE ${PROJECT_SOURCE_DIR}/fuzz)
find_package(PkgConfig REQUIRED)
pkg_check_modules(LIBZIP_RELIABILITY REQUIRED IMPORTED_TARGET libzip)
target_link_libraries(jx_reliability_tests PRIVATE jx_narrative jx_sandbox jx_calendar jx_rules jx_data jx_values GTest::gtest GTest::gtest_main spdlog::spdlog PkgConfig::LIBZIP_RELIABILITY jx_options)
target_compile_definitions(jx_reliability_tests PRIVATE JX_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
gtest_discover_tests(jx_reliability_tests DISCOVERY_TIMEOUT 60 PROPERTIES LABELS "reliability")

# An installed copy (cmake --install into a scratch prefix) checks a sample on its own.
add_test(NAME reliability.install
         COMMAND bash ${JX_RELIABILITY}/install.sh ${PROJECT_BINARY_DIR} ${PROJECT_SOURCE_DIR}
                 ${JX_RELIABILITY_WORK}/install)
set_tests_properties(reliability.install PROPERTIES LABELS "reliability" TIMEOUT 300)
