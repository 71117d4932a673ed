// Tests for jixiao/checker.hpp: the cross-check of a consultant's filled 附件1. Synthetic workbooks
// laid out like the seed sample (sheet_builder.hpp) get a filled 附件1 in the layout the fill
// produces, with typed scores, weights, 得分率 and 专家意见, and optionally a 评价结果 summary (like
// 表3-1) and a 指标体系 sheet. planCheck is checked for what it reads and which probes it lists;
// judgeCheck is fed probe values chosen here (no office evaluates the formulas), so each verdict —
// 一致 / 不一致 / 口径不同 / 需人工判断 — is driven directly; probeSheet and resultTable lay the
// probes and findings out.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "jixiao/checker.hpp"
#include "jixiao/rules.hpp"
#include "sheet_builder.hpp"
#include "test_util.hpp"

using namespace jixiao;
using namespace jixiao_test;

namespace {

const double kNaN = std::nan("");

IndicatorSystem defaultSystem() {
    jixiao::Problems problems;
    auto sys = readIndicatorSystem(defaultIndicatorSheet(), problems);
    EXPECT_TRUE(sys.has_value()) << "test bug: the built-in system does not read" << joined(problems);
    return sys ? *sys : IndicatorSystem{};
}

// ---- a filled 附件1, as typed numbers ----

struct Line {
    std::u16string level1, level2, name;
    V weight;               // 权重(%) as printed
    V score;                // 评分 as printed
    std::u16string opinion; // 专家意见 as printed
    V rate;                 // 得分率 as printed; empty: score ÷ weight (— when the weight is 0)
};

double numberIn(const V& v) { return v.cell.kind == Cell::Kind::Number ? v.cell.number : 0.0; }

constexpr std::size_t kFirstRow = 5;  // first indicator row of the 附件1 built here
constexpr std::size_t kScoreCol = 8, kWeightCol = 5, kExpertCol = 10, kRateCol = 11;

const std::u16string kOpinion = u"经核查，相关资料齐全。";
const std::u16string kCompletionOpinion = u"根据部门决算数据，科工信局2021年度部门整体支出预算完成率为91.38%。";

// A workbook: the seed's data sheets and basic information, the department's 绩效目标表 (the 50 points
// the built-in system leaves to it), a filled 附件1 of both (存在资金分解 = 否: 部门分解资金监管情况 not
// applicable, its 1 point moved to 部门绩效运行监控开展情况), and a 评价结果 summary, every figure
// consistent unless a test changes it.
struct Filled {
    std::vector<Info> info = defaultInfo(u"否");
    std::map<std::u16string, std::u16string> notes;  // 来源及说明 by basic-information label
    std::vector<Line> lines;
    std::map<std::u16string, double> levelWeight;    // printed 一级/二级 weight overrides, by level name
    std::optional<V> total;                          // printed 合计 override
    bool appendix = true, summary = true;
    std::map<std::u16string, double> summaryScore, summaryRate;  // overrides, by label
    std::optional<std::u16string> grade;             // printed 评价等级 override
    std::optional<Sheet> system;                     // a 指标体系 sheet in the workbook
    bool targets = true;                             // the department's 绩效目标表 (targetRows())
    bool projects = true;                            // the project table (表1-6)
    std::vector<Sheet> extra;

    Filled() {
        // the marks of a checklist are 判定 (defaultInfo gives labels with 预算 an amount)
        for (Info& i : info)
            if (i.label.rfind(u"预算编制合理性-", 0) == 0) {
                i.value = 1.0;
                i.unit = u"判定";
            }
        jixiao::Problems problems;
        auto sys = loadIndicatorSystem(seedWorkbook(info), problems);
        EXPECT_TRUE(sys && problems.empty()) << "test bug: the built-in system and the targets do not read" << joined(problems);
        for (const Indicator& ind : sys ? sys->indicators : std::vector<Indicator>{}) {
            double w = ind.weight;
            if (ind.name == u"部门分解资金监管情况") w = 0;
            if (ind.name == u"部门绩效运行监控开展情况") w += 1;
            double s = r2(w * 0.88);
            if (ind.name == u"预算完成率") s = 4.55;
            if (ind.name == u"预算调整率") s = 1.90;
            if (ind.name == u"部门预算资金支出均衡性") s = 1.44;
            lines.push_back({ind.level1, ind.level2, ind.name, w, s,
                             ind.name == u"预算完成率" ? kCompletionOpinion : kOpinion, V{}});
        }
    }

    // Scored by a hand-written 指标体系 instead: one printed line per indicator (88% of its weight).
    void useSystem(Sheet sheet) {
        jixiao::Problems problems;
        auto sys = readIndicatorSystem(sheet, problems);
        if (!sys || !problems.empty()) ADD_FAILURE() << "test bug: the system does not read" << joined(problems);
        lines.clear();
        if (sys)
            for (const Indicator& ind : sys->indicators)
                lines.push_back({ind.level1, ind.level2, ind.name, ind.weight, r2(ind.weight * 0.88), kOpinion, V{}});
        system = std::move(sheet);
        targets = false;  // a whole system of 100 points
    }

    Line& line(std::u16string_view name) {
        for (Line& l : lines)
            if (l.name == name) return l;
        ADD_FAILURE() << "test bug: no line " << s8(name);
        return lines.front();
    }
    void setInfo(std::u16string_view label, V value, std::u16string unit = u"") {
        for (Info& i : info)
            if (i.label == label) {
                i.value = value;
                if (!unit.empty()) i.unit = unit;
                return;
            }
        info.push_back({std::u16string(label), value, unit});
    }

    double scoreSum() const {
        double s = 0;
        for (const Line& l : lines) s += numberIn(l.score);
        return r2(s);
    }
    double printedTotal() const { return total ? numberIn(*total) : scoreSum(); }

    // Level names in order of appearance, with Σ printed weights and Σ printed scores.
    struct Level {
        std::u16string name;
        double weight = 0, score = 0;
    };
    std::vector<Level> levels(bool first) const {
        std::vector<Level> out;
        for (const Line& l : lines) {
            const std::u16string& n = first ? l.level1 : l.level2;
            if (out.empty() || out.back().name != n) out.push_back({n, 0, 0});
            out.back().weight += numberIn(l.weight);
            out.back().score += numberIn(l.score);
        }
        for (Level& lv : out) lv.score = r2(lv.score);
        return out;
    }

    Rows appendixRows() const {
        Rows rows = {
            {u"部门整体绩效评价表"},
            {u"第三方机构：某会计师事务所"},
            {u"评价指标", u"", u"", u"", u"", u"", u"指标说明", u"评分标准", u"评分", u"评分依据", u"专家意见", u"得分率"},
            {u"一级指标", u"", u"二级指标", u"", u"三级指标"},
            {u"名称", u"权重(%)", u"名称", u"权重(%)", u"名称", u"权重(%)"},
        };
        auto l1 = levels(true), l2 = levels(false);
        auto weightOf = [&](const std::vector<Level>& ls, const std::u16string& n) {
            auto o = levelWeight.find(n);
            if (o != levelWeight.end()) return o->second;
            for (const Level& lv : ls)
                if (lv.name == n) return lv.weight;
            return 0.0;
        };
        for (std::size_t k = 0; k < lines.size(); ++k) {
            const Line& l = lines[k];
            bool newL1 = k == 0 || lines[k - 1].level1 != l.level1;
            bool newL2 = newL1 || lines[k - 1].level2 != l.level2;
            V rate = l.rate;
            if (rate.cell.kind == Cell::Kind::Empty) {
                if (numberIn(l.weight) == 0) rate = V(u"—");
                else if (l.score.cell.kind == Cell::Kind::Number) rate = V(numberIn(l.score) / numberIn(l.weight));
            }
            rows.push_back({newL1 ? V(l.level1) : V{}, newL1 ? V(weightOf(l1, l.level1)) : V{},
                            newL2 ? V(l.level2) : V{}, newL2 ? V(weightOf(l2, l.level2)) : V{}, V(l.name), l.weight,
                            u"指标说明", u"评分标准", l.score, u"评分依据", V(l.opinion), rate});
        }
        double t = printedTotal();
        rows.push_back({u"合   计", u"", u"", u"", u"", u"", u"", u"", total ? *total : V(t), u"——", u"——", V(t / 100)});
        return rows;
    }

    Rows summaryRows() const {
        Rows rows = {{u"部门整体支出绩效评价综合得分"}, {u"评价内容", u"分值配置", u"实际得分", u"得分率"}};
        auto row = [&](const std::u16string& name, double w, double s) {
            auto so = summaryScore.find(name);
            if (so != summaryScore.end()) s = so->second;
            double rate = s / w;
            auto ro = summaryRate.find(name);
            if (ro != summaryRate.end()) rate = ro->second;
            rows.push_back({V(name), V(w), V(s), V(rate)});
        };
        double wsum = 0;
        for (const Level& lv : levels(true)) {
            row(lv.name, lv.weight, lv.score);
            wsum += lv.weight;
        }
        row(u"综合评分", wsum, printedTotal());
        rows.push_back({u"评价等级", u"", V(grade ? *grade : std::u16string(perfGrade(printedTotal())))});
        rows.push_back({});
        rows.push_back({u"二级指标", u"分值配置", u"实际得分", u"得分率"});
        for (const Level& lv : levels(false)) row(lv.name, lv.weight, lv.score);
        return rows;
    }

    Workbook build() const {
        Rows basic = basicInfoRows(info);
        for (const auto& [label, note] : notes) {
            std::size_t r = infoRow(info, label);
            if (r == std::string::npos) ADD_FAILURE() << "test bug: no basic-information label " << s8(label);
            else basic[r][4] = V(note);
        }
        Workbook wb;
        if (projects) wb.sheets.push_back(makeSheet(std::u16string(kProjectSheet), seedProjectRows()));
        wb.sheets.push_back(makeSheet(std::u16string(kDepartmentSheet), seedDepartmentRows()));
        wb.sheets.push_back(makeSheet(std::u16string(kBasicSheet), basic));
        if (system) wb.sheets.push_back(*system);
        if (targets) wb.sheets.push_back(makeSheet(std::u16string(kTargetSheet), targetRows()));
        if (appendix) wb.sheets.push_back(makeSheet(u"附件1", appendixRows()));
        if (summary) wb.sheets.push_back(makeSheet(u"评价结果", summaryRows()));
        for (const Sheet& s : extra) wb.sheets.push_back(s);
        return wb;
    }

