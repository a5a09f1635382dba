# Browser tests of the HTML report (issue 6): jxaudit's HTML opened in headless
# Chromium (Debian's chromium package; scripts/packages.txt lists it, so the
# project's set-up installs it). Each case runs from the source tree in a
# scratch directory of its own; a case exits 77 (skipped) only when chromium is
# missing. Label "browser": `ctest -L browser` runs just these.
set(JX_BROWSER_WORK ${CMAKE_CURRENT_BINARY_DIR}/browser)

foreach(case console-check report batch)
  add_test(NAME browser.html.${case}
           COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/browser/html_report_test.sh $<TARGET_FILE:jxaudit>
                   ${PROJECT_SOURCE_DIR} ${JX_BROWSER_WORK}/${case} ${case})
  set_tests_properties(browser.html.${case} PROPERTIES LABELS "browser" SKIP_RETURN_CODE 77 TIMEOUT 300)
endforeach()
