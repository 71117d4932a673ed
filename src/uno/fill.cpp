// The commands: fill and check (menu items / toolbar buttons, dispatch URLs org.jixiao.calc:fill and
// :check), new department workbook (:new) and blank 附件1 (:template); each also a job and the
// service the CLI calls. Reads the document, asks the core for a plan, writes it in one undo step.
// Never throws into the office: every failure becomes a message.

#include <exception>
#include <optional>
#include <set>
#include <string>
#include <utility>

#include <com/sun/star/awt/MessageBoxType.hpp>
#include <com/sun/star/awt/XMessageBox.hpp>
#include <com/sun/star/awt/XMessageBoxFactory.hpp>
#include <com/sun/star/awt/XWindow2.hpp>
#include <com/sun/star/awt/XWindowPeer.hpp>
#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/configuration/theDefaultProvider.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/document/XUndoManagerSupplier.hpp>
#include <com/sun/star/frame/Desktop.hpp>
#include <com/sun/star/frame/DispatchDescriptor.hpp>
#include <com/sun/star/frame/DispatchResultEvent.hpp>
#include <com/sun/star/frame/DispatchResultState.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XDispatch.hpp>
#include <com/sun/star/frame/XDispatchProvider.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/frame/XStorable.hpp>
#include <com/sun/star/lang/XInitialization.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/sheet/XSpreadsheetView.hpp>
#include <com/sun/star/sheet/XSpreadsheets.hpp>
#include <com/sun/star/task/XJob.hpp>
#include <com/sun/star/task/XStatusIndicatorFactory.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <com/sun/star/util/URL.hpp>
#include <com/sun/star/util/XCloseable.hpp>
#include <com/sun/star/ui/dialogs/TemplateDescription.hpp>
#include <com/sun/star/ui/dialogs/ExecutableDialogResults.hpp>
#include <com/sun/star/ui/dialogs/XFilePicker3.hpp>
#include <com/sun/star/ui/dialogs/XFilterManager.hpp>
#include <com/sun/star/ui/dialogs/FilePicker.hpp>
#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/table/XCell.hpp>
#include <com/sun/star/io/TempFile.hpp>
#include <com/sun/star/io/XTempFile.hpp>
#include <com/sun/star/frame/XComponentLoader.hpp>
#include <com/sun/star/frame/XDesktop2.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <osl/file.hxx>
#include <rtl/uri.hxx>
#include <cppuhelper/implbase5.hxx>
#include <cppuhelper/supportsservice.hxx>

#include "anyconv.hpp"
#include "docio.hpp"
#include "portable.hpp"
#include "jixiao/checker.hpp"
#include "jixiao/filler.hpp"
#include "jixiao/newbook.hpp"
#include "jixiao/selfeval.hpp"
#include "jixiao/selfeval_review.hpp"
#include "jixiao/values.hpp"

using namespace css;
using rtl::OUString;

