#include "anyconv.hpp"

#include <algorithm>
#include <string>

#include <rtl/string.hxx>

namespace jixiao::adapter {

using css::uno::Any;
using namespace css::uno;

std::u16string_view view(const rtl::OUString& s) {
    return {reinterpret_cast<const char16_t*>(s.getStr()), static_cast<std::size_t>(s.getLength())};
}

rtl::OUString toOUString(std::string_view utf8) {
    return rtl::OStringToOUString(rtl::OString(utf8.data(), static_cast<sal_Int32>(utf8.size())),
                                  RTL_TEXTENCODING_UTF8);
}

rtl::OUString toOUString(std::u16string_view s) {
    return rtl::OUString(reinterpret_cast<const sal_Unicode*>(s.data()), static_cast<sal_Int32>(s.size()));
}

namespace {

// Converts one scalar any; returns false for kinds that are not scalars.
bool scalarOf(const Any& a, CellView& out) {
    switch (a.getValueTypeClass()) {
        case TypeClass_VOID:
            out = CellView::empty();
            return true;
        case TypeClass_DOUBLE:
            out = CellView::num(*static_cast<const double*>(a.getValue()));
            return true;
        case TypeClass_STRING:
            out = CellView::str(view(*static_cast<const rtl::OUString*>(a.getValue())));
            return true;
        case TypeClass_BOOLEAN:
            out = CellView::num(*static_cast<const sal_Bool*>(a.getValue()) ? 1.0 : 0.0);
            return true;
        case TypeClass_FLOAT: case TypeClass_BYTE: case TypeClass_SHORT: case TypeClass_UNSIGNED_SHORT:
        case TypeClass_LONG: case TypeClass_UNSIGNED_LONG: case TypeClass_HYPER: case TypeClass_UNSIGNED_HYPER: {
            double d = 0;
            a >>= d;
            out = CellView::num(d);
            return true;
        }
        default:
            return false;
    }
}

}  // namespace

CellView cellOf(const Any& a, std::string_view argName) {
    CellView c;
    if (scalarOf(a, c)) return c;
    // A one-cell range is a scalar too.
    AnyTable t;
    if ((a >>= t) && t.getLength() == 1 && t[0].getLength() == 1 && scalarOf(t[0][0], c)) return c;
    throw RuleError(msg("calc.notSingleValue", "{1}只能是单个值，不能是区域", "{1} takes a single value, not a range",
                        argLabel(argName)));
}

RangeView rangeOf(const AnyTable& table) {
    RangeView r;
    r.rows = static_cast<std::size_t>(table.getLength());
    for (const auto& row : table) r.cols = std::max(r.cols, static_cast<std::size_t>(row.getLength()));
    r.cells.resize(r.rows * r.cols);
    for (std::size_t i = 0; i < r.rows; ++i) {
        const auto& row = table[static_cast<sal_Int32>(i)];
        const Any* cells = row.getConstArray();
        CellView* dst = r.cells.data() + i * r.cols;
        for (sal_Int32 j = 0; j < row.getLength(); ++j) {
            if (!scalarOf(cells[j], dst[j])) dst[j] = CellView::str(u"?");
        }
    }
    return r;
}

bool rangeOfAny(const Any& a, std::string_view argName, RangeView& out) {
    if (!a.hasValue()) return false;
    // Extracting a sequence shares its buffer (reference counted), so the views stay valid as
    // long as `a` lives.
    AnyTable t;
    if (a >>= t) {
        out = rangeOf(t);
        return true;
    }
    throw RuleError(msg("calc.notRange", "{1}须为区域或数组", "{1} takes a range or an array", argLabel(argName)));
}

}  // namespace jixiao::adapter
