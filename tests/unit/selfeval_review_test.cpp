// Tests for jixiao/selfeval_review.hpp: the review (复核) of filled 项目支出绩效自评表 forms — a form
// written by planSelfEval (its formulas replaced by the values the rules give) and forms typed by
// hand, cell by cell, each with one slip.
#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <string>

#include "jixiao/rules.hpp"
#include "jixiao/selfeval.hpp"
#include "jixiao/selfeval_review.hpp"
#include "jixiao/target.hpp"
#include "sheet_builder.hpp"
#include "test_util.hpp"

using namespace jixiao;
using namespace jixiao_test;

namespace {

// ---- a form typed by hand, in the national layout ----

struct Ind {
    std::u16string l1, l2, l3;
    V target, actual, weight, score;
    std::u16string reason;
};

// The clean form of 培训项目: 全年执行数 43.1 of 全年预算数 50 -> 执行率 86.20%, score
// MIN(0.862, 1) × 10 = 8.62; five indicators worth 20 + 20 + 10 + 30 + 10 = 90, so 10 + 90 = 100;
// 就业率 missed (0.76 ÷ 0.80 × 30 = 28.5) with its 偏差原因; 总分 8.62 + 20 + 20 + 10 + 28.5 + 10 = 97.12.
struct Form {
    std::u16string sheet = u"培训项目";
    std::u16string project = u"培训项目";
    V initial = 50.0, budget = 50.0, actual = 43.1, fundsWeight = 10, rate = 0.862, fundsScore = 8.62;
    std::vector<std::vector<V>> subs;  // label, 年初预算数, 全年预算数, 全年执行数
    std::vector<Ind> inds = {
        {u"产出指标", u"数量指标", u"培训场次", u"≥5场", 5, 20, 20},            // met: 20
        {u"", u"质量指标", u"培训合格率", u"≥90%", 0.95, 20, 20},               // met: 20
        {u"", u"时效指标", u"完成时限", u"≤30天", 25, 10, 10},                  // met (≤): 10
        {u"效益指标", u"社会效益指标", u"就业率", u"≥80%", 0.76, 30, 28.5, u"部分学员尚在求职"},  // 0.76/0.8×30 = 28.5
        {u"满意度指标", u"服务对象满意度指标", u"学员满意度", u"≥90%", 0.92, 10, 10},  // met: 10
    };
    V totalWeight = 100, total = 97.12;
    std::size_t shift = 0;  // columns added on the left
    bool yearLine = false;  // a （2025年度） line under the title
};

Rows formRows(const Form& f) {
    Rows rows;
    auto row = [&](std::vector<V> cells) {
        std::vector<V> r(f.shift);
        r.insert(r.end(), cells.begin(), cells.end());
        rows.push_back(std::move(r));
    };
    row({u"项目支出绩效自评表"});
    if (f.yearLine) row({u"（2025年度）"});
    row({u"项目名称", f.project});
    row({u"主管部门", u"人社局", u"", u"", u"实施单位", u"职业培训中心"});
    row({u"项目资金（万元）", u"", u"年初预算数", u"全年预算数", u"全年执行数", u"分值", u"执行率", u"得分"});
    row({u"", u"年度资金总额", f.initial, f.budget, f.actual, f.fundsWeight, f.rate, f.fundsScore});
    for (const auto& s : f.subs) row({u"", s[0], s[1], s[2], s[3], u"—", u"—", u"—"});
    row({u"年度总体目标", u"预期目标", u"", u"", u"", u"实际完成情况"});
    row({u"", u"举办培训5场", u"", u"", u"", u"举办5场"});
    row({u"绩效指标", u"一级指标", u"二级指标", u"三级指标", u"年度指标值", u"实际完成值", u"分值", u"得分",
         u"偏差原因分析及改进措施"});
    for (const Ind& i : f.inds) row({u"", i.l1, i.l2, i.l3, i.target, i.actual, i.weight, i.score, i.reason});
    row({u"总分", u"", u"", u"", u"", u"", f.totalWeight, f.total});
    return rows;
}

// Rows of formRows (0-based): 年度资金总额, the first indicator, the 总分 row.
std::size_t fundsRow(const Form& f) { return 4 + (f.yearLine ? 1 : 0); }
std::size_t firstIndicatorRow(const Form& f) { return fundsRow(f) + f.subs.size() + 4; }
std::size_t totalRow(const Form& f) { return firstIndicatorRow(f) + f.inds.size(); }

Workbook bookOf(const std::vector<Form>& forms) {
    Workbook wb;
    for (const Form& f : forms) wb.sheets.push_back(makeSheet(f.sheet, formRows(f)));
    return wb;
}

// ---- looking at the result ----

std::string dump(const SelfEvalReview& rv) {
    std::string out;
    for (const Finding& f : rv.findings)
        out += "\n  " + s8(f.subject) + " | " + s8(verdictText(f.verdict)) + " | " + s8(f.explanation);
    return out + joined(rv.problems);
}

// The finding of `item` (检查项, e.g. 预算执行率 or 就业率（偏差原因）) of the n-th form.
const Finding* finding(const SelfEvalReview& rv, std::u16string_view item, std::size_t form = 0) {
    for (std::size_t k = 0; k < rv.findings.size(); ++k)
        if (rv.rows[k].item == item && rv.rows[k].form == form) return &rv.findings[k];
    return nullptr;
}

#define EXPECT_FINDING(rv, item, want, needle)                                                          \
    do {                                                                                                  \
        const Finding* jx_f_ = finding(rv, item);                                                        \
        ASSERT_NE(jx_f_, nullptr) << "no finding " << s8(item) << dump(rv);                              \
        EXPECT_EQ(jx_f_->verdict, want) << s8(jx_f_->explanation) << dump(rv);                        \
        EXPECT_TRUE(contains(jx_f_->explanation, std::u16string_view(needle)))                           \
            << "\"" << s8(jx_f_->explanation) << "\" lacks \"" << s8(needle) << "\"";                     \
    } while (0)

std::size_t count(const SelfEvalReview& rv, Verdict v) {
    std::size_t n = 0;
    for (const Finding& f : rv.findings) n += f.verdict == v;
    return n;
}

// Only the findings of these items are not 一致.
void expectOnlyThese(const SelfEvalReview& rv, std::vector<std::u16string> items) {
    for (std::size_t k = 0; k < rv.findings.size(); ++k) {
        bool listed = std::find(items.begin(), items.end(), rv.rows[k].item) != items.end();
        if (!listed)
            EXPECT_EQ(rv.findings[k].verdict, Verdict::Agree) << s8(rv.findings[k].subject) << dump(rv);
        else
            EXPECT_NE(rv.findings[k].verdict, Verdict::Agree) << s8(rv.findings[k].subject) << dump(rv);
    }
}

// ---- the clean form ----

TEST(SelfEvalReview, CleanFormAgreesEverywhere) {
    Form f;
    SelfEvalReview rv = reviewSelfEval(bookOf({f}));
    ASSERT_TRUE(rv.problems.empty()) << joined(rv.problems);
    ASSERT_EQ(rv.forms.size(), 1u);
    const ReviewedForm& form = rv.forms[0];
    EXPECT_EQ(s8(form.sheet), "培训项目");
    EXPECT_EQ(s8(form.project), "培训项目");
    EXPECT_EQ(form.titleRow, 0u);
    EXPECT_EQ(form.fundsRow, fundsRow(f));
    EXPECT_EQ(form.totalRow, std::optional<std::size_t>(totalRow(f)));
    EXPECT_EQ(form.indicators, 5u);
    // 执行率, 预算执行率, five indicators, 就业率（偏差原因）, 分值合计, 总分
    EXPECT_EQ(rv.findings.size(), 10u) << dump(rv);
    EXPECT_EQ(rv.agree, 10u) << dump(rv);
    EXPECT_EQ(rv.differ + rv.judgment, 0u);
    for (const Finding& x : rv.findings) {
        EXPECT_EQ(x.verdict, Verdict::Agree) << s8(x.subject) << ": " << s8(x.explanation);
        EXPECT_EQ(x.subject.rfind(u"「培训项目」", 0), 0u) << s8(x.subject);
    }
    EXPECT_FINDING(rv, u"预算执行率", Verdict::Agree, u"8.62");
    EXPECT_FINDING(rv, u"执行率", Verdict::Agree, u"43.1 ÷ 全年预算数 50 = 86.20%");
    EXPECT_FINDING(rv, u"总分", Verdict::Agree, u"97.12");
    ASSERT_TRUE(finding(rv, u"就业率"));
    EXPECT_EQ(finding(rv, u"就业率")->recomputed, std::optional<double>(28.5));  // 0.76 / 0.8 × 30
    EXPECT_DOUBLE_EQ(form.recomputedTotal, 97.12);

    // 复核结果: title, bold header, one row per finding
    EXPECT_EQ(s8(rv.resultSheet), "复核结果");
    EXPECT_TRUE(rv.replaceSheets.empty());
    const SheetPlan& s = rv.result;
    EXPECT_EQ(s.name, rv.resultSheet);
    const char* head[] = {"表单", "项目名称", "检查项", "结论", "表中数", "复核数", "说明"};
    for (std::size_t c = 0; c < 7; ++c) {
        ASSERT_TRUE(s.cells.count({1, c}));
        EXPECT_EQ(s8(s.cells.at({1, c}).text), head[c]);
        EXPECT_TRUE(s.cells.at({1, c}).bold);
    }
    EXPECT_EQ(s8(s.cells.at({2, 0}).text), "培训项目");
    EXPECT_EQ(s8(s.cells.at({2, 3}).text), "一致");
    EXPECT_EQ(s.cells.at({2 + rv.findings.size() - 1, 2}).text, u"总分");
    // deterministic
    SelfEvalReview again = reviewSelfEval(bookOf({f}));
    EXPECT_EQ(dump(again), dump(rv));
}

// ---- a form written by planSelfEval, its formulas replaced by the rules' values ----

const std::u16string kFunds = u"项目资金";
const std::u16string kInd = u"绩效指标";

Rows ownFundsRows() {
    return {
        {u"项目名称", u"主管部门", u"实施单位", u"年初预算数", u"全年预算数", u"全年执行数"},
        {u"道路养护项目", u"交通运输局", u"公路养护中心", 100.0, 120.0, 132.0},  // 132/120 = 110%: capped, 10
        {u"培训项目", u"人社局", u"职业培训中心", 50.0, 50.0, 43.1},             // 86.20%: 8.62
        {u"其中：当年财政拨款", u"", u"", 40.0, 40.0, 35.0},
        {u"上年结转资金", u"", u"", 10.0, 10.0, 8.1},                          // 40+10 = 50, 35+8.1 = 43.1
    };
}

Rows ownIndicatorRows() {
    return {
        {u"项目名称", u"一级指标", u"二级指标", u"三级指标", u"年度指标值", u"实际完成值", u"分值", u"偏差原因分析及改进措施"},
        {u"道路养护项目", u"产出指标", u"数量指标", u"养护路段数", u"≥20个", 22.0, 30.0},          // 30
        {u"", u"", u"质量指标", u"验收合格率", u"≥95%", 0.98, 20.0},                              // 20
        {u"", u"", u"时效指标", u"完成时限", u"≤30天", 36.0, 10.0, u"雨季延误工期"},              // 30/36×10 = 8.33
        {u"", u"效益指标", u"社会效益指标", u"通行时间缩短", u"≥10%", u"12%", 20.0},              // 20
        {u"", u"满意度指标", u"服务对象满意度指标", u"群众满意度", u"≥90%", 0.92, 10.0},          // 10
        {u"培训项目", u"产出指标", u"数量指标", u"培训场次", u"不少于5场", 4.0, 30.0, u"停训一场"}, // 4/5×30 = 24
        {u"", u"", u"质量指标", u"培训合格率", u"≥90%", u"95%", 20.0},                            // 20
        {u"", u"效益指标", u"社会效益指标", u"就业率", u"≥80%", 0.76, 30.0, u"部分学员尚在求职"},  // 28.5
        {u"", u"满意度指标", u"服务对象满意度指标", u"学员满意度", u"≥85%", 0.9, 10.0},           // 10
    };
}

// $'sheet'.$E$3 -> (sheet, row, col), or nullopt.
struct Ref {
    std::u16string sheet;
    std::size_t row = 0, col = 0;
};
std::optional<Ref> parseRef(std::u16string_view s) {
    if (s.rfind(u"$'", 0) != 0) return std::nullopt;
    std::size_t q = s.find(u"'.$", 2);
    if (q == std::u16string_view::npos) return std::nullopt;
    Ref r;
    r.sheet = std::u16string(s.substr(2, q - 2));
    std::size_t i = q + 3;
    std::size_t col = 0;
    for (; i < s.size() && s[i] >= u'A' && s[i] <= u'Z'; ++i) col = col * 26 + (s[i] - u'A' + 1);
    if (col == 0 || i >= s.size() || s[i] != u'$') return std::nullopt;
    std::size_t row = 0;
    for (++i; i < s.size() && s[i] >= u'0' && s[i] <= u'9'; ++i) row = row * 10 + (s[i] - u'0');
    if (i != s.size() || row == 0) return std::nullopt;
    r.col = col - 1, r.row = row - 1;
    return r;
}

// The value a formula of the form shows: the input cell it copies (=REF, =REF&"", =IF(ISBLANK(REF);"";REF)).
std::optional<Cell> copied(const Workbook& in, std::u16string f) {
    std::u16string body = f.substr(1);
    bool asText = false;
    if (body.size() > 3 && body.compare(body.size() - 3, 3, u"&\"\"") == 0) body.resize(body.size() - 3), asText = true;
    if (body.rfind(u"IF(ISBLANK(", 0) == 0) {
        std::size_t close = body.find(u')');
        if (close == std::u16string::npos) return std::nullopt;
        body = body.substr(11, close - 11);
    }
    std::optional<Ref> r = parseRef(body);
    if (!r) return std::nullopt;
    const Sheet* s = in.find(r->sheet);
    if (!s) return std::nullopt;
    const Cell& c = s->at(r->row, r->col);
    if (asText && c.kind == Cell::Kind::Number) return Cell::str(numberText16(c.number));
    return c;
}

TEST(SelfEvalReview, OurOwnFormAgreesEverywhere) {
    Workbook in;
    in.sheets.push_back(makeSheet(kFunds, ownFundsRows()));
    in.sheets.push_back(makeSheet(kInd, ownIndicatorRows()));
    SelfEvalPlan plan = planSelfEval(in);
    ASSERT_TRUE(plan.problems.empty()) << joined(plan.problems);
    Problems readProblems;
    std::optional<SelfEvalInput> input = readSelfEval(in, readProblems);
    ASSERT_TRUE(input && readProblems.empty());
    ASSERT_EQ(plan.forms.size(), 2u);

    Workbook wb = in;
    for (std::size_t k = 0; k < plan.sheets.size(); ++k) {
        const SheetPlan& sp = plan.sheets[k];
        Sheet s;
        s.name = sp.name;
        const SelfEvalForm* form = k < plan.forms.size() ? &plan.forms[k] : nullptr;
        const SelfEvalProject* p = form ? &input->projects[k] : nullptr;
        for (const auto& [pos, oc] : sp.cells) {
            auto [r, c] = pos;
            if (oc.kind == OutCell::Kind::Number) s.set(r, c, Cell::num(oc.number));
            else if (oc.kind == OutCell::Kind::Text) s.set(r, c, Cell::str(oc.text));
            else if (!form) continue;  // 自评汇总: its formulas are not needed
            else if (r == form->fundsRow && c == 6) s.set(r, c, Cell::num(p->actual / p->budget));  // EXECUTION_RATE
            else if (r == form->totalRow && c == SelfEvalLayout::weightCol) {
                double w = 10;
                for (const SelfEvalIndicator& i : p->indicators) w += i.weight;
                s.set(r, c, Cell::num(w));
            } else if (r == form->totalRow && c == SelfEvalLayout::scoreCol) {
                s.set(r, c, Cell::num(form->total));
            } else if (r == form->fundsRow && c == SelfEvalLayout::scoreCol) {
                s.set(r, c, Cell::num(roundHalfUp(std::min(p->actual / p->budget, 1.0) * 10, 2)));
            } else if (c == SelfEvalLayout::scoreCol && r >= form->firstIndicatorRow && r < form->totalRow) {
                const SelfEvalIndicator& i = p->indicators[r - form->firstIndicatorRow];
                ASSERT_TRUE(i.score);
                s.set(r, c, Cell::num(roundHalfUp(*i.score, 2)));
            } else if (std::optional<Cell> v = copied(in, oc.text)) {
                if (!v->empty()) s.set(r, c, *v);
            } else {
                ADD_FAILURE() << "a formula the test cannot evaluate: " << s8(oc.text);
            }
        }
        wb.sheets.push_back(std::move(s));
    }
    EXPECT_TRUE(hasSelfEvalForms(wb));
    SelfEvalReview rv = reviewSelfEval(wb);
    ASSERT_TRUE(rv.problems.empty()) << joined(rv.problems);
    ASSERT_EQ(rv.forms.size(), 2u) << dump(rv);
    EXPECT_EQ(s8(rv.forms[0].project), "道路养护项目");
    EXPECT_EQ(s8(rv.forms[1].project), "培训项目");
    for (const Finding& x : rv.findings) EXPECT_EQ(x.verdict, Verdict::Agree) << s8(x.subject) << ": " << s8(x.explanation);
    EXPECT_EQ(rv.differ + rv.judgment, 0u) << dump(rv);
    // 道路养护: 132/120 = 110% capped -> 10; 完成时限 30/36 × 10 = 8.33 with its reason;
    // total 10 + 30 + 20 + 8.33 + 20 + 10 = 98.33
    EXPECT_FINDING(rv, u"预算执行率", Verdict::Agree, u"10");
    EXPECT_DOUBLE_EQ(rv.forms[0].recomputedTotal, 98.33);
    // 培训项目: the sub-rows (40 + 10 = 50, 35 + 8.1 = 43.1) add up; 8.62 + 24 + 20 + 28.5 + 10 = 91.12
    const Finding* funds = finding(rv, u"年度资金总额", 1);
    ASSERT_TRUE(funds) << dump(rv);
    EXPECT_EQ(funds->verdict, Verdict::Agree);
    EXPECT_DOUBLE_EQ(rv.forms[1].recomputedTotal, 91.12);
    ASSERT_TRUE(rv.forms[1].printedTotal);
    EXPECT_DOUBLE_EQ(*rv.forms[1].printedTotal, 91.12);
}

// ---- one slip per form ----

TEST(SelfEvalReview, RateScoreRoundedToAnInteger) {
    Form f;
    f.fundsScore = 9;  // 86.20% × 10 = 8.62, printed 9
    f.total = 97.5;    // 9 + 88.5: the printed rows add up, the rule's total is 8.62 + 88.5 = 97.12
    SelfEvalReview rv = reviewSelfEval(bookOf({f}));
    EXPECT_FINDING(rv, u"预算执行率", Verdict::Differ, u"执行率 86.20% × 10 = 8.62，表中为 9");
    EXPECT_FINDING(rv, u"预算执行率", Verdict::Differ, u"取整");
    const Finding* x = finding(rv, u"预算执行率");
    EXPECT_EQ(x->printed, std::optional<double>(9));
    EXPECT_EQ(x->recomputed, std::optional<double>(8.62));
    ASSERT_TRUE(x->mark);
    EXPECT_EQ(x->mark->row, fundsRow(f));
    EXPECT_EQ(x->mark->col, 7u);
    EXPECT_FINDING(rv, u"总分", Verdict::Differ, u"按规则重算的合计为 97.12");
    expectOnlyThese(rv, {u"预算执行率", u"总分"});
}

TEST(SelfEvalReview, RateOverTheInitialBudget) {
    Form f;
    f.initial = 60.0;       // 43.1 ÷ 60 = 71.83% -> 7.18 (the slip); 43.1 ÷ 50 = 86.20% -> 8.62 (the rule)
    f.fundsScore = 7.18;
    f.total = 95.68;        // 7.18 + 88.5
    SelfEvalReview rv = reviewSelfEval(bookOf({f}));
    EXPECT_FINDING(rv, u"预算执行率", Verdict::Differ, u"按年初预算数计算执行率");
    EXPECT_FINDING(rv, u"预算执行率", Verdict::Differ, u"71.83%");
    EXPECT_EQ(finding(rv, u"预算执行率")->recomputed, std::optional<double>(8.62));
    expectOnlyThese(rv, {u"预算执行率", u"总分"});
}

TEST(SelfEvalReview, RateNotCapped) {
    Form f;
    f.actual = 55.0;   // 55 ÷ 50 = 110%: MIN(1.1, 1) × 10 = 10, printed 1.1 × 10 = 11
    f.rate = 1.1;
    f.fundsScore = 11;
    f.total = 99.5;    // 11 + 88.5
    SelfEvalReview rv = reviewSelfEval(bookOf({f}));
    EXPECT_FINDING(rv, u"预算执行率", Verdict::Differ, u"执行率未封顶（超过 100% 时按 100% 计）");
    EXPECT_EQ(finding(rv, u"预算执行率")->recomputed, std::optional<double>(10));
    EXPECT_FINDING(rv, u"执行率", Verdict::Agree, u"110.00%");
    expectOnlyThese(rv, {u"预算执行率", u"总分"});
}

TEST(SelfEvalReview, PrintedRateDiffers) {
    Form f;
    f.rate = u"86.00%";  // 43.1 ÷ 50 = 86.20%
    SelfEvalReview rv = reviewSelfEval(bookOf({f}));
    EXPECT_FINDING(rv, u"执行率", Verdict::Differ, u"执行率印为 86.00%，应为 全年执行数 43.1 ÷ 全年预算数 50 = 86.20%");
    expectOnlyThese(rv, {u"执行率"});
}

TEST(SelfEvalReview, TotalAboveTheRows) {
    Form f;
    f.actual = 50.0;  // 50 ÷ 50 = 100% -> 10
    f.rate = u"100%";
    f.fundsScore = 10;
    f.inds[3].actual = 0.64;  // 0.64 ÷ 0.80 × 30 = 24
    f.inds[3].score = 24;
    f.total = 98;             // the rows: 10 + 20 + 20 + 10 + 24 + 10 = 94
    SelfEvalReview rv = reviewSelfEval(bookOf({f}));
    EXPECT_FINDING(rv, u"总分", Verdict::Differ, u"总分 98 大于各项得分合计 94");
    EXPECT_EQ(finding(rv, u"总分")->recomputed, std::optional<double>(94));
    expectOnlyThese(rv, {u"总分"});
}

TEST(SelfEvalReview, MissedTargetGivenFullMarks) {
    Form f;
    // 政府采购执行率 72.74% of 100%: 0.7274 × 20 = 14.548 -> 14.55, printed 20
    f.inds[1] = {u"", u"质量指标", u"政府采购执行率", u"100%", 0.7274, 20, 20, u"部分采购流标"};
    SelfEvalReview rv = reviewSelfEval(bookOf({f}));
    EXPECT_FINDING(rv, u"政府采购执行率", Verdict::Differ, u"未达成目标（实际 72.74%，指标值 100%）却得满分 20");
    EXPECT_FINDING(rv, u"政府采购执行率", Verdict::Differ, u"72.74% ÷ 指标值 100% × 分值 20 = 14.55");
    EXPECT_EQ(finding(rv, u"政府采购执行率")->recomputed, std::optional<double>(14.55));
    // total 97.12 as the rows print it; by the rule 97.12 - 20 + 14.55 = 91.67
    EXPECT_FINDING(rv, u"总分", Verdict::Differ, u"91.67");
    expectOnlyThese(rv, {u"政府采购执行率", u"总分"});
}

TEST(SelfEvalReview, MissedTargetWithoutReason) {
    Form f;
    f.inds[3].reason.clear();  // 就业率 0.76 < 0.80: missed
    SelfEvalReview rv = reviewSelfEval(bookOf({f}));
    EXPECT_FINDING(rv, u"就业率（偏差原因）", Verdict::Differ, u"未达成目标但未填偏差原因分析及改进措施");
    const Finding* x = finding(rv, u"就业率（偏差原因）");
    ASSERT_TRUE(x->mark);
    EXPECT_EQ(x->mark->row, firstIndicatorRow(f) + 3);
    EXPECT_EQ(x->mark->col, 8u);
    expectOnlyThese(rv, {u"就业率（偏差原因）"});
}

TEST(SelfEvalReview, BlankScoreIsNotZero) {
    Form f;
    f.inds[1].score = V{};  // 培训合格率: met, 20 by the rule
    f.total = 77.12;        // 97.12 - 20
    SelfEvalReview rv = reviewSelfEval(bookOf({f}));
    EXPECT_FINDING(rv, u"培训合格率", Verdict::Differ, u"得分未填（不是 0 分）");
    EXPECT_FALSE(finding(rv, u"培训合格率")->printed);
    EXPECT_FINDING(rv, u"总分", Verdict::Differ, u"97.12");
    expectOnlyThese(rv, {u"培训合格率", u"总分"});
}

TEST(SelfEvalReview, ScoreAboveWeight) {
    Form f;
    f.inds[4].score = 12;  // 学员满意度: weight 10
    f.total = 99.12;       // 97.12 - 10 + 12
    SelfEvalReview rv = reviewSelfEval(bookOf({f}));
    EXPECT_FINDING(rv, u"学员满意度", Verdict::Differ, u"得分 12 大于分值 10");
    expectOnlyThese(rv, {u"学员满意度", u"总分"});
}

TEST(SelfEvalReview, WeightsNot100) {
    Form f;
    f.inds[4].weight = 5;  // 学员满意度 met: 5; weights 10 + 20 + 20 + 10 + 30 + 5 = 95
    f.inds[4].score = 5;
    f.totalWeight = 95;
    f.total = 92.12;       // 97.12 - 5
    SelfEvalReview rv = reviewSelfEval(bookOf({f}));
    EXPECT_FINDING(rv, u"分值合计", Verdict::Differ, u"预算执行率 10 分 + 绩效指标 85 分 = 95 分，应为 100 分");
    expectOnlyThese(rv, {u"分值合计"});

    f.totalWeight = 100;  // and a 总分 row claiming 100
    rv = reviewSelfEval(bookOf({f}));
    EXPECT_FINDING(rv, u"分值合计", Verdict::Differ, u"总分行的分值 100 与各项分值合计 95 不一致");
}

TEST(SelfEvalReview, ZeroTotalWithSubRowsFilled) {
    Form f;
    f.initial = 0.0, f.budget = 0.0, f.actual = 0.0, f.rate = V{}, f.fundsScore = 0;
    f.subs = {{u"其中：当年财政拨款", 40.0, 40.0, 35.0}, {u"上年结转资金", 10.0, 10.0, 8.1}, {u"其他资金", V{}, V{}, V{}}};
    f.total = 88.5;  // 0 + 88.5
    SelfEvalReview rv = reviewSelfEval(bookOf({f}));
    ASSERT_TRUE(rv.problems.empty()) << joined(rv.problems);
    EXPECT_EQ(rv.forms[0].indicators, 5u);
    // 年初 40 + 10 = 50, 全年 40 + 10 = 50, 执行 35 + 8.1 = 43.1
    EXPECT_FINDING(rv, u"年度资金总额", Verdict::Differ, u"年度资金总额为 0，但其中各项合计年初预算数 50、全年预算数 50、全年执行数 43.1");
    // the rate from the sums: 43.1 ÷ 50 = 86.20% -> 8.62
    EXPECT_FINDING(rv, u"执行率", Verdict::Differ, u"执行率未填");
    EXPECT_FINDING(rv, u"预算执行率", Verdict::Differ, u"86.20% × 10 = 8.62，表中为 0");
    EXPECT_FINDING(rv, u"总分", Verdict::Differ, u"97.12");  // 8.62 + 88.5
    expectOnlyThese(rv, {u"年度资金总额", u"执行率", u"预算执行率", u"总分"});
}

TEST(SelfEvalReview, SubRowsThatDoNotAddUp) {
    Form f;
    // 执行 35 + 5 = 40, not 43.1; 年初 and 全年 40 + 10 = 50 agree
    f.subs = {{u"当年财政拨款", 40.0, 40.0, 35.0}, {u"上年结转资金", 10.0, 10.0, 5.0}};
    SelfEvalReview rv = reviewSelfEval(bookOf({f}));
    EXPECT_FINDING(rv, u"年度资金总额", Verdict::Differ, u"其中各项的全年执行数合计 40，与年度资金总额的 43.1 不一致");
    expectOnlyThese(rv, {u"年度资金总额"});

    f.subs[1][3] = 8.1;  // 35 + 8.1 = 43.1
    rv = reviewSelfEval(bookOf({f}));
    EXPECT_FINDING(rv, u"年度资金总额", Verdict::Agree, u"合计与年度资金总额一致");
    expectOnlyThese(rv, {});
}

TEST(SelfEvalReview, QualitativeRowNeedsJudgment) {
    Form f;
    // 就业能力 有效提升: 27 of 30 = 90%, in 达成's band [80%, 100%]; below the weight, with a reason
    f.inds[3] = {u"效益指标", u"社会效益指标", u"就业能力", u"有效提升", V{}, 30, 27, u"个别学员未就业"};
    f.total = 95.62;  // 8.62 + 20 + 20 + 10 + 27 + 10
    SelfEvalReview rv = reviewSelfEval(bookOf({f}));
    EXPECT_FINDING(rv, u"就业能力", Verdict::Judgment, u"在「达成」档（80%–100%）内");
    EXPECT_FINDING(rv, u"就业能力", Verdict::Judgment, u"90.00%");
    EXPECT_FINDING(rv, u"就业能力（偏差原因）", Verdict::Agree, u"已填偏差原因");
    EXPECT_FINDING(rv, u"总分", Verdict::Agree, u"95.62");  // the 定性 score counts as printed
    EXPECT_EQ(rv.judgment, 1u) << dump(rv);
    expectOnlyThese(rv, {u"就业能力"});

    f.inds[3].score = 20;  // 20 of 30 = 66.67%: 部分达成 [60%, 80%]
    f.total = 88.62;
    rv = reviewSelfEval(bookOf({f}));
    EXPECT_FINDING(rv, u"就业能力", Verdict::Judgment, u"「部分达成」档（60%–80%）");

    f.inds[3].score = 31;  // above its weight 30
    f.total = 99.62;
    rv = reviewSelfEval(bookOf({f}));
    EXPECT_FINDING(rv, u"就业能力", Verdict::Differ, u"大于分值 30");
}

TEST(SelfEvalReview, UnreadableTargetNeedsJudgment) {
    Form f;
    f.inds[1].target = u"95%-100%";  // a range: parseTarget refuses it
    SelfEvalReview rv = reviewSelfEval(bookOf({f}));
    ASSERT_TRUE(rv.problems.empty());
    // the row is firstIndicatorRow + 1 (0-based), so E of sheet row firstIndicatorRow + 2
    EXPECT_FINDING(rv, u"培训合格率", Verdict::Judgment, u"单元格 E" +
                                                         numberText16(static_cast<double>(firstIndicatorRow(f) + 2)) +
                                                         u"：年度指标值「95%-100%」无法识别");
    const Finding* x = finding(rv, u"培训合格率");
    ASSERT_TRUE(x->mark);
    EXPECT_EQ(x->mark->col, 4u);
    // the printed 20 stands in the recomputed total: 97.12
    EXPECT_FINDING(rv, u"总分", Verdict::Agree, u"97.12");
    expectOnlyThese(rv, {u"培训合格率"});
}

TEST(SelfEvalReview, ErrorValuedActualIsAMissingInput) {
    Form f;
    f.inds[1].actual = u"#DIV/0!";  // what the office hands over for a formula showing an error
    SelfEvalReview rv = reviewSelfEval(bookOf({f}));
    EXPECT_FINDING(rv, u"培训合格率", Verdict::Judgment, u"实际完成值显示错误值「#DIV/0!」");
    expectOnlyThese(rv, {u"培训合格率"});

    f = Form{};
    f.budget = u"#REF!";
    rv = reviewSelfEval(bookOf({f}));
    EXPECT_FINDING(rv, u"预算执行率", Verdict::Judgment, u"全年预算数显示错误值「#REF!」");
}

TEST(SelfEvalReview, PercentTypedAsAWholeNumber) {
    Form f;
    f.inds[1].actual = 95;     // 95 against ≥90%: read as 95% (a number above 1.5 against a % target)
    f.inds[3].actual = u"76";  // numeric text too: 76% -> 0.76 ÷ 0.80 × 30 = 28.5
    f.inds[4].actual = u"92%";
    SelfEvalReview rv = reviewSelfEval(bookOf({f}));
    for (const Finding& x : rv.findings) EXPECT_EQ(x.verdict, Verdict::Agree) << s8(x.subject) << dump(rv);
}

TEST(SelfEvalReview, TypedLayoutShiftedWithAYearLine) {
    Form f;
    f.shift = 1;
    f.yearLine = true;
    f.sheet = u"Sheet1";
    f.project = u"职业技能培训";
    f.rate = u"86.20%";        // as text
    f.fundsScore = u"8.62";    // numeric text
    f.budget = u"50.00";
    SelfEvalReview rv = reviewSelfEval(bookOf({f}));
    ASSERT_TRUE(rv.problems.empty()) << joined(rv.problems);
    ASSERT_EQ(rv.forms.size(), 1u);
    EXPECT_EQ(s8(rv.forms[0].project), "职业技能培训");
    EXPECT_EQ(rv.forms[0].fundsRow, 5u);
    EXPECT_EQ(rv.forms[0].scoreCol, 8u);
    EXPECT_EQ(rv.findings.size(), 10u) << dump(rv);
    for (const Finding& x : rv.findings) {
        EXPECT_EQ(x.verdict, Verdict::Agree) << s8(x.subject) << dump(rv);
        EXPECT_EQ(x.subject.rfind(u"「职业技能培训」", 0), 0u);
    }
    // a slip in the shifted layout is marked at its own cell
    f.inds[2].score = 8;  // 完成时限 met: 10
    f.total = 95.12;
    rv = reviewSelfEval(bookOf({f}));
    const Finding* x = finding(rv, u"完成时限");
    ASSERT_TRUE(x && x->mark);
    EXPECT_EQ(x->verdict, Verdict::Differ);
    EXPECT_EQ(x->mark->row, firstIndicatorRow(f) + 2);
    EXPECT_EQ(x->mark->col, 8u);
    EXPECT_TRUE(contains(x->explanation, u"已达成目标")) << s8(x->explanation);
}

TEST(SelfEvalReview, FormWithoutIndicatorHeaderIsAProblemOthersAreReviewed) {
    Form good;
    Form bad;
    bad.sheet = u"残表";
    Rows rows = formRows(bad);
    rows.resize(fundsRow(bad) + 1);  // title, name, funds: nothing below
    Workbook wb = bookOf({good});
    wb.sheets.insert(wb.sheets.begin(), makeSheet(bad.sheet, rows));
    EXPECT_TRUE(hasSelfEvalForms(wb));
    SelfEvalReview rv = reviewSelfEval(wb);
    ASSERT_EQ(rv.problems.size(), 1u);
    EXPECT_TRUE(mentions(rv.problems, {"残表", "A1", "绩效指标表头"})) << joined(rv.problems);
    EXPECT_TRUE(mentions(rv.problems, {"残表", "indicator header"}, Lang::En)) << joined(rv.problems, Lang::En);
    ASSERT_EQ(rv.forms.size(), 1u);
    EXPECT_EQ(s8(rv.forms[0].sheet), "培训项目");
    EXPECT_EQ(rv.differ + rv.judgment, 0u) << dump(rv);
    EXPECT_TRUE(contains(reviewSummary(rv), "未能复核"));

    Workbook only;
    only.sheets.push_back(makeSheet(bad.sheet, rows));
    EXPECT_FALSE(hasSelfEvalForms(only));
}

TEST(SelfEvalReview, NoForms) {
    Workbook wb;
    wb.sheets.push_back(makeSheet(u"数据", {{u"项目名称", u"全年预算数"}, {u"甲", 1.0}}));
    EXPECT_FALSE(hasSelfEvalForms(wb));
    SelfEvalReview rv = reviewSelfEval(wb);
    EXPECT_TRUE(rv.forms.empty());
    ASSERT_EQ(rv.problems.size(), 1u);
    EXPECT_TRUE(contains(reviewSummary(rv), "没有复核任何自评表"));
}

TEST(SelfEvalReview, ResultSheetIsReplacedOnARerunNotATypedOne) {
    Form f;
    Workbook wb = bookOf({f});
    SelfEvalReview first = reviewSelfEval(wb);
    // the result written back as the office would read it (its static texts and numbers)
    Sheet written;
    written.name = first.result.name;
    for (const auto& [pos, oc] : first.result.cells)
        written.set(pos.first, pos.second, oc.kind == OutCell::Kind::Number ? Cell::num(oc.number) : Cell::str(oc.text));
    EXPECT_TRUE(isGeneratedReviewSheet(written));
    wb.sheets.push_back(written);
    EXPECT_TRUE(hasSelfEvalForms(wb));
    SelfEvalReview rerun = reviewSelfEval(wb);
    EXPECT_EQ(s8(rerun.resultSheet), "复核结果");
    ASSERT_EQ(rerun.replaceSheets.size(), 1u);
    EXPECT_EQ(s8(rerun.replaceSheets[0]), "复核结果");
    EXPECT_EQ(rerun.forms.size(), 1u);  // the result sheet itself is no form
    EXPECT_EQ(dump(rerun), dump(first));

    // a sheet of that name typed by hand is kept: the result takes another name
    Workbook typed = bookOf({f});
    typed.sheets.push_back(makeSheet(u"复核结果", {{u"我的复核笔记"}}));
    SelfEvalReview rv = reviewSelfEval(typed);
    EXPECT_TRUE(rv.replaceSheets.empty());
    EXPECT_EQ(s8(rv.resultSheet), "复核结果 (2)");
}

TEST(SelfEvalReview, SummaryInBothLanguages) {
    Form f;
    f.fundsScore = 9;
    SelfEvalReview rv = reviewSelfEval(bookOf({f}));
    Message m = reviewSummary(rv);
    // 预算执行率 and 总分 (97.12 printed, 9 + 88.5 = 97.5 by the rows) differ; 8 agree
    EXPECT_EQ(rv.differ, 2u) << dump(rv);
    EXPECT_EQ(rv.agree, 8u);
    EXPECT_TRUE(contains(m, "复核了 1 张项目支出绩效自评表：一致 8 项，不一致 2 项，需人工判断 0 项")) << m.text(Lang::Zh);
    EXPECT_NE(m.text(Lang::En).find("8 agree, 2 differ, 0 need judgment"), std::string::npos) << m.text(Lang::En);
}

TEST(SelfEvalReview, PendingQualitativeScoreNeedsJudgment) {
    Form f;
    // our writer prints 待评价 for a 定性 row without 完成等级 / 得分比例
    f.inds[3] = {u"效益指标", u"社会效益指标", u"就业能力", u"有效提升", V{}, 30, u"待评价"};
    f.total = 68.62;  // 97.12 - 28.5
    SelfEvalReview rv = reviewSelfEval(bookOf({f}));
    EXPECT_FINDING(rv, u"就业能力", Verdict::Judgment, u"得分待评价");
    expectOnlyThese(rv, {u"就业能力"});
}

// Any cell of a form replaced by text, an error value or nothing: never a throw, and the form is
// either reviewed or named in a problem.
TEST(SelfEvalReview, AnyCellSpoiltNeverThrows) {
    const Rows clean = formRows(Form{});
    for (std::size_t r = 0; r < clean.size(); ++r)
        for (std::size_t c = 0; c < 9; ++c)
            for (V spoilt : {V{}, V(u"#VALUE!"), V(u"不详"), V(-5.0)}) {
                Rows rows = clean;
                if (rows[r].size() <= c) rows[r].resize(c + 1);
                rows[r][c] = spoilt;
                Workbook wb;
                wb.sheets.push_back(makeSheet(u"表", rows));
                SelfEvalReview rv;
                EXPECT_NO_THROW(rv = reviewSelfEval(wb)) << r << "," << c;
                EXPECT_EQ(rv.forms.size() + rv.problems.size() > 0, true) << r << "," << c;
                EXPECT_EQ(rv.findings.size(), rv.rows.size());
            }
}

}  // namespace

