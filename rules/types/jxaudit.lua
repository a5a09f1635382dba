---@meta
-- Type annotations of the jxaudit rule API for the Lua language server
-- (LuaLS / sumneko "Lua" extension): completion, hover and type checks while a
-- rule is written. This file is never run. The API is docs/rule-api.md; the
-- department's fields are in department.lua beside this file.
--
-- Editor set-up: open the rules/ folder; rules/.luarc.json adds this folder to
-- the workspace library and resolves require("money") in the sets' lib/ folders.

---@alias RoundingMode
---| "half_up"   # 0.5 away from zero (四舍五入)
---| "half_even" # 0.5 to the even neighbour
---| "half_down" # 0.5 towards zero
---| "down"      # truncate towards zero (舍去)
---| "up"        # away from zero
---| "floor"     # towards −∞
---| "ceiling"   # towards +∞
---| "05up"      # away from zero only when the last kept digit is 0 or 5

---An exact decimal (money, rates, scores). Mixes with integers; a Lua float is an error.
---WARNING: `dec(1) == 1` is false (Lua compares a number and a userdata as unequal
---without asking); use `d:eq(1)` or `dec.cmp(d, 1) == 0`.
---@class Dec
---@operator add(Dec|integer): Dec
---@operator sub(Dec|integer): Dec
---@operator mul(Dec|integer): Dec
---@operator div(Dec|integer): Dec
---@operator unm: Dec
---@operator concat(string|number|Dec|Date): string
local Dec = {}

---Rounds to `scale` digits after the point: `dec('2.345'):round(2, 'half_even')` → 2.34.
---Defaults: the leaf's scale and rounding mode (ctx.scale, ctx.rounding).
---@param scale? integer|Dec
---@param mode? RoundingMode
---@return Dec
function Dec:round(scale, mode) end

---This divided by `divisor`, rounded to `scale` digits in one step: `dec(10):div(3, 2)` → 3.33.
---@param divisor Dec|integer
---@param scale integer|Dec
---@param mode? RoundingMode
---@return Dec
function Dec:div(divisor, scale, mode) end

---This × 100 as text with "%", half_up unless told: `dec('0.99855'):percent(2)` → "99.86%".
---@param scale? integer
---@param mode? RoundingMode
---@return string
function Dec:percent(scale, mode) end

---@return Dec
function Dec:abs() end

---@return boolean
function Dec:is_zero() end

---@return boolean
function Dec:is_integer() end

---@return -1|0|1
function Dec:sign() end

---The value as a Lua integer; an error unless it is a whole number.
---@return integer
function Dec:to_int() end

---Numeric equality with a dec or an integer: `dec('1.0'):eq(1)` → true.
---@param other Dec|integer
---@return boolean
function Dec:eq(other) end

---The exact text: "1198.25"; an unrounded fraction shows 34 digits and "…".
---@return string
function Dec:tostring() end

---@param other Dec|integer
---@return -1|0|1
function Dec:cmp(other) end

---The `dec` library: `dec("1.23")`, `dec(5)`, and the functions below.
---@class DecLib
---@overload fun(value: string|integer|Dec): Dec
dec = {}

----1, 0 or 1 as a < b, a == b, a > b.
---@param a Dec|integer
---@param b Dec|integer
---@return -1|0|1
function dec.cmp(a, b) end

---The smallest argument, as a dec.
---@param ... Dec|integer
---@return Dec
function dec.min(...) end

---The largest argument, as a dec.
---@param ... Dec|integer
---@return Dec
function dec.max(...) end

---True for a dec.
---@param value any
---@return boolean
function dec.is(value) end

---A calendar date. `a - b` is a number of days (an integer); `d + n` and `d - n` move by days.
---@class Date
---@operator sub(Date): integer
---@operator sub(integer|Dec): Date
---@operator add(integer|Dec): Date
---@operator concat(string|number|Dec|Date): string
local Date = {}

---@return integer
function Date:year() end

---@return integer
function Date:month() end

