-- luacheck configuration for jxaudit rule sets (docs/rule-api.md): the globals
-- the sandbox provides, and nothing else, so that luacheck flags a misspelt
-- global, a write to a global, and a library function the sandbox removes
-- (string.dump, math.random, io, os, load, …) before a rule ever runs.
-- `jxaudit lint` passes this file to luacheck; by hand:
--   luacheck --config rules/.luacheckrc rules/

local dec_fields = {
  "round", "div", "percent", "abs", "is_zero", "is_integer", "sign", "to_int", "eq", "tostring",
  "cmp", "min", "max", "is",
}
local date_fields = { "year", "month", "day", "weekday", "tostring", "is" }

stds.jxaudit = {
  read_globals = {
    "assert", "error", "getmetatable", "ipairs", "next", "pairs", "pcall", "print", "rawequal",
    "rawget", "rawlen", "require", "select", "setmetatable", "tonumber", "tostring", "type",
    "xpcall", "_VERSION",
    string = { fields = {
      "byte", "char", "find", "format", "gmatch", "gsub", "len", "lower", "match", "rep",
      "reverse", "sub", "upper",
    } },
    table = { fields = { "concat", "insert", "move", "pack", "remove", "sort", "unpack" } },
    math = { fields = {
      "abs", "acos", "asin", "atan", "ceil", "cos", "deg", "exp", "floor", "fmod", "huge", "log",
      "max", "maxinteger", "min", "mininteger", "modf", "pi", "rad", "sin", "sqrt", "tan",
      "tointeger", "type", "ult",
    } },
    utf8 = { fields = { "char", "charpattern", "codepoint", "codes", "len", "offset" } },
    coroutine = { fields = {
      "close", "create", "isyieldable", "resume", "running", "status", "wrap", "yield",
    } },
    dec = { fields = dec_fields },
    date = { fields = date_fields },
  },
}

std = "jxaudit"
-- check(dept, ctx) need not use both of its arguments.
ignore = { "212/dept", "212/ctx" }
max_line_length = 130
-- The hostile-rules suite is bad on purpose; the type stubs define the globals.
exclude_files = { "**/tests/rules/hostile/**", "**/rules/types/**" }
