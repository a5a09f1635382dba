# Every dependency is a Debian 12 package (scripts/packages.txt); the reasons
# are in docs/dependencies.md.
find_package(PkgConfig REQUIRED)
find_package(Boost 1.74 REQUIRED)
find_package(fmt REQUIRED)
find_package(spdlog REQUIRED)
find_package(CLI11 REQUIRED)
if(JX_BUILD_TESTS)
  find_package(GTest REQUIRED)
endif()
if(JX_BUILD_BENCH)
  find_package(benchmark REQUIRED)
endif()
