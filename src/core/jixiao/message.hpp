// Jixiao core: messages for the user, in the user's language.
//
// The core never decides the language. Every message it gives (a problem that stops the fill, a
// note, a RuleError) is a Message: a stable code, its text in each UI language as a template with
// {1} {2} … for the arguments, and the arguments. The adapter renders it in the UI language
// (Calc's, or the CLI's environment). The texts live at the place that reports the problem, so a
// new rule brings its messages with it; tests/lint_messages.py checks every one of them (both
// languages given, the same placeholders, no Chinese in the English text, codes unique).
//
//     problems.push_back(msg("target.empty", "「{1}」没有指标值", "\"{1}\" has no target value", name));
#pragma once

#include <iosfwd>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace jixiao {

enum class Lang : unsigned char { Zh, En };

// The UI language of a BCP 47 tag or locale name ("zh-CN", "zh_TW.UTF-8" -> Zh; anything else,
// including "", -> En).
Lang langOf(std::string_view tag);

class Message;

// One argument: text that is the same in every language (a sheet name, a cell, a number), or a
// message of its own, rendered in the same language as the one that holds it.
struct MessageArg {
    std::string text;
    std::vector<Message> nested;  // 0 or 1

    MessageArg(std::string s) : text(std::move(s)) {}
    MessageArg(const char* s) : text(s) {}
    MessageArg(std::string_view s) : text(s) {}
    MessageArg(std::u16string_view s);
    MessageArg(const std::u16string& s) : MessageArg(std::u16string_view(s)) {}
    MessageArg(const char16_t* s) : MessageArg(std::u16string_view(s)) {}
    MessageArg(Message m);
    MessageArg(int n) : text(std::to_string(n)) {}
    MessageArg(unsigned n) : text(std::to_string(n)) {}
    MessageArg(long n) : text(std::to_string(n)) {}
    MessageArg(unsigned long n) : text(std::to_string(n)) {}
    MessageArg(long long n) : text(std::to_string(n)) {}
    MessageArg(unsigned long long n) : text(std::to_string(n)) {}
    MessageArg(double x);  // as numberText: 12, 0.5, 88.48
};

class Message {
public:
    Message() = default;
    Message(std::string_view code, std::string_view zh, std::string_view en, std::vector<MessageArg> args = {})
        : code_(code), zh_(zh), en_(en), args_(std::move(args)) {}

    // A text that was never given an English form (kept for text that comes from outside, e.g. a
    // message the office itself gave). Renders the same in every language. Code "".
    static Message verbatim(std::string text) { return Message(std::string_view{}, text, text); }

    const std::string& code() const { return code_; }
    const std::vector<MessageArg>& args() const { return args_; }
    // The template of a language (for tests and the lint).
    const std::string& templ(Lang lang) const { return lang == Lang::Zh ? zh_ : en_; }

    // The message in a language: {n} replaced by argument n (1-based); {{ and }} are braces.
    std::string text(Lang lang = Lang::Zh) const;

private:
    std::string code_;
    std::string zh_;
    std::string en_;
    std::vector<MessageArg> args_;
};

// msg(code, zh, en, arg1, arg2, …)
template <class... A>
Message msg(std::string_view code, std::string_view zh, std::string_view en, A&&... args) {
    return Message(code, zh, en, std::vector<MessageArg>{MessageArg(std::forward<A>(args))...});
}

// Several messages as one, separated by "；" in Chinese and "; " in English.
Message joinMessages(std::vector<Message> parts);

// What a fill, check or new workbook reports: each item one line for the user.
using Problems = std::vector<Message>;

// The Chinese text (logs and test output).
std::ostream& operator<<(std::ostream& os, const Message& m);

// The messages in a language, one per line.
std::string joinLines(const Problems& messages, Lang lang);
// The messages in Chinese (tests and logs).
std::vector<std::string> texts(const Problems& messages, Lang lang = Lang::Zh);

}  // namespace jixiao
