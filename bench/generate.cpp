// Synthetic departments for the province-scale benchmarks (issue 7): a
// deterministic, seeded generator of department data valid against
// schemas/department.schema.json, as one JSON file per department and as JSON
// with CSV tables (the "tables" member), in docs/performance.md's sizes.
//
// Every department is generated from (seed, index) alone, so a size is a prefix
// of the next one and any department can be regenerated on its own (--only).
// Only integer arithmetic is used: the same seed gives the same bytes on every
// machine. Amounts are whole cents of the department's money_unit.
//
// About 30% of the departments are clean; the others break one to three of the
// themes of samples/flawed/ (late intentions and contracts, SME set-aside,
// spending schedule, carryover, operating costs, missed targets, ex-ante
// evaluation, missing or negative evidence, assets, late disclosure,
// inconsistent self-evaluation), a few records each, as real reports do.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace {

namespace fs = std::filesystem;
using i64 = std::int64_t;
using u64 = std::uint64_t;

// ---------------------------------------------------------------- randomness

// splitmix64 to seed, xoshiro256** to draw: small, fast, and specified bit for
// bit (unlike std::uniform_int_distribution, which differs between libraries).
u64 splitmix64(u64& state) {
  u64 z = (state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

class Rng {
 public:
  Rng(u64 seed, u64 stream) {
    u64 s = seed * 0x100000001B3ULL ^ (stream + 0x51ED27FULL);
    for (u64& word : s_) word = splitmix64(s);
  }
  u64 next() {
    const u64 result = rotl(s_[1] * 5, 7) * 9;
    const u64 t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
  }
  // Uniform in [lo, hi] (inclusive); the modulo bias is far below what matters here.
  i64 range(i64 lo, i64 hi) { return lo + static_cast<i64>(next() % static_cast<u64>(hi - lo + 1)); }
  // True with probability percent / 100.
  bool chance(int percent) { return range(0, 99) < percent; }
  // True with probability per_mille / 1000.
  bool chance_mille(int per_mille) { return range(0, 999) < per_mille; }
  template <typename T>
  const T& pick(const std::vector<T>& v) {
    return v[static_cast<std::size_t>(range(0, static_cast<i64>(v.size()) - 1))];
  }
  template <typename T, std::size_t N>
  const T& pick(const std::array<T, N>& v) {
    return v[static_cast<std::size_t>(range(0, static_cast<i64>(N) - 1))];
  }
  // An amount scaled by a random factor in [lo_pct, hi_pct] percent.
  i64 scale(i64 amount, i64 lo_pct, i64 hi_pct) { return amount * range(lo_pct * 100, hi_pct * 100) / 10000; }

 private:
  static u64 rotl(u64 x, int k) { return (x << k) | (x >> (64 - k)); }
  std::array<u64, 4> s_{};
};

// ---------------------------------------------------------------- dates

// Days since 1970-01-01 <-> civil date (H. Hinnant's algorithms).
i64 days_from_civil(i64 y, unsigned m, unsigned d) {
  y -= m <= 2;
  const i64 era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<i64>(doe) - 719468;
}

std::string date_text(i64 z) {
  z += 719468;
  const i64 era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const i64 y = static_cast<i64>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return fmt::format("{:04}-{:02}-{:02}", y + (m <= 2), m, d);
}

// ---------------------------------------------------------------- the model

constexpr int fiscal_year = 2023;

// The themes of samples/flawed/, as bits.
namespace theme {
enum Bits : unsigned {
  intention = 1u << 0,
  contract = 1u << 1,
  sme = 1u << 2,
  schedule = 1u << 3,
  carryover = 1u << 4,
  costs = 1u << 5,
  targets = 1u << 6,
  ex_ante = 1u << 7,
  evidence_missing = 1u << 8,
  evidence_negative = 1u << 9,
  assets = 1u << 10,
  disclosure = 1u << 11,
  self_evaluation = 1u << 12,
};
}  // namespace theme
constexpr std::array<std::pair<unsigned, const char*>, 13> theme_names = {{
    {theme::intention, "procurement-intention"},
    {theme::contract, "procurement-contract"},
    {theme::sme, "sme-setaside"},
    {theme::schedule, "spending-schedule"},
    {theme::carryover, "carryover"},
    {theme::costs, "operating-costs"},
    {theme::targets, "targets-missed"},
    {theme::ex_ante, "ex-ante-evaluation"},
    {theme::evidence_missing, "evidence-missing"},
    {theme::evidence_negative, "evidence-negative"},
    {theme::assets, "assets"},
    {theme::disclosure, "disclosure-late"},
    {theme::self_evaluation, "self-evaluation-inconsistent"},
}};

using Date = std::optional<i64>;
using Money = std::optional<i64>;  // cents of the money unit

struct Evidence {
  bool done = true;
  Date date;
  std::string document;
  std::vector<std::string> issues;
  std::string note;
  std::optional<i64> items_total, items_covered;  // coverage evidence only
};
using OptEvidence = std::optional<Evidence>;

struct Target {
  std::string id, project_id, kind, category, name, unit, direction;
  i64 planned = 0;            // hundredths
  std::optional<i64> actual;  // hundredths
  i64 weight = 0;             // hundredths of a point
  std::string note;
};

struct Project {
  std::string id, name, level, parent_id;
  bool is_new = false;
  std::optional<bool> ex_ante;
  Date ex_ante_date;
  std::string ex_ante_document;
  bool cross_year = false;
  Money budget, spent;
  std::string note;
  std::vector<std::size_t> targets;  // indexes into Department::targets
};

struct Procurement {
  std::string id, name, project_id, category, method, scope, exemption_reason;
  i64 budget = 0;
  Date intention_published, procurement_started, award_notice, contract_signed, contract_published,
      contract_filed, acceptance_date;
  Money contract_amount;
  std::string supplier, supplier_size;
  std::optional<bool> sme_suitable;
  std::string sme_unsuitable_reason;
  Money sme_reserved, small_micro_reserved;
  std::vector<std::string> compliance_issues;
  std::string note;
};

struct Line {  // budget line / expense line
  Money initial, adjusted, spent, income, budget, actual, last_year;
};

struct Remittance {
  std::string id, description;
  i64 amount = 0;
  Date received, due, remitted;
  Money remitted_amount;
};

struct Disposal {
  std::string description;
  i64 quantity = 0;
  i64 original_value = 0;
  bool approved = true;
  std::string approval_document;
  Date date;
};

struct Disclosure {
  i64 approved = 0;
  Date published;
  std::string document;
  std::vector<std::string> issues;
};

struct Department {
  std::size_t index = 0;
  unsigned themes = 0;
  bool numbers_as_strings = true;  // "1234.50" or 1234.50 in JSON
  bool excel_csv = false;          // BOM + CRLF in the CSV tables
  std::string code, name, level, parent, unit;
  std::vector<std::string> notes;
  // budget
  i64 initial = 0, adjusted = 0, spent = 0, income = 0;
  Line general_public_budget, basic, staff, public_funds_line, project_line;
  i64 carryover_start = 0, surplus_start = 0, carryover_end = 0, surplus_end = 0;
  std::vector<std::pair<int, i64>> monthly;
  std::vector<Project> projects;
  std::vector<Target> targets;
  std::vector<Procurement> procurements;
  // assets
  OptEvidence allocation, inventory, data_quality, management_compliance;
  std::optional<std::vector<Remittance>> remittances;
  std::vector<Disposal> disposals;
  i64 fa_original = 0, fa_in_use = 0, fa_idle = 0;
  // running costs
  i64 pf_budget = 0, pf_actual = 0;
  bool has_three_public = true;
  std::array<Line, 3> three_public{};  // overseas_travel, vehicles, official_reception
  // disclosures, management
  std::optional<Disclosure> budget_disclosure, final_accounts;
  OptEvidence performance_disclosure;
  bool has_performance_management = true;
  OptEvidence pm_rules, pm_results, pm_targets, pm_monitoring, pm_evaluation;
  bool has_internal_controls = true;
  OptEvidence procurement_rules, financial_rules;
  OptEvidence financial_compliance, procurement_compliance;
  // self-evaluation
  i64 self_total = 10000, self_first = 5000, self_second = 5000;  // hundredths
  std::string self_grade = "优";
  std::optional<i64> self_sme_score;
  std::optional<i64> stated_spending_rate, stated_project_share;  // hundredths of a percent
};

// ---------------------------------------------------------------- vocabulary

const std::array<const char*, 11> districts = {"越秀区", "海珠区", "荔湾区", "天河区", "白云区", "黄埔区",
                                               "番禺区", "花都区", "南沙区", "从化区", "增城区"};
const std::array<const char*, 24> bureaus = {"教育局",
                                             "科学技术局",
                                             "工业和信息化局",
                                             "民政局",
                                             "司法局",
                                             "财政局",
                                             "人力资源和社会保障局",
                                             "规划和自然资源局",
                                             "生态环境局",
                                             "住房和城乡建设局",
                                             "交通运输局",
                                             "水务局",
                                             "农业农村局",
                                             "商务局",
                                             "文化广电旅游局",
                                             "卫生健康委员会",
                                             "退役军人事务局",
                                             "应急管理局",
                                             "审计局",
                                             "市场监督管理局",
                                             "统计局",
                                             "医疗保障局",
                                             "城市管理和综合执法局",
                                             "档案馆"};
const std::array<const char*, 16> goods = {"办公设备", "计算机及网络设备", "档案密集架", "执法记录仪",
                                           "公务用车", "实验室仪器",       "图书资料",   "安防监控设备",
                                           "应急物资", "教学设备",         "医疗设备",   "办公家具",
                                           "服务器",   "打印复印设备",     "空调设备",   "信创终端"};
const std::array<const char*, 16> services = {
    "物业管理服务", "信息系统运维服务", "数据加工服务",   "法律顾问服务", "审计服务",       "会议培训服务",
    "保安服务",     "保洁服务",         "宣传推广服务",   "课题研究服务", "档案数字化服务", "第三方评估服务",
    "食堂餐饮服务", "车辆租赁服务",     "云资源租用服务", "测绘服务"};
const std::array<const char*, 8> works = {"办公楼维修改造工程", "消防设施改造工程", "道路修缮工程",
                                          "河涌整治工程",       "供水管网改造工程", "档案库房改造工程",
                                          "绿化提升工程",       "机房改造工程"};
const std::array<const char*, 12> project_names = {
    "业务工作经费", "信息化建设经费", "专项业务经费", "运行保障经费", "人才培养经费",     "宣传教育经费",
    "执法装备经费", "课题研究经费",   "应急保障经费", "民生服务经费", "基础设施维护经费", "数字政府建设经费"};
const std::array<const char*, 6> supplier_kinds = {"科技有限公司",     "信息技术有限公司", "建设工程有限公司",
                                                   "物业服务有限公司", "咨询有限公司",     "设备有限公司"};
const std::array<const char*, 12> supplier_places = {"广州", "穗华", "羊城", "珠江", "白云", "南粤",
                                                     "越秀", "天河", "岭南", "花城", "粤海", "云山"};

struct TargetTemplate {
  const char* kind;
  const char* category;
  const char* name;
  const char* unit;
  const char* direction;
  i64 lo, hi;  // planned range (whole units)
};
const std::array<TargetTemplate, 14> target_templates = {{
    {"output", "数量指标", "开展业务培训", "人次", ">=", 50, 5000},
    {"output", "数量指标", "完成专项检查", "次", ">=", 5, 300},
    {"output", "数量指标", "办理服务事项", "件", ">=", 500, 50000},
    {"output", "质量指标", "验收合格率", "%", ">=", 90, 100},
    {"output", "时效指标", "按时完成率", "%", ">=", 80, 100},
    {"output", "成本指标", "单位服务成本", "元", "<=", 20, 5000},
    {"output", "数量指标", "编印工作简报", "期", "=", 4, 24},
    {"benefit", "满意度指标", "服务对象满意度", "%", ">=", 85, 95},
    {"benefit", "社会效益指标", "有效投诉", "件", "<=", 2, 30},
    {"benefit", "社会效益指标", "政策知晓率", "%", ">=", 70, 95},
    {"benefit", "经济效益指标", "带动社会投资", "万元", ">=", 100, 10000},
    {"benefit", "生态效益指标", "节能降耗率", "%", ">=", 2, 10},
    {"benefit", "可持续影响指标", "系统全年可用率", "%", "=", 99, 100},
    {"benefit", "可持续影响指标", "长效机制建立", "项", ">=", 1, 5},
}};

const std::array<const char*, 8> evidence_issues = {"部分支出凭证附件不齐全", "个别事项未按规定履行审批程序",
                                                    "内部控制流程执行不到位", "部分资料未及时归档",
                                                    "台账登记不完整",         "个别合同条款约定不明确",
                                                    "整改落实不及时",         "制度未覆盖全部业务环节"};
const std::array<const char*, 5> procurement_issues = {"采购文件归档不规范", "采购需求论证不充分",
                                                       "评审专家抽取记录缺失", "验收报告内容不完整",
                                                       "合同履约验收不及时"};

// ---------------------------------------------------------------- generation

class Generator {
 public:
  Generator(u64 seed, std::size_t index) : rng_(seed, index), seed_(seed) { d_.index = index; }

  Department make() {
    choose_identity();
    choose_themes();
    const i64 procurement_count = choose_procurement_count();
    make_budget(procurement_count);
    make_projects(procurement_count);
    make_targets();
    for (i64 i = 0; i < procurement_count; ++i) make_procurement(static_cast<std::size_t>(i) + 1);
    make_assets();
    make_costs();
    make_management();
    apply_themes();
    make_self_evaluation();
    make_notes();
    return std::move(d_);
  }

 private:
  // An amount given in 元 cents, in the department's unit (1 万元 = 10000 元), at least 0.01.
  i64 money(i64 yuan_cents) const {
    if (!wan_) return yuan_cents;
    return std::max<i64>(1, (yuan_cents + 5000) / 10000);
  }
  static i64 yuan(i64 whole) { return whole * 100; }  // whole 元 → 元 cents
  i64 day(int month, int dom) const { return days_from_civil(fiscal_year, month, dom); }

  void choose_identity() {
    d_.code = fmt::format("BENCH-{:05}", d_.index);
    const bool city = rng_.chance(35);
    d_.level = city ? "市级" : "区级";
    const char* bureau = rng_.pick(bureaus);
    if (city) {
      d_.name = fmt::format("广州市{}（基准测试 {:05}）", bureau, d_.index);
      d_.parent = "广州市人民政府";
    } else {
      const char* district = rng_.pick(districts);
      d_.name = fmt::format("广州市{}{}（基准测试 {:05}）", district, bureau, d_.index);
      d_.parent = fmt::format("广州市{}人民政府", district);
    }
    wan_ = rng_.chance(30);
    d_.unit = wan_ ? "万元" : "元";
    d_.numbers_as_strings = rng_.chance(50);
    d_.excel_csv = rng_.chance(33);
  }

  void choose_themes() {
    if (rng_.chance(30)) return;  // clean
    int count = 1 + (rng_.chance(40) ? 1 : 0) + (rng_.chance(15) ? 1 : 0);
    while (count > 0) {
      const unsigned bit = rng_.pick(theme_names).first;
      if ((d_.themes & bit) == 0) {
        d_.themes |= bit;
        --count;
      }
    }
  }
  bool has(unsigned t) const { return (d_.themes & t) != 0; }

  // About 200 procurements a department on average, skewed: most departments
  // have tens to a few hundred, one in two hundred is a large bureau with
  // 1,500–2,000. L (10,000 departments) comes to about 2 million.
  i64 choose_procurement_count() {
    if (rng_.chance_mille(5)) return rng_.range(1500, 2000);
    if (rng_.chance_mille(10)) return 0;  // no government procurement this year
    const i64 u = rng_.range(0, 1000);
    return 20 + 520 * u * u / 1000000;
  }

  void make_budget(i64 procurements) {
    const i64 adjusted_yuan = rng_.scale(yuan(20'000'000 + procurements * 300'000), 70, 150);
    d_.adjusted = money(adjusted_yuan);
    d_.initial = rng_.scale(d_.adjusted, 90, 104);
    d_.spent = d_.adjusted - d_.adjusted * rng_.range(0, 4) / 10000;  // 99.96–100%
    d_.income = d_.spent;
    d_.carryover_start = rng_.scale(d_.adjusted, 0, 6);
    d_.surplus_start = rng_.scale(d_.adjusted, 0, 1);
    d_.carryover_end = rng_.scale(d_.spent, 0, 6);
    d_.surplus_end = rng_.scale(d_.spent, 0, 2);
    monthly_curve(100, 104);
  }

  // Cumulative spending per month: at or above month/12 of the adjusted budget
  // when lo_pct ≥ 100, December equal to the year's spending.
  void monthly_curve(i64 lo_pct, i64 hi_pct) {
    d_.monthly.clear();
    i64 previous = 0;
    for (int m = 1; m <= 12; ++m) {
      i64 value = d_.spent;
      if (m < 12) {
        const i64 due = (d_.adjusted * m + 11) / 12;  // rounded up
        value = std::min(d_.spent, std::max(previous, due * rng_.range(lo_pct * 100, hi_pct * 100) / 10000 +
                                                          (lo_pct >= 100 ? 1 : 0)));
      }
      d_.monthly.emplace_back(m, value);
      previous = value;
    }
  }

  void make_projects(i64 procurements) {
    const i64 first_level = std::min<i64>(60, 3 + procurements / 15 + rng_.range(0, 4));
    const i64 project_total = rng_.scale(d_.spent, 20, 45);
    i64 left = project_total;
    for (i64 i = 1; i <= first_level; ++i) {
      Project p;
      p.id = fmt::format("P{:02}", i);
      p.name = fmt::format("{}（{}）", rng_.pick(project_names), i);
      p.level = "一级";
      const i64 share =
          i == first_level ? left : std::min(left, project_total * rng_.range(50, 150) / 100 / first_level);
      left -= share;
      p.budget = share;
      p.spent = share;
      p.cross_year = rng_.chance(10);
      if (rng_.chance(15)) {
        p.is_new = true;
        p.ex_ante = true;
        p.ex_ante_date = days_from_civil(fiscal_year - 1, static_cast<unsigned>(rng_.range(6, 11)),
                                         static_cast<unsigned>(rng_.range(1, 28)));
        p.ex_ante_document = p.name + "事前绩效评估报告";
      }
      if (rng_.chance(5)) p.note = "含运维, 培训等子项";  // a comma: the CSV cell is quoted
      d_.projects.push_back(p);
      if (rng_.chance(30)) {
        const i64 children = rng_.range(1, 3);
        for (i64 c = 1; c <= children; ++c) {
          Project child;
          child.id = fmt::format("{}-{:02}", p.id, c);
          child.name = fmt::format("{}子项目{}", p.name, c);
          child.level = "二级";
          child.parent_id = p.id;
          child.cross_year = p.cross_year;
          d_.projects.push_back(child);
        }
      }
    }
    first_level_ = first_level;
  }

  void make_targets() {
    for (const char* kind : {"output", "benefit"}) {
      const i64 n = std::clamp<i64>(first_level_ / 2 + rng_.range(1, 4), 2, 16);
      // 20 points (2000 hundredths) spread over n targets, each at least 0.5.
      std::vector<i64> weights(static_cast<std::size_t>(n), 50);
      for (i64 left = 2000 - 50 * n; left > 0;) {
        const i64 step = std::min<i64>(left, 25 * rng_.range(1, 8));
        weights[static_cast<std::size_t>(rng_.range(0, n - 1))] += step;
        left -= step;
      }
      std::vector<const TargetTemplate*> pool;
      for (const TargetTemplate& t : target_templates)
        if (std::strcmp(t.kind, kind) == 0) pool.push_back(&t);
      for (i64 i = 0; i < n; ++i) {
        const TargetTemplate& tt = *rng_.pick(pool);
        Target t;
        t.id = fmt::format("T{}{:02}", kind[0] == 'o' ? "O" : "B", i + 1);
        const i64 project = rng_.range(0, first_level_ - 1);
        t.project_id = fmt::format("P{:02}", project + 1);
        t.kind = kind;
        t.category = tt.category;
        t.name = tt.name;
        t.unit = tt.unit;
        t.direction = tt.direction;
        t.planned = rng_.range(tt.lo, tt.hi) * 100;
        if (t.direction == std::string(">=")) {
          t.actual = t.planned * rng_.range(100, 108) / 100;
          if (std::strcmp(tt.unit, "%") == 0) t.actual = std::min<i64>(*t.actual, 10000);
          if (std::strcmp(tt.unit, "%") == 0 && t.planned > *t.actual) t.actual = t.planned;
        } else if (t.direction == std::string("<=")) {
          t.actual = t.planned * rng_.range(80, 100) / 100;
        } else {
          t.actual = t.planned;
        }
        t.weight = weights[static_cast<std::size_t>(i)];
        whole_units(t);
        d_.targets.push_back(t);
        project_by_id(t.project_id).targets.push_back(d_.targets.size() - 1);
      }
    }
  }

  // Counts (人次, 件, 期 …) are whole numbers; rates and amounts keep two decimals.
  static void whole_units(Target& t) {
    if (t.unit == "%" || t.unit == "元" || t.unit == "万元" || !t.actual) return;
    t.actual = *t.actual / 100 * 100;
  }

  Project& project_by_id(const std::string& id) {
    for (Project& p : d_.projects)
      if (p.id == id) return p;
    throw std::logic_error("no project " + id);
  }

  void make_procurement(std::size_t n) {
    Procurement p;
    p.id = fmt::format("CG{}-{:04}", fiscal_year, n);
    p.project_id = fmt::format("P{:02}", rng_.range(1, first_level_));
    const i64 kind = rng_.range(0, 99);
    p.category = kind < 45 ? "goods" : kind < 90 ? "services" : "works";
    const char* what = p.category == "goods"      ? rng_.pick(goods)
                       : p.category == "services" ? rng_.pick(services)
                                                  : rng_.pick(works);
    p.name = fmt::format("{}{}（{:04}）", d_.code.substr(6), what, n);

    // Budget in 元: mostly below 200 万, some large ones.
    const i64 band = rng_.range(0, 99);
    i64 budget_yuan = band < 30   ? rng_.range(10'000, 100'000)
                      : band < 60 ? rng_.range(100'000, 500'000)
                      : band < 85 ? rng_.range(500'000, 2'000'000)
                      : band < 97 ? rng_.range(2'000'000, 10'000'000)
                                  : rng_.range(10'000'000, 50'000'000);
    budget_yuan = budget_yuan / 100 * 100;
    p.budget = money(yuan(budget_yuan));

    // Method: the exempt ones (协议供货, 定点, 批量集中, 电子卖场) need no intention.
    const i64 m = rng_.range(0, 99);
    static const std::array<std::pair<const char*, const char*>, 4> exempt = {{
        {"agreement_supply", "协议供货"},
        {"designated_procurement", "定点采购"},
        {"batch_centralized", "批量集中采购"},
        {"e_mall", "电子卖场直购"},
    }};
    const bool is_exempt = m < 25 && budget_yuan < 2'000'000;
    if (is_exempt) {
      const auto& e = rng_.pick(exempt);
      p.method = e.first;
      p.scope = "exempt";
      p.exemption_reason = e.second;
    } else {
      p.method = m < 55   ? "public_tender"
                 : m < 75 ? "competitive_consultation"
                 : m < 85 ? "competitive_negotiation"
                 : m < 92 ? "inquiry"
                 : m < 97 ? "single_source"
                          : "framework_agreement";
      p.scope = "in_scope";
    }

    // Dates: started between mid January and September; everything on time.
    const i64 start = day(1, 10) + rng_.range(0, 262);
    if (!is_exempt) {
      p.intention_published = start - rng_.range(30, 90);
      p.procurement_started = start;
      p.award_notice = start + rng_.range(10, 40);
      p.contract_signed = *p.award_notice + rng_.range(2, 28);
    } else {
      p.contract_signed = start + rng_.range(0, 30);
    }
    p.contract_published = *p.contract_signed + rng_.range(0, 1);
    p.contract_filed = *p.contract_signed + rng_.range(1, 7);
    if (rng_.chance(60)) p.acceptance_date = *p.contract_signed + rng_.range(20, 120);
    p.contract_amount = rng_.scale(p.budget, 90, 100);
    p.supplier = fmt::format("{}{}{}", rng_.pick(supplier_places), rng_.pick(supplier_places),
                             rng_.pick(supplier_kinds));
    const i64 size = rng_.range(0, 99);
    p.supplier_size = size < 10 ? "large" : size < 35 ? "medium" : size < 75 ? "small" : "micro";

    // SME set-aside: suitable ones reserved in full (clean).
    if (is_exempt || rng_.chance(15)) {
      p.sme_suitable = false;
      p.sme_unsuitable_reason = is_exempt ? fmt::format("{}，按目录选购，不单独预留份额", p.exemption_reason)
                                          : "经市场调研，适宜由中小企业提供的供应商不足以形成充分竞争";
    } else {
      p.sme_suitable = true;
      p.sme_reserved = p.budget;
      p.small_micro_reserved = rng_.scale(p.budget, 60, 100);
    }
    if (rng_.chance(3)) p.note = "报告原文: \"分两期实施\", 本年为第一期";  // quotes and a comma
    d_.procurements.push_back(std::move(p));
  }

  Evidence evidence(const std::string& document, i64 date) {
    Evidence e;
    e.document = document;
    e.date = date;
    return e;
  }

  void make_assets() {
    const i64 date = day(12, rng_.range(10, 29));
    d_.allocation = evidence("资产配置计划执行情况", date);
    d_.inventory = evidence("年度资产盘点报告", day(12, rng_.range(1, 20)));
    d_.data_quality = evidence("资产卡片与财务账核对表", date);
    d_.management_compliance = evidence("资产管理自查报告", date);
    d_.remittances.emplace();
    for (i64 i = 1, n = rng_.range(0, 3); i <= n; ++i) {
      Remittance r;
      r.id = fmt::format("ZC-{:02}", i);
      r.description = rng_.chance(50) ? "临时场地出租收入" : "报废资产处置收入";
      r.amount = money(yuan(rng_.range(1'000, 200'000)));
      r.received = day(1, 15) + rng_.range(0, 300);
      r.due = *r.received + 30;
      r.remitted = *r.received + rng_.range(3, 28);
      r.remitted_amount = r.amount;
      d_.remittances->push_back(r);
    }
    for (i64 i = 1, n = rng_.range(0, 3); i <= n; ++i) {
      Disposal x;
      x.description = fmt::format("报废{}（第 {} 批）", rng_.pick(goods), i);
      x.quantity = rng_.range(1, 40);
      x.original_value = money(yuan(rng_.range(5'000, 300'000)));
      x.approval_document = fmt::format("资产处置审批表第 {} 号", rng_.range(1, 99));
      x.date = day(1, 20) + rng_.range(0, 320);
      d_.disposals.push_back(x);
    }
    d_.fa_original = money(yuan(rng_.range(2'000'000, 200'000'000)));
    d_.fa_in_use = rng_.scale(d_.fa_original, 92, 100);
    d_.fa_idle = d_.fa_original - d_.fa_in_use;
  }

  void make_costs() {
    // Basic spending = spent − first-level project spending; staff + public funds.
    i64 project_spent = 0;
    for (const Project& p : d_.projects)
      if (p.level == "一级") project_spent += *p.spent;
    const i64 basic = d_.spent - project_spent;
    const i64 staff = rng_.scale(basic, 75, 85);
    d_.general_public_budget = {d_.initial, d_.adjusted, d_.spent, d_.income, {}, {}, {}};
    d_.project_line.adjusted = project_spent;
    d_.project_line.spent = project_spent;
    d_.basic.adjusted = d_.adjusted - project_spent;
    d_.basic.spent = basic;
    d_.staff.spent = staff;
    d_.public_funds_line.spent = basic - staff;
    d_.pf_actual = basic - staff;
    d_.pf_budget = rng_.scale(d_.pf_actual, 100, 108);
    d_.public_funds_line.adjusted = d_.pf_budget;
    for (std::size_t c = 0; c < 3; ++c) {
      Line& line = d_.three_public[c];
      const i64 base = c == 0 && rng_.chance(60) ? 0 : money(yuan(rng_.range(5'000, 300'000)));
      line.budget = base;
      line.actual = rng_.scale(base, 60, 100);
      line.last_year = std::max(*line.actual, rng_.scale(base, 80, 110));
    }
  }

  void make_management() {
    const i64 projects = first_level_;
    d_.budget_disclosure = Disclosure{day(2, rng_.range(1, 10)), {}, "部门预算公开网址", {}};
    d_.budget_disclosure->published = d_.budget_disclosure->approved + rng_.range(3, 19);
    d_.final_accounts = Disclosure{day(8, rng_.range(1, 10)), {}, "部门决算公开网址", {}};
    d_.final_accounts->published = d_.final_accounts->approved + rng_.range(3, 19);
    d_.performance_disclosure = evidence("绩效目标及自评结果公开", day(8, 25));
    d_.performance_disclosure->items_total = projects;
    d_.performance_disclosure->items_covered = projects;
    d_.pm_rules = evidence("预算绩效管理办法", days_from_civil(fiscal_year - 1, 6, 30));
    d_.pm_results = evidence("评价结果应用于下年度预算编制", day(10, 20));
    d_.pm_targets = evidence("绩效目标申报表", days_from_civil(fiscal_year - 1, 10, 15));
    d_.pm_targets->items_total = projects;
    d_.pm_targets->items_covered = projects;
    d_.pm_monitoring = evidence("绩效运行监控报告", day(8, 15));
    d_.pm_evaluation = evidence("部门整体支出绩效自评报告", days_from_civil(fiscal_year + 1, 2, 20));
    d_.procurement_rules = evidence("政府采购内部控制管理办法", days_from_civil(fiscal_year - 1, 3, 1));
    d_.financial_rules = evidence("财务管理制度", days_from_civil(fiscal_year - 1, 3, 1));
    d_.financial_compliance = evidence("财务自查报告", days_from_civil(fiscal_year + 1, 1, 20));
    d_.procurement_compliance = evidence("政府采购自查报告", days_from_civil(fiscal_year + 1, 1, 20));
  }

  // A few records to break: 1 + about 2% of n, at most n.
  i64 few(std::size_t n) {
    return std::min<i64>(static_cast<i64>(n), 1 + rng_.range(0, static_cast<i64>(n) / 50));
  }
  std::vector<std::size_t> in_scope() const {
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < d_.procurements.size(); ++i)
      if (d_.procurements[i].scope == "in_scope") out.push_back(i);
    return out;
  }
  Procurement& any_procurement(const std::vector<std::size_t>& among) {
    return d_.procurements[rng_.pick(among)];
  }
  std::string issue() { return rng_.pick(evidence_issues); }

  void apply_themes() {
    std::vector<std::size_t> all(d_.procurements.size());
    for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;
    const std::vector<std::size_t> scoped = in_scope();

    if (has(theme::intention) && !scoped.empty()) {
      for (i64 k = few(scoped.size()); k > 0; --k) {
        Procurement& p = any_procurement(scoped);
        if (rng_.chance(40)) {
          p.intention_published.reset();
        } else {
          p.intention_published = *p.procurement_started - rng_.range(3, 25);
        }
      }
    }
    if (has(theme::contract) && !all.empty()) {
      for (i64 k = few(all.size()); k > 0; --k) {
        Procurement& p = any_procurement(all);
        switch (rng_.range(0, 2)) {
          case 0:
            if (p.award_notice) {
              p.contract_signed = *p.award_notice + rng_.range(31, 50);
              p.contract_published = *p.contract_signed + 1;
              p.contract_filed = *p.contract_signed + rng_.range(1, 6);
              break;
            }
            [[fallthrough]];
          case 1: p.contract_published = *p.contract_signed + rng_.range(15, 30); break;
          default: p.contract_filed = *p.contract_signed + rng_.range(25, 45); break;
        }
      }
    }
    if (has(theme::sme)) {
      for (i64 k = few(all.size()); k > 0 && !all.empty(); --k) {
        Procurement& p = any_procurement(all);
        if (!p.sme_suitable || !*p.sme_suitable) continue;
        const i64 limit = money(yuan(p.category == "works" ? 4'000'000 : 2'000'000));
        if (p.budget > limit) {
          p.sme_reserved = rng_.scale(p.budget, 15, 29);
          p.small_micro_reserved = rng_.scale(*p.sme_reserved, 40, 59);
        } else {
          p.sme_reserved = rng_.scale(p.budget, 50, 99);
          p.small_micro_reserved = *p.sme_reserved;
        }
      }
    }
    if (has(theme::schedule)) {
      d_.spent = rng_.scale(d_.adjusted, 80, 98);
      d_.income = d_.spent;
      monthly_curve(85, 101);
      make_costs();  // the basic line follows the new total
    }
    if (has(theme::carryover)) {
      d_.carryover_end = rng_.scale(d_.spent, 10, 32);
      d_.surplus_end = rng_.scale(d_.spent, 2, 8);
    }
    if (has(theme::costs)) {
      d_.pf_budget = rng_.scale(d_.pf_actual, 80, 98);
      d_.public_funds_line.adjusted = d_.pf_budget;
      for (Line& line : d_.three_public) {
        if (!rng_.chance(50)) continue;
        if (rng_.chance(50)) {
          line.actual = std::max<i64>(money(yuan(1'000)), rng_.scale(*line.budget, 105, 130));
        } else {
          line.last_year = rng_.scale(*line.actual, 70, 95);
        }
      }
    }
    if (has(theme::targets)) {
      for (i64 k = std::max<i64>(1, static_cast<i64>(d_.targets.size()) / 4); k > 0; --k) {
        Target& t =
            d_.targets[static_cast<std::size_t>(rng_.range(0, static_cast<i64>(d_.targets.size()) - 1))];
        if (rng_.chance(10)) {
          t.actual.reset();
        } else if (t.direction == ">=") {
          t.actual = t.planned * rng_.range(60, 97) / 100;
        } else if (t.direction == "<=") {
          t.actual = t.planned * rng_.range(104, 140) / 100;
        } else {
          t.actual = t.planned * rng_.range(80, 95) / 100;
        }
        whole_units(t);
      }
    }
    if (has(theme::ex_ante)) {
      for (i64 k = rng_.range(1, 3); k > 0; --k) {
        Project& p =
            d_.projects[static_cast<std::size_t>(rng_.range(0, static_cast<i64>(d_.projects.size()) - 1))];
        p.is_new = true;
        if (rng_.chance(70)) {
          p.ex_ante = false;
        } else {
          p.ex_ante.reset();
        }
        p.ex_ante_date.reset();
        p.ex_ante_document.clear();
      }
    }
    if (has(theme::evidence_missing)) {
      std::array<OptEvidence*, 10> items = {&d_.allocation,
                                            &d_.inventory,
                                            &d_.data_quality,
                                            &d_.management_compliance,
                                            &d_.financial_compliance,
                                            &d_.procurement_compliance,
                                            &d_.performance_disclosure,
                                            &d_.pm_monitoring,
                                            &d_.procurement_rules,
                                            &d_.pm_results};
      for (i64 k = rng_.range(2, 6); k > 0; --k) rng_.pick(items)->reset();
      if (rng_.chance(20)) d_.has_performance_management = false;
      if (rng_.chance(15)) d_.has_internal_controls = false;
      if (rng_.chance(20)) d_.remittances.reset();
      if (rng_.chance(10) && !all.empty()) any_procurement(all).contract_filed.reset();
    }
    if (has(theme::evidence_negative)) {
      std::array<OptEvidence*, 8> items = {&d_.pm_rules,
                                           &d_.pm_results,
                                           &d_.pm_monitoring,
                                           &d_.procurement_rules,
                                           &d_.financial_compliance,
                                           &d_.procurement_compliance,
                                           &d_.performance_disclosure,
                                           &d_.financial_rules};
      for (i64 k = rng_.range(1, 4); k > 0; --k) {
        OptEvidence& e = *rng_.pick(items);
        if (!e) continue;
        if (rng_.chance(40)) {
          e->done = false;
          e->issues.clear();
          if (e->items_total) e->items_covered = 0;
        } else {
          for (i64 n = rng_.range(1, 3); n > 0; --n) e->issues.push_back(issue());
        }
      }
      for (i64 k = few(all.size()); k > 0 && !all.empty(); --k)
        any_procurement(all).compliance_issues.push_back(rng_.pick(procurement_issues));
    }
    if (has(theme::assets)) {
      if (rng_.chance(50) && d_.allocation) d_.allocation->issues.push_back("超标准配置办公设备");
      if (rng_.chance(40) && d_.inventory) d_.inventory->done = false;
      if (rng_.chance(40) && d_.data_quality) d_.data_quality->issues.push_back("部分资产卡片信息不完整");
      if (d_.remittances && !d_.remittances->empty()) {
        Remittance& r = d_.remittances->front();
        if (rng_.chance(50)) {
          r.remitted = *r.due + rng_.range(5, 60);
        } else {
          r.remitted.reset();
          r.remitted_amount.reset();
        }
      }
      if (!d_.disposals.empty()) d_.disposals.back().approved = false;
      d_.fa_in_use = rng_.scale(d_.fa_original, 55, 88);
      d_.fa_idle = d_.fa_original - d_.fa_in_use;
    }
    if (has(theme::disclosure)) {
      Disclosure& x = rng_.chance(50) ? *d_.budget_disclosure : *d_.final_accounts;
      if (rng_.chance(25)) {
        x.published.reset();
      } else {
        x.published = x.approved + rng_.range(21, 45);
      }
      if (rng_.chance(30)) x.issues.push_back("公开内容不完整");
    }
  }

  void make_self_evaluation() {
    // Departments score themselves high; a flawed one usually does not notice.
    d_.self_total = d_.themes == 0 ? 10000 : rng_.range(9500, 10000);
    d_.self_first = std::min<i64>(5000, d_.self_total - 4500 - rng_.range(0, 400));
    d_.self_second = d_.self_total - d_.self_first;
    d_.self_grade = "优";
    const i64 rate = (d_.spent * 20000 / d_.adjusted + 1) / 2;  // hundredths of a percent, half up
    d_.stated_spending_rate = rate;
    if (has(theme::self_evaluation)) {
      d_.self_total += rng_.range(10, 150);  // the parts no longer add up
      d_.self_total = std::min<i64>(d_.self_total, 10000);
      if (rng_.chance(50)) d_.self_grade = "良";
      if (rng_.chance(50)) d_.self_sme_score = 999;  // 9.99 for a 1-point leaf, as seed 004
      d_.stated_spending_rate = rate - rng_.range(50, 300);
      d_.stated_project_share = rng_.range(1000, 4000);
    }
  }

  void make_notes() {
    d_.notes.push_back(fmt::format(
        "Synthetic department generated by jxaudit bench/generate (seed {}, index {}); not a real unit.",
        seed_, d_.index));
    std::string broken;
    for (const auto& [bit, name] : theme_names) {
      if ((d_.themes & bit) == 0) continue;
      if (!broken.empty()) broken += ", ";
      broken += name;
    }
    d_.notes.push_back(broken.empty() ? "Clean: breaks no theme of samples/flawed/."
                                      : "Breaks the themes of samples/flawed/: " + broken + ".");
  }

  Rng rng_;
  u64 seed_;
  Department d_;
  bool wan_ = false;
  i64 first_level_ = 0;
};

// ---------------------------------------------------------------- writing

std::string cents(i64 v) {
  const char* sign = v < 0 ? "-" : "";
  const i64 a = v < 0 ? -v : v;
  return fmt::format("{}{}.{:02}", sign, a / 100, a % 100);
}

// A decimal in hundredths, without needless trailing zeros ("75", "2.5", "0.24").
std::string hundredths(i64 v) {
  std::string s = cents(v);
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s;
}

std::string json_string(std::string_view s) {
  std::string out = "\"";
  for (const char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      default: out += c;
    }
  }
  return out + "\"";
}

// Members of one JSON object, written in order, skipping absent values.
class Obj {
 public:
  explicit Obj(bool strings) : strings_(strings) {}
  Obj& raw(std::string_view key, const std::string& value) {
    out_ += out_.empty() ? "{ " : ", ";
    out_ += json_string(key);
    out_ += ": ";
    out_ += value;
    return *this;
  }
  Obj& str(std::string_view key, const std::string& v) {
    return v.empty() ? *this : raw(key, json_string(v));
  }
  Obj& money(std::string_view key, const Money& v) {
    if (!v) return *this;
    return raw(key, strings_ ? json_string(cents(*v)) : cents(*v));
  }
  Obj& dec(std::string_view key, i64 hundredths_value) {
    const std::string text = hundredths(hundredths_value);
    return raw(key, strings_ ? json_string(text) : text);
  }
  Obj& date(std::string_view key, const Date& v) { return v ? raw(key, json_string(date_text(*v))) : *this; }
  Obj& boolean(std::string_view key, std::optional<bool> v) {
    return v ? raw(key, *v ? "true" : "false") : *this;
  }
  Obj& integer(std::string_view key, std::optional<i64> v) {
    return v ? raw(key, std::to_string(*v)) : *this;
  }
  Obj& list(std::string_view key, const std::vector<std::string>& items) {
    std::string v = "[";
    for (std::size_t i = 0; i < items.size(); ++i) v += (i ? ", " : "") + json_string(items[i]);
    return raw(key, v + "]");
  }
  [[nodiscard]] std::string done() const { return out_.empty() ? "{}" : out_ + " }"; }

 private:
  bool strings_;
  std::string out_;
};

class JsonWriter {
 public:
  // lean: only what the six-rule bench reads (department, budget, procurements).
  JsonWriter(const Department& d, bool with_tables, bool lean = false)
      : d_(d), tables_(with_tables), lean_(lean) {}

  std::string write() {
    s_ += "{\n";
    member("schema_version", "\"1\"");
    member("fiscal_year", std::to_string(fiscal_year));
    member("money_unit", json_string(d_.unit));
    member("department", Obj(true)
                             .str("code", d_.code)
                             .str("name", d_.name)
                             .str("level", d_.level)
                             .str("parent", d_.parent)
                             .done());
    member("source", Obj(true).str("title", "jxaudit 基准测试合成数据（bench/generate）").done());
    member("notes", array(d_.notes, [](const std::string& n) { return json_string(n); }));
    if (tables_) {
      member("tables", Obj(true)
                           .str("procurements", "procurements.csv")
                           .str("projects", "projects.csv")
                           .str("targets", "targets.csv")
                           .str("monthly", "monthly.csv")
                           .done());
    }
    if (lean_) {
      member("budget", budget());
      member("procurements", array(d_.procurements, [&](const Procurement& p) { return procurement(p); }),
             true);
      s_ += "}\n";
      return std::move(s_);
    }
    member("budget", budget());
    if (!tables_) member("projects", array(projects(), [](const std::string& p) { return p; }));
    if (!tables_)
      member("procurements", array(d_.procurements, [&](const Procurement& p) { return procurement(p); }));
    member("assets", assets());
    member("public_funds", obj().money("budget", d_.pf_budget).money("actual", d_.pf_actual).done());
    if (d_.has_three_public) {
      const std::array<const char*, 3> keys = {"overseas_travel", "vehicles", "official_reception"};
      Obj o = obj();
      for (std::size_t c = 0; c < 3; ++c) o.raw(keys[c], line(d_.three_public[c]));
      member("three_public_expenses", o.done());
    }
    {
      Obj o = obj();
      if (d_.budget_disclosure) o.raw("budget", disclosure(*d_.budget_disclosure));
      if (d_.final_accounts) o.raw("final_accounts", disclosure(*d_.final_accounts));
      if (d_.performance_disclosure) o.raw("performance", evidence(*d_.performance_disclosure));
      member("disclosures", o.done());
    }
    if (d_.has_performance_management) {
      Obj o = obj();
      if (d_.pm_rules) o.raw("rules", evidence(*d_.pm_rules));
      if (d_.pm_results) o.raw("results_applied", evidence(*d_.pm_results));
      if (d_.pm_targets) o.raw("target_setting", evidence(*d_.pm_targets));
      if (d_.pm_monitoring) o.raw("monitoring", evidence(*d_.pm_monitoring));
      if (d_.pm_evaluation) o.raw("evaluation", evidence(*d_.pm_evaluation));
      member("performance_management", o.done());
    }
    if (d_.has_internal_controls) {
      Obj o = obj();
      if (d_.procurement_rules) o.raw("procurement_rules", evidence(*d_.procurement_rules));
      if (d_.financial_rules) o.raw("financial_rules", evidence(*d_.financial_rules));
      member("internal_controls", o.done());
    }
    if (d_.financial_compliance) member("financial_compliance", evidence(*d_.financial_compliance));
    if (d_.procurement_compliance) member("procurement_compliance", evidence(*d_.procurement_compliance));
    member("self_evaluation", self_evaluation(), true);
    s_ += "}\n";
    return std::move(s_);
  }

 private:
  Obj obj() const { return Obj(d_.numbers_as_strings); }

  void member(std::string_view key, const std::string& value, bool last = false) {
    s_ += "  ";
    s_ += json_string(key);
    s_ += ": ";
    s_ += value;
    s_ += last ? "\n" : ",\n";
  }

  template <typename Items, typename Fn>
  static std::string array(const Items& items, Fn fn) {
    if (items.empty()) return "[]";
    std::string out = "[\n";
    for (std::size_t i = 0; i < items.size(); ++i) {
      out += "    ";
      out += fn(items[i]);
      out += i + 1 < items.size() ? ",\n" : "\n";
    }
    return out + "  ]";
  }

  std::string line(const Line& l) const {
    return obj()
        .money("initial", l.initial)
        .money("adjusted", l.adjusted)
        .money("spent", l.spent)
        .money("income", l.income)
        .money("budget", l.budget)
        .money("actual", l.actual)
        .money("last_year", l.last_year)
        .done();
  }

  std::string budget() const {
    Obj basic = obj();
    basic.money("adjusted", d_.basic.adjusted).money("spent", d_.basic.spent);
    basic.raw("staff", line(d_.staff)).raw("public_funds", line(d_.public_funds_line));
    Obj o = obj();
    o.money("initial", d_.initial)
        .money("adjusted", d_.adjusted)
        .money("spent", d_.spent)
        .money("income", d_.income)
        .raw("by_source", Obj(true).raw("general_public_budget", line(d_.general_public_budget)).done())
        .raw("by_nature", Obj(true).raw("basic", basic.done()).raw("project", line(d_.project_line)).done())
        .money("carryover_start", d_.carryover_start)
        .money("surplus_start", d_.surplus_start)
        .money("carryover_end", d_.carryover_end)
        .money("surplus_end", d_.surplus_end);
    if (!tables_) {
      std::string months = "[";
      for (std::size_t i = 0; i < d_.monthly.size(); ++i) {
        months += i ? ", " : " ";
        months += obj()
                      .integer("month", d_.monthly[i].first)
                      .money("cumulative_spent", d_.monthly[i].second)
                      .done();
      }
      o.raw("monthly", months + " ]");
    }
    return o.done();
  }

  std::string target(const Target& t) const {
    Obj o = obj();
    o.str("id", t.id)
        .str("kind", t.kind)
        .str("category", t.category)
        .str("name", t.name)
        .dec("planned", t.planned);
    if (t.actual) o.dec("actual", *t.actual);
    o.str("unit", t.unit).str("direction", t.direction).dec("weight", t.weight).str("note", t.note);
    return o.done();
  }

  std::vector<std::string> projects() const {
    std::vector<std::string> out;
    for (const Project& p : d_.projects) {
      Obj o = obj();
      o.str("id", p.id).str("name", p.name).str("level", p.level).str("parent_id", p.parent_id);
      if (p.level == "一级") o.boolean("is_new", p.is_new);
      o.boolean("ex_ante_evaluation", p.ex_ante)
          .date("ex_ante_evaluation_date", p.ex_ante_date)
          .str("ex_ante_evaluation_document", p.ex_ante_document)
          .boolean("cross_year", p.cross_year)
          .money("budget", p.budget)
          .money("spent", p.spent)
          .str("note", p.note);
      std::string list = "[";
      for (std::size_t i = 0; i < p.targets.size(); ++i) {
        list += i ? ",\n        " : "\n        ";
        list += target(d_.targets[p.targets[i]]);
      }
      if (!p.targets.empty()) o.raw("targets", list + "\n      ]");
      out.push_back(o.done());
    }
    return out;
  }

  std::string procurement(const Procurement& p) const {
    return obj()
        .str("id", p.id)
        .str("name", p.name)
        .str("project_id", p.project_id)
        .str("category", p.category)
        .str("method", p.method)
        .money("budget", p.budget)
        .str("intention_scope", p.scope)
        .str("exemption_reason", p.exemption_reason)
        .date("intention_published", p.intention_published)
        .date("procurement_started", p.procurement_started)
        .date("award_notice", p.award_notice)
        .date("contract_signed", p.contract_signed)
        .date("contract_published", p.contract_published)
        .date("contract_filed", p.contract_filed)
        .date("acceptance_date", p.acceptance_date)
        .money("contract_amount", p.contract_amount)
        .str("supplier", p.supplier)
        .str("supplier_size", p.supplier_size)
        .boolean("sme_suitable", p.sme_suitable)
        .str("sme_unsuitable_reason", p.sme_unsuitable_reason)
        .money("sme_reserved", p.sme_reserved)
        .money("small_micro_reserved", p.small_micro_reserved)
        .list("compliance_issues", p.compliance_issues)
        .str("note", p.note)
        .done();
  }

  std::string evidence(const Evidence& e) const {
    Obj o = obj();
    o.boolean("done", e.done).date("date", e.date).str("document", e.document).list("issues", e.issues);
    o.str("note", e.note).integer("items_total", e.items_total).integer("items_covered", e.items_covered);
    return o.done();
  }

  std::string disclosure(const Disclosure& x) const {
    return obj()
        .date("approved", x.approved)
        .date("published", x.published)
        .str("document", x.document)
        .list("issues", x.issues)
        .done();
  }

  std::string assets() const {
    Obj o = obj();
    if (d_.allocation) o.raw("allocation", evidence(*d_.allocation));
    if (d_.remittances) {
      std::string list = "[";
      for (std::size_t i = 0; i < d_.remittances->size(); ++i) {
        const Remittance& r = (*d_.remittances)[i];
        list += i ? ", " : " ";
        list += obj()
                    .str("id", r.id)
                    .str("description", r.description)
                    .money("amount", r.amount)
                    .date("received_date", r.received)
                    .date("due_date", r.due)
                    .date("remitted_date", r.remitted)
                    .money("remitted_amount", r.remitted_amount)
                    .done();
      }
      o.raw("income_remittances", d_.remittances->empty() ? "[]" : list + " ]");
    }
    if (d_.inventory) o.raw("inventory", evidence(*d_.inventory));
    if (d_.data_quality) o.raw("data_quality", evidence(*d_.data_quality));
    if (d_.management_compliance) o.raw("management_compliance", evidence(*d_.management_compliance));
    std::string list = "[";
    for (std::size_t i = 0; i < d_.disposals.size(); ++i) {
      const Disposal& x = d_.disposals[i];
      list += i ? ", " : " ";
      list += obj()
                  .str("description", x.description)
                  .integer("quantity", x.quantity)
                  .money("original_value", x.original_value)
                  .boolean("approved", x.approved)
                  .str("approval_document", x.approval_document)
                  .date("date", x.date)
                  .done();
    }
    o.raw("disposals", d_.disposals.empty() ? "[]" : list + " ]");
    o.raw("fixed_asset_utilization", obj()
                                         .money("original_value", d_.fa_original)
                                         .money("in_use_value", d_.fa_in_use)
                                         .money("idle_value", d_.fa_idle)
                                         .date("as_of", days_from_civil(fiscal_year, 12, 31))
                                         .done());
    return o.done();
  }

  std::string self_evaluation() const {
    Obj scores = obj();
    scores.dec("履职效能", d_.self_first).dec("管理效率", d_.self_second);
    if (d_.self_sme_score) scores.dec("管理效率/采购管理/采购政策效能", *d_.self_sme_score);
    Obj rates = obj();
    if (d_.stated_spending_rate) rates.dec("spending_rate", *d_.stated_spending_rate);
    if (d_.stated_project_share) rates.dec("project_share", *d_.stated_project_share);
    return obj()
        .dec("total", d_.self_total)
        .str("grade", d_.self_grade)
        .date("evaluated_on", days_from_civil(fiscal_year + 1, 2, 20))
        .raw("scores", scores.done())
        .raw("stated_rates", rates.done())
        .done();
  }

  const Department& d_;
  bool tables_;
  bool lean_;
  std::string s_;
};

// RFC 4180 CSV, optionally as Excel saves "CSV UTF-8" (BOM, CRLF).
class CsvWriter {
 public:
  explicit CsvWriter(bool excel) : eol_(excel ? "\r\n" : "\n") {
    if (excel) out_ = "\xEF\xBB\xBF";
  }
  CsvWriter& cell(std::string_view v) {
    if (!first_) out_ += ',';
    first_ = false;
    if (v.find_first_of(",\"\r\n") == std::string_view::npos) {
      out_ += v;
      return *this;
    }
    out_ += '"';
    for (const char c : v) {
      if (c == '"') out_ += '"';
      out_ += c;
    }
    out_ += '"';
    return *this;
  }
  CsvWriter& money(const Money& v) { return cell(v ? cents(*v) : ""); }
  CsvWriter& date(const Date& v) { return cell(v ? date_text(*v) : ""); }
  CsvWriter& boolean(std::optional<bool> v) { return cell(v ? (*v ? "true" : "false") : ""); }
  void end() {
    out_ += eol_;
    first_ = true;
  }
  void header(std::initializer_list<const char*> names) {
    for (const char* n : names) cell(n);
    end();
  }
  std::string take() { return std::move(out_); }

 private:
  std::string eol_;
  std::string out_;
  bool first_ = true;
};

void write_file(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  if (!out) throw std::runtime_error(path.string() + ": cannot write");
}

std::size_t write_csv_tables(const Department& d, const fs::path& dir) {
  std::size_t bytes = 0;
  {
    CsvWriter w(d.excel_csv);
    w.header({"id",
              "name",
              "project_id",
              "category",
              "method",
              "budget",
              "intention_scope",
              "exemption_reason",
              "intention_published",
              "procurement_started",
              "award_notice",
              "contract_signed",
              "contract_published",
              "contract_filed",
              "acceptance_date",
              "contract_amount",
              "supplier",
              "supplier_size",
              "sme_suitable",
              "sme_unsuitable_reason",
              "sme_reserved",
              "small_micro_reserved",
              "compliance_issues",
              "note"});
    for (const Procurement& p : d.procurements) {
      std::string issues;
      for (const std::string& i : p.compliance_issues) issues += (issues.empty() ? "" : ";") + i;
      w.cell(p.id).cell(p.name).cell(p.project_id).cell(p.category).cell(p.method).money(p.budget);
      w.cell(p.scope).cell(p.exemption_reason).date(p.intention_published).date(p.procurement_started);
      w.date(p.award_notice).date(p.contract_signed).date(p.contract_published).date(p.contract_filed);
      w.date(p.acceptance_date).money(p.contract_amount).cell(p.supplier).cell(p.supplier_size);
      w.boolean(p.sme_suitable)
          .cell(p.sme_unsuitable_reason)
          .money(p.sme_reserved)
          .money(p.small_micro_reserved);
      w.cell(issues).cell(p.note);
      w.end();
    }
    const std::string text = w.take();
    bytes += text.size();
    write_file(dir / "procurements.csv", text);
  }
  {
    CsvWriter w(false);
    w.header({"id", "name", "level", "parent_id", "is_new", "ex_ante_evaluation", "ex_ante_evaluation_date",
              "ex_ante_evaluation_document", "cross_year", "budget", "spent", "note"});
    for (const Project& p : d.projects) {
      w.cell(p.id).cell(p.name).cell(p.level).cell(p.parent_id);
      w.boolean(p.level == "一级" ? std::optional<bool>(p.is_new) : std::nullopt);
      w.boolean(p.ex_ante).date(p.ex_ante_date).cell(p.ex_ante_document).boolean(p.cross_year);
      w.money(p.budget).money(p.spent).cell(p.note);
      w.end();
    }
    const std::string text = w.take();
    bytes += text.size();
    write_file(dir / "projects.csv", text);
  }
  {
    CsvWriter w(false);
    w.header({"id", "project_id", "kind", "category", "name", "planned", "actual", "unit", "direction",
              "weight", "note"});
    for (const Project& p : d.projects) {
      for (const std::size_t i : p.targets) {
        const Target& t = d.targets[i];
        w.cell(t.id)
            .cell(t.project_id)
            .cell(t.kind)
            .cell(t.category)
            .cell(t.name)
            .cell(hundredths(t.planned));
        w.cell(t.actual ? hundredths(*t.actual) : "")
            .cell(t.unit)
            .cell(t.direction)
            .cell(hundredths(t.weight));
        w.cell(t.note);
        w.end();
      }
    }
    const std::string text = w.take();
    bytes += text.size();
    write_file(dir / "targets.csv", text);
  }
  {
    CsvWriter w(false);
    w.header({"month", "cumulative_spent"});
    for (const auto& [month, value] : d.monthly) {
      w.cell(std::to_string(month)).money(value);
      w.end();
    }
    const std::string text = w.take();
    bytes += text.size();
    write_file(dir / "monthly.csv", text);
  }
  return bytes;
}

// ---------------------------------------------------------------- main

struct Options {
  std::string size = "S";
  std::size_t departments = 0;
  u64 seed = 2023;
  std::string format = "both";
  fs::path out;
  std::optional<std::size_t> only;
  bool six_rules = false;
};

std::size_t departments_for(const std::string& size) {
  if (size == "S") return 10;
  if (size == "M") return 1'000;
  if (size == "L") return 10'000;
  throw std::runtime_error("--size must be S, M or L (or give --departments N)");
}

const char* usage =
    "usage: jx_bench_generate --out DIR [--size S|M|L | --departments N] [--seed N]\n"
    "                         [--format json|csv|both] [--only INDEX] [--six-rules]\n"
    "Writes synthetic departments for the benchmarks (docs/performance.md):\n"
    "  DIR/json/gz-bench-NNNNN.json               one JSON file per department\n"
    "  DIR/csv/gz-bench-NNNNN/department.json     the same with CSV tables beside it\n"
    "  DIR/SUMMARY.txt                            counts (departments, procurements, themes, bytes)\n"
    "Sizes: S = 10, M = 1,000, L = 10,000 departments (about 200 procurements each).\n"
    "--six-rules: JSON files with only what bench/six-rules reads (department, budget,\n"
    "  procurements), the same departments otherwise (--format json implied).\n";

Options parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) throw std::runtime_error(a + " needs a value");
      return argv[++i];
    };
    if (a == "--size") {
      o.size = value();
    } else if (a == "--departments") {
      o.departments = std::stoul(value());
    } else if (a == "--seed") {
      o.seed = std::stoull(value());
    } else if (a == "--format") {
      o.format = value();
    } else if (a == "--out") {
      o.out = value();
    } else if (a == "--only") {
      o.only = std::stoul(value());
    } else if (a == "--six-rules") {
      o.six_rules = true;
      o.format = "json";
    } else if (a == "-h" || a == "--help") {
      std::cout << usage;
      std::exit(0);
    } else {
      throw std::runtime_error("unknown argument " + a);
    }
  }
  if (o.out.empty()) throw std::runtime_error("--out DIR is required");
  if (o.format != "json" && o.format != "csv" && o.format != "both") {
    throw std::runtime_error("--format must be json, csv or both");
  }
  if (o.departments == 0) o.departments = departments_for(o.size);
  return o;
}

int run(const Options& o) {
  const bool json = o.format != "csv";
  const bool csv = o.format != "json";
  if (json) fs::create_directories(o.out / "json");
  if (csv) fs::create_directories(o.out / "csv");
  std::size_t procurements = 0, projects = 0, targets = 0, largest = 0, json_bytes = 0, csv_bytes = 0,
              clean = 0;
  std::string largest_name;
  std::map<std::string, std::size_t> themes;
  const std::size_t first = o.only.value_or(0);
  const std::size_t last = o.only ? *o.only + 1 : o.departments;
  for (std::size_t i = first; i < last; ++i) {
    const Department d = Generator(o.seed, i).make();
    const std::string name = fmt::format("gz-bench-{:05}", i);
    procurements += d.procurements.size();
    projects += d.projects.size();
    targets += d.targets.size();
    if (d.procurements.size() > largest) {
      largest = d.procurements.size();
      largest_name = name;
    }
    if (d.themes == 0) ++clean;
    for (const auto& [bit, theme] : theme_names)
      if ((d.themes & bit) != 0) ++themes[theme];
    if (json) {
      const std::string text = JsonWriter(d, false, o.six_rules).write();
      json_bytes += text.size();
      write_file(o.out / "json" / (name + ".json"), text);
    }
    if (csv) {
      const fs::path dir = o.out / "csv" / name;
      fs::create_directories(dir);
      const std::string text = JsonWriter(d, true).write();
      csv_bytes += text.size() + write_csv_tables(d, dir);
      write_file(dir / "department.json", text);
    }
  }
  std::string summary = fmt::format(
      "generator\tjx_bench_generate\nseed\t{}\ndepartments\t{}\nprocurements\t{}\nprojects\t{}\ntargets\t{}\n"
      "largest_department\t{}\nlargest_procurements\t{}\nclean_departments\t{}\njson_bytes\t{}\ncsv_bytes\t{}"
      "\n",
      o.seed, last - first, procurements, projects, targets, largest_name, largest, clean, json_bytes,
      csv_bytes);
  for (const auto& [theme, count] : themes) summary += fmt::format("theme:{}\t{}\n", theme, count);
  write_file(o.out / "SUMMARY.txt", summary);
  std::cout << summary;
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(parse(argc, argv));
  } catch (const std::exception& e) {
    std::cerr << "jx_bench_generate: " << e.what() << '\n' << usage;
    return 2;
  }
}
