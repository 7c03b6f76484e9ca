// `ladder export --to yaml|json|md|csv|xlsx FILE [-o OUT]`: writes a framework in another form.
// `ladder export --to levels-table|level-pages|tsv-ladder|role-catalog FILE [-o OUT]`: writes it
// back in the layout of an organisation's own documents (formats/layout_export.h), which the
// importer reads back; what the layout has no place for is listed on stderr ("ladder: not in
// a levels table: 12 level requirements"). level-pages writes a folder (-o DIR, required);
// levels-table writes a whole HTML page with --html or when -o names a .html file.
// `ladder export --all [--include-secrets] [-o OUT] [--database URL]`: writes the portable dump
// of everything the database holds (cli/dump.h, docs/operations.md), for `ladder restore`;
// password hashes, sessions and API tokens only with --include-secrets.
//
//   yaml  canonical YAML (formats/canonical.h)       md    Markdown document (markdown_export.h)
//   json  the same shape as JSON                     csv   one row per behaviour (csv_export.h)
//   xlsx  a workbook, one sheet per track (xlsx_export.h); needs -o, being binary
//
// FILE may also name a stored version, stored:ID[@VERSION] (cli/framework_file.h).
// --lang LANG writes the framework in one of its translations (model/translation.h Localize):
// every format, with the texts not translated (or whose source changed since) in the source
// language, counted on stderr; the YAML and JSON then name LANG as their language.
// The output goes to standard output unless -o names a file (written whole or not at all).
// Exit status: 0 written, 2 bad input (unreadable or invalid framework, unknown format,
// unwritable output).
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <memory>

#include "base/text.h"
#include "cli/command.h"
#include "cli/dump.h"
#include "cli/framework_file.h"
#include "formats/canonical.h"
#include "formats/csv_export.h"
#include "formats/level_pages_export.h"
#include "formats/levels_table_export.h"
#include "formats/markdown_export.h"
#include "formats/role_catalog_export.h"
#include "formats/tsv_ladder_export.h"
#include "formats/xlsx_export.h"
#include "model/translation.h"

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
  bool html = false;
  std::string lang;
};

bool IsLayout(std::string_view to) {
  const std::vector<std::string>& names = formats::LayoutNames();
  return std::find(names.begin(), names.end(), to) != names.end();
}

Result<formats::LayoutExport> ExportLayout(const model::Framework& framework,
                                           const ExportOptions& options) {
  if (options.to == "levels-table") {
    const std::string lower = text::ToLower(options.out);
    const bool html = options.html || lower.ends_with(".html") || lower.ends_with(".htm");
    return formats::ExportLevelsTable(framework, {.html_document = html});
  }
  if (options.to == "level-pages") return formats::ExportLevelPages(framework);
  if (options.to == "tsv-ladder") return formats::ExportTsvLadder(framework);
  return formats::ExportRoleCatalog(framework);
}

// Writes a layout: its one file to stdout or -o, or its files into the folder -o.
Result<int> WriteLayout(const ExportOptions& options, const model::Framework& framework) {
  Result<formats::LayoutExport> exported = ExportLayout(framework, options);
  if (!exported) return Fail(exported.error());
  for (const std::string& what : exported->left_out)
    std::fprintf(stderr, "ladder: not in a %s: %s\n", options.to.c_str(), what.c_str());
  if (options.to == "level-pages") {
    Status written = WriteOutputFolder(options.out, exported->files);
    if (!written) return Fail(written.error());
    std::fprintf(stderr, "ladder: wrote %zu level pages to %s\n", exported->files.size(),
                 options.out.c_str());
    return kExitOk;
  }
  const std::string& text = exported->files.front().text;
  if (options.out.empty() || options.out == "-") {
    std::fwrite(text.data(), 1, text.size(), stdout);
    return std::fflush(stdout) == 0 ? kExitOk : kExitBadInput;
  }
  Status written = WriteOutputFile(options.out, text);
  if (!written) return Fail(written.error());
  return kExitOk;
}

