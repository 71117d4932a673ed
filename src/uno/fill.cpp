// The fill command: menu item / toolbar button (dispatch URL org.jixiao.calc:fill), job, and the
// service the CLI calls. Reads the document, asks the core for a plan, writes it in one undo step.
// Never throws into the office: every failure becomes a message.

#include <exception>
#include <string>

#include <com/sun/star/awt/MessageBoxType.hpp>
#include <com/sun/star/awt/XMessageBox.hpp>
#include <com/sun/star/awt/XMessageBoxFactory.hpp>
#include <com/sun/star/awt/XWindow2.hpp>
#include <com/sun/star/awt/XWindowPeer.hpp>
#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/frame/DispatchDescriptor.hpp>
#include <com/sun/star/frame/DispatchResultEvent.hpp>
#include <com/sun/star/frame/DispatchResultState.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XDispatch.hpp>
#include <com/sun/star/frame/XDispatchProvider.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/lang/XInitialization.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/sheet/XSpreadsheetView.hpp>
#include <com/sun/star/task/XJob.hpp>
#include <com/sun/star/task/XStatusIndicatorFactory.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <com/sun/star/util/URL.hpp>
#include <cppuhelper/implbase5.hxx>
#include <cppuhelper/supportsservice.hxx>

#include "anyconv.hpp"
#include "docio.hpp"
#include "jixiao/checker.hpp"
#include "jixiao/filler.hpp"
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
};

std::string joinLines(const std::vector<std::string>& lines) {
    std::string out;
    for (const std::string& l : lines) out += (out.empty() ? "" : "\n") + l;
    return out;
}

// Runs a command's body on a spreadsheet; every failure becomes the outcome's message.
template <class Body>
void runCommand(const uno::Reference<sheet::XSpreadsheetDocument>& doc, Outcome& o, const char* doing, Body body) {
    if (!doc.is()) {
        o.message = ou(u"Jixiao：当前文档不是电子表格（需要 Calc 文档）。");
        return;
    }
    try {
        body();
    } catch (const uno::Exception& e) {
        o.message = "Jixiao: LibreOffice error while " + OUString::createFromAscii(doing) + ": " + e.Message;
    } catch (const std::exception& e) {
        o.message = "Jixiao: internal error while " + OUString::createFromAscii(doing) + ": " +
                    toOUString(std::string_view(e.what()));
    } catch (...) {
        o.message = "Jixiao: unknown internal error while " + OUString::createFromAscii(doing);
    }
}

