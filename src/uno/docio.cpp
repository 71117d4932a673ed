#include "docio.hpp"

#include <cmath>
#include <map>
#include <memory>

#include <com/sun/star/awt/FontWeight.hpp>
#include <com/sun/star/awt/Rectangle.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/chart/XChartDocument.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/container/XNameContainer.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/document/XActionLockable.hpp>
#include <com/sun/star/document/XUndoManagerSupplier.hpp>
#include <com/sun/star/document/XEmbeddedObjectSupplier.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/sheet/FillDirection.hpp>
#include <com/sun/star/sheet/XCalculatable.hpp>
#include <com/sun/star/sheet/XCellAddressable.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XCellRangesQuery.hpp>
#include <com/sun/star/sheet/FormulaResult.hpp>
#include <com/sun/star/sheet/XSheetCellRanges.hpp>
#include <com/sun/star/sheet/XSheetAnnotations.hpp>
#include <com/sun/star/sheet/XSheetAnnotationsSupplier.hpp>
#include <com/sun/star/table/CellContentType.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XCellSeries.hpp>
#include <com/sun/star/sheet/XPrintAreas.hpp>
#include <com/sun/star/sheet/XSheetCellCursor.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XSpreadsheets.hpp>
#include <com/sun/star/sheet/XUsedAreaCursor.hpp>
#include <com/sun/star/style/XStyleFamiliesSupplier.hpp>
#include <com/sun/star/table/BorderLine2.hpp>
#include <com/sun/star/table/CellHoriJustify.hpp>
#include <com/sun/star/table/CellRangeAddress.hpp>
#include <com/sun/star/table/CellVertJustify2.hpp>
#include <com/sun/star/table/TableBorder2.hpp>
#include <com/sun/star/table/XCell.hpp>
#include <com/sun/star/table/XCellRange.hpp>
#include <com/sun/star/table/XColumnRowRange.hpp>
#include <com/sun/star/table/XTableCharts.hpp>
#include <com/sun/star/table/XTableChartsSupplier.hpp>
#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/util/XMergeable.hpp>
#include <com/sun/star/util/XNumberFormats.hpp>
#include <com/sun/star/util/XNumberFormatsSupplier.hpp>

#include "anyconv.hpp"

using namespace css;
using rtl::OUString;

namespace jixiao::adapter {

namespace {

OUString ou(std::u16string_view s) { return toOUString(s); }

Cell cellFromAny(const uno::Any& a) {
    switch (a.getValueTypeClass()) {
        case uno::TypeClass_DOUBLE: return Cell::num(*static_cast<const double*>(a.getValue()));
        case uno::TypeClass_STRING: {
            const OUString& s = *static_cast<const OUString*>(a.getValue());
            if (s.isEmpty()) return Cell{};
            return Cell::str(std::u16string(view(s)));
        }
        default: {
            double d = 0;
            if (a >>= d) return Cell::num(d);
            return Cell{};
        }
    }
}

// Ends the undo context whatever happens.
struct UndoContext {
    uno::Reference<document::XUndoManager> mgr;
    UndoContext(const uno::Reference<sheet::XSpreadsheetDocument>& doc, const OUString& title) {
        uno::Reference<document::XUndoManagerSupplier> s(doc, uno::UNO_QUERY);
        if (s.is()) mgr = s->getUndoManager();
        if (mgr.is()) mgr->enterUndoContext(title);
    }
    ~UndoContext() {
        try {
            if (mgr.is()) mgr->leaveUndoContext();
        } catch (...) {
        }
    }
};

// While a plan is written: no view updates, no row-height adjustment and no repaint (the action
// lock), and no recalculation after every cell (automatic calculation off, restored after; the
// formulas written meanwhile are calculated when they are next read or shown).
struct ControllerLock {
    uno::Reference<frame::XModel> model;
    uno::Reference<document::XActionLockable> actions;
    uno::Reference<sheet::XCalculatable> calc;
    bool autoCalc = false;
    explicit ControllerLock(const uno::Reference<sheet::XSpreadsheetDocument>& doc)
        : model(doc, uno::UNO_QUERY), actions(doc, uno::UNO_QUERY), calc(doc, uno::UNO_QUERY) {
        if (model.is()) model->lockControllers();
        if (actions.is()) actions->addActionLock();
        if (calc.is()) {
            autoCalc = calc->isAutomaticCalculationEnabled();
            if (autoCalc) calc->enableAutomaticCalculation(false);
        }
    }
    ~ControllerLock() {
        try {
            if (calc.is() && autoCalc) calc->enableAutomaticCalculation(true);
        } catch (...) {
        }
        try {
            if (actions.is()) actions->removeActionLock();
        } catch (...) {
        }
        try {
            if (model.is()) model->unlockControllers();
        } catch (...) {
        }
    }
};

class Writer {
public:
    explicit Writer(const uno::Reference<sheet::XSpreadsheetDocument>& doc) : doc_(doc) {
        uno::Reference<util::XNumberFormatsSupplier> nfs(doc, uno::UNO_QUERY);
        formats_ = nfs->getNumberFormats();
    }

