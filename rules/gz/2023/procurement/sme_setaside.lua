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
-- The rule set's thresholds, read once per run and only when first needed (a
-- rule set that leaves out a parameter its data never needs still works), and
-- the data's money unit. Every read of params or data costs a lookup, and this
-- runs for every suitable procurement.
local function limits_for(dept, ctx, cache, works)
  local key = works and "works" or "goods"
  local t = cache[key]
  if t == nil then
    local limit_wan = ctx.params.sme_full_reserve_limit_goods_services
    if works then
      limit_wan = ctx.params.sme_full_reserve_limit_works
    end
    t = { limit_wan = limit_wan, limit = proc.from_wan(dept, limit_wan) }
    cache[key] = t
  end
  return t
end

local function ratio_for(ctx, limits, works)
  if limits.ratio == nil then
    limits.ratio = dec(works and ctx.params.sme_reserve_ratio_works or ctx.params.sme_reserve_ratio)
  end
  return limits.ratio
end

local function small_share_for(ctx, cache)
  if cache.small_share == nil then
    cache.small_share = dec(ctx.params.sme_small_micro_share)
  end
  return cache.small_share
end

local function check_thresholds(dept, ctx, cache, p, budget, reserved)
  if cache.unit == nil then
    cache.unit = dept.money_unit
  end
  local unit = cache.unit
  local category = p.category
  local works = category == "works"
  local limits = limits_for(dept, ctx, cache, works)
  local limit_wan = limits.limit_wan
  if budget <= limits.limit then
    if reserved < budget then
      ctx:note({
        subject = p.id,
        message = ("采购预算 %s %s 未超过 %s 万元，应全部预留给中小企业，实际预留 %s %s（%s）"):format(
          tostring(budget), unit, tostring(limit_wan), tostring(reserved), unit, (reserved / budget):percent(2)),
        message_en = ("procurement budget %s %s, not above %s 10k yuan, should be reserved for SMEs in full; %s %s "
          .. "reserved (%s)"):format(tostring(budget), proc.unit_en(dept), tostring(limit_wan), tostring(reserved),
          proc.unit_en(dept), (reserved / budget):percent(2)),
        evidence = { budget = budget, sme_reserved = reserved, category = category },
        at = p,
      })
    end
    return
  end
  local ratio = ratio_for(ctx, limits, works)
  if reserved < budget * ratio then
    ctx:note({
      subject = p.id,
      message = ("采购预算 %s %s 超过 %s 万元，预留中小企业 %s %s，占 %s，低于 %s"):format(
        tostring(budget), unit, tostring(limit_wan), tostring(reserved), unit,
        (reserved / budget):percent(2), ratio:percent(0)),
      message_en = ("procurement budget %s %s, above %s 10k yuan: %s %s reserved for SMEs, %s, below %s"):format(
        tostring(budget), proc.unit_en(dept), tostring(limit_wan), tostring(reserved), proc.unit_en(dept),
        (reserved / budget):percent(2), ratio:percent(0)),
      evidence = { budget = budget, sme_reserved = reserved, category = category },
      at = p,
    })
  end
  local small_share = small_share_for(ctx, cache)
  local small_micro = p.small_micro_reserved
  if small_micro == nil then
    ctx:note({
      subject = p.id,
      message = ("未填报预留小微企业金额，无法核查小微企业比例不低于 %s 的要求"):format(small_share:percent(0)),
      message_en = ("no amount reserved for small and micro firms given: the share of at least %s cannot be checked"):format(
        small_share:percent(0)),
      at = p,
    })
  elseif not reserved:is_zero() and small_micro < reserved * small_share then
    ctx:note({
      subject = p.id,
      message = ("预留份额 %s %s 中面向小微企业 %s %s，占 %s，低于 %s"):format(
        tostring(reserved), unit, tostring(small_micro), unit,
        (small_micro / reserved):percent(2), small_share:percent(0)),
      message_en = ("of the %s %s reserved, %s %s go to small and micro firms, %s, below %s"):format(
        tostring(reserved), proc.unit_en(dept), tostring(small_micro), proc.unit_en(dept),
        (small_micro / reserved):percent(2), small_share:percent(0)),
      evidence = { sme_reserved = reserved, small_micro_reserved = small_micro },
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
  ---@param dept Department
  ---@param ctx Ctx
  check = function(dept, ctx)
    local list = proc.list(dept, ctx)
    if list == nil then
      return
    end
    -- The evidence pass reads each field once and keeps what the check needs
    -- (see contract_filing.lua).
    local entry, suitable_of, reserved_of = {}, {}, {}
    for i, p in ipairs(list) do
      local suitable = p.sme_suitable
      local reserved = nil
      if suitable then
        reserved = p.sme_reserved
      end
      local field = (suitable == nil and "sme_suitable") or (suitable and reserved == nil and "sme_reserved")
      if field then
        ctx:missing(proc.path(i, field), {
          subject = p.id,
          message = field == "sme_suitable"
              and ("采购项目“%s”未填报是否适宜由中小企业提供"):format(p.name)
            or ("采购项目“%s”适宜由中小企业提供，但未填报预留中小企业采购金额"):format(p.name),
          message_en = field == "sme_suitable"
              and ("procurement “%s”: whether SMEs can supply it is not given"):format(p.name)
            or ("procurement “%s” is suitable for SMEs, but the amount reserved for them is not given"):format(p.name),
          at = p,
        })
        return
      end
      local n = #entry + 1
      entry[n], suitable_of[n], reserved_of[n] = p, suitable, reserved
    end

    local cache = {}
    local budget, reserved = dec(0), dec(0)
    for n, p in ipairs(entry) do
      if suitable_of[n] then
        local b, stated = p.budget, reserved_of[n]
        local r = dec.min(stated, b)
        if b < stated then
          ctx:note({
            subject = p.id,
            message = ("预留中小企业金额 %s %s 超过采购预算 %s %s，按预算计"):format(
              tostring(stated), dept.money_unit, tostring(b), dept.money_unit),
            message_en = ("amount reserved for SMEs %s %s exceeds the procurement budget %s %s: the budget is counted"):format(
              tostring(stated), proc.unit_en(dept), tostring(b), proc.unit_en(dept)),
            evidence = { budget = b, sme_reserved = stated },
            at = p,
          })
        end
        budget = budget + b
        reserved = reserved + r
        check_thresholds(dept, ctx, cache, p, b, r)
      elseif p.sme_unsuitable_reason == nil then
        ctx:note({
          subject = p.id,
          message = ("采购项目“%s”标为不适宜由中小企业提供，但未说明理由"):format(p.name),
          message_en = ("procurement “%s” is marked unsuitable for SMEs without a reason"):format(p.name),
          at = p,
        })
      end
    end

    if budget:is_zero() then
      ctx:note({ subject = "", message = "本年度无适宜由中小企业提供的采购项目，本指标不扣分",
        message_en = "no procurement suitable for SMEs this year: nothing to deduct" })
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
        message_en = ("SME share reserved %s / procurement budget suitable for SMEs %s (%s) = %s: "
          .. "score %s × %s / %s = %s"):format(
          tostring(reserved), tostring(budget), proc.unit_en(dept), share:percent(2),
          tostring(ctx.weight), tostring(reserved), tostring(budget), tostring(score)),
        evidence = { sme_reserved = reserved, suitable_budget = budget, share = share:percent(2) },
      })
    end
  end,
}
