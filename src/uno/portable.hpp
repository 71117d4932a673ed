// The portable form of a document: every Jixiao call replaced by plain spreadsheet functions.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/uno/Reference.hxx>

#include "jixiao/portable.hpp"

namespace jixiao::adapter {

struct PortableReport {
    std::size_t formulas = 0;     // formulas that called Jixiao
    std::size_t converted = 0;    // of them, rewritten
    std::size_t helperCells = 0;  // cells written into the helper sheet
    std::u16string helperSheet;
    std::vector<portable::Note> notes;  // calls written as NA(), formulas left as they were
};

// Converts the document in place (meant for a copy: the Jixiao formulas are replaced). Throws only
// UNO exceptions (the caller turns them into a message).
PortableReport writePortable(const css::uno::Reference<css::sheet::XSpreadsheetDocument>& doc);

}  // namespace jixiao::adapter