    CheckPlan plan() const { return planCheck(build()); }
};

// A 指标体系 sheet (the built-in system by default), with the cell of `name` in `column` passed through `edit`.
template <class F>
Sheet systemSheetWithCell(std::u16string_view name, std::u16string_view column, F edit,
                          Sheet s = defaultIndicatorSheet()) {
    std::size_t nameC = s.cols, editC = s.cols;
    for (std::size_t c = 0; c < s.cols; ++c) {
        if (s.at(0, c).text == u"三级指标") nameC = c;
        if (s.at(0, c).text == column) editC = c;
    }
    bool changed = false;
    for (std::size_t r = 1; r < s.rows && nameC < s.cols && editC < s.cols; ++r)
        if (s.at(r, nameC).text == name) {
            std::u16string f = edit(s.at(r, editC).text);
            changed = changed || f != s.at(r, editC).text;
            s.set(r, editC, Cell::str(f));
        }
    EXPECT_TRUE(changed) << "test bug: the " << s8(column) << " of " << s8(name) << " did not change";
    return s;
}

// The built-in system as a 指标体系 sheet, with the 计分公式 of `name` passed through `edit`.
template <class F>
Sheet systemSheetWith(std::u16string_view name, F edit) {
    return systemSheetWithCell(name, u"计分公式", edit);
}

// A 指标体系 sheet (the built-in system by default) whose 其他口径 of `name` is `readings` (a bureau's own).
Sheet systemSheetWithReadings(std::u16string_view name, std::u16string readings, Sheet s = defaultIndicatorSheet()) {
    return systemSheetWithCell(name, u"其他口径", [&](const std::u16string&) { return readings; }, std::move(s));
}

// A hand-written 指标体系 sheet: one row per map of column name -> cell (the header is indicatorColumns()).
using SystemRow = std::vector<std::pair<std::u16string_view, V>>;
Sheet systemSheet(const std::vector<SystemRow>& rows) {
    const auto& cols = indicatorColumns();
    Rows out(1);
    for (std::u16string_view c : cols) out[0].push_back(V(std::u16string(c)));
    for (const SystemRow& row : rows) {
        std::vector<V> line(cols.size());
        for (const auto& [col, v] : row) {
            auto at = std::find(cols.begin(), cols.end(), col);
            if (at == cols.end()) ADD_FAILURE() << "test bug: no column " << s8(col);
            else line[static_cast<std::size_t>(at - cols.begin())] = v;
        }
        out.push_back(line);
    }
    return makeSheet(u"指标体系", out);
}

const std::u16string kExecutionRate = u"EXECUTION_RATE(【部门.合计.支出数】;【部门.合计.调整后预算数】)";
const std::u16string kAdjustmentRate =
    u"ADJUSTMENT_RATE(【项目.年初预算数】;【项目.调整金额】;FALSE();【上级财政年中转移支付资金】)";

// TARGET_SCORE over the basic-information labels NAME-实际 and NAME-目标, with an optional method.
std::u16string targetTemplate(std::u16string_view name, std::u16string_view method = u"") {
    std::u16string n(name);
    return u"TARGET_SCORE(【" + n + u"-实际】;【" + n + u"-目标】;【分值】" +
           (method.empty() ? u"" : u";\"" + std::u16string(method) + u"\"") + u")";
}

// A hand-written system with targets scored by TARGET_SCORE: the proportional reading of a target is
// the system's own (其他口径), on an indicator (培训场次) and on one sub-criterion (年度目标 / 甲); and
// a graded indicator (创新氛围, LEVEL_SCORE over the recorded 等级).
Sheet targetSystem() {
    return systemSheet({
        {{u"一级指标", u"财政管理"}, {u"一级权重", 50.0}, {u"二级指标", u"预算执行"}, {u"二级权重", 50.0},
         {u"三级指标", u"预算执行率"}, {u"分值", 50.0}, {u"计分公式", u"BUDGET_COMPLETION_SCORE(" + kExecutionRate + u";【分值】)"}},
        {{u"一级指标", u"履职"}, {u"一级权重", 50.0}, {u"二级指标", u"产出"}, {u"二级权重", 46.0}, {u"三级指标", u"培训场次"},
         {u"分值", 16.0}, {u"计分公式", targetTemplate(u"培训场次")},
         {u"其他口径", u"目标未达按比例计分：" + targetTemplate(u"培训场次", u"proportional")}},
        {{u"三级指标", u"年度目标"}, {u"子项", u"甲"}, {u"分值", 15.0}, {u"计分公式", targetTemplate(u"甲")},
         {u"其他口径", u"比例法：" + targetTemplate(u"甲", u"proportional")}},
        {{u"子项", u"乙"}, {u"分值", 15.0}, {u"计分公式", targetTemplate(u"乙")}},
        {{u"二级指标", u"效益"}, {u"二级权重", 4.0}, {u"三级指标", u"创新氛围"}, {u"分值", 4.0},
         {u"计分公式", u"LEVEL_SCORE(【创新氛围-等级】;【分值】)"}},
    });
}

// The basic information targetSystem() reads, added to `info`: 培训场次 8 of 10, 甲 9 of 10, 乙 30 of
// 10, 创新氛围 graded `grade`.
void addTargetInfo(std::vector<Info>& info, std::u16string grade = u"优") {
    for (auto [name, actual] : {std::pair{u"培训场次", 8.0}, {u"甲", 9.0}, {u"乙", 30.0}}) {
        info.push_back({std::u16string(name) + u"-实际", actual, u"次"});
        info.push_back({std::u16string(name) + u"-目标", 10.0, u"次"});
    }
    info.push_back({u"创新氛围-等级", grade, u"等级"});
}

std::u16string replaced(std::u16string s, std::u16string_view from, std::u16string_view to) {
    std::size_t p = s.find(from);
    if (p != std::u16string::npos) s.replace(p, from.size(), to);
    return s;
}

// ---- plan and findings helpers ----

const CheckItem* itemOf(const CheckPlan& plan, std::u16string_view name) {
    for (const CheckItem& it : plan.items)
        if (it.name == name) return &it;
    return nullptr;
}

const Reading* readingOf(const CheckItem& it, std::u16string_view name) {
    for (const Reading& r : it.readings)
        if (r.name == name) return &r;
    return nullptr;
}

std::string readingNames(const CheckItem& it) {
    std::string out;
    for (const Reading& r : it.readings) out += (out.empty() ? "" : ", ") + s8(r.name);
    return "[" + out + "]";
}

// Every probe NaN except each item's main probe, which gives its printed score, and its opinion
// probe, which gives a length (the opinion formula works): all agree.
std::vector<double> agreeing(const CheckPlan& plan) {
    std::vector<double> v(plan.probes.size(), kNaN);
    for (const CheckItem& it : plan.items) {
        if (it.printed) v[it.main.scoreProbe] = *it.printed;
        if (it.opinionProbe) v[*it.opinionProbe] = static_cast<double>(it.printedText.size());
    }
    return v;
}

std::vector<const Finding*> findingsOf(const std::vector<Finding>& fs, std::u16string_view subject) {
    std::vector<const Finding*> out;
    for (const Finding& f : fs)
        if (f.subject == subject) out.push_back(&f);
    return out;
}

const Finding* findingOf(const std::vector<Finding>& fs, std::u16string_view subject) {
    auto all = findingsOf(fs, subject);
    return all.empty() ? nullptr : all.front();
}

std::string dump(const std::vector<Finding>& fs) {
    std::string out;
    for (const Finding& f : fs)
        if (f.verdict != Verdict::Agree)
            out += "\n  " + s8(f.subject) + " [" + s8(verdictText(f.verdict)) + "] " + s8(f.explanation);
    return out.empty() ? "\n  (all 一致)" : out;
}

std::vector<std::u16string> subjectsWith(const std::vector<Finding>& fs, Verdict v) {
    std::vector<std::u16string> out;
    for (const Finding& f : fs)
        if (f.verdict == v) out.push_back(f.subject);
    return out;
}

#define EXPECT_HAS(hay, needle)                                                                                  \
    EXPECT_TRUE(::jixiao_test::contains((hay), (needle)))                                                        \
        << "「" << ::jixiao_test::s8(hay) << "」 does not contain 「" << ::jixiao_test::s8(needle) << "」"
#define EXPECT_LACKS(hay, needle)                                                                                \
    EXPECT_FALSE(::jixiao_test::contains((hay), (needle)))                                                       \
        << "「" << ::jixiao_test::s8(hay) << "」 contains 「" << ::jixiao_test::s8(needle) << "」"

// The finding `subject`, which must exist with verdict `v`; nullptr (after a failure) otherwise.
const Finding* expectFinding(const std::vector<Finding>& fs, std::u16string_view subject, Verdict v) {
    const Finding* f = findingOf(fs, subject);
    if (!f) {
        ADD_FAILURE() << "no finding 「" << s8(subject) << "」; findings:" << dump(fs);
        return nullptr;
    }
    EXPECT_EQ(verdictText(f->verdict), verdictText(v)) << s8(subject) << ": " << s8(f->explanation);
    return f;
}

}  // namespace

// ================================================================ planCheck

class PlanCheck : public ::testing::Test {
protected:
    void SetUp() override { plan = filled.plan(); }
    const std::u16string& p(std::size_t i) const { return plan.probes.at(i); }
    Filled filled;
    CheckPlan plan;
};

TEST_F(PlanCheck, CompleteWorkbookHasNoProblems) {
    EXPECT_TRUE(plan.problems.empty()) << joined(plan.problems);
    EXPECT_EQ(s8(plan.appendixSheet), "附件1");
    EXPECT_EQ(plan.nameCol, 4u);
    EXPECT_EQ(plan.scoreCol, kScoreCol);
    EXPECT_EQ(plan.expertCol, kExpertCol);
    ASSERT_TRUE(plan.weightCol.has_value());
    EXPECT_EQ(*plan.weightCol, kWeightCol);
    ASSERT_TRUE(plan.rateCol.has_value());
    EXPECT_EQ(*plan.rateCol, kRateCol);
    EXPECT_EQ(s8(plan.resultSheet), "核对结果");
    EXPECT_TRUE(plan.replaceSheets.empty());
    // one item per indicator of the system and then of the 绩效目标表, in their order
    IndicatorSystem sys = defaultSystem();
    ASSERT_EQ(plan.items.size(), sys.indicators.size() + kTargetIndicators);
    for (std::size_t k = 0; k < plan.items.size(); ++k) {
        if (k < sys.indicators.size()) EXPECT_EQ(s8(plan.items[k].name), s8(sys.indicators[k].name));
        EXPECT_EQ(plan.items[k].row, kFirstRow + k) << s8(plan.items[k].name);
    }
}

TEST_F(PlanCheck, MissingAppendixIsTheProblem) {
    filled.appendix = false;
    CheckPlan p = filled.plan();
    ASSERT_FALSE(p.problems.empty());
    EXPECT_TRUE(mentions(p.problems, {"附件1"})) << joined(p.problems);
    EXPECT_TRUE(p.items.empty());
    EXPECT_TRUE(p.probes.empty());
}

TEST_F(PlanCheck, MissingIndicatorRowIsNamed) {
    filled.lines.erase(filled.lines.begin() + 2);  // 预算调整率
    ASSERT_EQ(s8(filled.lines[2].name), "部门预算资金支出均衡性");
    CheckPlan p = filled.plan();
    ASSERT_FALSE(p.problems.empty());
    EXPECT_TRUE(mentions(p.problems, {"附件1", "预算调整率"})) << joined(p.problems);
    EXPECT_FALSE(mentions(p.problems, {"预算完成率"})) << joined(p.problems);
    EXPECT_TRUE(p.items.empty());
}

TEST_F(PlanCheck, MissingDataSheetIsNamed) {
    Workbook wb = filled.build();
    wb.sheets.erase(wb.sheets.begin() + 1);  // 表1-5 部门支出
    ASSERT_EQ(wb.find(kDepartmentSheet), nullptr);
    CheckPlan p = planCheck(wb);
    EXPECT_TRUE(mentions(p.problems, {"部门支出表"}))
        << "problems:" << joined(p.problems) << "\n  items planned: " << p.items.size() << " of "
        << plan.items.size();
}

// A table first looked up inside a reading that is then discarded (its inputs are missing) is still
// reported where the system's own reading needs it — never read as 0.
TEST_F(PlanCheck, TableMissedFirstInADiscardedReadingIsStillReported) {
    filled.useSystem(systemSheet({
        {{u"一级指标", u"财政管理"}, {u"一级权重", 100.0}, {u"二级指标", u"预算执行"}, {u"二级权重", 100.0},
         {u"三级指标", u"预算执行率"}, {u"分值", 50.0}, {u"计分公式", u"BUDGET_COMPLETION_SCORE(" + kExecutionRate + u";【分值】)"},
         {u"其他口径", u"按项目计算：BUDGET_COMPLETION_SCORE(EXECUTION_RATE(SUM(【项目.支出数】);SUM(【项目.调整后预算数】));【分值】)"}},
        {{u"三级指标", u"预算调整率"}, {u"分值", 50.0},
         {u"计分公式", u"ADJUSTMENT_SCORE(ADJUSTMENT_RATE(【项目.年初预算数】;【项目.调整金额】);【分值】)"}},
    }));
    filled.projects = false;
    CheckPlan p = filled.plan();
    EXPECT_TRUE(mentions(p.problems, {"项目支出表", "预算调整率"})) << joined(p.problems);
    EXPECT_FALSE(mentions(p.problems, {"预算执行率"})) << "the discarded reading is not a problem" << joined(p.problems);
    EXPECT_TRUE(p.items.empty());
    for (const std::u16string& f : p.probes) EXPECT_LACKS(f, u"ADJUSTMENT_RATE(0;0)");
}

