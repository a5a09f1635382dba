-- Hostile rule: load of a binary chunk
return {
  id = "HOSTILE.LOAD_BINARY_CHUNK",
  indicator = "测试/恶意规则",
  title = "load of a binary chunk",
  check = function(dept, ctx)
    local f = load('\27LuaT\0\25\147\r\n\26\n', 'x', 'b')
    f()
  end,
}
