// The Jixiao Calc add-in: a thin adapter. Every XAddIn answer comes from the core's catalogue
// (jixiao/catalog.hpp, one row per function); every function body converts its arguments and calls
// the core. No exception other than IllegalArgumentException / RuntimeException leaves this file.

#include <exception>
#include <string>

#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/lang/Locale.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/lang/XServiceName.hpp>
#include <com/sun/star/sheet/LocalizedName.hpp>
#include <com/sun/star/sheet/XAddIn.hpp>
#include <com/sun/star/sheet/XCompatibilityNames.hpp>
#include <com/sun/star/uno/RuntimeException.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <cppuhelper/implbase5.hxx>
#include <cppuhelper/supportsservice.hxx>
#include <org/jixiao/XFunctions.hpp>

#include "anyconv.hpp"
#include "jixiao/catalog.hpp"
#include "jixiao/rules.hpp"
#include "jixiao/target.hpp"

using namespace css;
using rtl::OUString;

namespace jixiao::adapter {
namespace {

constexpr char16_t kServiceName[] = u"org.jixiao.Functions";
constexpr char16_t kImplementationName[] = u"org.jixiao.FunctionsImpl";
constexpr char16_t kAddInService[] = u"com.sun.star.sheet.AddIn";

OUString ou(const char16_t* s) { return OUString(reinterpret_cast<const sal_Unicode*>(s)); }

// The UI language of the add-in's locale (XAddIn::setLocale): "zh…" -> Chinese, else English.
Lang uiLanguage(const lang::Locale& locale) {
    rtl::OString language = rtl::OUStringToOString(locale.Language, RTL_TEXTENCODING_ASCII_US);
    return langOf(std::string_view(language.getStr(), language.getLength()));
}

// Runs a function body; turns the core's RuleError into IllegalArgumentException (Err:502), its
// message in the add-in's language, and anything unexpected into RuntimeException (#VALUE!), so no
// C++ exception reaches the office.
template <class F>
auto guarded(cppu::OWeakObject* self, const lang::Locale& locale, F&& body) -> decltype(body()) {
    try {
        return body();
    } catch (const RuleError& e) {
        throw lang::IllegalArgumentException(toOUString(e.message().text(uiLanguage(locale))), self, 0);
    } catch (const uno::Exception&) {
        throw;
    } catch (const std::exception& e) {
        throw uno::RuntimeException("Jixiao internal error: " + toOUString(std::string_view(e.what())), self);
    } catch (...) {
        throw uno::RuntimeException(ou(u"Jixiao internal error"), self);
    }
}

// An argument that may be a single value or a range (a band table, or TRUE/是 in its place), as a
// range: a value is one cell, an omitted argument no cells. Views point into `a`.
RangeView cellsOf(const uno::Any& a, std::string_view argName) {
    RangeView r;
    if (!a.hasValue()) return r;
    AnyTable t;
    if (a >>= t) return rangeOf(t);  // shares the any's buffer: the views live as long as `a`
    r.rows = r.cols = 1;
    r.cells.push_back(cellOf(a, argName));
    return r;
}

// True unless the table argument was omitted or is one blank cell (an empty cell reaches an `any`
// as the number 0; a one-cell table is never a table).
bool given(const RangeView& r) {
    if (r.size() == 0) return false;
    if (r.size() > 1) return true;
    const CellView& c = r.cells[0];
    return !(c.kind == CellView::Kind::Empty || (c.kind == CellView::Kind::Text && isBlankText(c.text)) ||
             (c.kind == CellView::Kind::Number && c.number == 0));
}

class Functions : public cppu::WeakImplHelper5<org::jixiao::XFunctions, sheet::XAddIn, sheet::XCompatibilityNames,
                                              lang::XServiceName, lang::XServiceInfo> {
public:
    // ---- the functions ----
    double SAL_CALL EXECUTION_RATE(double actual, double budget) override {
        return guarded(self(), locale_, [&] { return executionRate(actual, budget); });
    }
    double SAL_CALL ITEM_ADJUSTMENT_RATE(double initial, double adjustment) override {
        return guarded(self(), locale_, [&] { return itemAdjustmentRate(initial, adjustment); });
    }
    double SAL_CALL ADJUSTMENT_RATE(const AnyTable& initialBudgets, const AnyTable& adjustments,
                                    const uno::Any& countNewItems, const uno::Any& transfers) override {
        return guarded(self(), locale_, [&] {
            RangeView init = rangeOf(initialBudgets), adj = rangeOf(adjustments);
            requireSameSize(init, "initial_budgets", adj, "adjustments");
            return adjustmentRate(numbersOf(init, "initial_budgets"), numbersOf(adj, "adjustments"),
                                  flagArg(cellOf(countNewItems, "count_new_items"), "count_new_items", false),
                                  numberArg(cellOf(transfers, "transfers"), "transfers", 0.0));
        });
    }
    double SAL_CALL BUDGET_COMPLETION_SCORE(double rate, double weight, const uno::Any& threshold,
                                            const uno::Any& method) override {
        return guarded(self(), locale_, [&] {
            return budgetCompletionScore(rate, weight, numberArg(cellOf(threshold, "threshold"), "threshold", 0.8),
                                         completionMethodArg(cellOf(method, "method")));
        });
    }
    double SAL_CALL ADJUSTMENT_SCORE(double rate, double weight) override {
        return guarded(self(), locale_, [&] { return adjustmentScore(rate, weight); });
    }
    double SAL_CALL BALANCE_SCORE(const AnyTable& rates, double weight) override {
        return guarded(self(), locale_, [&] { return balanceScore(numbersOf(rangeOf(rates), "rates", Blanks::Skip), weight); });
    }
    double SAL_CALL PROCUREMENT_SCORE(double actual, double planned, double weight) override {
        return guarded(self(), locale_, [&] { return procurementScore(actual, planned, weight); });
    }
    double SAL_CALL PUBLIC_FUNDS_SCORE(double sangongActual, double sangongBudget, double dailyActual,
                                       double dailyBudget, const uno::Any& pointsEach) override {
        return guarded(self(), locale_, [&] {
            return publicFundsScore(sangongActual, sangongBudget, dailyActual, dailyBudget,
                                    numberArg(cellOf(pointsEach, "points_each"), "points_each", 1.0));
        });
    }
    double SAL_CALL MONITORING_SCORE(double result, double weight, const uno::Any& fullMarks) override {
        return guarded(self(), locale_, [&] {
            return monitoringScore(result, weight, numberArg(cellOf(fullMarks, "full_marks"), "full_marks", 100.0));
        });
    }
    double SAL_CALL FIXED_ASSET_SCORE(double inUse, double total, double weight, const uno::Any& bands) override {
        return guarded(self(), locale_, [&] {
            RangeView table = cellsOf(bands, "bands");
            if (!given(table)) return fixedAssetScore(inUse, total, weight);
            return fixedAssetScore(inUse, total, weight, bandsArg(table, "bands", false));
        });
    }
    double SAL_CALL TARGET_SCORE(double actual, double target, double weight, const uno::Any& method,
                                 const uno::Any& lowerIsBetter) override {
        return guarded(self(), locale_, [&] {
            return targetScore(actual, target, weight, targetMethodArg(cellOf(method, "method")),
                               flagArg(cellOf(lowerIsBetter, "lower_is_better"), "lower_is_better", false));
        });
    }
    double SAL_CALL OVERACHIEVEMENT_FACTOR(double actual, double target, const uno::Any& bands) override {
        return guarded(self(), locale_, [&] {
            RangeView table;
            if (!rangeOfAny(bands, "bands", table))
                return overachievementFactor(actual, target, defaultOverachievementBands());
            return overachievementFactor(actual, target, bandsArg(table, "bands", true));
        });
    }
    double SAL_CALL BAND_SCORE(double value, const AnyTable& bands, double weight,
                               const uno::Any& lowerIsBetter) override {
        return guarded(self(), locale_, [&] {
            return bandScore(value, bandsArg(rangeOf(bands), "bands", false), weight,
                             flagArg(cellOf(lowerIsBetter, "lower_is_better"), "lower_is_better", false));
        });
    }
    double SAL_CALL CHECKLIST_SCORE(const AnyTable& points, const AnyTable& marks) override {
        return guarded(self(), locale_, [&] {
            RangeView p = rangeOf(points), m = rangeOf(marks);
            requireSameSize(p, "points", m, "marks");
            return checklistScore(numbersOf(p, "points"), marksArg(m, "marks"));
        });
    }
    double SAL_CALL LEVEL_SCORE(const OUString& level, double weight, const uno::Any& levels) override {
        return guarded(self(), locale_, [&] {
            RangeView table = cellsOf(levels, "levels");
            if (!given(table)) return levelScore(view(level), weight);
            return levelScore(view(level), weight, levelsArg(table, "levels"));
        });
    }
    OUString SAL_CALL PERF_GRADE(double total, const uno::Any& bands) override {
        return guarded(self(), locale_, [&] {
            RangeView table = cellsOf(bands, "bands");
            if (!given(table)) return toOUString(perfGrade(total));
            std::vector<GradeBound> grades = gradeBandsArg(table, "bands");
            return toOUString(perfGrade(total, grades));
        });
    }
    double SAL_CALL INDICATOR_SCORE(const uno::Any& actual, const uno::Any& target, double weight,
                                    const uno::Any& method, const uno::Any& unit, const uno::Any& grade,
                                    const uno::Any& ratio, const uno::Any& overachievement,
                                    const uno::Any& bands) override {
        return guarded(self(), locale_, [&] {
            Target t = targetArg(cellOf(target, "target"), cellOf(unit, "unit"));
            IndicatorOptions o = indicatorOptionsArg(cellOf(method, "method"), cellOf(grade, "grade"),
                                                     cellOf(ratio, "ratio"),
                                                     cellsOf(overachievement, "overachievement"),
                                                     cellsOf(bands, "bands"));
            return indicatorScore(cellOf(actual, "actual"), t, weight, o);
        });
    }
    double SAL_CALL TARGET_VALUE(const uno::Any& target, const uno::Any& unit) override {
        return guarded(self(), locale_, [&] { return targetValue(targetArg(cellOf(target, "target"), cellOf(unit, "unit"))); });
    }
    double SAL_CALL TARGET_RATIO(const uno::Any& actual, const uno::Any& target, const uno::Any& unit) override {
        return guarded(self(), locale_, [&] {
            Target t = targetArg(cellOf(target, "target"), cellOf(unit, "unit"));
            return targetRatio(actualValue(cellOf(actual, "actual"), t), t);
        });
    }
    double SAL_CALL AMOUNT_SUM(const AnyTable& amounts) override {
        return guarded(self(), locale_, [&] { return amountSum(rangeOf(amounts), "amounts"); });
    }
    double SAL_CALL ADJUSTMENT_SUM(const AnyTable& initialBudgets, const AnyTable& adjustments,
                                   const uno::Any& countNewItems) override {
        return guarded(self(), locale_, [&] {
            RangeView init = rangeOf(initialBudgets), adj = rangeOf(adjustments);
            requireSameSize(init, "initial_budgets", adj, "adjustments");
            return adjustmentSum(numbersOf(init, "initial_budgets"), numbersOf(adj, "adjustments"),
                                 flagArg(cellOf(countNewItems, "count_new_items"), "count_new_items", false));
        });
    }

    // ---- XAddIn: all answers from the catalogue ----
    OUString SAL_CALL getProgrammaticFuntionName(const OUString& displayName) override {
        for (const FunctionInfo& f : catalog())
            if (displayName.equalsIgnoreAsciiCase(toOUString(f.name))) return toOUString(f.name);
        return OUString();
    }
    OUString SAL_CALL getDisplayFunctionName(const OUString& programmaticName) override {
        // Function names are ASCII in every UI language, like Calc's own.
        const FunctionInfo* f = find(programmaticName);
        return f ? toOUString(f->name) : OUString();
    }
    OUString SAL_CALL getFunctionDescription(const OUString& programmaticName) override {
        const FunctionInfo* f = find(programmaticName);
        return f ? toOUString(chinese() ? f->zh : f->en) : OUString();
    }
    OUString SAL_CALL getDisplayArgumentName(const OUString& programmaticName, sal_Int32 argument) override {
        const ArgInfo* a = arg(programmaticName, argument);
        return a ? toOUString(chinese() ? a->nameZh : a->name) : OUString();
    }
    OUString SAL_CALL getArgumentDescription(const OUString& programmaticName, sal_Int32 argument) override {
        const ArgInfo* a = arg(programmaticName, argument);
        if (!a) return OUString();
        OUString d = toOUString(chinese() ? a->zh : a->en);
        return d;
    }
    OUString SAL_CALL getProgrammaticCategoryName(const OUString& programmaticName) override {
        const FunctionInfo* f = find(programmaticName);
        return f ? toOUString(f->category) : ou(u"Add-In");
    }
    OUString SAL_CALL getDisplayCategoryName(const OUString& programmaticName) override {
        return getProgrammaticCategoryName(programmaticName);
    }

    // ---- XLocalizable ----
    void SAL_CALL setLocale(const lang::Locale& locale) override { locale_ = locale; }
    lang::Locale SAL_CALL getLocale() override { return locale_; }

    // ---- XCompatibilityNames ----
    // A compatibility name is the name of an Excel function with the same meaning, which Calc would
    // write into .xlsx instead of ours. No Excel function means what any Jixiao function means, so
    // there is none (and Calc 7.4 writes ORG.JIXIAO.FUNCTIONS.<name> into .xlsx either way; the
    // portable save is what makes a workbook Excel can recalculate).
    uno::Sequence<sheet::LocalizedName> SAL_CALL getCompatibilityNames(const OUString&) override { return {}; }

    // ---- XServiceName / XServiceInfo ----
    OUString SAL_CALL getServiceName() override { return ou(kServiceName); }
    OUString SAL_CALL getImplementationName() override { return ou(kImplementationName); }
    sal_Bool SAL_CALL supportsService(const OUString& name) override { return cppu::supportsService(this, name); }
    uno::Sequence<OUString> SAL_CALL getSupportedServiceNames() override {
        uno::Sequence<OUString> names(2);
        names.getArray()[0] = ou(kServiceName);
        names.getArray()[1] = ou(kAddInService);
        return names;
    }

private:
    // The exception's context, referenced only when an error is thrown (no reference counting on
    // the hot path).
    cppu::OWeakObject* self() { return static_cast<cppu::OWeakObject*>(this); }
    bool chinese() const {
        rtl::OString lang = rtl::OUStringToOString(locale_.Language, RTL_TEXTENCODING_ASCII_US);
        return isChineseLanguage(std::string_view(lang.getStr(), lang.getLength()));
    }
    static const FunctionInfo* find(const OUString& programmaticName) {
        rtl::OString n = rtl::OUStringToOString(programmaticName, RTL_TEXTENCODING_ASCII_US);
        return findFunction(std::string_view(n.getStr(), n.getLength()));
    }
    static const ArgInfo* arg(const OUString& programmaticName, sal_Int32 index) {
        const FunctionInfo* f = find(programmaticName);
        if (!f || index < 0 || static_cast<std::size_t>(index) >= f->args.size()) return nullptr;
        return &f->args[static_cast<std::size_t>(index)];
    }

    lang::Locale locale_;
};

}  // namespace
}  // namespace jixiao::adapter

extern "C" SAL_DLLPUBLIC_EXPORT uno::XInterface* org_jixiao_Functions_get_implementation(
    uno::XComponentContext*, const uno::Sequence<uno::Any>&) {
    try {
        auto* p = new jixiao::adapter::Functions;
        p->acquire();
        return static_cast<cppu::OWeakObject*>(p);
    } catch (...) {
        return nullptr;
    }
}
