# Interface targets that every target of ours links: warnings as errors, and
# the sanitizers when JX_SANITIZE is on. Third-party headers are included as
# SYSTEM so that their warnings are not ours.
add_library(jx_options INTERFACE)
target_compile_options(jx_options INTERFACE -Wall -Wextra -Wpedantic -Werror)
target_compile_definitions(jx_options INTERFACE $<$<CONFIG:Debug>:JX_DEBUG_CHECKS=1>)

if(JX_SANITIZE)
  target_compile_options(jx_options INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer
                                              -fno-sanitize-recover=undefined)
  target_link_options(jx_options INTERFACE -fsanitize=address,undefined)
endif()