// The same for a basic-information label first missed inside a discarded reading.
TEST_F(PlanCheck, LabelMissedFirstInADiscardedReadingIsStillReported) {
    filled.useSystem(systemSheet({
        {{u"一级指标", u"财政管理"}, {u"一级权重", 100.0}, {u"二级指标", u"预算执行"}, {u"二级权重", 100.0},
         {u"三级指标", u"预算执行率"}, {u"分值", 50.0}, {u"计分公式", u"BUDGET_COMPLETION_SCORE(" + kExecutionRate + u";【分值】)"},
         {u"其他口径", u"含转移支付：BUDGET_COMPLETION_SCORE(EXECUTION_RATE(【部门.合计.支出数】;【部门.合计.调整后预算数】+【年中追加】);【分值】)"}},
        {{u"三级指标", u"追加资金使用率"}, {u"分值", 50.0}, {u"计分公式", u"BUDGET_COMPLETION_SCORE(【年中追加】/100;【分值】)"}},
    }));
    CheckPlan p = filled.plan();
    EXPECT_TRUE(mentions(p.problems, {"年中追加", "追加资金使用率"})) << joined(p.problems);
    EXPECT_FALSE(mentions(p.problems, {"预算执行率"})) << joined(p.problems);
    EXPECT_TRUE(p.items.empty());
}

TEST_F(PlanCheck, MissingBasicInformationLabelIsNamed) {
    filled.info.erase(std::remove_if(filled.info.begin(), filled.info.end(),
                                     [](const Info& i) { return i.label == u"政府采购实际支出"; }),
                      filled.info.end());
    CheckPlan p = filled.plan();
    EXPECT_TRUE(mentions(p.problems, {"政府采购实际支出"}))
        << "problems:" << joined(p.problems) << "\n  items planned: " << p.items.size() << " of "
        << plan.items.size();
}

TEST_F(PlanCheck, ItemsCarryThePrintedFigures) {
    const CheckItem* c = itemOf(plan, u"预算完成率");
    ASSERT_NE(c, nullptr);
    EXPECT_EQ(c->row, kFirstRow + 1);
    ASSERT_TRUE(c->printed.has_value());
    EXPECT_DOUBLE_EQ(*c->printed, 4.55);
    ASSERT_TRUE(c->printedWeight.has_value());
    EXPECT_DOUBLE_EQ(*c->printedWeight, 8);
    ASSERT_TRUE(c->printedRate.has_value());
    EXPECT_DOUBLE_EQ(*c->printedRate, 4.55 / 8);
    EXPECT_DOUBLE_EQ(c->weight, 8);
    EXPECT_TRUE(c->applicable);
    EXPECT_EQ(s8(c->level1), "财政管理情况评价");
    EXPECT_EQ(s8(c->level2), "预算资金管理");
    EXPECT_EQ(c->printedText, kCompletionOpinion);

    // the weight of the not-applicable indicator moved, as the fill prints it
    const CheckItem* split = itemOf(plan, u"部门分解资金监管情况");
    const CheckItem* monitor = itemOf(plan, u"部门绩效运行监控开展情况");
    ASSERT_TRUE(split && monitor);
    EXPECT_FALSE(split->applicable);
    EXPECT_DOUBLE_EQ(split->weight, 0);
    EXPECT_TRUE(split->readings.empty()) << readingNames(*split);
    if (split->printedRate) EXPECT_DOUBLE_EQ(*split->printedRate, 0) << "— reads as 0";
    EXPECT_DOUBLE_EQ(monitor->weight, 4);
    ASSERT_TRUE(monitor->printed.has_value());
    EXPECT_DOUBLE_EQ(*monitor->printed, 3.52);
}

TEST_F(PlanCheck, BlankScoreIsNotPrinted) {
    filled.line(u"政府采购执行率").score = V{};
    CheckPlan p = filled.plan();
    const CheckItem* it = itemOf(p, u"政府采购执行率");
    ASSERT_NE(it, nullptr);
    EXPECT_FALSE(it->printed.has_value());
    ASSERT_TRUE(it->printedWeight.has_value());
    EXPECT_DOUBLE_EQ(*it->printedWeight, 1);
}

TEST_F(PlanCheck, TotalLevelWeightsSummaryAndGradeAreRead) {
    ASSERT_TRUE(plan.total.has_value());
    EXPECT_DOUBLE_EQ(plan.total->value, filled.scoreSum());
    EXPECT_EQ(plan.total->row, kFirstRow + plan.items.size());
    EXPECT_EQ(plan.total->col, kScoreCol);
    EXPECT_EQ(s8(plan.total->sheet), "附件1");

    // printed 一级/二级 weights, in the group's first row, columns B and D
    std::map<std::string, PrintedCell> lw;
    for (const PrintedCell& c : plan.levelWeights) lw[s8(c.label)] = c;
    ASSERT_TRUE(lw.count("财政管理情况评价") && lw.count("部门履职情况评价") && lw.count("预算资金管理") &&
                lw.count("绩效管理情况") && lw.count("资产管理") && lw.count("产出") && lw.count("效益"))
        << lw.size() << " level weights";
    EXPECT_EQ(lw.size(), 7u);
    EXPECT_DOUBLE_EQ(lw["财政管理情况评价"].value, 50);
    EXPECT_EQ(lw["财政管理情况评价"].row, kFirstRow);
    EXPECT_EQ(lw["财政管理情况评价"].col, 1u);
    EXPECT_DOUBLE_EQ(lw["预算资金管理"].value, 32);  // 33 less the moved point
    EXPECT_EQ(lw["预算资金管理"].col, 3u);
    EXPECT_DOUBLE_EQ(lw["绩效管理情况"].value, 15);
    EXPECT_EQ(lw["绩效管理情况"].row, itemOf(plan, u"绩效目标明确性")->row);
    EXPECT_EQ(lw["部门履职情况评价"].row, itemOf(plan, u"年度目标完成情况")->row);

    std::map<std::string, double> scores, rates;
    for (const PrintedCell& c : plan.summaryScores) scores[s8(c.label)] = c.value;
    for (const PrintedCell& c : plan.summaryRates) rates[s8(c.label)] = c.value;
    ASSERT_TRUE(scores.count("综合评分") && scores.count("财政管理情况评价") && scores.count("预算资金管理"));
    EXPECT_DOUBLE_EQ(scores["综合评分"], filled.scoreSum());
    EXPECT_EQ(scores.size(), 8u) << "2 一级, 综合评分, 5 二级";
    EXPECT_TRUE(rates.count("资产管理"));
    for (const PrintedCell& c : plan.summaryScores) {
        EXPECT_EQ(s8(c.sheet), "评价结果");
        EXPECT_EQ(c.col, 2u);
    }

    ASSERT_TRUE(plan.grade.has_value());
    EXPECT_EQ(plan.grade->label, std::u16string(perfGrade(filled.scoreSum())));
    EXPECT_EQ(plan.grade->col, 2u);
    EXPECT_EQ(s8(plan.grade->sheet), "评价结果");
}

TEST_F(PlanCheck, NoSummarySheetNoSummaryCells) {
    filled.summary = false;
    CheckPlan p = filled.plan();
    ASSERT_TRUE(p.problems.empty()) << joined(p.problems);
    EXPECT_TRUE(p.summaryScores.empty());
    EXPECT_TRUE(p.summaryRates.empty());
    EXPECT_FALSE(p.grade.has_value());
    EXPECT_TRUE(p.total.has_value());
}

TEST_F(PlanCheck, ProbesAreFormulas) {
    ASSERT_FALSE(plan.probes.empty());
    for (const std::u16string& f : plan.probes) {
        ASSERT_FALSE(f.empty());
        EXPECT_EQ(f[0], u'=') << s8(f);
    }
    // every index an item refers to is a probe; the main probes are distinct
    std::set<std::size_t> mains;
    for (const CheckItem& it : plan.items) {
        EXPECT_LT(it.main.scoreProbe, plan.probes.size());
        EXPECT_TRUE(mains.insert(it.main.scoreProbe).second) << s8(it.name);
        EXPECT_EQ(s8(it.main.name), "本表指标体系");
        for (const Reading& r : it.readings) {
            EXPECT_LT(r.scoreProbe, plan.probes.size());
            if (r.rateProbe) EXPECT_LT(*r.rateProbe, plan.probes.size());
        }
        for (const Figure& f : it.figures) EXPECT_LT(f.probe, plan.probes.size());
    }
    const CheckItem* c = itemOf(plan, u"预算完成率");
    ASSERT_NE(c, nullptr);
    const std::u16string& f = plan.probes[c->main.scoreProbe];
    EXPECT_EQ(f.rfind(u"=ROUND(", 0), 0u) << s8(f);
    EXPECT_HAS(f, u"BUDGET_COMPLETION_SCORE(");
    EXPECT_HAS(f, cellRef(kDepartmentSheet, 10, 6));  // 合计 支出数
    EXPECT_HAS(f, cellRef(kDepartmentSheet, 10, 5));  // 合计 调整后预算数
    ASSERT_TRUE(c->main.rateProbe.has_value());
    EXPECT_EQ(plan.probes[*c->main.rateProbe].rfind(u"=EXECUTION_RATE(", 0), 0u) << s8(plan.probes[*c->main.rateProbe]);

    const CheckItem* split = itemOf(plan, u"部门分解资金监管情况");
    ASSERT_NE(split, nullptr);
    EXPECT_EQ(s8(plan.probes[split->main.scoreProbe]), "=ROUND(0;2)");
}

TEST_F(PlanCheck, NoRuleReadingWithoutAnIndicatorSheet) {
    for (const CheckItem& it : plan.items) EXPECT_FALSE(it.rule.has_value()) << s8(it.name);
}

TEST_F(PlanCheck, NoRuleReadingWhenTheIndicatorSheetIsTheDefault) {
    filled.system = defaultIndicatorSheet();
    CheckPlan p = filled.plan();
    ASSERT_TRUE(p.problems.empty()) << joined(p.problems);
    ASSERT_FALSE(p.items.empty());
    for (const CheckItem& it : p.items) EXPECT_FALSE(it.rule.has_value()) << s8(it.name);
}

TEST_F(PlanCheck, RuleReadingOnlyForTheChangedFormula) {
    filled.system = systemSheetWith(u"预算调整率", [](std::u16string f) { return replaced(f, u";FALSE();", u";TRUE();"); });
    CheckPlan p = filled.plan();
    ASSERT_TRUE(p.problems.empty()) << joined(p.problems);
    const CheckItem* adj = itemOf(p, u"预算调整率");
    ASSERT_NE(adj, nullptr);
    ASSERT_TRUE(adj->rule.has_value());
    EXPECT_EQ(s8(adj->rule->name), "评分标准原文");
    EXPECT_HAS(p.probes[adj->main.scoreProbe], u";TRUE();");   // the workbook's system
    EXPECT_HAS(p.probes[adj->rule->scoreProbe], u";FALSE();"); // the printed rule (built-in)
    EXPECT_NE(adj->rule->scoreProbe, adj->main.scoreProbe);
    ASSERT_TRUE(adj->rule->rateProbe.has_value());
    EXPECT_EQ(p.probes[*adj->rule->rateProbe].rfind(u"=ADJUSTMENT_RATE(", 0), 0u);
    for (const CheckItem& it : p.items)
        if (it.name != u"预算调整率") EXPECT_FALSE(it.rule.has_value()) << s8(it.name);
}

