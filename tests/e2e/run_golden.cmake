# Runs jxaudit and compares its stdout with a golden file, byte for byte, and
# its exit code with the expected one. Set JX_UPDATE_GOLDEN=1 in the
# environment to rewrite the golden file instead (then review the diff).
#   -DJXAUDIT=<exe> -DARGS=<;-list> -DGOLDEN=<file> -DEXPECT_EXIT=<n> -DWORKDIR=<dir>
string(REPLACE "|" ";" ARGS "${ARGS}")
execute_process(COMMAND ${JXAUDIT} ${ARGS}
                WORKING_DIRECTORY ${WORKDIR}
                OUTPUT_VARIABLE actual
                ERROR_VARIABLE errors
                RESULT_VARIABLE code)
if(DEFINED ENV{JX_UPDATE_GOLDEN})
  file(WRITE ${GOLDEN} "${actual}")
  message(STATUS "updated ${GOLDEN}")
  return()
endif()
if(NOT code EQUAL EXPECT_EXIT)
  message(FATAL_ERROR "exit code ${code}, expected ${EXPECT_EXIT}\nstderr:\n${errors}")
endif()
file(READ ${GOLDEN} expected)
if(NOT actual STREQUAL expected)
  get_filename_component(name ${GOLDEN} NAME)
  set(actual_file ${CMAKE_CURRENT_BINARY_DIR}/${name}.actual)
  file(WRITE ${actual_file} "${actual}")
  message(FATAL_ERROR "output differs from ${GOLDEN}\n  actual output: ${actual_file}\n  compare: diff ${GOLDEN} ${actual_file}")
endif()
