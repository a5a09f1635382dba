#include "sandbox/runtime.hpp"

namespace jx::sandbox::detail {
void open_string_match(lua_State*, int) {}
}  // namespace jx::sandbox::detail