    sal_Int32 formatKey(const std::u16string& code) {
        auto it = keys_.find(code);
        if (it != keys_.end()) return it->second;
        lang::Locale locale;  // the document's default
        OUString c = ou(code);
        sal_Int32 key = formats_->queryKey(c, locale, false);
        if (key == -1) key = formats_->addNew(c, locale);
        keys_[code] = key;
        return key;
    }

    void put(const uno::Reference<sheet::XSpreadsheet>& sheet, std::size_t r, std::size_t c, const OutCell& v) {
        uno::Reference<table::XCell> cell = sheet->getCellByPosition(static_cast<sal_Int32>(c), static_cast<sal_Int32>(r));
        switch (v.kind) {
            case OutCell::Kind::Number: cell->setValue(v.number); break;
            case OutCell::Kind::Formula: cell->setFormula(ou(v.text)); break;
            case OutCell::Kind::Text: {
                uno::Reference<text::XText> t(cell, uno::UNO_QUERY);
                t->setString(ou(v.text));
                break;
            }
        }
        if (!v.format.empty() || v.bold || v.wrap || v.center || v.height > 0) {
            uno::Reference<beans::XPropertySet> p(cell, uno::UNO_QUERY);
            if (v.center) p->setPropertyValue("HoriJustify", uno::Any(table::CellHoriJustify_CENTER));
            // Chinese text takes the Asian font properties: set both.
            if (v.height > 0) {
                p->setPropertyValue("CharHeight", uno::Any(static_cast<float>(v.height)));
                p->setPropertyValue("CharHeightAsian", uno::Any(static_cast<float>(v.height)));
            }
            if (!v.format.empty()) p->setPropertyValue("NumberFormat", uno::Any(formatKey(v.format)));
            if (v.bold) {
                p->setPropertyValue("CharWeight", uno::Any(awt::FontWeight::BOLD));
                p->setPropertyValue("CharWeightAsian", uno::Any(awt::FontWeight::BOLD));
            }
            if (v.wrap) p->setPropertyValue("IsTextWrapped", uno::Any(true));
        }
    }