Result<int> RunExport(const ExportOptions& options) {
  if (options.all && !options.lang.empty())
    return Fail(Error{ErrorCode::kInvalidArgument,
                      "--lang names the language of one framework; --all dumps them whole",
                      {},
                      "--lang"});
  if (options.all) {
    if (!options.to.empty() || !options.file.empty())
      return Fail(Error{ErrorCode::kInvalidArgument,
                        "--all dumps the whole database: it takes no FILE and no --to",
                        {},
                        "--all"});
    return RunExportAll(options.out, options.database, options.include_secrets);
  }
  if (options.include_secrets)
    return Fail(Error{ErrorCode::kInvalidArgument,
                      "--include-secrets goes with --all: a framework holds no secrets",
                      {},
                      "--include-secrets"});
  if (options.to.empty() || options.file.empty())
    return Fail(Error{ErrorCode::kInvalidArgument,
                      "name the framework FILE and the format --to yaml|json|md|csv|xlsx|"
                      "levels-table|level-pages|tsv-ladder|role-catalog (or --all for a "
                      "dump of the database)",
                      {},
                      options.to.empty() ? "--to" : "file"});
  if (options.to == "xlsx" && options.out.empty())
    return Fail(Error{ErrorCode::kInvalidArgument,
                      "--to xlsx writes a binary workbook: name it with -o FILE.xlsx",
                      {},
                      "-o"});
  if (options.to == "level-pages" && (options.out.empty() || options.out == "-"))
    return Fail(Error{ErrorCode::kInvalidArgument,
                      "--to level-pages writes one page per level: name the folder with "
                      "-o DIR",
                      {},
                      "-o"});
  if (options.html && options.to != "levels-table")
    return Fail(
        Error{ErrorCode::kInvalidArgument, "--html goes with --to levels-table", {}, "--html"});
  Result<model::Framework> framework =
      LoadFramework(options.file, /*validate=*/true, options.database);
  if (!framework) return Fail(framework.error());
  if (!options.lang.empty()) {
    Result<model::Localized> localized = model::Localize(*framework, options.lang);
    if (!localized) return Fail(localized.error());
    if (localized->fallback > 0)
      std::cerr << "ladder: " << options.lang << ": " << localized->fallback
                << " texts are not translated (or their source changed since); they are written "
                   "in "
                << framework->language << " (ladder lint lists them)\n";
    framework = std::move(localized->framework);
  }
  if (IsLayout(options.to)) return WriteLayout(options, *framework);

  if (options.to == "xlsx") {
    Status written = formats::ExportXlsx(*framework, options.out);
    if (!written) return Fail(written.error());
    return kExitOk;
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
  if (!written) return Fail(written.error());
  return kExitOk;
}

void SetUpExport(CLI::App& app, std::vector<Run>& runs) {
  auto* cmd = app.add_subcommand(
      "export",
      "Write a framework as canonical YAML or JSON, a Markdown document, CSV (one row per\n"
      "behaviour) or an Excel workbook (one sheet per track; needs -o); back in an\n"
      "organisation's own layout (levels-table, level-pages into a folder -o DIR, tsv-ladder,\n"
      "role-catalog), which ladder import reads back; or, with --all, dump the whole\n"
      "database as JSON for ladder restore.");
  auto options = std::make_shared<ExportOptions>();
  cmd->add_option("--to", options->to, "Output format")
      ->check(CLI::IsMember({"yaml", "json", "md", "csv", "xlsx", "levels-table", "level-pages",
                             "tsv-ladder", "role-catalog"}));
  cmd->add_option("file", options->file,
                  "Framework file (canonical YAML, or .json), or stored:ID[@VERSION]");
  cmd->add_flag("--all", options->all,
                "Dump everything the database holds as one JSON document (for ladder restore); "
                "without password hashes, sessions and API tokens unless --include-secrets");
  cmd->add_flag("--include-secrets", options->include_secrets,
                "With --all: include the password hashes, sessions (with their CSRF tokens) and "
                "API token hashes; keep such a dump as safe as the database");
  cmd->add_option("-o,--output", options->out, "Write to this file instead of standard output");
  cmd->add_option("--lang", options->lang,
                  "Write the framework in one of its languages (a translation's tag, such as es); "
                  "texts not translated are written in the framework's own language");
  cmd->add_flag("--html", options->html,
                "With --to levels-table: a whole HTML page instead of Markdown around the table");
  cmd->add_flag("--no-bom", options->no_bom,
                "CSV without the UTF-8 byte order mark (spreadsheets need it; scripts may not)");
  AddDatabaseOption(cmd, options->database);
  runs.push_back({cmd, [options] { return RunExport(*options); }});
}

}  // namespace

LADDER_COMMAND(40, SetUpExport);

}  // namespace ladder::cli