// A form as some systems export it (e.g. the published 部门预算项目支出绩效自评表 of Sichuan counties):
// 调整后预算数 / 预算执行数 / 权重 in the funds header; 指标性质 (≥ ≤ =), the 指标值 as a bare number,
// 度量单位, 完成值, 权重, 未完成原因分析 in the indicator header.
TEST(SelfEvalReview, ExportedLayoutWithTheOperatorAndUnitInColumnsOfTheirOwn) {
    Rows rows = {
        {u"部门预算项目支出绩效自评表（2023年度）"},
        {u"项目名称", u"设备购置项目"},
        {u"预算执行情况（10分）", u"", u"年初预算", u"调整后预算数", u"预算执行数", u"权重", u"预算执行率", u"得分"},
        // 3.2 ÷ 3.36 = 95.238% → 9.52
        {u"", u"总额", 0.0, 3.36, 3.2, 10.0, 0.952381, 9.52},
        // the newer systems' sources: 3.00 + 0.36 = 3.36, 2.90 + 0.30 = 3.20 (they add up)
        {u"", u"其中:财政资金", 0.0, 3.0, 2.9, u"/", u"/", u"/"},
        {u"", u"财政专户管理资金", 0.0, 0.0, 0.0, u"/", u"/", u"/"},
        {u"", u"单位资金", 0.0, 0.36, 0.3, u"/", u"/", u"/"},
        {u"绩效指标", u"一级指标", u"二级指标", u"三级指标", u"指标性质", u"指标值", u"度量单位", u"完成值", u"权重", u"得分",
         u"未完成原因分析"},
        // = 13 台, 13: met → 40
        {u"", u"产出指标", u"数量指标", u"购置台数", u"=", 13.0, u"台", 13.0, 40.0, 40.0},
        // ≤ 5 天, 6 天: 5 ÷ 6 × 20 = 16.67 (the reason given)
        {u"", u"", u"时效指标", u"到货时限", u"≤", 5.0, u"天", 6.0, 20.0, 16.67, u"供货商延迟"},
        // ≥ 95 %, 0.9: 0.9 ÷ 0.95 × 30 = 28.42, printed 30 — a missed target given full marks, no reason
        {u"", u"满意度指标", u"服务对象满意度指标", u"使用人员满意度", u"≥", 95.0, u"%", 0.9, 30.0, 30.0},
        // 9.52 + 40 + 16.67 + 30 = 96.19 as printed (rows), 94.61 by the rules
        {u"总分", u"", u"", u"", u"", u"", u"", u"", 100.0, 96.19},
    };
    Workbook wb;
    wb.sheets.push_back(makeSheet(u"设备购置项目", rows));
    // the title with its year in brackets is still the form's
    ASSERT_TRUE(hasSelfEvalForms(wb));
    SelfEvalReview rv = reviewSelfEval(wb);
    ASSERT_EQ(rv.forms.size(), 1u) << dump(rv);
    ASSERT_TRUE(rv.problems.empty()) << dump(rv);
    EXPECT_FINDING(rv, u"预算执行率", Verdict::Agree, u"");
    EXPECT_FINDING(rv, u"年度资金总额", Verdict::Agree, u"");
    EXPECT_FINDING(rv, u"购置台数", Verdict::Agree, u"");
    EXPECT_FINDING(rv, u"到货时限", Verdict::Agree, u"");
    EXPECT_FINDING(rv, u"使用人员满意度", Verdict::Differ, u"满分");
    EXPECT_FINDING(rv, u"使用人员满意度（偏差原因）", Verdict::Differ, u"偏差原因");
    const Finding* total = finding(rv, u"总分");
    ASSERT_NE(total, nullptr) << dump(rv);
    EXPECT_EQ(total->verdict, Verdict::Differ);
    ASSERT_TRUE(total->recomputed);
    EXPECT_NEAR(*total->recomputed, 94.61, 1e-9);  // 9.52 + 40 + 16.67 + 28.42
}
