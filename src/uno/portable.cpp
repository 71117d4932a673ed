// The portable form of a document (issue: Excel/WPS users recalculate without the add-in): reads
// every formula that calls Jixiao, lets the core translate it (jixiao/portable.hpp), evaluates the
// argument expressions the core asks for in a scratch sheet, and writes the translated formulas,
// the 计算底稿 helper cells and a note sheet. Meant for a copy of the user's document.

#include "portable.hpp"

#include <map>
#include <set>

#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/sheet/CellFlags.hpp>
#include <com/sun/star/sheet/FormulaResult.hpp>
#include <com/sun/star/sheet/XCalculatable.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XCellRangeFormula.hpp>
#include <com/sun/star/sheet/XCellRangesQuery.hpp>
#include <com/sun/star/sheet/XSheetCellCursor.hpp>
#include <com/sun/star/sheet/XSheetCellRanges.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XSpreadsheets.hpp>
#include <com/sun/star/sheet/XUsedAreaCursor.hpp>
#include <com/sun/star/table/XCell.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/text/XText.hpp>

#include "anyconv.hpp"
#include "docio.hpp"
#include "jixiao/portable.hpp"

using namespace css;
using rtl::OUString;

namespace jixiao::adapter {

namespace {

OUString ou(std::u16string_view s) { return toOUString(s); }

uno::Reference<sheet::XSpreadsheet> sheetAt(const uno::Reference<sheet::XSpreadsheetDocument>& doc, sal_Int32 i) {
    uno::Reference<container::XIndexAccess> sheets(doc->getSheets(), uno::UNO_QUERY);
    return uno::Reference<sheet::XSpreadsheet>(sheets->getByIndex(i), uno::UNO_QUERY);
}

std::u16string sheetName(const uno::Reference<sheet::XSpreadsheet>& s) {
    uno::Reference<container::XNamed> n(s, uno::UNO_QUERY);
    return std::u16string(view(n->getName()));
}

// A sheet name not yet in the document: base, base2, base3 …
std::u16string freeName(const uno::Reference<sheet::XSpreadsheetDocument>& doc, const std::u16string& base) {
    std::u16string name = base;
    for (int k = 2; doc->getSheets()->hasByName(ou(name)); ++k) name = base + numberText16(k);
    return name;
}

struct FormulaCell {
    sal_Int32 sheet;
    sal_Int32 row, col;
    formula::Position at;
    std::u16string text;
};

// The value of a formula cell as the core reads it (an error as the text "#错误" or what it shows).
Cell resultOf(const uno::Reference<table::XCell>& cell) {
    if (cell->getError() != 0) {
        uno::Reference<text::XText> t(cell, uno::UNO_QUERY);
        OUString s = t.is() ? t->getString() : OUString();
        return Cell::str(s.isEmpty() ? std::u16string(u"#错误") : std::u16string(view(s)));
    }
    uno::Reference<beans::XPropertySet> props(cell, uno::UNO_QUERY);
    sal_Int32 type = 0;
    if (props.is()) props->getPropertyValue("FormulaResultType2") >>= type;
    if (type == sheet::FormulaResult::STRING) {
        uno::Reference<text::XText> t(cell, uno::UNO_QUERY);
        OUString s = t.is() ? t->getString() : OUString();
        return s.isEmpty() ? Cell{} : Cell::str(std::u16string(view(s)));
    }
    return Cell::num(cell->getValue());
}

}  // namespace

PortableReport writePortable(const uno::Reference<sheet::XSpreadsheetDocument>& doc) {
    PortableReport report;
    Workbook wb = readWorkbook(doc);
    uno::Reference<container::XIndexAccess> sheets(doc->getSheets(), uno::UNO_QUERY);
    const sal_Int32 count = sheets->getCount();

    // Every formula that calls Jixiao.
    std::vector<FormulaCell> found;
    for (sal_Int32 i = 0; i < count; ++i) {
        uno::Reference<sheet::XSpreadsheet> sheet = sheetAt(doc, i);
        uno::Reference<sheet::XCellRangesQuery> query(sheet, uno::UNO_QUERY);
        if (!query.is()) continue;
        uno::Reference<sheet::XSheetCellRanges> ranges = query->queryContentCells(sheet::CellFlags::FORMULA);
        if (!ranges.is()) continue;
        const std::u16string name = sheetName(sheet);
        for (const table::CellRangeAddress& a : ranges->getRangeAddresses()) {
            uno::Reference<sheet::XCellRangeFormula> f(
                sheet->getCellRangeByPosition(a.StartColumn, a.StartRow, a.EndColumn, a.EndRow), uno::UNO_QUERY);
            const uno::Sequence<uno::Sequence<OUString>> texts = f->getFormulaArray();
            for (sal_Int32 r = 0; r < texts.getLength(); ++r)
                for (sal_Int32 c = 0; c < texts[r].getLength(); ++c) {
                    std::u16string_view t = view(texts[r][c]);
                    if (t.empty() || t[0] != u'=' || !portable::callsJixiao(t)) continue;
                    FormulaCell fc{i, a.StartRow + r, a.StartColumn + c,
                                   {name, static_cast<std::size_t>(a.StartRow + r), static_cast<std::size_t>(a.StartColumn + c)},
                                   std::u16string(t)};
                    found.push_back(std::move(fc));
                }
        }
    }
    report.formulas = found.size();
    if (found.empty()) return report;

    // The argument expressions the core needs, evaluated in a scratch sheet (the add-in is here).
    std::vector<std::u16string> exprs;
    std::set<std::u16string> seen;
    for (const FormulaCell& fc : found)
        for (std::u16string& e : portable::evaluations(fc.text, fc.at))
            if (seen.insert(e).second) exprs.push_back(std::move(e));
    std::map<std::u16string, Cell> values;
    if (!exprs.empty()) {
        const std::u16string scratch = freeName(doc, u"JixiaoScratch");
        doc->getSheets()->insertNewByName(ou(scratch), static_cast<sal_Int16>(count));
        uno::Reference<sheet::XSpreadsheet> s(doc->getSheets()->getByName(ou(scratch)), uno::UNO_QUERY);
        for (std::size_t k = 0; k < exprs.size(); ++k)
            s->getCellByPosition(static_cast<sal_Int32>(k % 1000), static_cast<sal_Int32>(k / 1000))
                ->setFormula(ou(u"=" + exprs[k]));
        uno::Reference<sheet::XCalculatable> calc(doc, uno::UNO_QUERY);
        if (calc.is()) calc->calculateAll();
        for (std::size_t k = 0; k < exprs.size(); ++k)
            values[exprs[k]] = resultOf(s->getCellByPosition(static_cast<sal_Int32>(k % 1000), static_cast<sal_Int32>(k / 1000)));
        doc->getSheets()->removeByName(ou(scratch));
    }

    // The helper cells go into 计算底稿 (to the right of what it holds) or a new sheet of that name.
    const std::u16string helper = u"计算底稿";
    std::size_t firstCol = 0;
    if (const Sheet* h = wb.find(helper)) firstCol = h->cols ? h->cols + 1 : 0;
    portable::Context ctx(wb, std::move(values), helper, firstCol);

    std::vector<std::u16string> out;
    out.reserve(found.size());
    for (const FormulaCell& fc : found) out.push_back(portable::translate(fc.text, fc.at, ctx));

    if (!ctx.helperCells().empty() && !doc->getSheets()->hasByName(ou(helper)))
        doc->getSheets()->insertNewByName(ou(helper), static_cast<sal_Int16>(count));
    uno::Reference<sheet::XSpreadsheet> hs;
    if (!ctx.helperCells().empty()) hs.set(doc->getSheets()->getByName(ou(helper)), uno::UNO_QUERY);
    // Helper cells first: the translated formulas refer to them.
    for (const portable::HelperCell& h : ctx.helperCells()) {
        uno::Reference<table::XCell> cell =
            hs->getCellByPosition(static_cast<sal_Int32>(h.col), static_cast<sal_Int32>(h.row));
        if (!h.formula.empty()) cell->setFormula(ou(h.formula));
        else if (h.value.kind == Cell::Kind::Number) cell->setValue(h.value.number);
        else if (h.value.kind == Cell::Kind::Text) {
            uno::Reference<text::XText> t(cell, uno::UNO_QUERY);
            t->setString(ou(h.value.text));
        }
    }
    for (std::size_t k = 0; k < found.size(); ++k) {
        const FormulaCell& fc = found[k];
        if (out[k] == fc.text) continue;
        sheetAt(doc, fc.sheet)->getCellByPosition(fc.col, fc.row)->setFormula(ou(out[k]));
        ++report.converted;
    }
    report.helperCells = ctx.helperCells().size();
    report.helperSheet = helper;
    report.notes = ctx.notes();
    uno::Reference<sheet::XCalculatable> calc(doc, uno::UNO_QUERY);
    if (calc.is()) calc->calculateAll();
    return report;
}

}  // namespace jixiao::adapter