TEST_F(PlanCheck, ReadingsOfTheAdjustmentRate) {
    const CheckItem* adj = itemOf(plan, u"预算调整率");
    ASSERT_NE(adj, nullptr);
    const Reading* newProjects = readingOf(*adj, u"计入年中新增项目");
    const Reading* staff = readingOf(*adj, u"含人员经费和日常公用经费");
    const Reading* both = readingOf(*adj, u"计入年中新增项目、含人员经费和日常公用经费");
    ASSERT_TRUE(newProjects && staff && both) << readingNames(*adj);
    // the execution/target variants do not apply; the 指标体系's 其他口径 adds the banded reading
    EXPECT_EQ(adj->readings.size(), 4u) << readingNames(*adj);
    const Reading* banded = readingOf(*adj, u"分档法（越低越好，某省）");
    ASSERT_NE(banded, nullptr) << readingNames(*adj);
    EXPECT_HAS(p(banded->scoreProbe), u"BAND_SCORE(ADJUSTMENT_RATE(");
    EXPECT_EQ(readingOf(*adj, u"按年初预算计算执行率"), nullptr);
    EXPECT_HAS(p(newProjects->scoreProbe), u";TRUE();");
    EXPECT_LACKS(p(newProjects->scoreProbe), u";FALSE();");
    EXPECT_HAS(p(staff->scoreProbe), u";FALSE();");
    EXPECT_HAS(p(both->scoreProbe), u";TRUE();");
    // the staff reading stacks the project column and two department cells in 核对底稿
    EXPECT_HAS(p(staff->scoreProbe), u"核对底稿");
    EXPECT_LACKS(p(adj->main.scoreProbe), u"核对底稿");
    ASSERT_EQ(plan.workings.size(), 1u);
    EXPECT_EQ(s8(plan.workings[0].name), "核对底稿");
    for (const Reading* r : {newProjects, staff, both}) {
        ASSERT_TRUE(r->rateProbe.has_value()) << s8(r->name);
        EXPECT_EQ(p(*r->rateProbe).rfind(u"=ADJUSTMENT_RATE(", 0), 0u) << s8(p(*r->rateProbe));
    }
    ASSERT_TRUE(adj->main.rateProbe.has_value());
}

TEST_F(PlanCheck, ReadingsOfTheCompletionRate) {
    const CheckItem* c = itemOf(plan, u"预算完成率");
    ASSERT_NE(c, nullptr);
    ASSERT_EQ(c->readings.size(), 2u) << readingNames(*c);
    EXPECT_EQ(s8(c->readings[0].name), "按年初预算计算执行率");  // both 其他口径 of the built-in system
    EXPECT_EQ(s8(c->readings[1].name), "比例法（全国自评表）");
    EXPECT_HAS(p(c->readings[1].scoreProbe), u"\"proportional\"");
    EXPECT_HAS(p(c->readings[0].scoreProbe), cellRef(kDepartmentSheet, 10, 2));  // 合计 年初预算数
    EXPECT_LACKS(p(c->readings[0].scoreProbe), cellRef(kDepartmentSheet, 10, 5));
    ASSERT_TRUE(c->readings[0].rateProbe.has_value());
    EXPECT_EQ(p(*c->readings[0].rateProbe).rfind(u"=EXECUTION_RATE(", 0), 0u) << s8(p(*c->readings[0].rateProbe));
    EXPECT_NE(*c->readings[0].rateProbe, *c->main.rateProbe);
    // the proportional reading is of the main reading's rate: the same probe shows it
    ASSERT_TRUE(c->readings[1].rateProbe.has_value());
    EXPECT_EQ(*c->readings[1].rateProbe, *c->main.rateProbe);

    // a checklist has no other reading
    const CheckItem* list = itemOf(plan, u"财务合规性");
    ASSERT_NE(list, nullptr);
    EXPECT_TRUE(list->readings.empty()) << readingNames(*list);
}

// The checker knows no reading of its own: a system that names none gets none — no 按年初预算计算执行率
// for an execution rate, no proportional reading of a target; what its 其他口径 names is computed.
TEST_F(PlanCheck, TargetReadingsAreTheSystemsOwn) {
    filled.useSystem(targetSystem());
    addTargetInfo(filled.info);
    CheckPlan p = filled.plan();
    ASSERT_TRUE(p.problems.empty()) << joined(p.problems);

    const CheckItem* e = itemOf(p, u"预算执行率");
    ASSERT_NE(e, nullptr);
    EXPECT_TRUE(e->readings.empty()) << readingNames(*e);
    EXPECT_FALSE(e->rule.has_value());
    ASSERT_TRUE(e->main.rateProbe.has_value());
    EXPECT_EQ(p.probes[*e->main.rateProbe].rfind(u"=EXECUTION_RATE(", 0), 0u);

    const CheckItem* t = itemOf(p, u"培训场次");
    ASSERT_NE(t, nullptr);
    ASSERT_EQ(t->readings.size(), 1u) << readingNames(*t);
    EXPECT_EQ(s8(t->readings[0].name), "目标未达按比例计分");
    EXPECT_HAS(p.probes[t->readings[0].scoreProbe], u"\"proportional\"");
    EXPECT_LACKS(p.probes[t->main.scoreProbe], u"\"proportional\"");
    EXPECT_FALSE(t->readings[0].rateProbe.has_value());  // a target has no rate behind its score
    // actual ÷ target, from the arguments the catalogue names actual and target
    ASSERT_EQ(t->targetRatios.size(), 1u);
    EXPECT_EQ(s8(t->targetRatios[0].first), "培训场次");
    EXPECT_EQ(p.probes[t->targetRatios[0].second],
              u"=(" + cellRef(kBasicSheet, infoRow(filled.info, u"培训场次-实际"), 2) + u")/(" +
                  cellRef(kBasicSheet, infoRow(filled.info, u"培训场次-目标"), 2) + u")");

    const CheckItem* y = itemOf(p, u"年度目标");
    ASSERT_NE(y, nullptr);
    ASSERT_EQ(y->readings.size(), 1u) << readingNames(*y);
    EXPECT_EQ(s8(y->readings[0].name), "甲：比例法");
    ASSERT_EQ(y->targetRatios.size(), 2u);
    EXPECT_EQ(s8(y->targetRatios[1].first), "乙");
}

TEST_F(PlanCheck, NoJudgmentsWhenEveryMarkIsFull) {
    for (const CheckItem& it : plan.items) EXPECT_TRUE(it.judgments.empty()) << s8(it.name);
}

TEST_F(PlanCheck, JudgmentsForMarksBelowOneWithTheirReasons) {
    filled.setInfo(u"预算编制合理性-2", 0.5);
    filled.notes[u"预算编制合理性-2"] = u"项目资金编制不够细化，酌情扣除0.5分";
    filled.setInfo(u"服务企业数量-人工计分比例", 0.8, u"%");
    filled.notes[u"服务企业数量-人工计分比例"] = u"因受客观因素影响，按80%计分";
    CheckPlan p = filled.plan();
    ASSERT_TRUE(p.problems.empty()) << joined(p.problems);

    const CheckItem* b = itemOf(p, u"预算编制合理性");
    ASSERT_NE(b, nullptr);
    ASSERT_EQ(b->judgments.size(), 1u);
    EXPECT_HAS(b->judgments[0].what, u"预算编制合理性-2");
    EXPECT_HAS(b->judgments[0].what, u"0.50");
    EXPECT_EQ(b->judgments[0].reason, u"项目资金编制不够细化，酌情扣除0.5分");

    const CheckItem* s = itemOf(p, u"年度目标完成情况");  // a sub-criterion of the 绩效目标表
    ASSERT_NE(s, nullptr);
    ASSERT_EQ(s->judgments.size(), 1u);
    EXPECT_HAS(s->judgments[0].what, u"服务企业数量");
    EXPECT_HAS(s->judgments[0].what, u"80.00%");
    EXPECT_HAS(s->judgments[0].reason, u"因受客观因素影响");
    EXPECT_HAS(p.probes[s->main.scoreProbe], u"ISBLANK(");  // the override is in the main formula

    // the full marks elsewhere stay without judgments
    for (std::u16string_view n : {u"财务合规性", u"绩效目标明确性", u"办理时限", u"预算完成率"}) {
        const CheckItem* it = itemOf(p, n);
        ASSERT_NE(it, nullptr);
        EXPECT_TRUE(it->judgments.empty()) << s8(n);
    }
}

TEST_F(PlanCheck, FiguresQuotedInTheOpinions) {
    const CheckItem* c = itemOf(plan, u"预算完成率");
    ASSERT_NE(c, nullptr);
    ASSERT_EQ(c->figures.size(), 1u);
    const Figure& f = c->figures[0];
    ASSERT_GE(f.anchor.size(), 4u);
    EXPECT_EQ(f.anchor.substr(f.anchor.size() - 4), u"完成率为") << s8(f.anchor);
    EXPECT_EQ(s8(f.format), "0.00%");
    EXPECT_EQ(p(f.probe).rfind(u"=EXECUTION_RATE(", 0), 0u) << s8(p(f.probe));

    // the 1-10月 and 1-11月 rates share the words before them; the average follows
    const CheckItem* bal = itemOf(plan, u"部门预算资金支出均衡性");
    ASSERT_NE(bal, nullptr);
    ASSERT_EQ(bal->figures.size(), 3u);
    EXPECT_EQ(bal->figures[0].anchor, bal->figures[1].anchor);
    EXPECT_HAS(bal->figures[0].anchor, u"执行率为");
    EXPECT_NE(bal->figures[2].anchor, bal->figures[0].anchor);
    for (const Figure& g : bal->figures) EXPECT_EQ(s8(g.format), "0.00%");
    EXPECT_EQ(p(bal->figures[0].probe), u"=" + cellRef(kBasicSheet, infoRow(filled.info, u"1-10月支出进度执行率"), 2));
    EXPECT_EQ(p(bal->figures[1].probe), u"=" + cellRef(kBasicSheet, infoRow(filled.info, u"1-11月支出进度执行率"), 2));
    EXPECT_HAS(p(bal->figures[2].probe), u"AVERAGE(");

    // amounts in 万元 are figures with two decimals; 说明 texts are not figures
    const CheckItem* adj = itemOf(plan, u"预算调整率");
    ASSERT_NE(adj, nullptr);
    ASSERT_EQ(adj->figures.size(), 3u);
    EXPECT_EQ(s8(adj->figures[0].format), "0.00");
    EXPECT_EQ(s8(adj->figures[2].format), "0.00%");
    const CheckItem* list = itemOf(plan, u"财务合规性");
    ASSERT_NE(list, nullptr);
    EXPECT_TRUE(list->figures.empty());
}

TEST_F(PlanCheck, EarlierResultSheetsAreReplaced) {
    filled.extra.push_back(makeSheet(u"核对结果", {{u"旧结果"}}));
    filled.extra.push_back(makeSheet(u"核对底稿", {{u"旧底稿"}}));
    CheckPlan p = filled.plan();
    ASSERT_TRUE(p.problems.empty()) << joined(p.problems);
    std::set<std::u16string> r(p.replaceSheets.begin(), p.replaceSheets.end());
    EXPECT_TRUE(r.count(u"核对结果"));
    EXPECT_TRUE(r.count(u"核对底稿"));
    EXPECT_EQ(s8(p.resultSheet), "核对结果");
}

// ================================================================ judgeCheck

class JudgeCheck : public ::testing::Test {
protected:
    void SetUp() override { make(); }
    void make() {
        plan = given ? planCheck(filled.build(), *given) : filled.plan();
        values = agreeing(plan);
        ASSERT_TRUE(plan.problems.empty()) << joined(plan.problems);
    }
    const CheckItem& item(std::u16string_view name) {
        const CheckItem* it = itemOf(plan, name);
        static const CheckItem none{};
        if (!it) {
            ADD_FAILURE() << "no item " << s8(name);
            return none;
        }
        return *it;
    }
    double& mainOf(std::u16string_view name) { return values.at(item(name).main.scoreProbe); }
    std::vector<Finding> judge() { return judgeCheck(plan, values); }

    Filled filled;
    std::optional<IndicatorSystem> given;  // the system to check against, instead of the workbook's
    CheckPlan plan;
    std::vector<double> values;
};

TEST_F(JudgeCheck, CleanWorkbookAllAgrees) {
    auto fs = judge();
    EXPECT_EQ(fs.size(), plan.items.size()) << dump(fs);
    EXPECT_TRUE(subjectsWith(fs, Verdict::Differ).empty()) << dump(fs);
    for (const Finding& f : fs) {
        EXPECT_EQ(verdictText(f.verdict), verdictText(Verdict::Agree)) << s8(f.subject) << ": " << s8(f.explanation);
        EXPECT_FALSE(f.mark.has_value()) << s8(f.subject);
    }
    const Finding* c = findingOf(fs, u"预算完成率");
    ASSERT_NE(c, nullptr);
    ASSERT_TRUE(c->printed && c->recomputed);
    EXPECT_DOUBLE_EQ(*c->printed, 4.55);
    EXPECT_DOUBLE_EQ(*c->recomputed, 4.55);
    EXPECT_HAS(c->explanation, u"4.55");
}

