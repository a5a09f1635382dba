-- A helper that reports on the rule's behalf.
local M = {}

function M.note(ctx, message)
  ctx:note({ message = message })
end

return M
