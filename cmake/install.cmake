# `cmake --install` and the Debian package (CPack): the binary in bin/, and
# what it reads at run time under share/jxaudit/ (engine/cli/paths.cpp finds
# that folder from the binary's own path, so any prefix works).
include(GNUInstallDirs)

set(JX_SHARE ${CMAKE_INSTALL_DATADIR}/jxaudit)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/rules ${PROJECT_SOURCE_DIR}/schemas ${PROJECT_SOURCE_DIR}/samples
                  ${PROJECT_SOURCE_DIR}/docs
        DESTINATION ${JX_SHARE})
install(FILES ${PROJECT_SOURCE_DIR}/README.md DESTINATION ${JX_SHARE})
# Made at build time by the binary from its command-line definition (engine/cli/CMakeLists.txt).
set(JX_GENERATED_SHARE ${PROJECT_BINARY_DIR}/generated/share)
install(FILES ${JX_GENERATED_SHARE}/jxaudit.bash DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions
        RENAME jxaudit)
install(FILES ${JX_GENERATED_SHARE}/_jxaudit DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions)
install(FILES ${JX_GENERATED_SHARE}/jxaudit.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)

# cpack -G DEB in a build directory: a .deb for Debian 12 and the Debian-based
# systems government offices run (统信 UOS, 麒麟 Kylin). Library dependencies are
# read off the binary by dpkg-shlibdeps.
set(CPACK_PACKAGE_NAME jxaudit)
set(CPACK_PACKAGE_VENDOR "jxaudit")
set(CPACK_PACKAGE_CONTACT "jxaudit developers <dev@jxaudit>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_GENERATOR DEB)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
include(CPack)