TEST_F(JudgeCheck, ScoreOffByATenth) {
    mainOf(u"预算完成率") = 4.45;
    auto fs = judge();
    const Finding* f = expectFinding(fs, u"预算完成率", Verdict::Differ);
    ASSERT_NE(f, nullptr);
    EXPECT_HAS(f->explanation, u"4.55");
    EXPECT_HAS(f->explanation, u"4.45");
    EXPECT_HAS(f->explanation, u"0.10");
    EXPECT_LACKS(f->explanation, u"对调");
    ASSERT_TRUE(f->recomputed.has_value());
    EXPECT_DOUBLE_EQ(*f->recomputed, 4.45);
    ASSERT_TRUE(f->mark.has_value());
    EXPECT_EQ(f->mark->row, item(u"预算完成率").row);
    EXPECT_EQ(f->mark->col, kScoreCol);
    EXPECT_EQ(s8(f->mark->sheet), "附件1");
    EXPECT_EQ(subjectsWith(fs, Verdict::Differ).size(), 1u) << dump(fs);
}

TEST_F(JudgeCheck, HalfACentIsNotADifference) {
    mainOf(u"预算完成率") = 4.5549;  // prints as 4.55
    auto fs = judge();
    EXPECT_TRUE(subjectsWith(fs, Verdict::Differ).empty()) << dump(fs);
}

TEST_F(JudgeCheck, SwappedScores) {
    // printed 1.44 and 4.55 where the data give 4.55 and 1.44
    filled.line(u"预算完成率").score = 1.44;
    filled.line(u"部门预算资金支出均衡性").score = 4.55;
    make();
    mainOf(u"预算完成率") = 4.55;
    mainOf(u"部门预算资金支出均衡性") = 1.44;
    mainOf(u"政府采购执行率") = 0.5;  // an unrelated error is not a swap
    auto fs = judge();
    for (auto [name, other] : {std::pair<std::u16string_view, std::u16string_view>{u"预算完成率", u"部门预算资金支出均衡性"},
                               {u"部门预算资金支出均衡性", u"预算完成率"}}) {
        const Finding* f = expectFinding(fs, name, Verdict::Differ);
        ASSERT_NE(f, nullptr);
        EXPECT_HAS(f->explanation, u"对调");
        EXPECT_HAS(f->explanation, other);
        ASSERT_TRUE(f->mark.has_value());
    }
    const Finding* g = expectFinding(fs, u"政府采购执行率", Verdict::Differ);
    ASSERT_NE(g, nullptr);
    EXPECT_LACKS(g->explanation, u"对调");
}

TEST_F(JudgeCheck, OneSidedMatchIsNotASwap) {
    // 预算完成率 printed 4.55 equals what 均衡性 should be, but 均衡性's printed 1.44 is right
    mainOf(u"预算完成率") = 1.44;
    auto fs = judge();
    const Finding* f = expectFinding(fs, u"预算完成率", Verdict::Differ);
    ASSERT_NE(f, nullptr);
    EXPECT_LACKS(f->explanation, u"对调");
}

TEST_F(JudgeCheck, PrintedScoreOfAnotherReading) {
    const CheckItem& adj = item(u"预算调整率");
    const Reading* r = readingOf(adj, u"计入年中新增项目");
    ASSERT_NE(r, nullptr);
    ASSERT_TRUE(adj.main.rateProbe && r->rateProbe);
    mainOf(u"预算调整率") = 1.78;
    values.at(*adj.main.rateProbe) = 0.4051;
    values.at(r->scoreProbe) = 1.90;
    values.at(*r->rateProbe) = 0.3662;
    // the other readings give something else
    for (const Reading& o : adj.readings)
        if (&o != r) values.at(o.scoreProbe) = 2.20;
    auto fs = judge();
    const Finding* f = expectFinding(fs, u"预算调整率", Verdict::Reading);
    ASSERT_NE(f, nullptr);
    EXPECT_HAS(f->explanation, u"「计入年中新增项目」");
    EXPECT_HAS(f->explanation, u"1.90");
    EXPECT_HAS(f->explanation, u"1.78");
    EXPECT_HAS(f->explanation, u"36.62%");
    EXPECT_HAS(f->explanation, u"40.51%");
    EXPECT_TRUE(f->mark.has_value());
    EXPECT_TRUE(subjectsWith(fs, Verdict::Differ).empty()) << dump(fs);
}

TEST_F(JudgeCheck, CompletionOnTheInitialBudget) {
    // scored on the initial budget: 63.72% < 80% -> 0
    filled.line(u"预算完成率").score = 0.0;
    make();
    const CheckItem& c = item(u"预算完成率");
    ASSERT_EQ(c.readings.size(), 2u);  // 按年初预算计算执行率, and the 指标体系's 比例法
    mainOf(u"预算完成率") = 4.55;
    values.at(c.readings[0].scoreProbe) = 0;
    auto fs = judge();
    const Finding* f = expectFinding(fs, u"预算完成率", Verdict::Reading);
    ASSERT_NE(f, nullptr);
    EXPECT_HAS(f->explanation, u"按年初预算计算执行率");
    EXPECT_HAS(f->explanation, u"4.55");
    // the same printed 0 with no reading reproducing it is an error
    values.at(c.readings[0].scoreProbe) = 1.0;
    fs = judge();
    expectFinding(fs, u"预算完成率", Verdict::Differ);
}

TEST_F(JudgeCheck, AgreesWithTheSystemButNotWithThePrintedRule) {
    filled.system = systemSheetWith(u"预算调整率", [](std::u16string f) { return replaced(f, u";FALSE();", u";TRUE();"); });
    make();
    const CheckItem& adj = item(u"预算调整率");
    ASSERT_TRUE(adj.rule.has_value());
    ASSERT_TRUE(adj.main.rateProbe && adj.rule->rateProbe);
    values.at(*adj.main.rateProbe) = 0.3662;
    values.at(adj.rule->scoreProbe) = 1.78;
    values.at(*adj.rule->rateProbe) = 0.4051;
    auto fs = judge();
    const Finding* f = expectFinding(fs, u"预算调整率", Verdict::Reading);
    ASSERT_NE(f, nullptr);
    for (std::u16string_view needle : {u"1.90", u"36.62%", u"1.78", u"40.51%", u"评分标准"}) EXPECT_HAS(f->explanation, needle);
    EXPECT_TRUE(f->mark.has_value());
    EXPECT_TRUE(subjectsWith(fs, Verdict::Differ).empty()) << dump(fs);

    // the printed rule giving the same score: 一致
    values.at(adj.rule->scoreProbe) = 1.90;
    fs = judge();
    expectFinding(fs, u"预算调整率", Verdict::Agree);
}

TEST_F(JudgeCheck, PrintedScoreOfThePrintedRule) {
    filled.system = systemSheetWith(u"预算调整率", [](std::u16string f) { return replaced(f, u";FALSE();", u";TRUE();"); });
    make();
    const CheckItem& adj = item(u"预算调整率");
    ASSERT_TRUE(adj.rule.has_value());
    mainOf(u"预算调整率") = 2.10;
    values.at(adj.rule->scoreProbe) = 1.90;
    auto fs = judge();
    const Finding* f = expectFinding(fs, u"预算调整率", Verdict::Reading);
    ASSERT_NE(f, nullptr);
    EXPECT_HAS(f->explanation, u"评分标准原文");
    EXPECT_HAS(f->explanation, u"2.10");
}

TEST_F(JudgeCheck, JudgmentBehindAnAgreeingScore) {
    filled.setInfo(u"预算编制合理性-2", 0.5);
    filled.notes[u"预算编制合理性-2"] = u"项目资金编制不够细化，酌情扣除0.5分";
    make();
    ASSERT_FALSE(item(u"预算编制合理性").judgments.empty());
    auto fs = judge();
    const Finding* f = expectFinding(fs, u"预算编制合理性", Verdict::Judgment);
    ASSERT_NE(f, nullptr);
    EXPECT_HAS(f->explanation, u"酌情扣除0.5分");
    EXPECT_HAS(f->explanation, u"预算编制合理性-2");
    EXPECT_TRUE(subjectsWith(fs, Verdict::Differ).empty()) << dump(fs);

    // a score that differs from what the recorded judgment gives contradicts the record: 不一致
    mainOf(u"预算编制合理性") = 3.0;
    fs = judge();
    f = expectFinding(fs, u"预算编制合理性", Verdict::Differ);
    ASSERT_NE(f, nullptr);
    EXPECT_HAS(f->explanation, u"酌情扣除0.5分");
    EXPECT_HAS(f->explanation, u"3.52");
    EXPECT_HAS(f->explanation, u"3.00");
    EXPECT_HAS(f->explanation, u"与记录不符");
    ASSERT_TRUE(f->mark.has_value());
    EXPECT_EQ(f->mark->col, kScoreCol);
}

// The 等级 recorded in 基础信息 is the evaluator's judgment: 中 gives 2.40 of 4; a printed 4.00 (the
// score of 优) contradicts it and is 不一致 — the check's exit code says so.
TEST_F(JudgeCheck, PrintedScoreContradictingTheRecordedGrade) {
    filled.useSystem(targetSystem());
    addTargetInfo(filled.info, u"中");
    filled.notes[u"创新氛围-等级"] = u"成效一般";
    filled.line(u"创新氛围").score = 4.0;
    make();
    const CheckItem& g = item(u"创新氛围");
    ASSERT_EQ(g.judgments.size(), 1u);
    EXPECT_HAS(g.judgments[0].what, u"等级 中");
    mainOf(u"创新氛围") = levelScore(u"中", 4);
    auto fs = judge();
    const Finding* f = expectFinding(fs, u"创新氛围", Verdict::Differ);
    ASSERT_NE(f, nullptr);
    EXPECT_HAS(f->explanation, u"4.00");
    EXPECT_HAS(f->explanation, u"2.40");
    EXPECT_HAS(f->explanation, u"等级 中");
    EXPECT_HAS(f->explanation, u"成效一般");

    // printed as the recorded grade gives it: the judgment is listed, nothing is wrong
    filled.line(u"创新氛围").score = 2.4;
    make();
    mainOf(u"创新氛围") = levelScore(u"中", 4);
    fs = judge();
    f = expectFinding(fs, u"创新氛围", Verdict::Judgment);
    ASSERT_NE(f, nullptr);
    EXPECT_HAS(f->explanation, u"成效一般");
}

// ---- judgments and ratios the system states with its rows (as a 绩效目标表's rows carry them) ----

IndicatorSystem readSystem(const Sheet& s) {
    jixiao::Problems problems;
    auto sys = readIndicatorSystem(s, problems);
    EXPECT_TRUE(sys && problems.empty()) << "test bug: the system does not read" << joined(problems);
    return sys ? *sys : IndicatorSystem{};
}

Indicator& indicatorIn(IndicatorSystem& sys, std::u16string_view name) {
    for (Indicator& i : sys.indicators)
        if (i.name == name) return i;
    ADD_FAILURE() << "test bug: no indicator " << s8(name);
    return sys.indicators.front();
}

class StatedJudgments : public JudgeCheck {
protected:
    void SetUp() override {
        filled.useSystem(targetSystem());
        addTargetInfo(filled.info);
        IndicatorSystem sys = readSystem(*filled.system);
        indicatorIn(sys, u"培训场次").stated = {{u"培训场次：得分比例 80%", u"场地受限，按完成比例计分"}};
        indicatorIn(sys, u"培训场次").ratioFormula = u"【培训场次-实际】/【培训场次-目标】";
        indicatorIn(sys, u"年度目标").subs[1].stated = {{u"乙：免于超额核减", u"政策调整"}};
        given = sys;
        make();
    }
};

