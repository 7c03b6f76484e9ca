#include "formats/rule_text.h"

#include "formats/yaml_scalar.h"

namespace ladder::formats {
namespace {

std::string Value(const std::string& s) { return internal::YamlScalar(s, /*flow=*/true); }
std::string Value(int n) { return std::to_string(n); }
std::string Value(double d) { return internal::YamlNumber(d); }
std::string Value(bool b) { return b ? "true" : "false"; }

template <typename Kind>
std::string KindText(const Kind& rule) {
  const std::string name(Kind::kName);
  if constexpr (model::kBareKind<Kind>) {
    return name;
  } else if constexpr (std::tuple_size_v<decltype(Kind::kParams)> == 0) {
    return "{" + name + ": " + std::string(Kind::kWord) + "}";
  } else {
    static const Kind defaults{};
    std::string fields;
    model::ForEachParam<Kind>([&](const auto& param) {
      const auto& value = rule.*param.member;
      if (param.presence == model::Presence::kOptional && value == defaults.*param.member) return;
      if (!fields.empty()) fields += ", ";
      fields.append(param.name).append(": ").append(Value(value));
    });
    return "{" + name + ": {" + fields + "}}";
  }
}

}  // namespace

std::string RuleText(const model::Rule& rule) {
  return std::visit([](const auto& r) { return KindText(r); }, rule);
}

}  // namespace ladder::formats
