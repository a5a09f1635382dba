-- "三公"经费控制情况 (the three public expenses under control) — 2 points.
--
-- Formula: each of the three categories — 因公出国（境）费, 公务用车购置及运行费
-- (totals), 公务接待费 — must stay at or below its budget and at or below last
-- year's actual. A category over either loses weight ÷ 3 (rounded half up to 0.01;
-- deductions stop at the weight, so three categories over cost exactly the weight),
-- in one deduction naming both comparisons where both fail.
--
-- Missing data: three_public_expenses absent → missing evidence (the schema makes
-- each category and its three figures required once the object is given).

local money = require("money")
local evidence = require("evidence")

local CATEGORIES = {
  { key = "overseas_travel", name = "因公出国（境）费", name_en = "official travel abroad" },
  { key = "vehicles", name = "公务用车购置及运行费", name_en = "official vehicles (purchase and running)" },
  { key = "official_reception", name = "公务接待费", name_en = "official receptions" },
}

return {
  id = "MGMT.COSTS.THREE_PUBLIC",
  indicator = "管理效率/运行成本/\"三公\"经费控制情况",
  title = "“三公”经费控制情况",
  basis = "《党政机关厉行节约反对浪费条例》：严格控制因公出国（境）、公务用车购置及运行、公务接待费用，"
    .. "“三公”经费只减不增；实际支出不超预算、不超上年",
  ---@param dept Department
  ---@param ctx Ctx
  check = function(dept, ctx)
    local tpe = dept.three_public_expenses
    if tpe == nil then
      ctx:missing("three_public_expenses", { subject = "", message = "未提供“三公”经费预算数、实际数和上年数",
        message_en = "no budget, actual and last year's figures of the three public expenses given" })
      return
    end
    local each = evidence.share(ctx, ctx.weight, #CATEGORIES)
    local pool = evidence.pool(ctx)
    for _, c in ipairs(CATEGORIES) do
      local line = tpe[c.key]
      local over, over_en = {}, {}
      if line.actual > line.budget then
        over[#over + 1] = ("超预算（预算 %s）"):format(money.show(dept, line.budget))
        over_en[#over_en + 1] = ("over the budget (%s)"):format(money.show_en(dept, line.budget))
      end
      if line.actual > line.last_year then
        over[#over + 1] = ("超上年（上年 %s）"):format(money.show(dept, line.last_year))
        over_en[#over_en + 1] = ("over last year (%s)"):format(money.show_en(dept, line.last_year))
      end
      if #over > 0 then
        pool.deduct(each, {
          subject = c.key,
          message = ("%s实际支出 %s，%s，扣 %s 分"):format(c.name, money.show(dept, line.actual),
            table.concat(over, "、"), tostring(each)),
          message_en = ("%s: spent %s, %s; %s points deducted"):format(c.name_en, money.show_en(dept, line.actual),
            table.concat(over_en, " and "), tostring(each)),
          evidence = { budget = line.budget, actual = line.actual, last_year = line.last_year },
          at = line,
        })
      end
    end
  end,
}