    void sheetPlan(const SheetPlan& plan, const uno::Reference<task::XStatusIndicator>& status) {
        uno::Reference<sheet::XSpreadsheet> sheet(doc_->getSheets()->getByName(ou(plan.name)), uno::UNO_QUERY);
        // Column widths first: set on an empty sheet they re-lay out nothing (after the cells, every
        // width change recomputes the rows' heights).
        uno::Reference<table::XColumnRowRange> crr(sheet, uno::UNO_QUERY);
        uno::Reference<container::XIndexAccess> cols(crr->getColumns(), uno::UNO_QUERY);
        for (const auto& [c, w] : plan.columnWidths) {
            uno::Reference<beans::XPropertySet> col(cols->getByIndex(static_cast<sal_Int32>(c)), uno::UNO_QUERY);
            col->setPropertyValue("Width", uno::Any(static_cast<sal_Int32>(w)));
        }
        std::size_t maxRow = 0, maxCol = 0;
        for (const auto& [pos, v] : plan.cells) {
            put(sheet, pos.first, pos.second, v);
            maxRow = std::max(maxRow, pos.first);
            maxCol = std::max(maxCol, pos.second);
        }
        for (const FormulaRun& run : plan.runs) {
            put(sheet, run.row0, run.col, OutCell::formula(run.formula));
            if (run.count > 1) {
                uno::Reference<sheet::XCellSeries> series(
                    sheet->getCellRangeByPosition(static_cast<sal_Int32>(run.col), static_cast<sal_Int32>(run.row0),
                                                  static_cast<sal_Int32>(run.col),
                                                  static_cast<sal_Int32>(run.row0 + run.count - 1)),
                    uno::UNO_QUERY);
                series->fillAuto(sheet::FillDirection_TO_BOTTOM, 1);
            }
            maxRow = std::max(maxRow, run.row0 + run.count - 1);
            maxCol = std::max(maxCol, run.col);
        }
        if (status.is()) status->setValue(50);
        for (const Merge& m : plan.merges) {
            uno::Reference<util::XMergeable> mg(
                sheet->getCellRangeByPosition(static_cast<sal_Int32>(m.c0), static_cast<sal_Int32>(m.r0),
                                              static_cast<sal_Int32>(m.c1), static_cast<sal_Int32>(m.r1)),
                uno::UNO_QUERY);
            mg->merge(true);
        }
        // The table: borders, centred vertically, rows as high as their wrapped text.
        if (plan.bordered || plan.headerRows > 0 || plan.landscape) {
            std::size_t top = plan.bordered ? plan.bordered->first : plan.landscape ? 2 : 0;
            std::size_t bottom = plan.bordered ? plan.bordered->second : static_cast<std::size_t>(maxRow);
            uno::Reference<beans::XPropertySet> all(
                sheet->getCellRangeByPosition(0, static_cast<sal_Int32>(top), static_cast<sal_Int32>(maxCol),
                                              static_cast<sal_Int32>(bottom)),
                uno::UNO_QUERY);
            table::BorderLine2 line;
            line.OuterLineWidth = 18;
            line.LineWidth = 18;
            table::TableBorder2 border;
            border.TopLine = border.BottomLine = border.LeftLine = border.RightLine = line;
            border.HorizontalLine = border.VerticalLine = line;
            border.IsTopLineValid = border.IsBottomLineValid = border.IsLeftLineValid = true;
            border.IsRightLineValid = border.IsHorizontalLineValid = border.IsVerticalLineValid = true;
            all->setPropertyValue("TableBorder2", uno::Any(border));
            all->setPropertyValue("VertJustify", uno::Any(table::CellVertJustify2::CENTER));
        }
        uno::Reference<beans::XPropertySet> rowProps(
            sheet->getCellRangeByPosition(0, 0, static_cast<sal_Int32>(maxCol), static_cast<sal_Int32>(maxRow)),
            uno::UNO_QUERY);
        uno::Reference<table::XColumnRowRange> used(rowProps, uno::UNO_QUERY);
        uno::Reference<beans::XPropertySet> usedRows(used->getRows(), uno::UNO_QUERY);
        usedRows->setPropertyValue("OptimalHeight", uno::Any(true));
        if (plan.headerRows > 0) {
            uno::Reference<sheet::XPrintAreas> pa(sheet, uno::UNO_QUERY);
            table::CellRangeAddress titles;
            titles.Sheet = 0;
            titles.StartRow = 0;
            titles.EndRow = static_cast<sal_Int32>(plan.headerRows - 1);
            pa->setTitleRows(titles);
            pa->setPrintTitleRows(true);
        }
        if (plan.landscape) landscape(sheet);
        else if (plan.onePage) onePage(sheet);
        if (plan.chart) chart(sheet, *plan.chart);
    }

