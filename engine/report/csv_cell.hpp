// One CSV cell as Excel and WPS read it: RFC 4180 quoting, and text that a
// spreadsheet would take for a formula (a cell starting with = + - @, a tab or
// a carriage return: CSV injection, OWASP) neutralised with a leading
// apostrophe, which Excel and WPS hide. A plain number ("-0.50") stays a number.
#pragma once

#include <string>
#include <string_view>

namespace jx::report {

std::string csv_cell(std::string_view text);

}  // namespace jx::report
