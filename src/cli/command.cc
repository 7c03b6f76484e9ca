#include "cli/command.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

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

int ReportError(const Error& error) {
  std::fprintf(stderr, "ladder: %s\n", error.ToString().c_str());
  return ExitCodeFor(error);
}

bool StdoutIsTerminal() { return isatty(STDOUT_FILENO) == 1; }

bool UseColor() {
  const char* no_color = std::getenv("NO_COLOR");
  return StdoutIsTerminal() && !(no_color && *no_color);
}

}  // namespace ladder::cli
