// `ladder export --to yaml|json|md|csv|xlsx FILE [-o OUT]`: writes a framework in another form.
// `ladder export --all [--include-secrets] [-o OUT] [--database URL]`: writes the portable dump
// of everything the database holds (cli/dump.h, docs/operations.md), for `ladder restore`;
// password hashes, sessions and API tokens only with --include-secrets.
//
//   yaml  canonical YAML (formats/canonical.h)       md    Markdown document (markdown_export.h)
//   json  the same shape as JSON                     csv   one row per behaviour (csv_export.h)
//   xlsx  a workbook, one sheet per track (xlsx_export.h); needs -o, being binary
//
// FILE may also name a stored version, stored:ID[@VERSION] (cli/framework_file.h).
// The output goes to standard output unless -o names a file (written whole or not at all).
// Exit status: 0 written, 2 bad input (unreadable or invalid framework, unknown format,
// unwritable output).
#include <cstdio>
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "cli/dump.h"
#include "cli/framework_file.h"
#include "formats/canonical.h"
#include "formats/csv_export.h"
#include "formats/markdown_export.h"
#include "formats/xlsx_export.h"

namespace ladder::cli {
namespace {

struct ExportOptions {
  std::string to;
  std::string file;
  std::string out;
  bool no_bom = false;
  std::string database;
  bool all = false;
  bool include_secrets = false;
};

int RunExport(const ExportOptions& options) {
  if (options.all) {
    if (!options.to.empty() || !options.file.empty())
      return ReportError(Error{ErrorCode::kInvalidArgument,
                               "--all dumps the whole database: it takes no FILE and no --to",
                               {},
                               "--all"});
    return RunExportAll(options.out, options.database, options.include_secrets);
  }
  if (options.include_secrets)
    return ReportError(Error{ErrorCode::kInvalidArgument,
                             "--include-secrets goes with --all: a framework holds no secrets",
                             {},
                             "--include-secrets"});
  if (options.to.empty() || options.file.empty())
    return ReportError(Error{ErrorCode::kInvalidArgument,
                             "name the framework FILE and the format --to yaml|json|md|csv|xlsx "
                             "(or --all for a dump of the database)",
                             {},
                             options.to.empty() ? "--to" : "file"});
  if (options.to == "xlsx" && options.out.empty())
    return ReportError(Error{ErrorCode::kInvalidArgument,
                             "--to xlsx writes a binary workbook: name it with -o FILE.xlsx",
                             {},
                             "-o"});
  Result<model::Framework> framework =
      LoadFramework(options.file, /*validate=*/true, options.database);
  if (!framework) return ReportError(framework.error());

  if (options.to == "xlsx") {
    Status written = formats::ExportXlsx(*framework, options.out);
    return written ? kExitOk : ReportError(written.error());
  }
  std::string text;
  if (options.to == "yaml") {
    text = formats::WriteYaml(*framework);
  } else if (options.to == "json") {
    text = formats::WriteJson(*framework);
    if (!text.ends_with('\n')) text += '\n';
  } else if (options.to == "md") {
    text = formats::ExportMarkdown(*framework);
  } else {  // csv; CLI11 checked the choice
    text = formats::ExportCsv(*framework, {.byte_order_mark = !options.no_bom});
  }
  if (options.out.empty() || options.out == "-") {
    std::fwrite(text.data(), 1, text.size(), stdout);
    return std::fflush(stdout) == 0 ? kExitOk : kExitBadInput;
  }
  Status written = WriteOutputFile(options.out, text);
  return written ? kExitOk : ReportError(written.error());
}

void SetUpExport(CLI::App& app, std::vector<Run>& runs) {
  auto* cmd = app.add_subcommand(
      "export",
      "Write a framework as canonical YAML or JSON, a Markdown document, CSV (one row per\n"
      "behaviour) or an Excel workbook (one sheet per track; needs -o); or, with --all, dump\n"
      "the whole database as JSON for ladder restore.");
  auto options = std::make_shared<ExportOptions>();
  cmd->add_option("--to", options->to, "Output format")
      ->check(CLI::IsMember({"yaml", "json", "md", "csv", "xlsx"}));
  cmd->add_option("file", options->file,
                  "Framework file (canonical YAML, or .json), or stored:ID[@VERSION]");
  cmd->add_flag("--all", options->all,
                "Dump everything the database holds as one JSON document (for ladder restore); "
                "without password hashes, sessions and API tokens unless --include-secrets");
  cmd->add_flag("--include-secrets", options->include_secrets,
                "With --all: include the password hashes, sessions (with their CSRF tokens) and "
                "API token hashes; keep such a dump as safe as the database");
  cmd->add_option("-o,--output", options->out, "Write to this file instead of standard output");
  cmd->add_flag("--no-bom", options->no_bom,
                "CSV without the UTF-8 byte order mark (spreadsheets need it; scripts may not)");
  AddDatabaseOption(cmd, options->database);
  runs.push_back({cmd, [options] { return RunExport(*options); }});
}

}  // namespace

LADDER_COMMAND(40, SetUpExport);

}  // namespace ladder::cli
