// Reading a Calc document into the core's Workbook, and writing a FillPlan back, in one undo step.
#pragma once

#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/task/XStatusIndicator.hpp>
#include <com/sun/star/uno/Reference.hxx>

#include "jixiao/checker.hpp"
#include "jixiao/filler.hpp"
#include "jixiao/workbook.hpp"

namespace jixiao::adapter {

// Every sheet's used area as values (formula cells as their results).
Workbook readWorkbook(const css::uno::Reference<css::sheet::XSpreadsheetDocument>& doc);

// Writes the plan (new sheets or in-place cells) as one undo step named `undoTitle`.
// `status` may be empty.
void writePlan(const css::uno::Reference<css::sheet::XSpreadsheetDocument>& doc, const FillPlan& plan,
               const rtl::OUString& undoTitle, const css::uno::Reference<css::task::XStatusIndicator>& status);

// The cross-check, as one undo step: writes the probes (and helper sheets), calculates, judges,
// writes the 核对结果 table and colours/annotates the differing cells of the checked sheet.
// The differing findings' cells coloured and annotated ("prefix 不一致）：explanation").
void markFindings(const css::uno::Reference<css::sheet::XSpreadsheetDocument>& doc, const std::vector<Finding>& findings,
                  std::u16string_view prefix);

// The 自评表 review: its 复核结果 (plan) and the marks on the forms, as one undo step.
void writeReview(const css::uno::Reference<css::sheet::XSpreadsheetDocument>& doc, const FillPlan& plan,
                 const std::vector<Finding>& findings, const rtl::OUString& undoTitle,
                 const css::uno::Reference<css::task::XStatusIndicator>& status);

std::vector<Finding> writeCheck(const css::uno::Reference<css::sheet::XSpreadsheetDocument>& doc,
                                const CheckPlan& plan,
                                const css::uno::Reference<css::task::XStatusIndicator>& status);

}  // namespace jixiao::adapter
