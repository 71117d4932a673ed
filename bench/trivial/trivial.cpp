// Benchmark-only add-in: each function returns at once. See XTrivial.idl.
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/lang/XServiceName.hpp>
#include <com/sun/star/sheet/XAddIn.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <cppuhelper/implbase3.hxx>
#include <cppuhelper/supportsservice.hxx>
#include <org/jixiao/bench/XTrivial.hpp>
#include <com/sun/star/chart/XChartDataArray.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XCellRangesQuery.hpp>
#include <com/sun/star/sheet/CellFlags.hpp>
#include <com/sun/star/table/XCellRange.hpp>

using namespace css;
using rtl::OUString;
using Table = uno::Sequence<uno::Sequence<uno::Any>>;

namespace {
class Trivial : public cppu::WeakImplHelper3<org::jixiao::bench::XTrivial, sheet::XAddIn, lang::XServiceName> {
public:
    double SAL_CALL T_DD(double a, double) override { return a; }
    double SAL_CALL T_DDD(double a, double, double) override { return a; }
    double SAL_CALL T_DDA(double a, double, const uno::Any&) override { return a; }
    double SAL_CALL T_DDAA(double a, double, const uno::Any&, const uno::Any&) override { return a; }
    double SAL_CALL T_DDDAA(double a, double, double, const uno::Any&, const uno::Any&) override { return a; }
    double SAL_CALL T_DDDDA(double a, double, double, double, const uno::Any&) override { return a; }
    double SAL_CALL T_SD(const OUString&, double b) override { return b; }
    OUString SAL_CALL T_D_S(double) override { return OUString("x"); }
    double SAL_CALL T_RD(const Table& t, double) override { return t.getLength(); }
    double SAL_CALL T_RR(const Table& t, const Table&) override { return t.getLength(); }
    double SAL_CALL T_RRAA(const Table& t, const Table&, const uno::Any&, const uno::Any&) override { return t.getLength(); }

    double SAL_CALL T_AA(const uno::Any& a, const uno::Any&) override { Table t; a >>= t; return t.getLength(); }
    double SAL_CALL T_DBL(const uno::Sequence<uno::Sequence<double>>& a, const uno::Sequence<uno::Sequence<double>>&) override { return a.getLength(); }
    // Doubles through XChartDataArray plus a query for text cells: the whole range policy's inputs.
    double SAL_CALL T_XR(const uno::Reference<table::XCellRange>& a, const uno::Reference<table::XCellRange>& b) override {
        double s = 0;
        for (const auto& r : {a, b}) {
            uno::Reference<chart::XChartDataArray> d(r, uno::UNO_QUERY);
            auto data = d->getData();
            if (data.getLength()) s += data.getLength() * 1000.0 + data[0].getLength(); double t = 0; for (const auto& row : data) for (double v : row) if (v == v) t += v; s += t * 1e-9;
            uno::Reference<sheet::XCellRangesQuery> q(r, uno::UNO_QUERY);
            auto texts = q->queryContentCells(sheet::CellFlags::STRING);
            s += texts->getCount();
        }
        return s;
    }
    double SAL_CALL T_XRD(const uno::Reference<table::XCellRange>& a, const uno::Reference<table::XCellRange>& b) override {
        double s = 0;
        for (const auto& r : {a, b}) {
            uno::Reference<sheet::XCellRangeData> d(r, uno::UNO_QUERY);
            auto data = d->getDataArray();
            s += data.getLength();
        }
        return s;
    }
    OUString SAL_CALL getProgrammaticFuntionName(const OUString& n) override { return n; }
    OUString SAL_CALL getDisplayFunctionName(const OUString& n) override {
        return n.startsWith("T_") ? n : OUString();
    }
    OUString SAL_CALL getFunctionDescription(const OUString&) override { return OUString("benchmark"); }
    OUString SAL_CALL getDisplayArgumentName(const OUString&, sal_Int32) override { return OUString("x"); }
    OUString SAL_CALL getArgumentDescription(const OUString&, sal_Int32) override { return OUString("x"); }
    OUString SAL_CALL getProgrammaticCategoryName(const OUString&) override { return OUString("Add-In"); }
    OUString SAL_CALL getDisplayCategoryName(const OUString&) override { return OUString("Add-In"); }
    void SAL_CALL setLocale(const lang::Locale& l) override { loc_ = l; }
    lang::Locale SAL_CALL getLocale() override { return loc_; }
    OUString SAL_CALL getServiceName() override { return OUString("org.jixiao.bench.Trivial"); }
private:
    lang::Locale loc_;
};
}

extern "C" SAL_DLLPUBLIC_EXPORT uno::XInterface* org_jixiao_bench_Trivial_get_implementation(
    uno::XComponentContext*, const uno::Sequence<uno::Any>&) {
    auto* p = new Trivial;
    p->acquire();
    return static_cast<cppu::OWeakObject*>(p);
}
