#include "cli/command.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>

namespace ladder::cli {
namespace {

std::vector<std::pair<int, SetUp>>& MutableRegistrations() {
  static std::vector<std::pair<int, SetUp>> registrations;
  return registrations;
}

}  // namespace

Registration::Registration(int order, SetUp setup) {
  MutableRegistrations().emplace_back(order, setup);
}

const std::vector<std::pair<int, SetUp>>& Registrations() {
  auto& r = MutableRegistrations();
  std::stable_sort(r.begin(), r.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  return r;
}

int ExitCodeFor(const Error& error) {
  switch (error.code) {
    case ErrorCode::kInternal:
    case ErrorCode::kUnavailable:
      return 3;
    default:
      return kExitBadInput;
  }
}

namespace {
bool json_errors = false;
}  // namespace

void SetJsonErrors(bool on) { json_errors = on; }

Status RequireGiven(const std::vector<const CLI::Option*>& options) {
  for (const CLI::Option* option : options) {
    if (option->count() > 0) continue;
    const std::string name = option->get_name();
    return MakeError(ErrorCode::kInvalidArgument, name + " is required");
  }
  return Ok();
}

int ReportError(const Error& error) {
  if (!json_errors) {
    std::fprintf(stderr, "ladder: %s\n", error.ToString().c_str());
    return ExitCodeFor(error);
  }
  nlohmann::json e = {{"code", ErrorCodeName(error.code)},
                      {"message", error.message},
                      {"text", "ladder: " + error.ToString()}};
  if (!error.field.empty()) e["field"] = error.field;
  if (!error.where.file.empty()) e["file"] = error.where.file;
  if (error.where.line > 0) e["line"] = error.where.line;
  if (error.where.column > 0) e["column"] = error.where.column;
  // Messages quote what a user gave, which need not be UTF-8.
  std::string line =
      nlohmann::json{{"error", e}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  std::fprintf(stderr, "%s\n", line.c_str());
  return ExitCodeFor(error);
}

bool StdoutIsTerminal() { return isatty(STDOUT_FILENO) == 1; }

bool UseColor() {
  const char* no_color = std::getenv("NO_COLOR");
  return StdoutIsTerminal() && !(no_color && *no_color);
}

}  // namespace ladder::cli