TEST_F(StatedJudgments, AreTheItemsJudgmentsAndTheRatioTemplateGivesTheRatio) {
    const CheckItem& t = item(u"培训场次");
    ASSERT_EQ(t.judgments.size(), 1u);
    EXPECT_EQ(s8(t.judgments[0].what), "培训场次：得分比例 80%");
    EXPECT_EQ(s8(t.judgments[0].reason), "场地受限，按完成比例计分");
    ASSERT_EQ(t.targetRatios.size(), 1u);
    EXPECT_EQ(plan.probes[t.targetRatios[0].second], u"=" + cellRef(kBasicSheet, infoRow(filled.info, u"培训场次-实际"), 2) +
                                                         u"/" + cellRef(kBasicSheet, infoRow(filled.info, u"培训场次-目标"), 2));
    const CheckItem& y = item(u"年度目标");
    ASSERT_EQ(y.judgments.size(), 1u);
    EXPECT_EQ(s8(y.judgments[0].what), "乙：免于超额核减");
    ASSERT_EQ(y.targetRatios.size(), 2u);  // no ratio template: the TARGET_SCORE arguments
    EXPECT_HAS(plan.probes[y.targetRatios[0].second], u")/(");
}

TEST_F(StatedJudgments, ExplainAScoreOnlyWithAReading) {
    const CheckItem& t = item(u"培训场次");
    double rule = targetScore(8, 10, 16), proportional = targetScore(8, 10, 16, TargetMethod::Proportional);
    auto scoreAs = [&](double printed) {
        filled.line(u"培训场次").score = printed;
        make();
        mainOf(u"培训场次") = rule;
        values.at(item(u"培训场次").readings.at(0).scoreProbe) = proportional;
        return judge();
    };
    ASSERT_EQ(t.readings.size(), 1u);
    // printed as the rule gives it: the stated judgment is listed for a person
    auto fs = scoreAs(rule);
    const Finding* f = expectFinding(fs, u"培训场次", Verdict::Judgment);
    ASSERT_NE(f, nullptr);
    EXPECT_HAS(f->explanation, u"场地受限");
    // printed by the system's other reading: 口径不同, the judgment listed with it
    fs = scoreAs(r2(proportional));
    f = expectFinding(fs, u"培训场次", Verdict::Reading);
    ASSERT_NE(f, nullptr);
    EXPECT_HAS(f->explanation, u"「目标未达按比例计分」");
    EXPECT_HAS(f->explanation, u"场地受限");
    // a score no reading gives contradicts the record
    fs = scoreAs(10);
    f = expectFinding(fs, u"培训场次", Verdict::Differ);
    ASSERT_NE(f, nullptr);
    EXPECT_HAS(f->explanation, u"与记录不符");
    EXPECT_HAS(f->explanation, u"10.00");
}

TEST_F(JudgeCheck, FormulaErrorNeedsAPerson) {
    mainOf(u"政府采购执行率") = kNaN;
    auto fs = judge();
    const Finding* f = expectFinding(fs, u"政府采购执行率", Verdict::Judgment);
    ASSERT_NE(f, nullptr);
    EXPECT_FALSE(f->recomputed.has_value());
    EXPECT_FALSE(f->explanation.empty());
    EXPECT_TRUE(subjectsWith(fs, Verdict::Differ).empty()) << dump(fs);
}

TEST_F(JudgeCheck, MissingProbeValuesNeedAPerson) {
    values.clear();  // nothing evaluated: neither the scores nor the opinions
    auto fs = judge();
    ASSERT_EQ(fs.size(), 2 * plan.items.size()) << dump(fs);
    for (const Finding& f : fs) EXPECT_EQ(verdictText(f.verdict), verdictText(Verdict::Judgment)) << s8(f.subject);
    for (const CheckItem& it : plan.items) EXPECT_NE(findingOf(fs, it.name + u"（专家意见公式）"), nullptr) << s8(it.name);
}

// The 专家意见 the fill writes is recomputed as a whole; when its formula gives an error (a figure
// dividing by a zero budget, a text where a number belongs) the check says so, naming the cell.
TEST_F(JudgeCheck, OpinionFormulaGivingAnErrorIsReported) {
    const CheckItem& c = item(u"政府采购执行率");
    ASSERT_TRUE(c.opinionProbe.has_value());
    const std::u16string& probe = plan.probes[*c.opinionProbe];
    EXPECT_EQ(probe.rfind(u"=LEN(", 0), 0u) << s8(probe);
    EXPECT_HAS(probe, u"政府采购执行率为");  // the opinion's own words
    EXPECT_HAS(probe, cellRef(kBasicSheet, infoRow(filled.info, u"政府采购调整后预算"), 2));
    for (const CheckItem& it : plan.items) EXPECT_TRUE(it.opinionProbe.has_value()) << s8(it.name);

    values.at(*c.opinionProbe) = kNaN;
    auto fs = judge();
    const Finding* f = expectFinding(fs, u"政府采购执行率（专家意见公式）", Verdict::Judgment);
    ASSERT_NE(f, nullptr);
    EXPECT_HAS(f->explanation, u"「附件1」");
    EXPECT_HAS(f->explanation, localRef(c.row, kExpertCol));
    EXPECT_HAS(f->explanation, u"出错");
    EXPECT_HAS(f->explanation, u"「核对结果」" + localRef(2 + *c.opinionProbe, kProbeColumn));
    ASSERT_TRUE(f->mark.has_value());
    EXPECT_EQ(f->mark->row, c.row);
    EXPECT_EQ(f->mark->col, kExpertCol);
    // the score itself is judged as before
    expectFinding(fs, u"政府采购执行率", Verdict::Agree);
    EXPECT_EQ(fs.size(), plan.items.size() + 1) << dump(fs);
}

TEST_F(JudgeCheck, BlankScoreDiffers) {
    filled.line(u"政府采购执行率").score = V{};
    make();
    mainOf(u"政府采购执行率") = 0.88;
    auto fs = judge();
    const Finding* f = expectFinding(fs, u"政府采购执行率", Verdict::Differ);
    ASSERT_NE(f, nullptr);
    EXPECT_HAS(f->explanation, u"0.88");
    EXPECT_FALSE(f->printed.has_value());
    ASSERT_TRUE(f->mark.has_value());
    EXPECT_EQ(f->mark->col, kScoreCol);
}

TEST_F(JudgeCheck, TotalMismatch) {
    double sum = filled.scoreSum();
    filled.total = V(sum + 2);
    make();
    auto fs = judge();
    const Finding* f = expectFinding(fs, u"合计", Verdict::Differ);
    ASSERT_NE(f, nullptr);
    char a[32], b[32];
    std::snprintf(a, sizeof a, "%.2f", sum + 2);
    std::snprintf(b, sizeof b, "%.2f", sum);
    EXPECT_HAS(f->explanation, fromUtf8(a));
    EXPECT_HAS(f->explanation, fromUtf8(b));
    ASSERT_TRUE(f->printed && f->recomputed);
    EXPECT_NEAR(*f->printed, sum + 2, 1e-9);
    EXPECT_NEAR(*f->recomputed, sum, 1e-9);
    ASSERT_TRUE(f->mark.has_value());
    EXPECT_EQ(f->mark->row, kFirstRow + plan.items.size());
    EXPECT_EQ(f->mark->col, kScoreCol);
}

TEST_F(JudgeCheck, WeightThatNoLongerAddsUp) {
    filled.line(u"预算完成率").weight = 9.0;
    filled.levelWeight[u"预算资金管理"] = 32;
    filled.levelWeight[u"财政管理情况评价"] = 50;
    make();
    auto fs = judge();
    const Finding* w = expectFinding(fs, u"预算完成率（权重）", Verdict::Differ);
    ASSERT_NE(w, nullptr);
    EXPECT_HAS(w->explanation, u"9.00");
    EXPECT_HAS(w->explanation, u"8.00");
    ASSERT_TRUE(w->mark.has_value());
    EXPECT_EQ(w->mark->col, kWeightCol);
    const Finding* sum = expectFinding(fs, u"权重合计", Verdict::Differ);
    ASSERT_NE(sum, nullptr);
    EXPECT_HAS(sum->explanation, u"101");
    const Finding* l2 = expectFinding(fs, u"预算资金管理（权重）", Verdict::Differ);
    ASSERT_NE(l2, nullptr);
    EXPECT_HAS(l2->explanation, u"32.00");
    EXPECT_HAS(l2->explanation, u"33.00");
    expectFinding(fs, u"财政管理情况评价（权重）", Verdict::Differ);
    EXPECT_EQ(findingOf(fs, u"部门履职情况评价（权重）"), nullptr) << dump(fs);
}

TEST_F(JudgeCheck, LevelWeightNotTheSumOfItsIndicators) {
    filled.levelWeight[u"资产管理"] = 4;  // 资产管理安全性 2 + 固定资产利用率 1
    make();
    auto fs = judge();
    const Finding* f = expectFinding(fs, u"资产管理（权重）", Verdict::Differ);
    ASSERT_NE(f, nullptr);
    EXPECT_HAS(f->explanation, u"4.00");
    EXPECT_HAS(f->explanation, u"3.00");
    ASSERT_TRUE(f->mark.has_value());
    EXPECT_EQ(f->mark->col, 3u);
    EXPECT_EQ(f->mark->row, item(u"资产管理安全性").row);
    EXPECT_EQ(findingOf(fs, u"权重合计"), nullptr) << dump(fs);
    EXPECT_EQ(subjectsWith(fs, Verdict::Differ).size(), 1u) << dump(fs);
}

TEST_F(JudgeCheck, ScoreAboveItsWeight) {
    filled.line(u"政府采购执行率").score = 1.5;
    make();
    auto fs = judge();
    const Finding* f = expectFinding(fs, u"政府采购执行率（超过权重）", Verdict::Differ);
    ASSERT_NE(f, nullptr);
    EXPECT_HAS(f->explanation, u"1.50");
}

TEST_F(JudgeCheck, RateMismatch) {
    filled.line(u"预算完成率").rate = 0.5;
    make();
    auto fs = judge();
    const Finding* f = expectFinding(fs, u"预算完成率（得分率）", Verdict::Differ);
    ASSERT_NE(f, nullptr);
    EXPECT_HAS(f->explanation, u"50%");
    EXPECT_HAS(f->explanation, u"56.88%");
    ASSERT_TRUE(f->mark.has_value());
    EXPECT_EQ(f->mark->col, kRateCol);
}

TEST_F(JudgeCheck, RateTypedToFourDecimalsAgrees) {
    filled.line(u"预算完成率").rate = 0.5688;  // 4.55 / 8 = 56.875%, shown as 56.88%
    make();
    auto fs = judge();
    EXPECT_EQ(findingOf(fs, u"预算完成率（得分率）"), nullptr) << dump(fs);
}

// A rate typed as the score ÷ weight rounded half up to 0.01% (as 0.00% shows it) must agree: 6.27
// / 8 = 78.375% is shown and typed as 78.38%.
TEST_F(JudgeCheck, RateRoundedHalfUpAgrees) {
    filled.line(u"预算完成率").score = 6.27;
    filled.line(u"预算完成率").rate = 0.7838;
    make();
    auto fs = judge();
    EXPECT_EQ(findingOf(fs, u"预算完成率（得分率）"), nullptr) << dump(fs);
}

TEST_F(JudgeCheck, SummarySubtotalMismatch) {
    double right = 0;
    for (const auto& lv : filled.levels(false))
        if (lv.name == u"预算资金管理") right = lv.score;
    ASSERT_GT(right, 0);
    filled.summaryScore[u"预算资金管理"] = right + 0.1;
    filled.summaryRate[u"预算资金管理"] = (right + 0.1) / 32;
    make();
    auto fs = judge();
    const Finding* f = expectFinding(fs, u"预算资金管理（小计）", Verdict::Differ);
    ASSERT_NE(f, nullptr);
    char a[32], b[32];
    std::snprintf(a, sizeof a, "%.2f", right + 0.1);
    std::snprintf(b, sizeof b, "%.2f", right);
    EXPECT_HAS(f->explanation, fromUtf8(a));
    EXPECT_HAS(f->explanation, fromUtf8(b));
    ASSERT_TRUE(f->mark.has_value());
    EXPECT_EQ(s8(f->mark->sheet), "评价结果");
    EXPECT_EQ(f->mark->col, 2u);
    EXPECT_EQ(findingOf(fs, u"预算资金管理（得分率）"), nullptr) << "the rate follows the printed subtotal" << dump(fs);
    EXPECT_EQ(subjectsWith(fs, Verdict::Differ).size(), 1u) << dump(fs);
}

