-- A well-behaved helper module: formats an amount in 万元 with two decimals.
local M = {}

function M.wan(amount)
  return amount:round(2, "half_up") .. " 万元"
end

return M
