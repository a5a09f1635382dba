-- Hostile rule: returns a table whose __index throws, so that reading its
-- metadata would run rule code inside the host.
return setmetatable({}, {
  __index = function(_, key)
    error("gotcha: " .. tostring(key))
  end,
})
