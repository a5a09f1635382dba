# Prints one of jxaudit's generated documents into a file: run by the build
# (engine/cli/CMakeLists.txt) as
#   cmake -DJXAUDIT=<exe> -DARGS=<a|b|c> -DOUTPUT=<file> -P cmake/cli_docs.cmake
# The binary writes them from its own command-line definition (engine/cli/cli_docs.cpp).
string(REPLACE "|" ";" args "${ARGS}")
execute_process(COMMAND ${JXAUDIT} ${args} OUTPUT_FILE ${OUTPUT}.tmp RESULT_VARIABLE code)
if(NOT code EQUAL 0)
  file(REMOVE ${OUTPUT}.tmp)
  message(FATAL_ERROR "jxaudit ${args} failed (${code})")
endif()
file(RENAME ${OUTPUT}.tmp ${OUTPUT})