TEST_F(JudgeCheck, SummaryTotalAndRateMismatch) {
    filled.summaryScore[u"综合评分"] = filled.scoreSum() + 1;
    filled.summaryRate[u"资产管理"] = 0.5;
    make();
    auto fs = judge();
    expectFinding(fs, u"综合评分（小计）", Verdict::Differ);
    const Finding* r = expectFinding(fs, u"资产管理（得分率）", Verdict::Differ);
    ASSERT_NE(r, nullptr);
    EXPECT_HAS(r->explanation, u"50%");
    EXPECT_HAS(r->explanation, u"88%");  // (1.76 + 0.88) / 3
    ASSERT_TRUE(r->mark.has_value());
    EXPECT_EQ(r->mark->col, 3u);
}

TEST_F(JudgeCheck, GradeNotMatchingTheTotal) {
    double total = filled.scoreSum();
    ASSERT_TRUE(total >= 80 && total < 90) << "test bug: total " << total;
    filled.grade = u"优";
    make();
    auto fs = judge();
    const Finding* f = expectFinding(fs, u"等级", Verdict::Differ);
    ASSERT_NE(f, nullptr);
    EXPECT_HAS(f->explanation, u"「良」");
    EXPECT_HAS(f->explanation, u"「优」");
    ASSERT_TRUE(f->mark.has_value());
    EXPECT_EQ(s8(f->mark->sheet), "评价结果");
}

TEST_F(JudgeCheck, GradeFollowsThePrintedTotal) {
    filled.grade = u"良";  // right for the sum of scores
    make();
    auto fs = judge();
    EXPECT_EQ(findingOf(fs, u"等级"), nullptr) << dump(fs);
}

TEST_F(JudgeCheck, OpinionFigureOffByOneHundredthOfAPercent) {
    const CheckItem& c = item(u"预算完成率");
    ASSERT_EQ(c.figures.size(), 1u);
    values.at(c.figures[0].probe) = 0.913849;  // 91.38%
    auto fs = judge();
    EXPECT_EQ(findingOf(fs, u"预算完成率（专家意见）"), nullptr) << dump(fs);

    filled.line(u"预算完成率").opinion = replaced(kCompletionOpinion, u"91.38%", u"91.39%");
    make();
    values.at(item(u"预算完成率").figures.at(0).probe) = 0.913849;
    fs = judge();
    const Finding* f = expectFinding(fs, u"预算完成率（专家意见）", Verdict::Differ);
    ASSERT_NE(f, nullptr);
    EXPECT_HAS(f->explanation, u"91.39%");
    EXPECT_HAS(f->explanation, u"91.38%");
    ASSERT_TRUE(f->mark.has_value());
    EXPECT_EQ(f->mark->col, kExpertCol);
    EXPECT_EQ(f->mark->row, item(u"预算完成率").row);
}

TEST_F(JudgeCheck, MistypedRateInTheOpinion) {
    filled.line(u"预算完成率").opinion = replaced(kCompletionOpinion, u"91.38%", u"93.18%");
    make();
    values.at(item(u"预算完成率").figures.at(0).probe) = 0.9138;
    auto fs = judge();
    const Finding* f = expectFinding(fs, u"预算完成率（专家意见）", Verdict::Differ);
    ASSERT_NE(f, nullptr);
    EXPECT_HAS(f->explanation, u"93.18%");
    EXPECT_HAS(f->explanation, u"91.38%");
    // the score itself still agrees
    expectFinding(fs, u"预算完成率", Verdict::Agree);
}

class JudgeCheckOpinion : public JudgeCheck {
protected:
    void setOpinion(std::u16string text) {
        filled.line(u"部门预算资金支出均衡性").opinion = std::move(text);
        make();
        const CheckItem& b = item(u"部门预算资金支出均衡性");
        ASSERT_EQ(b.figures.size(), 3u);
        ASSERT_EQ(b.figures[0].anchor, b.figures[1].anchor);
        fig = {b.figures[0].probe, b.figures[1].probe, b.figures[2].probe};
        values.at(fig.at(0)) = 0.4748;
        values.at(fig.at(1)) = 0.4837;
        values.at(fig.at(2)) = 0.4793;
    }
    std::vector<const Finding*> opinionFindings(const std::vector<Finding>& fs) {
        return findingsOf(fs, u"部门预算资金支出均衡性（专家意见）");
    }
    std::vector<std::size_t> fig;
    const std::u16string right =
        u"根据国库处通报结果，部门1-10月支出进度执行率为47.48%，1-11月支出进度执行率为48.37%，全年平均执行率为47.93%。";
};

TEST_F(JudgeCheckOpinion, SameWordsTwiceAreMatchedInOrder) {
    ASSERT_NO_FATAL_FAILURE(setOpinion(right));
    auto fs = judge();
    EXPECT_TRUE(opinionFindings(fs).empty()) << dump(fs);
}

TEST_F(JudgeCheckOpinion, SecondOfTheSameWordsMistyped) {
    ASSERT_NO_FATAL_FAILURE(setOpinion(replaced(right, u"48.37%", u"47.48%")));
    auto fs = judge();
    auto found = opinionFindings(fs);
    ASSERT_EQ(found.size(), 1u) << dump(fs);
    EXPECT_HAS(found[0]->explanation, u"47.48%");
    EXPECT_HAS(found[0]->explanation, u"48.37%");
}

// The first figure cannot be recomputed (its formula gave an error): the second, after the same
// words, is still compared with the number after the second occurrence of those words.
TEST_F(JudgeCheckOpinion, FirstFigureWithoutValueDoesNotShiftTheSecond) {
    ASSERT_NO_FATAL_FAILURE(setOpinion(right));
    values.at(fig.at(0)) = kNaN;
    auto fs = judge();
    EXPECT_TRUE(opinionFindings(fs).empty()) << dump(fs);
}

// The first occurrence carries no number: the second figure is still compared with the number
// after the second occurrence (here mistyped, so it must be found).
TEST_F(JudgeCheckOpinion, FirstOccurrenceWithoutNumberDoesNotHideTheSecond) {
    ASSERT_NO_FATAL_FAILURE(setOpinion(u"根据国库处通报结果，部门1-10月支出进度执行率为未通报，1-11月支出进度执行率为58.37%，全年平均执行率为47.93%。"));
    auto fs = judge();
    auto found = opinionFindings(fs);
    ASSERT_EQ(found.size(), 1u) << dump(fs);
    EXPECT_HAS(found[0]->explanation, u"58.37%");
    EXPECT_HAS(found[0]->explanation, u"48.37%");
}

TEST_F(JudgeCheckOpinion, NumberWithoutPercentIsNotComparedWithARate) {
    ASSERT_NO_FATAL_FAILURE(setOpinion(replaced(right, u"47.93%", u"0.4793")));
    values.at(fig.at(2)) = 0.5;  // would differ if compared
    auto fs = judge();
    EXPECT_TRUE(opinionFindings(fs).empty()) << dump(fs);
    // the control: with the percent sign it is compared
    ASSERT_NO_FATAL_FAILURE(setOpinion(right));
    values.at(fig.at(2)) = 0.5;
    fs = judge();
    EXPECT_EQ(opinionFindings(fs).size(), 1u) << dump(fs);
}

// ================================================================ the result sheet

TEST(CheckSheets, VerdictTexts) {
    EXPECT_EQ(s8(verdictText(Verdict::Agree)), "一致");
    EXPECT_EQ(s8(verdictText(Verdict::Differ)), "不一致");
    EXPECT_EQ(s8(verdictText(Verdict::Reading)), "口径不同");
    EXPECT_EQ(s8(verdictText(Verdict::Judgment)), "需人工判断");
}

TEST(CheckSheets, ProbeSheetPutsEachProbeInItsRow) {
    Filled filled;
    CheckPlan plan = filled.plan();
    ASSERT_TRUE(plan.problems.empty()) << joined(plan.problems);
    SheetPlan s = probeSheet(plan);
    EXPECT_EQ(s.name, plan.resultSheet);
    ASSERT_GT(plan.probes.size(), 10u);
    for (std::size_t i = 0; i < plan.probes.size(); ++i) {
        auto it = s.cells.find({2 + i, kProbeColumn});
        ASSERT_NE(it, s.cells.end()) << "probe " << i;
        EXPECT_EQ(it->second.kind, OutCell::Kind::Formula) << "probe " << i;
        EXPECT_EQ(it->second.text, plan.probes[i]) << "probe " << i;
    }
    // nothing else but the column's heading
    EXPECT_EQ(s.cells.size(), plan.probes.size() + 1);
    for (const auto& [pos, cell] : s.cells) EXPECT_EQ(pos.second, kProbeColumn);
    EXPECT_EQ(s.cells.count({1, kProbeColumn}), 1u);
}

TEST(CheckSheets, ResultTableHasAHeaderAndOneRowPerFinding) {
    Filled filled;
    CheckPlan plan = filled.plan();
    ASSERT_TRUE(plan.problems.empty()) << joined(plan.problems);
    std::vector<Finding> fs = {
        {u"预算完成率", Verdict::Differ, 4.55, 4.45, u"所印4.55分，按数据重算为4.45分。", std::nullopt},
        {u"预算调整率", Verdict::Reading, 1.90, 1.78, u"口径说明", std::nullopt},
        {u"政府采购执行率", Verdict::Judgment, 0.88, std::nullopt, u"无法按数据重算", std::nullopt},
        {u"等级", Verdict::Differ, std::nullopt, std::nullopt, u"等级印为「优」", std::nullopt},
        {u"固定资产利用率", Verdict::Agree, 0.88, 0.88, u"一致说明", std::nullopt},
    };
    SheetPlan s = resultTable(plan, fs);
    EXPECT_EQ(s.name, plan.resultSheet);
    auto text = [&](std::size_t r, std::size_t c) -> std::u16string {
        auto it = s.cells.find({r, c});
        return it == s.cells.end() ? u"<none>" : it->second.text;
    };
    EXPECT_HAS(text(0, 0), u"附件1");
    const char* head[] = {"指标", "所印评分", "重算评分", "差异", "结论", "说明"};
    for (std::size_t c = 0; c < 6; ++c) EXPECT_EQ(s8(text(1, c)), head[c]);
    EXPECT_EQ(s.headerRows, 2u);
    for (std::size_t k = 0; k < fs.size(); ++k) {
        std::size_t r = 2 + k;
        EXPECT_EQ(text(r, 0), fs[k].subject);
        EXPECT_EQ(text(r, 4), std::u16string(verdictText(fs[k].verdict)));
        EXPECT_EQ(text(r, 5), fs[k].explanation);
        auto printed = s.cells.find({r, 1});
        auto recomputed = s.cells.find({r, 2});
        EXPECT_EQ(printed != s.cells.end(), fs[k].printed.has_value()) << "row " << r;
        EXPECT_EQ(recomputed != s.cells.end(), fs[k].recomputed.has_value()) << "row " << r;
        if (printed != s.cells.end()) {
            EXPECT_EQ(printed->second.kind, OutCell::Kind::Number);
            EXPECT_DOUBLE_EQ(printed->second.number, *fs[k].printed);
        }
        if (recomputed != s.cells.end()) EXPECT_DOUBLE_EQ(recomputed->second.number, *fs[k].recomputed);
        bool both = fs[k].printed && fs[k].recomputed;
        auto diff = s.cells.find({r, 3});
        ASSERT_EQ(diff != s.cells.end(), both) << "row " << r;
        if (both) {
            EXPECT_EQ(diff->second.kind, OutCell::Kind::Formula);
            EXPECT_EQ(diff->second.text, u"=" + localRef(r, 1) + u"-" + localRef(r, 2));
        }
    }
    // nothing below the last finding
    for (const auto& [pos, cell] : s.cells) EXPECT_LT(pos.first, 2 + fs.size()) << s8(cell.text);
}