Outcome fillDocument(const uno::Reference<sheet::XSpreadsheetDocument>& doc,
                     const uno::Reference<task::XStatusIndicator>& status) {
    Outcome o;
    runCommand(doc, o, "filling", [&] {
        Workbook wb = readWorkbook(doc);
        FillPlan plan = planFill(wb);
        if (!plan.problems.empty()) {
            o.message = ou(u"Jixiao 未填写附件1，因为以下输入缺失或有误（未写入任何内容）：\n") +
                        toOUString(std::string_view(joinLines(plan.problems)));
            return;
        }
        writePlan(doc, plan, ou(u"Jixiao：填写附件1"), status);
        o.ok = true;
        o.target = ou(plan.targetSheet);
        o.message = ou(u"Jixiao：已填写 ") + o.target + (plan.inPlace ? ou(u"（原表内填写）") : OUString()) +
                    (plan.notes.empty() ? OUString() : "\n" + toOUString(std::string_view(joinLines(plan.notes))));
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

CheckOutcome checkDocument(const uno::Reference<sheet::XSpreadsheetDocument>& doc,
                           const uno::Reference<task::XStatusIndicator>& status) {
    CheckOutcome c;
    Outcome& o = c.outcome;
    runCommand(doc, o, "checking", [&] {
        Workbook wb = readWorkbook(doc);
        CheckPlan plan = planCheck(wb);
        if (!plan.problems.empty()) {
            o.message = ou(u"Jixiao 无法核对附件1，因为以下输入缺失或有误（未写入任何内容）：\n") +
                        toOUString(std::string_view(joinLines(plan.problems)));
            return;
        }
        std::vector<Finding> findings = writeCheck(doc, plan, status);
        std::size_t counts[4] = {0, 0, 0, 0};
        c.rows.realloc(static_cast<sal_Int32>(findings.size()));
        for (std::size_t i = 0; i < findings.size(); ++i) {
            const Finding& f = findings[i];
            counts[static_cast<int>(f.verdict)]++;
            uno::Sequence<OUString> row(5);
            row.getArray()[0] = ou(f.subject);
            row.getArray()[1] = ou(verdictText(f.verdict));
            row.getArray()[2] = numberOrEmpty(f.printed);
            row.getArray()[3] = numberOrEmpty(f.recomputed);
            row.getArray()[4] = ou(f.explanation);
            c.rows.getArray()[i] = row;
        }
        c.differs = counts[static_cast<int>(Verdict::Differ)] > 0;
        o.ok = true;
        o.target = ou(plan.resultSheet);
        auto n = [](std::size_t k) { return OUString::number(static_cast<sal_Int64>(k)); };
        o.message = ou(u"Jixiao 核对 ") + ou(plan.appendixSheet) + ou(u"：一致 ") + n(counts[0]) + ou(u"，不一致 ") +
                    n(counts[1]) + ou(u"，口径不同 ") + n(counts[2]) + ou(u"，需人工判断 ") + n(counts[3]) +
                    ou(u"。详见 ") + o.target + ou(u"。");
    });
    return c;
}

enum class Mode { Fill, Check };

class Fill : public cppu::WeakImplHelper5<task::XJob, frame::XDispatchProvider, frame::XDispatch,
                                          lang::XInitialization, lang::XServiceInfo> {
public:
    // ---- XJob: arguments as NamedValues; "Document" (or Environment/Model, Environment/Frame) ----
    uno::Any SAL_CALL execute(const uno::Sequence<beans::NamedValue>& args) override {
        uno::Reference<frame::XModel> model;
        uno::Reference<frame::XFrame> frame;
        OUString envType;
        for (const beans::NamedValue& nv : args) {
            if (nv.Name == "Document" || nv.Name == "Model") nv.Value >>= model;
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
        Outcome o = mode_ == Mode::Fill ? fillDocument(doc, statusOf(frame)) : (checked = checkDocument(doc, statusOf(frame))).outcome;
        bool dispatched = envType == "DISPATCH";
        uno::Sequence<beans::NamedValue> result(dispatched ? 5 : 4);
        auto* r = result.getArray();
        OUString status = !o.ok ? OUString("error") : checked.differs ? OUString("differ") : OUString("ok");
        r[0] = beans::NamedValue("Status", uno::Any(status));
        r[1] = beans::NamedValue("Message", uno::Any(o.message));
        r[2] = beans::NamedValue("Target", uno::Any(o.target));
        r[3] = beans::NamedValue("Findings", uno::Any(checked.rows));
        if (dispatched) {
            // A job run by dispatch (vnd.sun.star.job:alias=JixiaoFill) must report its result, or a
            // caller waiting for it (DispatchHelper) waits for ever.
            frame::DispatchResultEvent ev;
            ev.Source = static_cast<cppu::OWeakObject*>(this);
            ev.State = o.ok ? frame::DispatchResultState::SUCCESS : frame::DispatchResultState::FAILURE;
            ev.Result = uno::Any(o.message);
            r[4] = beans::NamedValue("SendDispatchResult", uno::Any(ev));
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
            bool fill = url.Complete == ou(kProtocol) + "fill";
            bool check = url.Complete == ou(kProtocol) + "check";
            if (!fill && !check) return;
            uno::Reference<frame::XModel> model;
            if (frame_.is() && frame_->getController().is()) model = frame_->getController()->getModel();
            uno::Reference<sheet::XSpreadsheetDocument> doc(model, uno::UNO_QUERY);
            Outcome o = fill ? fillDocument(doc, statusOf(frame_)) : checkDocument(doc, statusOf(frame_)).outcome;
            if (o.ok) showSheet(model, o.target);
            tell(o);
        } catch (...) {
            // nothing may escape into the office
        }
    }
    void SAL_CALL addStatusListener(const uno::Reference<frame::XStatusListener>&, const util::URL&) override {}
    void SAL_CALL removeStatusListener(const uno::Reference<frame::XStatusListener>&, const util::URL&) override {}

    // ---- XServiceInfo ----
    explicit Fill(Mode mode) : mode_(mode) {}

    OUString SAL_CALL getImplementationName() override {
        return mode_ == Mode::Fill ? OUString("org.jixiao.FillImpl") : OUString("org.jixiao.CheckImpl");
    }
    sal_Bool SAL_CALL supportsService(const OUString& name) override { return cppu::supportsService(this, name); }
    uno::Sequence<OUString> SAL_CALL getSupportedServiceNames() override {
        uno::Sequence<OUString> names(3);
        names.getArray()[0] = mode_ == Mode::Fill ? OUString("org.jixiao.Fill") : OUString("org.jixiao.Check");
        names.getArray()[1] = "com.sun.star.task.Job";
        names.getArray()[2] = "com.sun.star.frame.ProtocolHandler";
        return names;
    }

private:
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
            if (!frame_.is()) return;
            // Only for a window a person sees: a hidden (or headless) document gets no dialog.
            uno::Reference<awt::XWindow2> window(frame_->getContainerWindow(), uno::UNO_QUERY);
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
    uno::Reference<frame::XFrame> frame_;
};

}  // namespace
}  // namespace jixiao::adapter

extern "C" SAL_DLLPUBLIC_EXPORT uno::XInterface* org_jixiao_Fill_get_implementation(uno::XComponentContext*,
                                                                                    const uno::Sequence<uno::Any>&) {
    try {
        auto* p = new jixiao::adapter::Fill(jixiao::adapter::Mode::Fill);
        p->acquire();
        return static_cast<cppu::OWeakObject*>(p);
    } catch (...) {
        return nullptr;
    }
}

extern "C" SAL_DLLPUBLIC_EXPORT uno::XInterface* org_jixiao_Check_get_implementation(uno::XComponentContext*,
                                                                                     const uno::Sequence<uno::Any>&) {
    try {
        auto* p = new jixiao::adapter::Fill(jixiao::adapter::Mode::Check);
        p->acquire();
        return static_cast<cppu::OWeakObject*>(p);
    } catch (...) {
        return nullptr;
    }
}
