-- Module state: must start afresh in every rule run.
local M = { n = 0 }

function M.bump()
  M.n = M.n + 1
  return M.n
end

return M
