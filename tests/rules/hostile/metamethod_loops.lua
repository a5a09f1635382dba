-- Hostile rule: __lt, __concat, __len and __eq entered from the VM, each looping
return {
  id = "HOSTILE.METAMETHOD_LOOPS",
  indicator = "测试/恶意规则",
  title = "__lt, __concat, __len and __eq entered from the VM, each looping",
  check = function(dept, ctx)
    local mt = { __lt = function() while true do end end }
    local a, b = setmetatable({}, mt), setmetatable({}, mt)
    return a < b
  end,
}
