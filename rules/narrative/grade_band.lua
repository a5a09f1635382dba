-- rules/narrative/grade_band.lua
-- The grade a report states (绩效等级为优, 自评等级为“良”) must be the band of its
-- total self-score. The bands are the Guangzhou rule set's (../shared/domain.md):
-- edit them here for another jurisdiction. 确定 when the total's interval (98.92
-- stands for [98.915, 98.93)) cannot meet the band.
local scores = require("scores")

local bands = {
  { grade = "优", lo = dec(90), hi = dec(101) },  -- 90 and above (101: the top is open)
  { grade = "良", lo = dec(80), hi = dec(90) },
  { grade = "中", lo = dec(60), hi = dec(80) },
  { grade = "差", lo = dec(0), hi = dec(60) },
}

-- The first stated grade: the conclusion of the report.
local function stated_grade(report)
  for _, s in ipairs(report.sentences) do
    local _, after = s.text:find("等级为", 1, true)
    if after then
      local rest = s.text:sub(after + 1)
      for _, quote in ipairs({ "“", "\"", "「" }) do
        if rest:sub(1, #quote) == quote then rest = rest:sub(#quote + 1) end
      end
      for _, band in ipairs(bands) do
        if rest:sub(1, #band.grade) == band.grade then return band end
      end
    end
  end
  return nil
end

return {
  id = "grade_band",
  indicator = "自评报告",
  title = "自评等级与总分所在分数段一致",
  check = function(report, ctx)
    local total = scores.total(report)
    local band = stated_grade(report)
    if total == nil or band == nil then return end
    if scores.meet(total.lo, total.hi, band.lo, band.hi) then return end
    ctx:note({
      subject = "确定",
      message = ("自评总分 %s 分不在等级“%s”的分数段 [%s, %s) 内"):format(
        total.text, band.grade, band.lo:tostring(), dec.min(band.hi, 100):tostring()),
      message_en = ("the stated total of %s points is outside the band [%s, %s) of the grade “%s”"):format(
        total.text, band.lo:tostring(), dec.min(band.hi, 100):tostring(), band.grade),
      evidence = { ["总分"] = total.index },
    })
  end,
}
