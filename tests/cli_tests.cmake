# Smoke tests of the jxaudit command line through its exit status and output.
add_test(NAME cli.version COMMAND jxaudit --version)
set_tests_properties(cli.version PROPERTIES PASS_REGULAR_EXPRESSION "^jxaudit ${PROJECT_VERSION}\ncommit [^\n]+\nbuild [A-Za-z]+\n$")