namespace jixiao::adapter {
namespace {

constexpr char16_t kProtocol[] = u"org.jixiao.calc:";

OUString ou(std::u16string_view s) { return toOUString(s); }

struct Outcome {
    bool ok = false;
    OUString message;
    OUString target;
    uno::Reference<frame::XModel> model;  // a document the command opened (新建部门工作簿), else empty
};

// ---- the user's language ----

// A string setting of the office configuration, or "" when it cannot be read.
OUString configString(const uno::Reference<uno::XComponentContext>& ctx, const OUString& node, const OUString& name) {
    try {
        uno::Reference<lang::XMultiServiceFactory> provider = configuration::theDefaultProvider::get(ctx);
        beans::NamedValue path("nodepath", uno::Any(node));
        uno::Sequence<uno::Any> args(1);
        args.getArray()[0] <<= path;
        uno::Reference<container::XNameAccess> access(
            provider->createInstanceWithArguments("com.sun.star.configuration.ConfigurationAccess", args), uno::UNO_QUERY);
        OUString v;
        if (access.is()) access->getByName(name) >>= v;
        return v;
    } catch (...) {
        return {};
    }
}

// The office's UI language: Tools ▸ Options ▸ Language Settings ▸ User interface when set, else the
// installation's. Chinese when it cannot be told (the users this is made for).
Lang uiLanguage(const uno::Reference<uno::XComponentContext>& ctx) {
    OUString tag = configString(ctx, "/org.openoffice.Office.Linguistic/General", "UILocale");
    if (tag.isEmpty()) tag = configString(ctx, "/org.openoffice.Setup/L10N", "ooLocale");
    if (tag.isEmpty()) return Lang::Zh;
    return langOf(toUtf8(std::u16string_view(reinterpret_cast<const char16_t*>(tag.getStr()), tag.getLength())));
}

// The office's function names (Calc's built-ins and installed add-ins), upper case, to name a
// template's unknown function before the fill writes a #NAME?. Only where Calc's names are its
// English ones (a Chinese or English UI; others translate them): empty otherwise, or on failure.
std::set<std::u16string> officeFunctionNames(const uno::Reference<uno::XComponentContext>& ctx) {
    std::set<std::u16string> out;
    try {
        OUString tag = configString(ctx, "/org.openoffice.Office.Linguistic/General", "UILocale");
        if (tag.isEmpty()) tag = configString(ctx, "/org.openoffice.Setup/L10N", "ooLocale");
        if (!(tag.startsWithIgnoreAsciiCase("zh") || tag.startsWithIgnoreAsciiCase("en"))) return out;
        uno::Reference<container::XIndexAccess> fd(
            ctx->getServiceManager()->createInstanceWithContext("com.sun.star.sheet.FunctionDescriptions", ctx),
            uno::UNO_QUERY);
        if (!fd.is()) return out;
        for (sal_Int32 i = 0; i < fd->getCount(); ++i) {
            uno::Sequence<beans::PropertyValue> d;
            fd->getByIndex(i) >>= d;
            for (const beans::PropertyValue& p : d) {
                OUString name;
                if (p.Name == "Name" && (p.Value >>= name))
                    out.insert(std::u16string(reinterpret_cast<const char16_t*>(name.toAsciiUpperCase().getStr()),
                                              name.getLength()));
            }
        }
    } catch (...) {
        out.clear();
    }
    return out;
}

OUString text(const Message& m, Lang lang) { return toOUString(std::string_view(m.text(lang))); }
OUString lines(const Problems& ms, Lang lang) { return toOUString(std::string_view(joinLines(ms, lang))); }

// A command's name in both languages.
struct Command {
    Message name;
};
const Command kFillCommand{msg("cmd.fill", "填写附件1", "Fill Appendix 1")};
const Command kCheckCommand{msg("cmd.check", "核对附件1", "Check Appendix 1")};
const Command kNewCommand{msg("cmd.new", "新建部门工作簿", "New department workbook")};
const Command kTemplateCommand{msg("cmd.template", "生成空白附件1", "Blank Appendix 1")};
const Command kPortableCommand{msg("cmd.portable", "另存为通用格式", "Save in a portable format")};
const Command kSelfEvalCommand{msg("cmd.selfeval", "填写项目支出绩效自评表", "Fill the project self-evaluation forms")};

// Runs a command's body; every failure becomes the outcome's message.
template <class Body>
void guarded(Outcome& o, const Command& cmd, Lang lang, Body body) {
    try {
        body();
    } catch (const uno::Exception& e) {
        o.ok = false;
        o.message = text(msg("cmd.officeError", "Jixiao：{1}时 LibreOffice 出错：", "Jixiao: LibreOffice failed during {1}: ",
                             cmd.name),
                         lang) +
                    e.Message;
    } catch (const RuleError& e) {
        o.ok = false;
        o.message = text(msg("cmd.ruleError", "Jixiao：{1}时出错：{2}", "Jixiao: {1} failed: {2}", cmd.name, e.message()), lang);
    } catch (const std::exception& e) {
        o.ok = false;
        o.message = text(msg("cmd.internalError", "Jixiao：{1}时出现内部错误：{2}", "Jixiao: internal error during {1}: {2}",
                             cmd.name, std::string(e.what())),
                         lang);
    } catch (...) {
        o.ok = false;
        o.message = text(msg("cmd.unknownError", "Jixiao：{1}时出现未知的内部错误", "Jixiao: unknown internal error during {1}",
                             cmd.name),
                         lang);
    }
}

// The same on a spreadsheet.
template <class Body>
void runCommand(const uno::Reference<sheet::XSpreadsheetDocument>& doc, Outcome& o, const Command& cmd, Lang lang,
                Body body) {
    if (!doc.is()) {
        o.message = text(msg("cmd.notCalc", "Jixiao：当前文档不是电子表格（需要 Calc 文档）。",
                             "Jixiao: the current document is not a spreadsheet (a Calc document is needed)."),
                         lang);
        return;
    }
    // A document opened read-only takes some writes (cell formulas) and silently drops others (the
    // filled-down formula runs of 计算底稿, merges): the scores would come out wrong. Nothing is written.
    uno::Reference<frame::XStorable> storable(doc, uno::UNO_QUERY);
    if (storable.is() && storable->isReadonly()) {
        o.message = text(msg("cmd.readOnly",
                             "Jixiao 未{1}：文档以只读方式打开（未写入任何内容）。请先选择“编辑文档”，或另存一份副本后再{1}。",
                             "Jixiao did not run {1}: the document is open read-only (nothing was written). Choose "
                             "Edit Document, or save a copy, and run {1} again.",
                             cmd.name),
                         lang);
        return;
    }
    guarded(o, cmd, lang, body);
}

// Writes a plan as one undo step named after the command, or puts its problems in the outcome.
bool writeOrExplain(const uno::Reference<sheet::XSpreadsheetDocument>& doc, const FillPlan& plan, const Command& cmd,
                    Lang lang, const uno::Reference<task::XStatusIndicator>& status, Outcome& o) {
    if (!plan.problems.empty()) {
        o.message = text(msg("cmd.inputProblems", "Jixiao 未{1}，因为以下输入缺失或有误（未写入任何内容）：",
                             "Jixiao did not run {1}: these inputs are missing or wrong (nothing was written):", cmd.name),
                         lang) +
                    "\n" + lines(plan.problems, lang);
        return false;
    }
    writePlan(doc, plan, ou(u"Jixiao：") + text(cmd.name, lang), status);
    o.ok = true;
    o.target = ou(plan.targetSheet);
    return true;
}

Outcome fillDocument(const uno::Reference<sheet::XSpreadsheetDocument>& doc, Lang lang,
                     const std::set<std::u16string>& knownFunctions,
                     const uno::Reference<task::XStatusIndicator>& status) {
    Outcome o;
    runCommand(doc, o, kFillCommand, lang, [&] {
        FillPlan plan = planFill(readWorkbook(doc), knownFunctions);
        if (!writeOrExplain(doc, plan, kFillCommand, lang, status, o)) return;
        o.message = text(plan.inPlace ? msg("fill.doneInPlace", "Jixiao：已填写 {1}（原表内填写）", "Jixiao: filled {1} (in place)",
                                            plan.targetSheet)
                                      : msg("fill.done", "Jixiao：已填写 {1}", "Jixiao: filled {1}", plan.targetSheet),
                         lang) +
                    (plan.notes.empty() ? OUString() : "\n" + lines(plan.notes, lang));
    });
    return o;
}

struct CheckOutcome {
    Outcome outcome;
    bool differs = false;
    uno::Sequence<uno::Sequence<OUString>> rows;  // subject, verdict, printed, recomputed, explanation
};

OUString numberOrEmpty(const std::optional<double>& v) {
    return v ? toOUString(std::string_view(numberText(roundHalfUp(*v, 4), 10))) : OUString();
}

void appendRows(CheckOutcome& c, const std::vector<Finding>& findings) {
    sal_Int32 at = c.rows.getLength();
    c.rows.realloc(at + static_cast<sal_Int32>(findings.size()));
    for (const Finding& f : findings) {
        uno::Sequence<OUString> row(5);
        row.getArray()[0] = ou(f.subject);
        row.getArray()[1] = ou(verdictText(f.verdict));
        row.getArray()[2] = numberOrEmpty(f.printed);
        row.getArray()[3] = numberOrEmpty(f.recomputed);
        row.getArray()[4] = ou(f.explanation);
        c.rows.getArray()[at++] = row;
    }
}

const Command kReviewCommand{msg("cmd.review", "复核项目支出绩效自评表", "Review the project self-evaluation forms")};

// The review (复核) of the workbook's filled 自评表 forms: 复核结果 written as one undo step, its
// findings appended to the outcome's rows.
struct Reviewed {
    OUString message;
    OUString target;  // 复核结果, or empty when no form could be read
};
Reviewed reviewDocument(const uno::Reference<sheet::XSpreadsheetDocument>& doc, const Workbook& wb, Lang lang,
                        const uno::Reference<task::XStatusIndicator>& status, CheckOutcome& c);

CheckOutcome checkDocument(const uno::Reference<sheet::XSpreadsheetDocument>& doc, Lang lang,
                           const uno::Reference<task::XStatusIndicator>& status) {
    CheckOutcome c;
    Outcome& o = c.outcome;
    runCommand(doc, o, kCheckCommand, lang, [&] {
        Workbook wb = readWorkbook(doc);
        CheckPlan plan = planCheck(wb);
        // Filled 项目支出绩效自评表 forms are reviewed (复核) too; a workbook of forms alone needs no 附件1.
        const bool forms = hasSelfEvalForms(wb);
        if (forms && !plan.problems.empty()) {
            Reviewed r = reviewDocument(doc, wb, lang, status, c);
            o.ok = !r.target.isEmpty();  // no form could be read: an error
            o.target = r.target;
            o.message = r.message;
            return;
        }
        if (!plan.problems.empty()) {
            o.message = text(msg("check.inputProblems", "Jixiao 无法核对附件1，因为以下输入缺失或有误（未写入任何内容）：",
                                 "Jixiao cannot check Appendix 1: these inputs are missing or wrong (nothing was written):"),
                             lang) +
                        "\n" + lines(plan.problems, lang);
            return;
        }
        std::vector<Finding> findings = writeCheck(doc, plan, status);
        std::size_t counts[4] = {0, 0, 0, 0};
        for (const Finding& f : findings) counts[static_cast<int>(f.verdict)]++;
        appendRows(c, findings);
        c.differs = counts[static_cast<int>(Verdict::Differ)] > 0;
        o.ok = true;
        o.target = ou(plan.resultSheet);
        o.message = text(msg("check.done", "Jixiao 核对 {1}：一致 {2}，不一致 {3}，口径不同 {4}，需人工判断 {5}。详见 {6}。",
                             "Jixiao checked {1}: {2} agree, {3} differ, {4} by another reading, {5} to judge by hand. "
                             "See {6}.",
                             plan.appendixSheet, counts[0], counts[1], counts[2], counts[3], plan.resultSheet),
                         lang);
        if (forms) o.message += "\n" + reviewDocument(doc, wb, lang, status, c).message;
    });
    return c;
}

Reviewed reviewDocument(const uno::Reference<sheet::XSpreadsheetDocument>& doc, const Workbook& wb, Lang lang,
                        const uno::Reference<task::XStatusIndicator>& status, CheckOutcome& c) {
    Reviewed r;
    SelfEvalReview review = reviewSelfEval(wb);
    if (!review.forms.empty()) {
        FillPlan write;
        write.sheets.push_back(review.result);
        write.replaceSheets = review.replaceSheets;
        writeReview(doc, write, review.findings, ou(u"Jixiao：") + text(kReviewCommand.name, lang), status);
        r.target = ou(review.resultSheet);
    }
    appendRows(c, review.findings);
    c.differs = c.differs || review.differ > 0;
    r.message = text(msg("review.done", "Jixiao {1}", "Jixiao: {1}", reviewSummary(review)), lang);
    return r;
}

// ---- 新建部门工作簿 and 生成空白附件1 ----

bool isEmptySpreadsheet(const uno::Reference<sheet::XSpreadsheetDocument>& doc) {
    if (!doc.is()) return false;
    for (const Sheet& s : readWorkbook(doc).sheets)
        for (const Cell& c : s.cells)
            if (!c.empty()) return false;
    return true;
}

// The new department's workbook: into `given` when that is an empty spreadsheet (the CLI's new
// document), otherwise into a new document opened for it. Another document is never changed.
Outcome newWorkbook(const uno::Reference<uno::XComponentContext>& ctx,
                    const uno::Reference<sheet::XSpreadsheetDocument>& given, Lang lang,
                    const uno::Reference<task::XStatusIndicator>& status) {
    Outcome o;
    uno::Reference<sheet::XSpreadsheetDocument> doc;
    bool opened = false;
    guarded(o, kNewCommand, lang, [&] {
        FillPlan plan = planNewWorkbook();
        if (!plan.problems.empty()) {
            o.message = text(msg("new.problems", "Jixiao 未新建工作簿：", "Jixiao did not create the workbook:"), lang) + "\n" +
                        lines(plan.problems, lang);
            return;
        }
        if (isEmptySpreadsheet(given)) {
            doc = given;
        } else {
            uno::Reference<frame::XDesktop2> desktop = frame::Desktop::create(ctx);
            doc.set(desktop->loadComponentFromURL("private:factory/scalc", "_blank", 0, {}), uno::UNO_QUERY_THROW);
            opened = true;
        }
        uno::Reference<container::XNameAccess> sheets(doc->getSheets(), uno::UNO_QUERY_THROW);
        uno::Sequence<OUString> before = sheets->getElementNames();
        writePlan(doc, plan, ou(u"Jixiao：") + text(kNewCommand.name, lang), status);
        for (const OUString& name : before) doc->getSheets()->removeByName(name);  // the empty 工作表1
        // Nothing came before: no undo step into an empty document.
        uno::Reference<document::XUndoManagerSupplier> undo(doc, uno::UNO_QUERY);
        if (undo.is()) undo->getUndoManager()->clear();
        o.ok = true;
        o.target = ou(plan.targetSheet);
        std::string names;
        for (const SheetPlan& s : plan.sheets) names += (names.empty() ? "" : lang == Lang::Zh ? "、" : ", ") + toUtf8(s.name);
        o.message = text(msg("new.done", "Jixiao：已新建部门工作簿（{1}）。{2}。请按各表的说明填写支出表、基础信息和绩效目标表，再选择“绩效 ▸ 填写附件1”。",
                             "Jixiao: created a department workbook ({1}). {2}. Fill in the expenditure tables, 基础信息 and "
                             "绩效目标表 as each sheet explains, then choose 绩效 ▸ 填写附件1 (Fill Appendix 1).",
                             names, joinMessages(plan.notes)),
                         lang);
        if (opened) o.model.set(doc, uno::UNO_QUERY);
    });
    if (!o.ok && opened) {
        try {
            uno::Reference<util::XCloseable> c(doc, uno::UNO_QUERY);
            if (c.is()) c->close(true);
        } catch (...) {
        }
    }
    return o;
}

// A blank 附件1 from the workbook's own 指标体系 and 绩效目标表, added as one undo step.
Outcome blankAppendixDocument(const uno::Reference<sheet::XSpreadsheetDocument>& doc, Lang lang,
                              const uno::Reference<task::XStatusIndicator>& status) {
    Outcome o;
    runCommand(doc, o, kTemplateCommand, lang, [&] {
        FillPlan plan = planBlankAppendix(readWorkbook(doc));
        if (!writeOrExplain(doc, plan, kTemplateCommand, lang, status, o)) return;
        o.message = text(msg("template.done", "Jixiao：已生成空白附件1「{1}」，{2}。数据齐全后选择“绩效 ▸ 填写附件1”，评分和专家意见将填入此表。",
                             "Jixiao: made a blank Appendix 1 \"{1}\", {2}. When the data are in, choose 绩效 ▸ 填写附件1 "
                             "(Fill Appendix 1): the scores and 专家意见 go into this sheet.",
                             plan.targetSheet, joinMessages(plan.notes)),
                         lang);
    });
    return o;
}

// The 项目支出绩效自评表: one form per project and 自评汇总, as one undo step; a rerun replaces them.
Outcome selfEvalDocument(const uno::Reference<sheet::XSpreadsheetDocument>& doc, Lang lang,
                         const uno::Reference<task::XStatusIndicator>& status, uno::Sequence<OUString>& forms) {
    Outcome o;
    runCommand(doc, o, kSelfEvalCommand, lang, [&] {
        SelfEvalPlan plan = planSelfEval(readWorkbook(doc));
        FillPlan write;
        write.problems = plan.problems;
        write.sheets = plan.sheets;
        write.replaceSheets = plan.replaceSheets;
        write.targetSheet = plan.summarySheet;
        if (!writeOrExplain(doc, write, kSelfEvalCommand, lang, status, o)) return;
        forms.realloc(static_cast<sal_Int32>(plan.forms.size()));
        for (std::size_t i = 0; i < plan.forms.size(); ++i) forms.getArray()[i] = ou(plan.forms[i].sheet);
        o.message = text(msg("selfeval.done", "Jixiao：已填写 {1} 张项目支出绩效自评表，汇总见「{2}」。",
                             "Jixiao: filled {1} project self-evaluation forms (项目支出绩效自评表); the summary is in \"{2}\".",
                             plan.forms.size(), plan.summarySheet),
                         lang);
        if (!plan.attention.empty())
            o.message += "\n" + text(msg("selfeval.attention", "需关注：", "Needs attention:"), lang) + "\n" +
                         lines(plan.attention, lang);
    });
    return o;
}

// ---- the portable form (Excel / WPS) ----

// Converts the document in place: every Jixiao call becomes plain spreadsheet functions, the numbers
// read from text go into 计算底稿, and a sheet 通用格式说明 says what was done. For a copy.
Outcome portableDocument(const uno::Reference<sheet::XSpreadsheetDocument>& doc, Lang lang) {
    Outcome o;
    runCommand(doc, o, kPortableCommand, lang, [&] {
        PortableReport r = writePortable(doc);
        // The note: which tool made it, what it is for and what it cannot do.
        std::vector<Message> rows = {
            msg("portable.note.title", "通用格式副本说明", "About this portable copy"),
            msg("portable.note.made",
                "本工作簿由 Jixiao（绩效）{1} 另存为通用格式：其中 {2} 个调用 Jixiao 函数的公式已换成 Excel、WPS 与 LibreOffice 都能计算的普通公式，不需要安装 Jixiao。",
                "Saved in a portable format by Jixiao {1}: {2} formulas that called Jixiao functions were replaced by plain "
                "formulas that Excel, WPS and LibreOffice calculate without Jixiao.",
                std::string(JIXIAO_VERSION), r.converted),
            msg("portable.note.live",
                "数据表中的数字仍是活的：修改后各项得分、合计与等级随之重算。从文字读出的数值（文字写的指标值、带单位的实际完成值、是/否判定、数字文本）写在「{1}」中，各行注明原单元格，可在那里修改。",
                "The figures in the data sheets stay live: change one and the scores, totals and grade follow. Numbers "
                "read from text (targets written as text, actual values with units, yes/no marks, numeric text) are in "
                "\"{1}\", each beside the name of its original cell; change them there.",
                r.helperSheet),
            msg("portable.note.fixed",
                "评分方法、完成等级、度量单位、分档表等文字选项按转换时的内容写入公式；修改这些文字，或需要核对其他计算口径时，请在装有 Jixiao 的 LibreOffice 中打开原工作簿。",
                "Text options (scoring method, grade, unit, band tables) are written into the formulas as they were at "
                "conversion; to change them, or to cross-check other methods, open the original workbook in LibreOffice "
                "with Jixiao."),
        };
        if (!r.notes.empty())
            rows.push_back(msg("portable.note.refused", "以下单元格的 Jixiao 函数未能换成通用公式（原因见右）：",
                               "These cells' Jixiao functions could not be converted (the reason beside each):"));
        const std::u16string name = [&] {
            std::u16string base = fromUtf8(msg("portable.note.sheet", "通用格式说明", "Portable copy").text(lang));
            std::u16string n = base;
            for (int k = 2; doc->getSheets()->hasByName(ou(n)); ++k) n = base + numberText16(k);
            return n;
        }();
        uno::Reference<container::XIndexAccess> sheets(doc->getSheets(), uno::UNO_QUERY);
        doc->getSheets()->insertNewByName(ou(name), static_cast<sal_Int16>(sheets->getCount()));
        uno::Reference<sheet::XSpreadsheet> sheet(doc->getSheets()->getByName(ou(name)), uno::UNO_QUERY);
        auto put = [&](sal_Int32 col, sal_Int32 row, const OUString& t) {
            uno::Reference<text::XText> cell(sheet->getCellByPosition(col, row), uno::UNO_QUERY);
            cell->setString(t);
        };
        sal_Int32 row = 0;
        for (const Message& m : rows) put(0, row++, text(m, lang));
        for (const portable::Note& n : r.notes) {
            put(0, row, ou(n.at.sheet + u"!" + columnName(n.at.col) + numberText16(static_cast<double>(n.at.row + 1))));
            put(1, row++, text(n.text, lang));
        }
        o.ok = true;
        o.target = ou(name);
        o.message = text(msg("portable.done", "Jixiao：已将 {1} 个公式换成通用格式（Excel/WPS 可重算）。",
                             "Jixiao: {1} formulas were converted to a portable form (Excel/WPS recalculate them).",
                             r.converted),
                         lang);
        if (!r.notes.empty())
            o.message += "\n" + text(msg("portable.doneRefused", "其中 {1} 处未能换成通用公式（写为 NA() 或当前值），见「{2}」。",
                                         "{1} of them could not be converted (written as NA() or their current value); "
                                         "see \"{2}\".",
                                         r.notes.size(), name),
                                     lang);
    });
    return o;
}

// 另存为通用格式（Excel/WPS）: asks where, and stores there a converted copy of the document as .xlsx;
// the open document keeps its Jixiao formulas.
Outcome portableSaveAs(const uno::Reference<uno::XComponentContext>& ctx,
                       const uno::Reference<sheet::XSpreadsheetDocument>& doc, Lang lang) {
    Outcome o;
    runCommand(doc, o, kPortableCommand, lang, [&] {
        uno::Reference<frame::XModel> model(doc, uno::UNO_QUERY);
        OUString suggested = "portable.xlsx";
        if (model.is() && !model->getURL().isEmpty()) {
            OUString url = model->getURL();
            sal_Int32 slash = url.lastIndexOf('/'), dot = url.lastIndexOf('.');
            OUString stem = url.copy(slash + 1, (dot > slash ? dot : url.getLength()) - slash - 1);
            suggested = stem + text(msg("portable.suffix", "（通用格式）", " (portable)"), lang) + ".xlsx";
        }
        uno::Sequence<uno::Any> init(1);
        init.getArray()[0] <<= ui::dialogs::TemplateDescription::FILESAVE_AUTOEXTENSION;
        uno::Reference<ui::dialogs::XFilePicker3> picker(
            ctx->getServiceManager()->createInstanceWithArgumentsAndContext("com.sun.star.ui.dialogs.FilePicker", init, ctx),
            uno::UNO_QUERY_THROW);
        picker->appendFilter("Excel 2007-365 (*.xlsx)", "*.xlsx");
        picker->setCurrentFilter("Excel 2007-365 (*.xlsx)");
        picker->setDefaultName(rtl::Uri::decode(suggested, rtl_UriDecodeWithCharset, RTL_TEXTENCODING_UTF8));
        picker->setTitle(text(msg("portable.pick", "另存为通用格式（Excel/WPS）", "Save in a portable format (Excel/WPS)"), lang));
        if (picker->execute() != ui::dialogs::ExecutableDialogResults::OK) {
            o.ok = true;
            o.message.clear();
            return;
        }
        uno::Sequence<OUString> files = picker->getSelectedFiles();
        if (!files.hasElements()) return;
        OUString target = files[0];
        if (!target.endsWithIgnoreAsciiCase(".xlsx")) target += ".xlsx";

        // A copy of the document as it stands (unsaved changes too), converted and stored as .xlsx.
        uno::Reference<io::XTempFile> tmp = io::TempFile::create(ctx);
        tmp->setRemoveFile(true);
        OUString tmpUrl = tmp->getUri() + ".ods";
        uno::Reference<frame::XStorable> storable(doc, uno::UNO_QUERY_THROW);
        uno::Sequence<beans::PropertyValue> odsArgs(1);
        odsArgs.getArray()[0].Name = "FilterName";
        odsArgs.getArray()[0].Value <<= OUString("calc8");
        storable->storeToURL(tmpUrl, odsArgs);
        uno::Reference<frame::XDesktop2> desktop = frame::Desktop::create(ctx);
        uno::Sequence<beans::PropertyValue> loadArgs(1);
        loadArgs.getArray()[0].Name = "Hidden";
        loadArgs.getArray()[0].Value <<= true;
        uno::Reference<lang::XComponent> copy = desktop->loadComponentFromURL(tmpUrl, "_blank", 0, loadArgs);
        struct Closer {
            uno::Reference<lang::XComponent> c;
            OUString url;
            ~Closer() {
                try {
                    uno::Reference<util::XCloseable> cl(c, uno::UNO_QUERY);
                    if (cl.is()) cl->close(true);
                    else if (c.is()) c->dispose();
                } catch (...) {
                }
                try {
                    osl::File::remove(url);
                } catch (...) {
                }
            }
        } closer{copy, tmpUrl};
        uno::Reference<sheet::XSpreadsheetDocument> copyDoc(copy, uno::UNO_QUERY_THROW);
        Outcome converted = portableDocument(copyDoc, lang);
        if (!converted.ok) {
            o = converted;
            return;
        }
        uno::Reference<frame::XStorable> out(copy, uno::UNO_QUERY_THROW);
        uno::Sequence<beans::PropertyValue> xlsxArgs(1);
        xlsxArgs.getArray()[0].Name = "FilterName";
        xlsxArgs.getArray()[0].Value <<= OUString("Calc MS Excel 2007 XML");
        out->storeToURL(target, xlsxArgs);
        o.ok = true;
        sal_Int32 slash = target.lastIndexOf('/');
        OUString shown = rtl::Uri::decode(target.copy(slash + 1), rtl_UriDecodeWithCharset, RTL_TEXTENCODING_UTF8);
        o.message = converted.message + "\n" +
                    text(msg("portable.saved", "已另存为「{1}」；当前文档未改动。", "Saved as \"{1}\"; this document is unchanged.",
                             std::u16string(view(shown))),
                         lang);
    });
    return o;
}

enum class Mode { Fill, Check, New, Template, SelfEval, Portable, PortableSave };

class Fill : public cppu::WeakImplHelper5<task::XJob, frame::XDispatchProvider, frame::XDispatch,
                                          lang::XInitialization, lang::XServiceInfo> {
public:
    // ---- XJob: arguments as NamedValues; "Document" (or Environment/Model, Environment/Frame) ----
    uno::Any SAL_CALL execute(const uno::Sequence<beans::NamedValue>& args) override {
        uno::Reference<frame::XModel> model;
        uno::Reference<frame::XFrame> frame;
        OUString envType, language;
        for (const beans::NamedValue& nv : args) {
            if (nv.Name == "Document" || nv.Name == "Model") nv.Value >>= model;
            if (nv.Name == "Language") nv.Value >>= language;  // "zh" / "en" (the CLI's); else the UI's
            if (nv.Name == "Frame") nv.Value >>= frame;
            if (nv.Name == "Environment") {
                uno::Sequence<beans::NamedValue> env;
                nv.Value >>= env;
                for (const beans::NamedValue& e : env) {
                    if (e.Name == "EnvType") e.Value >>= envType;
                    if (e.Name == "Model") e.Value >>= model;
                    if (e.Name == "Frame") e.Value >>= frame;
                }
            }
        }
        if (!model.is() && frame.is() && frame->getController().is()) model = frame->getController()->getModel();
        uno::Reference<sheet::XSpreadsheetDocument> doc(model, uno::UNO_QUERY);
        CheckOutcome checked;
        forms_ = {};
        Lang lang = language.isEmpty() ? uiLanguage(ctx_)
                                       : langOf(toUtf8(std::u16string_view(
                                             reinterpret_cast<const char16_t*>(language.getStr()), language.getLength())));
        Outcome o = run(mode_, doc, frame, lang, checked);
        bool dispatched = envType == "DISPATCH";
        uno::Sequence<beans::NamedValue> result(dispatched ? 6 : 5);
        auto* r = result.getArray();
        OUString status = !o.ok ? OUString("error") : checked.differs ? OUString("differ") : OUString("ok");
        r[0] = beans::NamedValue("Status", uno::Any(status));
        r[1] = beans::NamedValue("Message", uno::Any(o.message));
        r[2] = beans::NamedValue("Target", uno::Any(o.target));
        r[3] = beans::NamedValue("Findings", uno::Any(checked.rows));
        r[4] = beans::NamedValue("Sheets", uno::Any(forms_));  // the 自评表 forms written
        if (dispatched) {
            // A job run by dispatch (vnd.sun.star.job:alias=JixiaoFill) must report its result, or a
            // caller waiting for it (DispatchHelper) waits for ever.
            frame::DispatchResultEvent ev;
            ev.Source = static_cast<cppu::OWeakObject*>(this);
            ev.State = o.ok ? frame::DispatchResultState::SUCCESS : frame::DispatchResultState::FAILURE;
            ev.Result = uno::Any(o.message);
            r[5] = beans::NamedValue("SendDispatchResult", uno::Any(ev));
        }
        return uno::Any(result);
    }

    // ---- XInitialization: the frame, when created as a protocol handler ----
    void SAL_CALL initialize(const uno::Sequence<uno::Any>& args) override {
        for (const uno::Any& a : args) {
            uno::Reference<frame::XFrame> f;
            if (a >>= f) frame_ = f;
        }
    }

    // ---- XDispatchProvider / XDispatch ----
    uno::Reference<frame::XDispatch> SAL_CALL queryDispatch(const util::URL& url, const OUString&, sal_Int32) override {
        if (url.Complete.startsWith(ou(kProtocol))) return this;
        return {};
    }
    uno::Sequence<uno::Reference<frame::XDispatch>> SAL_CALL
    queryDispatches(const uno::Sequence<frame::DispatchDescriptor>& requests) override {
        uno::Sequence<uno::Reference<frame::XDispatch>> out(requests.getLength());
        for (sal_Int32 i = 0; i < requests.getLength(); ++i)
            out.getArray()[i] = queryDispatch(requests[i].FeatureURL, requests[i].FrameName, requests[i].SearchFlags);
        return out;
    }
    void SAL_CALL dispatch(const util::URL& url, const uno::Sequence<beans::PropertyValue>&) override {
        try {
            std::optional<Mode> mode;
            const std::pair<const char*, Mode> commands[] = {
                {"fill", Mode::Fill}, {"check", Mode::Check}, {"new", Mode::New}, {"template", Mode::Template},
                {"selfeval", Mode::SelfEval}, {"portable", Mode::PortableSave}};
            for (const auto& [name, m] : commands)
                if (url.Complete == ou(kProtocol) + OUString::createFromAscii(name)) mode = m;
            if (!mode) return;
            uno::Reference<frame::XModel> model;
            if (frame_.is() && frame_->getController().is()) model = frame_->getController()->getModel();
            // 新建部门工作簿 always opens a new document: the one the menu was chosen in stays as it is.
            uno::Reference<sheet::XSpreadsheetDocument> doc(*mode == Mode::New ? nullptr : model, uno::UNO_QUERY);
            CheckOutcome checked;
            Outcome o = run(*mode, doc, frame_, uiLanguage(ctx_), checked);
            if (o.ok) showSheet(o.model.is() ? o.model : model, o.target);
            if (!o.message.isEmpty()) tell(o);
        } catch (...) {
            // nothing may escape into the office
        }
    }
    void SAL_CALL addStatusListener(const uno::Reference<frame::XStatusListener>&, const util::URL&) override {}
    void SAL_CALL removeStatusListener(const uno::Reference<frame::XStatusListener>&, const util::URL&) override {}

    // ---- XServiceInfo ----
    Fill(Mode mode, const uno::Reference<uno::XComponentContext>& ctx) : mode_(mode), ctx_(ctx) {}

    OUString SAL_CALL getImplementationName() override { return "org.jixiao." + serviceName() + "Impl"; }
    sal_Bool SAL_CALL supportsService(const OUString& name) override { return cppu::supportsService(this, name); }
    uno::Sequence<OUString> SAL_CALL getSupportedServiceNames() override {
        uno::Sequence<OUString> names(3);
        names.getArray()[0] = "org.jixiao." + serviceName();
        names.getArray()[1] = "com.sun.star.task.Job";
        names.getArray()[2] = "com.sun.star.frame.ProtocolHandler";
        return names;
    }

private:
    OUString serviceName() const {
        switch (mode_) {
            case Mode::Fill: return "Fill";
            case Mode::Check: return "Check";
            case Mode::New: return "New";
            case Mode::Template: return "Template";
            case Mode::SelfEval: return "SelfEval";
            case Mode::Portable:
            case Mode::PortableSave: return "Portable";
        }
        return "Fill";
    }

    Outcome run(Mode mode, const uno::Reference<sheet::XSpreadsheetDocument>& doc,
                const uno::Reference<frame::XFrame>& frame, Lang lang, CheckOutcome& checked) {
        switch (mode) {
            case Mode::Fill: return fillDocument(doc, lang, officeFunctionNames(ctx_), statusOf(frame));
            case Mode::Check: checked = checkDocument(doc, lang, statusOf(frame)); return checked.outcome;
            case Mode::New: return newWorkbook(ctx_, doc, lang, {});
            case Mode::Template: return blankAppendixDocument(doc, lang, statusOf(frame));
            case Mode::SelfEval: return selfEvalDocument(doc, lang, statusOf(frame), forms_);
            case Mode::Portable: return portableDocument(doc, lang);
            case Mode::PortableSave: return portableSaveAs(ctx_, doc, lang);
        }
        return {};
    }

    static uno::Reference<task::XStatusIndicator> statusOf(const uno::Reference<frame::XFrame>& frame) {
        try {
            uno::Reference<task::XStatusIndicatorFactory> f(frame, uno::UNO_QUERY);
            if (f.is()) return f->createStatusIndicator();
        } catch (...) {
        }
        return {};
    }

    static void showSheet(const uno::Reference<frame::XModel>& model, const OUString& name) {
        try {
            uno::Reference<sheet::XSpreadsheetView> view(model->getCurrentController(), uno::UNO_QUERY);
            uno::Reference<sheet::XSpreadsheetDocument> doc(model, uno::UNO_QUERY);
            uno::Reference<sheet::XSpreadsheet> sheet(doc->getSheets()->getByName(name), uno::UNO_QUERY);
            if (view.is() && sheet.is()) view->setActiveSheet(sheet);
        } catch (...) {
        }
    }

    // A message box on the document's window (only when there is one).
    void tell(const Outcome& o) {
        try {
            // On the document the command opened, if any.
            uno::Reference<frame::XFrame> frame = frame_;
            if (o.model.is() && o.model->getCurrentController().is()) frame = o.model->getCurrentController()->getFrame();
            if (!frame.is()) return;
            // Only for a window a person sees: a hidden (or headless) document gets no dialog.
            uno::Reference<awt::XWindow2> window(frame->getContainerWindow(), uno::UNO_QUERY);
            if (!window.is() || !window->isVisible()) return;
            uno::Reference<awt::XWindowPeer> peer(window, uno::UNO_QUERY);
            if (!peer.is()) return;
            uno::Reference<awt::XMessageBoxFactory> f(peer->getToolkit(), uno::UNO_QUERY);
            if (!f.is()) return;
            uno::Reference<awt::XMessageBox> box = f->createMessageBox(
                peer, o.ok ? awt::MessageBoxType_INFOBOX : awt::MessageBoxType_ERRORBOX, 1 /* OK */,
                ou(u"绩效 Jixiao"), o.message);
            if (box.is()) box->execute();
        } catch (...) {
        }
    }

    Mode mode_;
    uno::Reference<uno::XComponentContext> ctx_;
    uno::Reference<frame::XFrame> frame_;
    uno::Sequence<OUString> forms_;  // the last run's 自评表 sheets
};

}  // namespace
}  // namespace jixiao::adapter

