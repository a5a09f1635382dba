-- 采购政策效能 (SME set-aside share, 预留中小企业采购份额), weight 1.
--
-- Formula: share = Σ sme_reserved ÷ Σ budget over the procurements suitable for
-- SMEs (sme_suitable true); score = weight × share, rounded as the manifest says
-- for this leaf — DOWN to 0.01 (seed 004, 市档案馆: 498.10 / 500.00 = 0.9962 → 0.99).
-- A reserved amount above its procurement's budget counts only up to the budget.
-- The 财库〔2020〕46号 thresholds are checked per procurement and reported as notes
-- (they already lower the share, so they cost no extra points here):
--   budget ≤ `sme_full_reserve_limit_goods_services` (200 万元, goods and services)
--   or ≤ `sme_full_reserve_limit_works` (400 万元, works) → reserved in full;
--   above → at least `sme_reserve_ratio` (30%; works `sme_reserve_ratio_works`)
--   reserved, of which at least `sme_small_micro_share` (60%) for small and micro firms.
-- Procurements not suitable for SMEs are left out (a note when no reason is given).
-- Missing data: procurements absent → missing evidence; sme_suitable absent, or a
-- suitable procurement without sme_reserved → missing evidence (the 2023 policy
-- scores the leaf 0); small_micro_reserved absent on a large procurement → a note
-- (the 60% check cannot be made; the score does not depend on it). No suitable
-- procurement, or their budgets add up to 0 → full marks with a note.
local proc = require("procurement")

-- "预留比例 20.00% 低于 30%" style notes for one suitable procurement.
local function check_thresholds(dept, ctx, p, reserved)
  local unit = dept.money_unit
  local works = p.category == "works"
  local limit_wan = ctx.params.sme_full_reserve_limit_goods_services
  if works then
    limit_wan = ctx.params.sme_full_reserve_limit_works
  end
  local limit = proc.from_wan(dept, limit_wan)
  if p.budget <= limit then
    if reserved < p.budget then
      ctx:note({
        subject = p.id,
        message = ("采购预算 %s %s 未超过 %s 万元，应全部预留给中小企业，实际预留 %s %s（%s）"):format(
          tostring(p.budget), unit, tostring(limit_wan), tostring(reserved), unit, (reserved / p.budget):percent(2)),
        evidence = { budget = p.budget, sme_reserved = reserved, category = p.category },
        at = p,
      })
    end
    return
  end
  local ratio = dec(works and ctx.params.sme_reserve_ratio_works or ctx.params.sme_reserve_ratio)
  if reserved < p.budget * ratio then
    ctx:note({
      subject = p.id,
      message = ("采购预算 %s %s 超过 %s 万元，预留中小企业 %s %s，占 %s，低于 %s"):format(
        tostring(p.budget), unit, tostring(limit_wan), tostring(reserved), unit,
        (reserved / p.budget):percent(2), ratio:percent(0)),
      evidence = { budget = p.budget, sme_reserved = reserved, category = p.category },
      at = p,
    })
  end
  local small_share = dec(ctx.params.sme_small_micro_share)
  if p.small_micro_reserved == nil then
    ctx:note({
      subject = p.id,
      message = ("未填报预留小微企业金额，无法核查小微企业比例不低于 %s 的要求"):format(small_share:percent(0)),
      at = p,
    })
  elseif not reserved:is_zero() and p.small_micro_reserved < reserved * small_share then
    ctx:note({
      subject = p.id,
      message = ("预留份额 %s %s 中面向小微企业 %s %s，占 %s，低于 %s"):format(
        tostring(reserved), unit, tostring(p.small_micro_reserved), unit,
        (p.small_micro_reserved / reserved):percent(2), small_share:percent(0)),
      evidence = { sme_reserved = reserved, small_micro_reserved = p.small_micro_reserved },
      at = p,
    })
  end
end

return {
  id = "MGMT.PROC.SME_SETASIDE",
  indicator = "管理效率/采购管理/采购政策效能",
  title = "采购政策效能",
  basis = "《政府采购促进中小企业发展管理办法》（财库〔2020〕46号）第八条："
    .. "200万元以下的货物和服务采购项目、400万元以下的工程采购项目，适宜由中小企业提供的，"
    .. "采购人应当专门面向中小企业采购；超过上述金额的，预留该部分采购项目预算总额的30%以上"
    .. "专门面向中小企业采购，其中预留给小微企业的比例不低于60%",

  check = function(dept, ctx)
    local list = proc.list(dept, ctx)
    if list == nil then
      return
    end
    for i, p in ipairs(list) do
      local field = (p.sme_suitable == nil and "sme_suitable")
        or (p.sme_suitable and p.sme_reserved == nil and "sme_reserved")
      if field then
        ctx:missing(proc.path(i, field), {
          subject = p.id,
          message = field == "sme_suitable"
              and ("采购项目“%s”未填报是否适宜由中小企业提供"):format(p.name)
            or ("采购项目“%s”适宜由中小企业提供，但未填报预留中小企业采购金额"):format(p.name),
          at = p,
        })
        return
      end
    end

    local budget, reserved = dec(0), dec(0)
    for _, p in ipairs(list) do
      if p.sme_suitable then
        local r = dec.min(p.sme_reserved, p.budget)
        if p.budget < p.sme_reserved then
          ctx:note({
            subject = p.id,
            message = ("预留中小企业金额 %s %s 超过采购预算 %s %s，按预算计"):format(
              tostring(p.sme_reserved), dept.money_unit, tostring(p.budget), dept.money_unit),
            evidence = { budget = p.budget, sme_reserved = p.sme_reserved },
            at = p,
          })
        end
        budget = budget + p.budget
        reserved = reserved + r
        check_thresholds(dept, ctx, p, r)
      elseif p.sme_unsuitable_reason == nil then
        ctx:note({
          subject = p.id,
          message = ("采购项目“%s”标为不适宜由中小企业提供，但未说明理由"):format(p.name),
          at = p,
        })
      end
    end

    if budget:is_zero() then
      ctx:note({ subject = "", message = "本年度无适宜由中小企业提供的采购项目，本指标不扣分" })
      return
    end
    local share = reserved / budget
    local score = ctx:round(ctx.weight * share)
    if score < ctx.weight then
      ctx:score(score, {
        subject = "",
        message = ("预留中小企业采购份额 %s / 适宜由中小企业提供的采购预算 %s（%s）= %s，得分 %s × %s / %s = %s"):format(
          tostring(reserved), tostring(budget), dept.money_unit, share:percent(2),
          tostring(ctx.weight), tostring(reserved), tostring(budget), tostring(score)),
        evidence = { sme_reserved = reserved, suitable_budget = budget, share = share:percent(2) },
      })
    end
  end,
}
