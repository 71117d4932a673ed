// Converting what Calc passes (uno::Any, sequences of sequences) into the core's views, and the
// core's errors into UNO exceptions. Views point into the caller's UNO strings: keep the UNO
// arguments alive while the views are used.
#pragma once

#include <string_view>

#include <com/sun/star/uno/Any.hxx>
#include <com/sun/star/uno/Sequence.hxx>
#include <rtl/ustring.hxx>

#include "jixiao/values.hpp"

namespace jixiao::adapter {

using AnyTable = css::uno::Sequence<css::uno::Sequence<css::uno::Any>>;

std::u16string_view view(const rtl::OUString& s);
rtl::OUString toOUString(std::string_view utf8);
rtl::OUString toOUString(std::u16string_view s);

// A scalar argument passed as any: void -> Empty, numbers/booleans -> Number, text -> Text.
// A range in a scalar slot is an error naming argName.
CellView cellOf(const css::uno::Any& a, std::string_view argName);

// A range (or inline array) argument.
RangeView rangeOf(const AnyTable& table);

// An any that may hold a range: returns false when void.
bool rangeOfAny(const css::uno::Any& a, std::string_view argName, RangeView& out);

}  // namespace jixiao::adapter
