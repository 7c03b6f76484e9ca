// `ladder lint FILE...`: checks frameworks (analysis/lint.h) and prints one finding a line
// (a FILE may also be a stored version, stored:ID[@VERSION]; cli/framework_file.h),
//
//   examples/support.yaml:41:9: warning: missing-expectation: level ic/IC3 has no ...
//
// or, with --json, one JSON array of every file's findings (analysis/report_json.h).
// Exit status: 0 when no file has an error or a warning (info findings are allowed), 1 when
// some file has, 2 when a file cannot be read (missing, unreadable, invalid YAML or JSON, an
// unknown key, a requirement without a rule: the error with its file:line:col goes to stderr,
// with --json also into the array as an error finding (analysis::FindingFromReadError), and
// the other files are still checked).
//
// `ladder lint --leaks FILE...` runs the leak check instead (analysis/leaks.h, docs/leaks.md):
// links to private addresses and internal hosts, document and wiki services, e-mail addresses
// and file links, one finding a line (code leak-<kind>; allowed ones as notes naming the entry
// of the allow-list). Exit 1 when a leak is not allowed: `ladder render` and publishing a public
// site refuse such a framework.
#include <cstdio>
#include <iostream>
#include <memory>

#include "analysis/leaks.h"
#include "analysis/lint.h"
#include "analysis/report_json.h"
#include "cli/command.h"
#include "cli/framework_file.h"
#include "cli/leak_flags.h"

namespace ladder::cli {
namespace {

struct LintOptions {
  std::vector<std::string> files;
  bool json = false;
  bool leaks = false;
  LeakFlags leak_flags;
  std::string database;
};

int RunLint(const LintOptions& options) {
  nlohmann::json all = nlohmann::json::array();
  int errors = 0, warnings = 0, infos = 0;
  bool bad_input = false;
  for (const std::string& path : options.files) {
    Result<model::Framework> framework = LoadFramework(path, /*validate=*/false, options.database);
    if (!framework) {
      ReportError(framework.error());
      bad_input = true;
      if (options.json) {
        analysis::Finding f = analysis::FindingFromReadError(framework.error());
        if (f.location.file.empty()) f.location.file = path;
        all.push_back(analysis::ToJson(f));
      }
      continue;
    }
    std::vector<analysis::Finding> findings =
        options.leaks ? analysis::LeakFindings(
                            analysis::FindLeaks(*framework, LeakOptionsOf(options.leak_flags)))
                      : analysis::Lint(*framework);
    for (analysis::Finding& f : findings) {
      if (f.location.file.empty()) f.location.file = path;
      switch (f.severity) {
        case analysis::Severity::kError:
          ++errors;
          break;
        case analysis::Severity::kWarning:
          ++warnings;
          break;
        case analysis::Severity::kInfo:
          ++infos;
          break;
      }
      if (options.json) {
        all.push_back(analysis::ToJson(f));
      } else {
        std::printf("%s: %s: %s: %s\n", f.location.ToString().c_str(),
                    analysis::SeverityName(f.severity), f.code.c_str(), f.message.c_str());
      }
    }
  }
  if (options.json) {
    std::cout << all.dump(2) << "\n";
  } else if (errors + warnings + infos > 0) {
    std::fprintf(stderr, "ladder lint: %d error(s), %d warning(s), %d note(s)\n", errors, warnings,
                 infos);
  }
  if (bad_input) return kExitBadInput;
  return errors + warnings > 0 ? kExitFindings : kExitOk;
}

void SetUpLint(CLI::App& app, std::vector<Run>& runs) {
  auto* cmd = app.add_subcommand(
      "lint",
      "Check frameworks: gaps, undefined cells, progression, duplicates, placeholders.\n"
      "Prints file:line:col: severity: code: message. Exit 0 clean, 1 errors or warnings, "
      "2 unreadable input.");
  auto options = std::make_shared<LintOptions>();
  cmd->add_option("files", options->files,
                  "Framework files (canonical YAML, or .json), or stored:ID[@VERSION]")
      ->required();
  cmd->add_flag("--json", options->json, "Print the findings as one JSON array");
  cmd->add_flag("--leaks", options->leaks,
                "Check for links that must not reach a public site instead: private addresses, "
                "internal hosts and domains, document and wiki services, e-mail addresses, file "
                "links (docs/leaks.md)");
  AddLeakFlags(cmd, options->leak_flags);
  AddDatabaseOption(cmd, options->database);
  runs.push_back({cmd, [options] { return RunLint(*options); }});
}

}  // namespace

LADDER_COMMAND(20, SetUpLint);

}  // namespace ladder::cli
