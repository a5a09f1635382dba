// Internal to engine/sandbox: checks that a C++ block leaves the Lua stack as
// it promised (`pushed` more values than it found). Active when JX_DEBUG_CHECKS
// is set (Debug builds, hence the tests); free otherwise. A block left by an
// exception (a Lua error) is not checked: Lua resets the stack itself.
#pragma once

#include <lua.hpp>

#include <exception>

namespace jx::sandbox::detail {

// Logs the mismatch and aborts: a stack imbalance is a bug in this folder.
[[noreturn]] void stack_mismatch(const char* file, int line, int expected, int actual);

class StackGuard {
 public:
#if defined(JX_DEBUG_CHECKS) && JX_DEBUG_CHECKS
  StackGuard(lua_State* L, int pushed, const char* file, int line)
      : L_(L),
        expected_(lua_gettop(L) + pushed),
        exceptions_(std::uncaught_exceptions()),
        file_(file),
        line_(line) {}
  ~StackGuard() {
    if (std::uncaught_exceptions() == exceptions_ && lua_gettop(L_) != expected_) {
      stack_mismatch(file_, line_, expected_, lua_gettop(L_));
    }
  }

 private:
  lua_State* L_;
  int expected_;
  int exceptions_;
  const char* file_;
  int line_;
#else
  StackGuard(lua_State*, int, const char*, int) {}
#endif

 public:
  StackGuard(const StackGuard&) = delete;
  StackGuard& operator=(const StackGuard&) = delete;
};

}  // namespace jx::sandbox::detail

// JX_STACK_GUARD(L, 1): this block pushes exactly one value.
#define JX_STACK_GUARD_CAT2(a, b) a##b
#define JX_STACK_GUARD_CAT(a, b) JX_STACK_GUARD_CAT2(a, b)
#define JX_STACK_GUARD(L, pushed)                                                                       \
  ::jx::sandbox::detail::StackGuard JX_STACK_GUARD_CAT(stack_guard_, __LINE__)((L), (pushed), __FILE__, \
                                                                               __LINE__)
