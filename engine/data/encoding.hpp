// Text encodings of input files other than UTF-8. Excel on a Chinese Windows
// saves "CSV" in the system code page, GBK; GB18030 is its superset (and of
// GB2312), so one conversion reads all three. Internal to engine/data.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace jx::data::detail {

// Whether `text` is valid UTF-8 throughout.
bool valid_utf8(std::string_view text);

// `text` converted from GB18030 to UTF-8 by glibc's iconv; nullopt when it is
// not valid GB18030 (a byte sequence no GB18030 encoder writes).
std::optional<std::string> gb18030_to_utf8(std::string_view text);

}  // namespace jx::data::detail