TEST(CheckSheets, ResultTableOfARealJudgement) {
    Filled filled;
    filled.summary = false;
    filled.total = V(filled.scoreSum() + 1);
    CheckPlan plan = filled.plan();
    ASSERT_TRUE(plan.problems.empty()) << joined(plan.problems);
    std::vector<Finding> fs = judgeCheck(plan, agreeing(plan));
    SheetPlan s = resultTable(plan, fs);
    ASSERT_EQ(fs.size(), plan.items.size() + 1) << dump(fs);
    std::size_t rows = 0;
    for (const auto& [pos, cell] : s.cells)
        if (pos.second == 4 && pos.first >= 2) ++rows;
    EXPECT_EQ(rows, fs.size());
    EXPECT_EQ(s.cells.at({2 + fs.size() - 1, 0}).text, u"合计");
    EXPECT_EQ(s.cells.at({2 + fs.size() - 1, 4}).text, u"不一致");
}

// A rate written in other words than the template's is still compared with the recomputed rates.
TEST_F(JudgeCheckOpinion, MistypedRateInOtherWordsIsFound) {
    ASSERT_NO_FATAL_FAILURE(setOpinion(u"国库处通报显示，部门全年平均的支出执行率达到49.73%，进度偏慢。"));
    auto fs = judge();
    auto found = opinionFindings(fs);
    ASSERT_EQ(found.size(), 1u) << dump(fs);
    EXPECT_HAS(found[0]->explanation, u"49.73%");
    // without the template's words it is compared with the nearest recomputed rate (48.37%)
    EXPECT_HAS(found[0]->explanation, u"48.37%");
}

TEST_F(JudgeCheckOpinion, UnrelatedPercentagesAreNotFlagged) {
    ASSERT_NO_FATAL_FAILURE(setOpinion(u"另：企业覆盖率达到100%，认定通过率91%，执行率为48.37%。"));
    auto fs = judge();
    EXPECT_TRUE(opinionFindings(fs).empty()) << dump(fs);
}

TEST_F(JudgeCheckOpinion, APercentageStatedAsATargetIsNotAFigure) {
    // 49% is near the recomputed 48.37%, but written as a 指标值 (≥, 不低于, 以上) it is a goal
    ASSERT_NO_FATAL_FAILURE(setOpinion(u"目标为支出进度≥49%（不低于49.5%，或49.2%以上）。"));
    auto fs = judge();
    EXPECT_TRUE(opinionFindings(fs).empty()) << dump(fs);
    // the same figure as prose is still compared
    ASSERT_NO_FATAL_FAILURE(setOpinion(u"支出进度为49%。"));
    EXPECT_EQ(opinionFindings(judge()).size(), 1u);
}

// A reading the indicator system names (其他口径) explains a score computed that way.
TEST_F(JudgeCheck, ProportionalCompletionIsANamedReading) {
    filled.line(u"预算完成率").score = 7.31;  // 0.9138 × 8
    make();
    const CheckItem& c = item(u"预算完成率");
    ASSERT_EQ(c.readings.size(), 2u);
    mainOf(u"预算完成率") = 4.55;
    values.at(c.readings[0].scoreProbe) = 0;     // 按年初预算计算执行率
    values.at(c.readings[1].scoreProbe) = 7.31;  // 比例法（全国自评表）
    auto fs = judge();
    const Finding* f = expectFinding(fs, u"预算完成率", Verdict::Reading);
    ASSERT_NE(f, nullptr);
    EXPECT_HAS(f->explanation, u"比例法（全国自评表）");
    EXPECT_HAS(f->explanation, u"4.55");
}

TEST(ParseReadings, NamesAndFormulas) {
    auto r = parseReadings(u"比例法：TARGET_SCORE(【甲】;【乙】;【分值】;\"proportional\")\n"
                           u"分档：BAND_SCORE(【丙】;{0;1|0.5;0.5};【分值】)；无名公式\n  ");
    ASSERT_EQ(r.size(), 2u);
    EXPECT_EQ(r[0].name, u"比例法");
    EXPECT_EQ(r[0].formula, u"TARGET_SCORE(【甲】;【乙】;【分值】;\"proportional\")");
    EXPECT_EQ(r[1].name, u"分档");
    EXPECT_EQ(r[1].formula, u"BAND_SCORE(【丙】;{0;1|0.5;0.5};【分值】)");
    EXPECT_TRUE(parseReadings(u"").empty());
}

// A score below the rule on a target far above its aim: likely the evaluator's cut, not an error.
TEST_F(JudgeCheck, ScoreBelowTheRuleOnAnOverAchievedTargetIsAJudgment) {
    filled.line(u"服务对象满意度").score = 13.5;
    make();
    const CheckItem& t = item(u"服务对象满意度");
    ASSERT_TRUE(t.judgments.empty());
    ASSERT_EQ(t.targetRatios.size(), 1u);
    // the 绩效目标表 row's ratio template (its INDICATOR_SCORE has no plain actual ÷ target)
    EXPECT_EQ(plan.probes[t.targetRatios[0].second].rfind(u"=TARGET_RATIO(", 0), 0u) << s8(plan.probes[t.targetRatios[0].second]);
    mainOf(u"服务对象满意度") = 15.0;
    values.at(t.targetRatios[0].second) = 91.40 / 35;
    auto fs = judge();
    const Finding* f = expectFinding(fs, u"服务对象满意度", Verdict::Judgment);
    ASSERT_NE(f, nullptr);
    EXPECT_HAS(f->explanation, u"2.61倍");
    EXPECT_HAS(f->explanation, u"超额");

    // the same score on a target met without excess is an error
    values.at(t.targetRatios[0].second) = 1.2;
    fs = judge();
    EXPECT_NE(expectFinding(fs, u"服务对象满意度", Verdict::Differ), nullptr);
}

// ================================================================ readings as data

TEST_F(JudgeCheck, ScoreOfTheSystemsTargetReading) {
    filled.useSystem(targetSystem());
    addTargetInfo(filled.info);
    double proportional = targetScore(8, 10, 16, TargetMethod::Proportional);
    filled.line(u"培训场次").score = r2(proportional);
    make();
    const CheckItem& t = item(u"培训场次");
    ASSERT_EQ(t.readings.size(), 1u);
    mainOf(u"培训场次") = targetScore(8, 10, 16);
    values.at(t.readings[0].scoreProbe) = proportional;
    auto fs = judge();
    const Finding* f = expectFinding(fs, u"培训场次", Verdict::Reading);
    ASSERT_NE(f, nullptr);
    EXPECT_HAS(f->explanation, u"「目标未达按比例计分」");
    EXPECT_HAS(f->explanation, u"12.80");
}

// A bureau's readings typed in the workbook's own 指标体系 are computed and named by the check: a
// province's 调整率 bands (湖南-style, in points of a 3-point weight), 执行率 × 分值, and 每低于5%扣2分
// written as a formula. Each shows the rate it reads (the main reading's rate, in the same probe).
class LocalReadings : public JudgeCheck {
protected:
    const std::u16string hunan = u"BAND_SCORE(" + kAdjustmentRate + u";{0;3|0.1;2|0.2;1|0.3;0.5};【分值】/3;TRUE())";
    const std::u16string timesWeight = u"BUDGET_COMPLETION_SCORE(" + kExecutionRate + u";【分值】;;\"proportional\")";
    const std::u16string perFivePercent = u"MAX(0;【分值】-2*INT((1-MIN(1;" + kExecutionRate + u"))/0.05))";

    void SetUp() override {
        filled.system = systemSheetWithReadings(u"预算调整率", u"分档法（湖南）：" + hunan);
        filled.system = systemSheetWithReadings(
            u"预算完成率", u"执行率×分值（某市）：" + timesWeight + u"\n每低于5%扣2分（某县）：" + perFivePercent, *filled.system);
        make();
    }
    // The printed score `printed` for `name`, the main reading giving `main` and the reading `reading` giving `printed`.
    const Finding* scored(std::u16string_view name, double main, std::u16string_view reading, double printed) {
        filled.line(name).score = r2(printed);
        make();
        const CheckItem& it = item(name);
        const Reading* rd = readingOf(it, reading);
        if (!rd) {
            ADD_FAILURE() << "no reading " << s8(reading) << " in " << readingNames(it);
            return nullptr;
        }
        mainOf(name) = main;
        values.at(rd->scoreProbe) = printed;
        if (it.main.rateProbe) values.at(*it.main.rateProbe) = rate;
        fs = judge();
        return expectFinding(fs, name, Verdict::Reading);
    }
    double rate = 0;
    std::vector<Finding> fs;
};

TEST_F(LocalReadings, AreComputedFromTheSheetsTemplates) {
    const CheckItem& adj = item(u"预算调整率");
    const Reading* band = readingOf(adj, u"分档法（湖南）");
    ASSERT_NE(band, nullptr) << readingNames(adj);
    EXPECT_HAS(plan.probes[band->scoreProbe], u"BAND_SCORE(ADJUSTMENT_RATE(");
    EXPECT_HAS(plan.probes[band->scoreProbe], u"{0;3|0.1;2|0.2;1|0.3;0.5};3/3;TRUE())");
    EXPECT_HAS(plan.probes[band->scoreProbe], cellRef(kProjectSheet, 5, 2));  // the projects' 年初预算数
    ASSERT_TRUE(band->rateProbe && adj.main.rateProbe);
    EXPECT_EQ(*band->rateProbe, *adj.main.rateProbe);
    // the built-in printed rule's readings still come after the sheet's own
    EXPECT_NE(readingOf(adj, u"计入年中新增项目"), nullptr) << readingNames(adj);
    EXPECT_EQ(s8(adj.readings.front().name), "分档法（湖南）");

    const CheckItem& c = item(u"预算完成率");
    const Reading* times = readingOf(c, u"执行率×分值（某市）");
    const Reading* per5 = readingOf(c, u"每低于5%扣2分（某县）");
    ASSERT_TRUE(times && per5) << readingNames(c);
    EXPECT_HAS(plan.probes[per5->scoreProbe], u"MAX(0;8-2*INT((1-MIN(1;EXECUTION_RATE(");
    EXPECT_HAS(plan.probes[per5->scoreProbe], cellRef(kDepartmentSheet, 10, 6));  // 合计 支出数
    ASSERT_TRUE(per5->rateProbe && times->rateProbe);
    EXPECT_EQ(*per5->rateProbe, *c.main.rateProbe);
    EXPECT_EQ(*times->rateProbe, *c.main.rateProbe);
}

TEST_F(LocalReadings, HunanAdjustmentBands) {
    rate = 0.4051;
    double bands = bandScore(rate, {{0, 3}, {0.1, 2}, {0.2, 1}, {0.3, 0.5}}, 1, true);  // above 30%: 0
    const Finding* f = scored(u"预算调整率", adjustmentScore(rate, 3), u"分档法（湖南）", bands);
    ASSERT_NE(f, nullptr);
    EXPECT_HAS(f->explanation, u"「分档法（湖南）」");
    EXPECT_HAS(f->explanation, u"0.00");
    EXPECT_HAS(f->explanation, u"40.51%");
    EXPECT_HAS(f->explanation, u"1.78");
}

TEST_F(LocalReadings, ExecutionRateTimesTheWeight) {
    rate = 0.9138;
    const Finding* f = scored(u"预算完成率", budgetCompletionScore(rate, 8), u"执行率×分值（某市）",
                              budgetCompletionScore(rate, 8, 0.8, CompletionMethod::Proportional));
    ASSERT_NE(f, nullptr);
    EXPECT_HAS(f->explanation, u"「执行率×分值（某市）」");
    EXPECT_HAS(f->explanation, u"7.31");
    EXPECT_HAS(f->explanation, u"91.38%");
    EXPECT_HAS(f->explanation, u"4.55");
}

TEST_F(LocalReadings, TwoPointsOffForEachFivePercentBelow) {
    rate = 0.9138;
    double perFive = std::max(0.0, 8 - 2 * std::floor((1 - std::min(1.0, rate)) / 0.05));  // 8.62% below: one step
    ASSERT_DOUBLE_EQ(perFive, 6.0);
    const Finding* f = scored(u"预算完成率", budgetCompletionScore(rate, 8), u"每低于5%扣2分（某县）", perFive);
    ASSERT_NE(f, nullptr);
    EXPECT_HAS(f->explanation, u"「每低于5%扣2分（某县）」");
    EXPECT_HAS(f->explanation, u"6.00");
    EXPECT_HAS(f->explanation, u"91.38%");
}