    // A landscape A4 page style that fits the sheet to the page width (附件1, the summaries).
    void landscape(const uno::Reference<sheet::XSpreadsheet>& sheet) {
        pageStyle(sheet, ou(u"Jixiao 附件1"), true, 1000, [](const uno::Reference<beans::XPropertySet>& p) {
            p->setPropertyValue("ScaleToPagesX", uno::Any(sal_Int16(1)));
            p->setPropertyValue("ScaleToPagesY", uno::Any(sal_Int16(0)));
        });
    }

    // A portrait A4 page style that prints the sheet on one page (a 自评表 form per page).
    void onePage(const uno::Reference<sheet::XSpreadsheet>& sheet) {
        pageStyle(sheet, ou(u"Jixiao 自评表"), false, 1200, [](const uno::Reference<beans::XPropertySet>& p) {
            p->setPropertyValue("ScaleToPages", uno::Any(sal_Int16(1)));
        });
    }

    // The sheet's page style `name`, made once per document: A4 (landscape or portrait), the same
    // margin on every side, and `fit` setting how it scales.
    template <class Fit>
    void pageStyle(const uno::Reference<sheet::XSpreadsheet>& sheet, const OUString& name, bool isLandscape,
                   sal_Int32 margin, Fit fit) {
        uno::Reference<style::XStyleFamiliesSupplier> sfs(doc_, uno::UNO_QUERY);
        uno::Reference<container::XNameContainer> pages(sfs->getStyleFamilies()->getByName("PageStyles"), uno::UNO_QUERY);
        if (!pages->hasByName(name)) {
            uno::Reference<lang::XMultiServiceFactory> f(doc_, uno::UNO_QUERY);
            uno::Reference<uno::XInterface> style = f->createInstance("com.sun.star.style.PageStyle");
            pages->insertByName(name, uno::Any(style));
            uno::Reference<beans::XPropertySet> p(pages->getByName(name), uno::UNO_QUERY);
            p->setPropertyValue("IsLandscape", uno::Any(isLandscape));
            p->setPropertyValue("Width", uno::Any(sal_Int32(isLandscape ? 29700 : 21000)));
            p->setPropertyValue("Height", uno::Any(sal_Int32(isLandscape ? 21000 : 29700)));
            for (const char* m : {"LeftMargin", "RightMargin", "TopMargin", "BottomMargin"})
                p->setPropertyValue(OUString::createFromAscii(m), uno::Any(margin));
            fit(p);
        }
        uno::Reference<beans::XPropertySet> sp(sheet, uno::UNO_QUERY);
        sp->setPropertyValue("PageStyle", uno::Any(name));
    }

    void chart(const uno::Reference<sheet::XSpreadsheet>& sheet, const ChartPlan& c) {
        uno::Reference<table::XTableChartsSupplier> tcs(sheet, uno::UNO_QUERY);
        uno::Reference<table::XTableCharts> charts = tcs->getCharts();
        OUString name = ou(c.name);
        if (charts->hasByName(name)) return;
        uno::Reference<sheet::XCellRangeAddressable> ra(
            sheet->getCellRangeByPosition(static_cast<sal_Int32>(c.c0), static_cast<sal_Int32>(c.r0),
                                          static_cast<sal_Int32>(c.c1), static_cast<sal_Int32>(c.r1)),
            uno::UNO_QUERY);
        uno::Sequence<table::CellRangeAddress> ranges(1);
        ranges.getArray()[0] = ra->getRangeAddress();
        uno::Reference<beans::XPropertySet> anchor(
            sheet->getCellByPosition(static_cast<sal_Int32>(c.anchorCol), static_cast<sal_Int32>(c.anchorRow)),
            uno::UNO_QUERY);
        awt::Point pos;
        anchor->getPropertyValue("Position") >>= pos;
        awt::Rectangle rect(pos.X, pos.Y, 16000, 9000);
        charts->addNewByName(name, rect, ranges, true, true);
        uno::Reference<document::XEmbeddedObjectSupplier> eos(charts->getByName(name), uno::UNO_QUERY);
        uno::Reference<chart::XChartDocument> cd(eos->getEmbeddedObject(), uno::UNO_QUERY);
        if (cd.is()) {
            uno::Reference<beans::XPropertySet> cp(cd, uno::UNO_QUERY);
            cp->setPropertyValue("HasMainTitle", uno::Any(true));
            uno::Reference<beans::XPropertySet> title(cd->getTitle(), uno::UNO_QUERY);
            title->setPropertyValue("String", uno::Any(ou(c.title)));
        }
    }

