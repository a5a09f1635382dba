# Runs jxaudit and asserts that stdout contains every one of EXPECT (a ;-list
# of exact substrings) and that the exit code is EXPECT_EXIT.
#   -DJXAUDIT=<exe> -DARGS=<;-list> -DEXPECT=<;-list> -DEXPECT_EXIT=<n> -DWORKDIR=<dir>
string(REPLACE "|" ";" ARGS "${ARGS}")
execute_process(COMMAND ${JXAUDIT} ${ARGS}
                WORKING_DIRECTORY ${WORKDIR}
                OUTPUT_VARIABLE actual
                ERROR_VARIABLE errors
                RESULT_VARIABLE code)
if(NOT code EQUAL EXPECT_EXIT)
  message(FATAL_ERROR "exit code ${code}, expected ${EXPECT_EXIT}\nstdout:\n${actual}\nstderr:\n${errors}")
endif()
string(REPLACE "|" ";" EXPECT "${EXPECT}")
foreach(needle IN LISTS EXPECT)
  string(FIND "${actual}" "${needle}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "missing from the output: ${needle}\nstdout:\n${actual}")
  endif()
endforeach()