namespace {
uno::XInterface* createCommand(jixiao::adapter::Mode mode, uno::XComponentContext* ctx) {
    try {
        auto* p = new jixiao::adapter::Fill(mode, ctx);
        p->acquire();
        return static_cast<cppu::OWeakObject*>(p);
    } catch (...) {
        return nullptr;
    }
}
}  // namespace

extern "C" SAL_DLLPUBLIC_EXPORT uno::XInterface* org_jixiao_Fill_get_implementation(uno::XComponentContext* ctx,
                                                                                    const uno::Sequence<uno::Any>&) {
    return createCommand(jixiao::adapter::Mode::Fill, ctx);
}

extern "C" SAL_DLLPUBLIC_EXPORT uno::XInterface* org_jixiao_Check_get_implementation(uno::XComponentContext* ctx,
                                                                                     const uno::Sequence<uno::Any>&) {
    return createCommand(jixiao::adapter::Mode::Check, ctx);
}

extern "C" SAL_DLLPUBLIC_EXPORT uno::XInterface* org_jixiao_New_get_implementation(uno::XComponentContext* ctx,
                                                                                   const uno::Sequence<uno::Any>&) {
    return createCommand(jixiao::adapter::Mode::New, ctx);
}

extern "C" SAL_DLLPUBLIC_EXPORT uno::XInterface* org_jixiao_Template_get_implementation(uno::XComponentContext* ctx,
                                                                                        const uno::Sequence<uno::Any>&) {
    return createCommand(jixiao::adapter::Mode::Template, ctx);
}

extern "C" SAL_DLLPUBLIC_EXPORT uno::XInterface* org_jixiao_Portable_get_implementation(uno::XComponentContext* ctx,
                                                                                        const uno::Sequence<uno::Any>&) {
    return createCommand(jixiao::adapter::Mode::Portable, ctx);
}

extern "C" SAL_DLLPUBLIC_EXPORT uno::XInterface* org_jixiao_SelfEval_get_implementation(uno::XComponentContext* ctx,
                                                                                        const uno::Sequence<uno::Any>&) {
    return createCommand(jixiao::adapter::Mode::SelfEval, ctx);
}