    // Cells, widths and formats of a plan into a sheet that already exists.
    void into(const SheetPlan& plan) {
        uno::Reference<sheet::XSpreadsheet> sheet(doc_->getSheets()->getByName(ou(plan.name)), uno::UNO_QUERY);
        for (const auto& [pos, v] : plan.cells) put(sheet, pos.first, pos.second, v);
    }

private:
    uno::Reference<sheet::XSpreadsheetDocument> doc_;
    uno::Reference<util::XNumberFormats> formats_;
    std::map<std::u16string, sal_Int32> keys_;
};

uno::Reference<sheet::XSpreadsheet> sheetNamed(const uno::Reference<sheet::XSpreadsheetDocument>& doc,
                                               std::u16string_view name) {
    return uno::Reference<sheet::XSpreadsheet>(doc->getSheets()->getByName(ou(name)), uno::UNO_QUERY);
}

}  // namespace

Workbook readWorkbook(const uno::Reference<sheet::XSpreadsheetDocument>& doc) {
    Workbook wb;
    uno::Reference<container::XIndexAccess> sheets(doc->getSheets(), uno::UNO_QUERY);
    for (sal_Int32 i = 0; i < sheets->getCount(); ++i) {
        uno::Reference<sheet::XSpreadsheet> sheet(sheets->getByIndex(i), uno::UNO_QUERY);
        uno::Reference<container::XNamed> named(sheet, uno::UNO_QUERY);
        Sheet s;
        s.name = std::u16string(view(named->getName()));
        uno::Reference<sheet::XSheetCellCursor> cursor = sheet->createCursor();
        uno::Reference<sheet::XUsedAreaCursor> used(cursor, uno::UNO_QUERY);
        used->gotoStartOfUsedArea(false);
        used->gotoEndOfUsedArea(true);
        uno::Reference<sheet::XCellRangeAddressable> addr(cursor, uno::UNO_QUERY);
        table::CellRangeAddress a = addr->getRangeAddress();
        // Read from A1 so that row and column numbers are the sheet's own.
        uno::Reference<sheet::XCellRangeData> data(sheet->getCellRangeByPosition(0, 0, a.EndColumn, a.EndRow),
                                                   uno::UNO_QUERY);
        uno::Sequence<uno::Sequence<uno::Any>> values = data->getDataArray();
        s.rows = static_cast<std::size_t>(values.getLength());
        s.cols = s.rows ? static_cast<std::size_t>(values[0].getLength()) : 0;
        s.cells.resize(s.rows * s.cols);
        for (std::size_t r = 0; r < s.rows; ++r) {
            const auto& row = values[static_cast<sal_Int32>(r)];
            for (std::size_t c = 0; c < s.cols && c < static_cast<std::size_t>(row.getLength()); ++c)
                s.cells[r * s.cols + c] = cellFromAny(row[static_cast<sal_Int32>(c)]);
        }
        // A formula showing an error (#DIV/0!, #N/A, #REF!, a circular reference) comes from
        // getDataArray as an empty cell, and a message would call it empty. It is read as the text
        // the cell shows: a missing input named with its cell and what it shows, never a number.
        uno::Reference<sheet::XCellRangesQuery> query(data, uno::UNO_QUERY);
        if (query.is() && s.rows && s.cols) {
            uno::Reference<sheet::XSheetCellRanges> errors = query->queryFormulaCells(sheet::FormulaResult::ERROR);
            const uno::Sequence<table::CellRangeAddress> found =
                errors.is() ? errors->getRangeAddresses() : uno::Sequence<table::CellRangeAddress>();
            for (const table::CellRangeAddress& e : found)
                for (sal_Int32 r = e.StartRow; r <= e.EndRow && static_cast<std::size_t>(r) < s.rows; ++r)
                    for (sal_Int32 c = e.StartColumn; c <= e.EndColumn && static_cast<std::size_t>(c) < s.cols; ++c) {
                        uno::Reference<text::XText> shown(sheet->getCellByPosition(c, r), uno::UNO_QUERY);
                        OUString t = shown.is() ? shown->getString() : OUString();
                        s.cells[static_cast<std::size_t>(r) * s.cols + static_cast<std::size_t>(c)] =
                            Cell::str(t.isEmpty() ? std::u16string(u"#错误") : std::u16string(view(t)));
                    }
        }
        wb.sheets.push_back(std::move(s));
    }
    return wb;
}

void writePlan(const uno::Reference<sheet::XSpreadsheetDocument>& doc, const FillPlan& plan, const OUString& undoTitle,
               const uno::Reference<task::XStatusIndicator>& status) {
    UndoContext undo(doc, undoTitle);
    uno::Reference<sheet::XSpreadsheets> sheets = doc->getSheets();
    std::vector<OUString> inserted;
    std::vector<std::pair<uno::Reference<table::XCell>, OUString>> overwritten;
    try {
        ControllerLock lock(doc);
        Writer w(doc);
        std::size_t steps = plan.sheets.size() + (plan.writes.empty() ? 0 : 1);
        if (status.is()) status->start(undoTitle + ou(u"…"), static_cast<sal_Int32>(steps * 100));
        // Sheets generated by an earlier fill go first; every new sheet exists before any formula
        // refers to it.
        uno::Reference<container::XIndexAccess> idx(sheets, uno::UNO_QUERY);
        for (const std::u16string& name : plan.replaceSheets)
            if (sheets->hasByName(ou(name))) sheets->removeByName(ou(name));
        for (const SheetPlan& s : plan.sheets) {
            sheets->insertNewByName(ou(s.name), static_cast<sal_Int16>(idx->getCount()));
            inserted.push_back(ou(s.name));
        }
        std::size_t k = 0;
        for (const SheetPlan& s : plan.sheets) {
            w.sheetPlan(s, status);
            if (status.is()) status->setValue(static_cast<sal_Int32>(++k * 100));
        }
        for (const CellWrite& cw : plan.writes) {
            uno::Reference<sheet::XSpreadsheet> sheet(sheets->getByName(ou(cw.sheet)), uno::UNO_QUERY);
            uno::Reference<table::XCell> cell = sheet->getCellByPosition(static_cast<sal_Int32>(cw.col),
                                                                         static_cast<sal_Int32>(cw.row));
            overwritten.emplace_back(cell, cell->getFormula());
            w.put(sheet, cw.row, cw.col, cw.value);
        }
        if (status.is()) status->end();
    } catch (...) {
        // Take back what was written, by hand: (Undo of a sheet insertion crashes LibreOffice 7.4
        // for a document without a view, as in headless use.)
        try {
            if (status.is()) status->end();
            for (auto it = overwritten.rbegin(); it != overwritten.rend(); ++it) it->first->setFormula(it->second);
            for (const OUString& name : inserted)
                if (sheets->hasByName(name)) sheets->removeByName(name);
        } catch (...) {
        }
        throw;
    }
}

}  // namespace jixiao::adapter

