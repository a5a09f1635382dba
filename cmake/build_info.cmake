# Run at every build (engine/cli/CMakeLists.txt): writes build_info.hpp with the
# commit the binary is built from, for `jxaudit --version`. configure_file
# leaves the header untouched when nothing changed, so nothing recompiles.
#   cmake -DSOURCE_DIR=… -DOUTPUT=… -DBUILD_TYPE=… -P build_info.cmake
execute_process(COMMAND git -C "${SOURCE_DIR}" describe --always --dirty --abbrev=12
                OUTPUT_VARIABLE JX_COMMIT OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET RESULT_VARIABLE status)
if(NOT status EQUAL 0 OR JX_COMMIT STREQUAL "")
  set(JX_COMMIT "unknown (not built from a git checkout)")
endif()
set(JX_BUILD_TYPE "${BUILD_TYPE}")
configure_file(${CMAKE_CURRENT_LIST_DIR}/build_info.hpp.in "${OUTPUT}" @ONLY)
