-- 预决算公开合规性 (budget and final-account disclosure) — 2 points.
--
-- Formula: two items share the weight equally — this year's budget (部门预算) and
-- last year's final accounts (部门决算, published this year). Each must be published
-- within params.disclosure_deadline_days calendar days after the finance bureau
-- approved it (预算法 art. 14: 二十日内): days = published − approved. An item not
-- published, or published late, loses its whole share; each issue found in a
-- published item (公开内容不完整、数据与批复不一致 …) deducts
-- params.evidence_issue_points, within the item's share.
--
-- Missing data: disclosures, or one of its two items, absent → missing evidence for
-- that item. A publication dated before the approval counts as on time, with a note
-- (the dates look wrong).

local money = require("money")
local evidence = require("evidence")

local ITEMS = {
  { key = "budget", name = "部门预算", name_en = "department budget" },
  { key = "final_accounts", name = "部门决算", name_en = "department final accounts" },
}

return {
  id = "MGMT.DISCLOSURE.BUDGET",
  indicator = "管理效率/信息公开/预决算公开合规性",
  title = "预决算公开合规性",
  basis = "《中华人民共和国预算法》第十四条：经本级政府财政部门批复的部门预算、决算及报表，"
    .. "应当在批复后二十日内由各部门向社会公开",
  ---@param dept Department
  ---@param ctx Ctx
  check = function(dept, ctx)
    local limit = money.int(ctx.params.disclosure_deadline_days)
    local share = evidence.share(ctx, ctx.weight, #ITEMS)
    local disclosures = dept.disclosures or {}
    for _, item in ipairs(ITEMS) do
      local d = disclosures[item.key]
      local field = "disclosures." .. item.key
      if d == nil then
        ctx:missing(field, { subject = item.key, message = ("未提供%s公开情况"):format(item.name),
          message_en = ("no disclosure of the %s given"):format(item.name_en) })
      else
        local pool = evidence.pool(ctx, share)
        if d.published == nil then
          pool.deduct(share, {
            subject = item.key,
            message = ("%s未公开（%s 批复）"):format(item.name, tostring(d.approved)),
            message_en = ("%s not published (approved %s)"):format(item.name_en, tostring(d.approved)),
            evidence = { approved = d.approved },
            at = d,
          })
        else
          local days = d.published - d.approved
          if days > limit then
            pool.deduct(share, {
              subject = item.key,
              message = ("%s公开逾期：%s 批复，%s 公开，批复后第 %d 日（限 %d 日内）"):format(item.name,
                tostring(d.approved), tostring(d.published), days, limit),
              message_en = ("%s published late: approved %s, published %s, day %d after approval (limit %d days)"):format(
                item.name_en, tostring(d.approved), tostring(d.published), days, limit),
              evidence = { approved = d.approved, published = d.published, days = days },
              at = d,
            })
          elseif days < 0 then
            ctx:note({
              subject = item.key,
              message = ("%s公开日期 %s 早于批复日期 %s，请核对"):format(item.name, tostring(d.published),
                tostring(d.approved)),
              message_en = ("%s published on %s, before its approval on %s: please check"):format(item.name_en,
                tostring(d.published), tostring(d.approved)),
              evidence = { approved = d.approved, published = d.published },
              at = d,
            })
          end
          evidence.issues(ctx, pool, d, { subject = item.key, what = item.name .. "公开",
            what_en = "disclosure of the " .. item.name_en })
        end
      end
    end
  end,
}