---@return integer
function Date:day() end

---ISO weekday: 1 = Monday … 7 = Sunday.
---@return integer
function Date:weekday() end

---"2023-06-30"
---@return string
function Date:tostring() end

---The `date` library: `date("2023-06-30")` or `date(2023, 6, 30)`.
---@class DateLib
---@overload fun(text: string): Date
---@overload fun(year: integer, month: integer, day: integer): Date
date = {}

---True for a date.
---@param value any
---@return boolean
function date.is(value) end

---The rule set's working-day calendar (法定节假日与调休上班日). A date outside the
---years its file covers is an error: holidays are never guessed.
---@class Calendar
local Calendar = {}

---A working day (工作日): Monday–Friday that is not a holiday, or an adjusted working weekend day.
---@param d Date
---@return boolean
function Calendar:is_working_day(d) end

---A statutory holiday (放假日), weekend days inside a holiday included.
---@param d Date
---@return boolean
function Calendar:is_holiday(d) end

---The holiday's name ("春节"), or nil.
---@param d Date
---@return string|nil
function Calendar:holiday_name(d) end

---Working days counted from the day after `from` through `to` (民法典 art. 201).
---@param from Date
---@param to Date
---@return integer
function Calendar:working_days_between(from, to) end

---working_days_between for each pair of two columns (list:column): result[i] where
---both from[i] and to[i] are dates, nil elsewhere; result.n = the longer column's length.
---@param from table<integer, Date>
---@param to table<integer, Date>
---@return table<integer, integer>
function Calendar:working_days_between_columns(from, to) end

---The n-th working day after `d` (before it when n < 0).
---@param d Date
---@param n integer|Dec
---@return Date
function Calendar:add_working_days(d, n) end

---Whether the calendar covers a date or a year.
---@param d_or_year Date|integer
---@return boolean
function Calendar:covers(d_or_year) end

---The calendar's name, e.g. "cn-mainland".
---@return string
function Calendar:name() end

---What a finding says: the subject, the message, the evidence, and `at`, the
---department object it is about (its file:line:column goes into the report).
---@class FindingInfo
---@field message string                 what is wrong, in words an auditor can cite
---@field subject? string|integer|Dec|Date which procurement, month, project or target
---@field evidence? table<string, Dec|Date|string|integer|boolean>
---@field at? any                         department data: the record the finding is about

---The second argument of check(dept, ctx).
---@class Ctx
---@field weight Dec          the leaf's weight (分值)
---@field params table        the rule set's parameters (read-only; a missing one is an error)
---@field calendar Calendar?  the rule set's working-day calendar
---@field fiscal_year integer
---@field rounding RoundingMode the leaf's default rounding mode
---@field scale integer       the leaf's default number of decimals
---@field rule_id string
local Ctx = {}

---Takes `points` off the leaf (扣分): a dec or an integer, 0 … weight.
---@param points Dec|integer
---@param info FindingInfo
function Ctx:deduct(points, info) end

---Sets the leaf's score (得分), 0 … weight; the finding's points are weight − score. Once per run.
---@param score Dec|integer
---@param info FindingInfo
function Ctx:score(score, info) end

---A finding without points.
---@param info FindingInfo
function Ctx:note(info) end

---Evidence at `field_path` is missing; the rule set's policy decides the points.
---@param field_path string
---@param info? FindingInfo
function Ctx:missing(field_path, info) end

---Rounds with the leaf's default scale and mode.
---@param x Dec|integer
---@return Dec
function Ctx:round(x) end

---An optional parameter: its value, or `default` when the rule set does not set it.
---@param name string
---@param default? any
---@return any
function Ctx:param(name, default) end

---A rule file returns this table.
---@class Rule
---@field id string         stable id, e.g. "MGMT.PROC.CONTRACT_FILING"
---@field indicator string  indicator path, e.g. "管理效率/采购管理/合同备案时效性"
---@field title string
---@field basis? string     legal basis
---@field check fun(dept: Department, ctx: Ctx)
