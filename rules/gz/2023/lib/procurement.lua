-- Helpers shared by the seven 采购管理 (procurement management) rules of gz/2023:
-- the procurement list, intention scope, data paths, money thresholds in the
-- data's unit, and the capped deduction ("扣完为止") that keeps a leaf's findings
-- adding up to weight − score. Builds on lib/money.lua and lib/evidence.lua.
local money = require("money")
local evidence = require("evidence")

local M = {}

-- The data path of a procurement's field, for ctx:missing ("procurements[3].contract_filed",
-- counting from 1 as the file lists them).
function M.path(i, field)
  return ("procurements[%d].%s"):format(i, field)
end

-- The department's procurements. An absent list is missing evidence (data-format.md:
-- "a missing section means missing evidence"): the function records it and returns
-- nil, and the rule stops. An empty list means "no government procurement this year".
function M.list(dept, ctx)
  local list = dept.procurements
  if list == nil then
    ctx:missing("procurements", { subject = "", message = "未提供政府采购项目清单（procurements），无法核查本指标",
      message_en = "no list of government procurements (procurements) given: this indicator cannot be checked" })
    return nil
  end
  return list
end

-- Must this procurement publish an intention (采购意向)? "exempt" is honoured only
-- with a stated reason (协议供货, 定点采购 …); an exemption without a reason is
-- treated as in scope. Returns needs (boolean) and a remark for messages, in Chinese and in English.
function M.needs_intention(p)
  if p.intention_scope == "exempt" then
    if p.exemption_reason ~= nil then
      return false, nil
    end
    return true, "标为免于公开但未说明理由，按需公开处理", "marked exempt without a reason: treated as in scope"
  end
  return true, nil
end

-- A money threshold from [params], given there in 万元, in the data's money_unit
-- (1 万元 = 10000 元).
M.from_wan = money.from_wan
M.unit_en = money.unit_en

-- The pool of lib/evidence.lua: for the whole leaf each deduction is reported as
-- found and scoring keeps the leaf within its weight ("扣完为止").
-- For an all-or-nothing leaf each problem deducts ctx.weight: the first takes it all.
M.pool = evidence.pool

return M
