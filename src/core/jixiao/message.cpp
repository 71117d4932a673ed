#include "jixiao/message.hpp"

#include <ostream>

#include "jixiao/values.hpp"

namespace jixiao {

Lang langOf(std::string_view tag) {
    return tag.size() >= 2 && (tag[0] == 'z' || tag[0] == 'Z') && (tag[1] == 'h' || tag[1] == 'H') ? Lang::Zh
                                                                                                    : Lang::En;
}

MessageArg::MessageArg(std::u16string_view s) : text(toUtf8(s)) {}
MessageArg::MessageArg(Message m) { nested.push_back(std::move(m)); }
MessageArg::MessageArg(double x) : text(numberText(x, 12)) {}

std::string Message::text(Lang lang) const {
    const std::string& t = templ(lang);
    std::string out;
    out.reserve(t.size() + 16);
    for (std::size_t i = 0; i < t.size(); ++i) {
        char c = t[i];
        if ((c == '{' || c == '}') && i + 1 < t.size() && t[i + 1] == c) {
            out += c;
            ++i;
            continue;
        }
        if (c == '{') {
            std::size_t j = i + 1;
            std::size_t n = 0;
            while (j < t.size() && t[j] >= '0' && t[j] <= '9') n = n * 10 + static_cast<std::size_t>(t[j++] - '0');
            if (j < t.size() && t[j] == '}' && j > i + 1) {
                if (n >= 1 && n <= args_.size()) {
                    const MessageArg& a = args_[n - 1];
                    out += a.nested.empty() ? a.text : a.nested.front().text(lang);
                }
                i = j;
                continue;
            }
        }
        out += c;
    }
    return out;
}

Message joinMessages(std::vector<Message> parts) {
    std::string zh, en;
    std::vector<MessageArg> args;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        std::string n = "{" + std::to_string(i + 1) + "}";
        zh += (i ? "；" : "") + n;
        en += (i ? "; " : "") + n;
        args.emplace_back(std::move(parts[i]));
    }
    return Message("list", zh, en, std::move(args));
}

std::ostream& operator<<(std::ostream& os, const Message& m) { return os << m.text(Lang::Zh); }

std::string joinLines(const Problems& messages, Lang lang) {
    std::string out;
    for (const Message& m : messages) {
        if (!out.empty()) out += '\n';
        out += m.text(lang);
    }
    return out;
}

std::vector<std::string> texts(const Problems& messages, Lang lang) {
    std::vector<std::string> out;
    out.reserve(messages.size());
    for (const Message& m : messages) out.push_back(m.text(lang));
    return out;
}

}  // namespace jixiao
