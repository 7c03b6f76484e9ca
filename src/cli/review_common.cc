#include "cli/review_common.h"

#include <pwd.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <functional>

#include "base/text.h"

namespace ladder::cli {

void AddStoreOptions(CLI::App* command, StoreOptions& options) {
  command->add_option("--database", options.database,
                      "Database URL: sqlite:PATH or postgresql://... (default: $LADDER_DATABASE, "
                      "else sqlite:ladder.db)");
  command->add_flag("--json", options.json, "Print JSON for machines");
}

Result<std::unique_ptr<storage::Store>> OpenStore(const StoreOptions& options) {
  return storage::OpenStore(storage::DatabaseUrlFrom(options.database));
}

std::string CliActor() {
  const char* user = std::getenv("USER");
  if (user && *user) return std::string("cli:") + user;
  if (passwd* pw = getpwuid(getuid()); pw && pw->pw_name) return std::string("cli:") + pw->pw_name;
  return "cli:unknown";
}

Date Today() {
  std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  return Date(utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday);
}

Result<Date> ParseDateOption(std::string_view option, std::string_view value, Date fallback) {
  if (value.empty()) return fallback;
  Result<Date> d = Date::Parse(value);
  if (!d) return MakeError(ErrorCode::kInvalidArgument, d.error().message, {}, std::string(option));
  return d;
}

namespace {

// CLI11 runs the check on every value given, the empty one included.
CLI::Option* AddCheckedOption(CLI::App* command, const std::string& name, std::string& value,
                              const std::string& help, const char* form,
                              std::function<Status(const std::string&)> check) {
  CLI::Validator valid(
      [name, check](std::string& v) -> std::string {
        Status ok = check(v);
        return ok ? std::string() : ok.error().message;
      },
      form);
  return command->add_option(name, value, help)->check(valid);
}

}  // namespace

CLI::Option* AddDateOption(CLI::App* command, const std::string& name, std::string& value,
                           const std::string& help) {
  return AddCheckedOption(command, name, value, help, "YYYY-MM-DD",
                          [name](const std::string& v) -> Status {
                            if (v.empty())
                              return MakeError(ErrorCode::kInvalidArgument,
                                               "an empty value is not a date; give YYYY-MM-DD, or "
                                               "leave " +
                                                   name + " out for its default");
                            LADDER_TRY_STATUS(ParseDateOption(name, v, {}));
                            return Ok();
                          });
}

CLI::Option* AddPeriodOption(CLI::App* command, const std::string& name, std::string& value,
                             const std::string& help) {
  return AddCheckedOption(command, name, value, help, "START..END",
                          [name](const std::string& v) -> Status {
                            LADDER_TRY_STATUS(ParsePeriod(name, v));
                            return Ok();
                          });
}

Result<std::pair<Date, Date>> ParsePeriod(std::string_view option, std::string_view value) {
  size_t dots = value.find("..");
  if (dots == std::string_view::npos)
    return MakeError(ErrorCode::kInvalidArgument,
                     "'" + std::string(value) +
                         "' is not a period; expected START..END, e.g. 2026-01-01..2026-03-31",
                     {}, std::string(option));
  LADDER_TRY(Date start, ParseDateOption(option, value.substr(0, dots), Date()));
  LADDER_TRY(Date end, ParseDateOption(option, value.substr(dots + 2), Date()));
  if (start.empty() || end.empty())
    return MakeError(ErrorCode::kInvalidArgument,
                     "'" + std::string(value) + "' lacks a start or an end; expected START..END",
                     {}, std::string(option));
  return std::pair{start, end};
}

std::vector<std::string> SplitList(std::string_view value) {
  std::vector<std::string> out;
  for (const std::string& part : text::Split(value, ','))
    if (!text::Trim(part).empty()) out.emplace_back(text::Trim(part));
  return out;
}

namespace {

const char* StatusLabel(rules::RequirementStatus s) {
  switch (s) {
    case rules::RequirementStatus::kMet:
      return "met";
    case rules::RequirementStatus::kNotMet:
      return "NOT MET";
    case rules::RequirementStatus::kWaived:
      return "waived";
    case rules::RequirementStatus::kUnknown:
      return "unknown";
    case rules::RequirementStatus::kAwaitingSignOff:
      return "awaiting sign-off";
    case rules::RequirementStatus::kSignedOff:
      return "signed off";
  }
  return "?";
}

}  // namespace

std::string VerdictText(const rules::Verdict& v, const model::Person& person) {
  std::string out = (person.name.empty() ? person.id : person.name + " (" + person.id + ")") +
                    " -> " + v.target_title + ", on " + v.at.ToString() + "\n";
  out += "Framework " + v.framework + " " + v.version +
         "; current level: " + (v.current.empty() ? std::string("none") : v.current) + "\n\n";
  if (v.requirements.empty()) out += "  (no requirements)\n";
  for (size_t i = 0; i < v.requirements.size(); ++i) {
    const rules::RequirementResult& r = v.requirements[i];
    std::string label = std::string("[") + StatusLabel(r.status) + "]";
    label.resize(std::max<size_t>(label.size() + 1, 20), ' ');
    out += "  " + label + r.text + "  (" + r.source + ")\n";
    out += std::string(22, ' ') + r.reason + "\n";
    if (!r.records.empty())
      out += std::string(22, ' ') + "records: " + text::Join(r.records, ", ") + "\n";
  }
  out += "\n" + v.summary + "\n";
  return out;
}

void PrintJson(const nlohmann::json& json) {
  std::printf("%s\n", json.dump(2, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
}

void PrintJson(const render::Json& json) {
  std::printf("%s\n", json.dump(2, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
}
void PrintText(std::string_view text) { std::fwrite(text.data(), 1, text.size(), stdout); }

}  // namespace ladder::cli
