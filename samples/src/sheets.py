# -*- coding: utf-8 -*-
"""What the sample builders share: rows into a sheet, merged cells, number formats, the 绩效目标表
sheet and saving as .ods and .xlsx (through a LibreOffice document, scripts/office.py)."""
import office as O


def put_rows(sheet, top, rows):
    """Rows of values (numbers or text) from row `top`, padded to the widest row."""
    width = max(len(r) for r in rows)
    data = tuple(tuple(list(r) + [""] * (width - len(r))) for r in rows)
    sheet.getCellRangeByPosition(0, top, width - 1, top + len(data) - 1).setDataArray(data)


def merge(sheet, c0, r0, c1, r1):
    sheet.getCellRangeByPosition(c0, r0, c1, r1).merge(True)


def number_format(doc, code):
    """The document's key for a number format such as "0.00%", added when missing."""
    key = doc.NumberFormats.queryKey(code, doc.CharLocale, False)
    return key if key != -1 else doc.NumberFormats.addNew(code, doc.CharLocale)


def target_sheet(doc, index, rows, columns, widths):
    """The 绩效目标表 sheet at `index`: `rows` (title, header, one row per target, in `columns`), the
    实际完成值 of % rows and the 得分比例 as percentages."""
    doc.Sheets.insertNewByName("绩效目标表", index)
    g = doc.Sheets.getByName("绩效目标表")
    put_rows(g, 0, rows)
    pct = number_format(doc, "0.00%")
    unit_col, actual_col, ratio_col = (columns.index(c) for c in ("度量单位", "实际完成值", "得分比例"))
    for i, r in enumerate(rows[2:]):
        if r[unit_col] == "%" and r[actual_col] != "":
            g.getCellByPosition(actual_col, 2 + i).NumberFormat = pct
        if r[ratio_col] != "":
            g.getCellByPosition(ratio_col, 2 + i).NumberFormat = pct
    for col, w in widths:
        g.Columns.getByIndex(col).Width = w
    return g


def save(doc, base):
    """BASE.ods and BASE.xlsx; closes the document."""
    doc.storeToURL(O.file_url(base + ".ods"), O.props(FilterName="calc8"))
    doc.storeToURL(O.file_url(base + ".xlsx"), O.props(FilterName="Calc MS Excel 2007 XML"))
    doc.close(True)
    return base
