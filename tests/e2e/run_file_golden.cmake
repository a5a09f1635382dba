# Runs jxaudit with an argument %OUT% standing for a file it writes, and
# compares that file (and, when STDOUT_GOLDEN is given, stdout) with golden
# files byte for byte, and the exit code with the expected one.
# JX_UPDATE_GOLDEN=1 in the environment rewrites the golden files instead.
#   -DJXAUDIT=<exe> -DARGS=<|-list> -DOUT=<file written> -DGOLDEN=<file>
#   [-DSTDOUT_GOLDEN=<file>] -DEXPECT_EXIT=<n> -DWORKDIR=<dir>
string(REPLACE "|" ";" ARGS "${ARGS}")
string(REPLACE "%OUT%" "${OUT}" ARGS "${ARGS}")
get_filename_component(out_dir ${OUT} DIRECTORY)
file(REMOVE_RECURSE ${out_dir})
file(MAKE_DIRECTORY ${out_dir})
execute_process(COMMAND ${JXAUDIT} ${ARGS}
                WORKING_DIRECTORY ${WORKDIR}
                OUTPUT_VARIABLE actual_stdout
                ERROR_VARIABLE errors
                RESULT_VARIABLE code)
if(NOT code EQUAL EXPECT_EXIT)
  message(FATAL_ERROR "exit code ${code}, expected ${EXPECT_EXIT}\nstderr:\n${errors}")
endif()
if(NOT EXISTS ${OUT})
  message(FATAL_ERROR "${OUT} was not written\nstderr:\n${errors}")
endif()
file(READ ${OUT} actual)
if(DEFINED ENV{JX_UPDATE_GOLDEN})
  file(WRITE ${GOLDEN} "${actual}")
  if(DEFINED STDOUT_GOLDEN)
    file(WRITE ${STDOUT_GOLDEN} "${actual_stdout}")
  endif()
  message(STATUS "updated ${GOLDEN}")
  return()
endif()
file(READ ${GOLDEN} expected)
if(NOT actual STREQUAL expected)
  message(FATAL_ERROR "${OUT} differs from ${GOLDEN}\n  compare: diff ${GOLDEN} ${OUT}")
endif()
if(DEFINED STDOUT_GOLDEN)
  file(READ ${STDOUT_GOLDEN} expected_stdout)
  if(NOT actual_stdout STREQUAL expected_stdout)
    file(WRITE ${OUT}.stdout "${actual_stdout}")
    message(FATAL_ERROR "stdout differs from ${STDOUT_GOLDEN}\n  compare: diff ${STDOUT_GOLDEN} ${OUT}.stdout")
  endif()
endif()