namespace jixiao::adapter {

std::vector<Finding> writeCheck(const uno::Reference<sheet::XSpreadsheetDocument>& doc, const CheckPlan& plan,
                                const uno::Reference<task::XStatusIndicator>& status) {
    UndoContext undo(doc, ou(u"Jixiao：核对附件1"));
    // 1. the probes and the helper sheets they need
    FillPlan probes;
    probes.replaceSheets = plan.replaceSheets;
    probes.sheets = plan.workings;
    probes.sheets.push_back(probeSheet(plan));
    writePlan(doc, probes, ou(u"Jixiao：核对附件1"), status);
    // 2. their values
    uno::Reference<sheet::XCalculatable> calc(doc, uno::UNO_QUERY);
    calc->calculateAll();
    uno::Reference<sheet::XSpreadsheet> result = sheetNamed(doc, plan.resultSheet);
    std::vector<double> values;
    values.reserve(plan.probes.size());
    for (std::size_t i = 0; i < plan.probes.size(); ++i) {
        uno::Reference<table::XCell> cell =
            result->getCellByPosition(static_cast<sal_Int32>(kProbeColumn), static_cast<sal_Int32>(2 + i));
        values.push_back(cell->getError() != 0 || cell->getType() != table::CellContentType_FORMULA
                             ? std::nan("")
                             : cell->getValue());
    }
    // 3. the findings, the table, the marks
    std::vector<Finding> findings = judgeCheck(plan, values);
    Writer w(doc);
    w.into(resultTable(plan, findings));
    uno::Reference<table::XColumnRowRange> crr(result, uno::UNO_QUERY);
    uno::Reference<beans::XPropertySet> probeCol(crr->getColumns()->getByIndex(static_cast<sal_Int32>(kProbeColumn)),
                                                uno::UNO_QUERY);
    probeCol->setPropertyValue("IsVisible", uno::Any(false));
    markFindings(doc, findings, u"Jixiao 核对（");
    return findings;
}

void markFindings(const uno::Reference<sheet::XSpreadsheetDocument>& doc, const std::vector<Finding>& findings,
                  std::u16string_view prefix) {
    for (const Finding& f : findings) {
        if (!f.mark || (f.verdict != Verdict::Differ && f.verdict != Verdict::Reading)) continue;
        uno::Reference<sheet::XSpreadsheets> sheets = doc->getSheets();
        if (!sheets->hasByName(ou(f.mark->sheet))) continue;
        uno::Reference<sheet::XSpreadsheet> sheet = sheetNamed(doc, f.mark->sheet);
        uno::Reference<table::XCell> cell = sheet->getCellByPosition(static_cast<sal_Int32>(f.mark->col),
                                                                     static_cast<sal_Int32>(f.mark->row));
        uno::Reference<beans::XPropertySet> p(cell, uno::UNO_QUERY);
        p->setPropertyValue("CellBackColor",
                            uno::Any(static_cast<sal_Int32>(f.verdict == Verdict::Differ ? 0xFFC7CE : 0xFFEB9C)));
        uno::Reference<sheet::XSheetAnnotationsSupplier> as(sheet, uno::UNO_QUERY);
        uno::Reference<sheet::XCellAddressable> addr(cell, uno::UNO_QUERY);
        as->getAnnotations()->insertNew(addr->getCellAddress(),
                                        ou(prefix) + ou(verdictText(f.verdict)) + ou(u"）：") + ou(f.explanation));
    }
}

void writeReview(const uno::Reference<sheet::XSpreadsheetDocument>& doc, const FillPlan& plan,
                 const std::vector<Finding>& findings, const OUString& undoTitle,
                 const uno::Reference<task::XStatusIndicator>& status) {
    UndoContext undo(doc, undoTitle);
    writePlan(doc, plan, undoTitle, status);
    markFindings(doc, findings, u"Jixiao 复核（");
}

}  // namespace jixiao::adapter
