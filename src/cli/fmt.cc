// `ladder fmt [--check] FILE...`: rewrites frameworks in canonical YAML (docs/format.md).
//
// Each file is read with formats::ParseYaml (syntax, keys and types; the framework's invariants
// are lint's business) and written back with formats::WriteYaml when the
// text differs (files named *.json: ReadJson and WriteJson, two-space indentation). --check writes
// nothing and lists the files that would change (exit 1). A file that cannot be read is reported as
// `file:line:col: message` (exit 2) and left untouched. Comments have no place in the model, so a
// file with comments is refused unless
// --drop-comments says they may go. `-` reads standard input and writes standard output.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>

#include "base/text.h"
#include "cli/command.h"
#include "cli/framework_file.h"
#include "formats/canonical.h"

namespace ladder::cli {
namespace {

struct FmtOptions {
  std::vector<std::string> files;
  bool check = false;
  bool drop_comments = false;
  bool json = false;
};

Result<std::string> ReadWhole(const std::string& path) {
  if (path == "-") {
    std::ostringstream buffer;
    buffer << std::cin.rdbuf();
    return buffer.str();
  }
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec))
    return MakeError(ErrorCode::kIo, "is a directory; give the YAML files", {path, 0, 0});
  // Refuse oversized files before reading them into memory.
  uintmax_t size = std::filesystem::file_size(path, ec);
  if (!ec && size > formats::kMaxDocumentBytes)
    return MakeError(ErrorCode::kResourceExhausted,
                     "the file is " + std::to_string(size >> 20) + " MB, over the limit of " +
                         std::to_string(formats::kMaxDocumentBytes >> 20) + " MB for a Ladder file",
                     {path, 0, 0});
  std::ifstream in(path, std::ios::binary);
  if (!in) return MakeError(ErrorCode::kIo, "cannot open the file", {path, 0, 0});
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return MakeError(ErrorCode::kIo, "cannot read the file", {path, 0, 0});
  return text;
}

// Comments are the only text the model cannot hold: each of them holds a '#', and every '#'
// of a value is written back, so the input has more '#' than the output exactly when it had
// comments. Returns the location of the first line that starts a comment, if any.
std::optional<SourceLocation> FindComment(const std::string& file, const std::string& input,
                                          const std::string& output) {
  auto count = [](const std::string& s) { return std::count(s.begin(), s.end(), '#'); };
  if (count(input) <= count(output)) return std::nullopt;
  std::vector<std::string> lines = text::Split(input, '\n');
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string& line = lines[i];
    for (size_t c = 0; c < line.size(); ++c) {
      if (line[c] == '#' && (c == 0 || line[c - 1] == ' ' || line[c - 1] == '\t'))
        return SourceLocation{file, static_cast<int>(i + 1), static_cast<int>(c + 1)};
    }
  }
  return SourceLocation{file, 0, 0};
}

int RunFmt(const FmtOptions& options) {
  bool bad = false;
  std::vector<std::string> changed;
  nlohmann::ordered_json report = nlohmann::ordered_json::array();
  for (const std::string& file : options.files) {
    nlohmann::ordered_json entry{{"file", file}};
    auto fail = [&](const Error& error) {
      bad = true;
      ReportError(error);
      entry["error"] = error.ToString();
      report.push_back(entry);
    };
    Result<std::string> text = ReadWhole(file);
    if (!text) {
      fail(text.error());
      continue;
    }
    std::string name = file == "-" ? "<stdin>" : file;
    const bool json = text::EndsWith(text::ToLower(file), ".json");
    // Structure only: like a code formatter, fmt formats a file whose references are still
    // broken while it is being edited; `ladder lint` reports those.
    Result<model::Framework> framework =
        json ? formats::ParseJson(*text, name) : formats::ParseYaml(*text, name);
    if (!framework) {
      fail(framework.error());
      continue;
    }
    std::string canonical = json ? formats::WriteJson(*framework) : formats::WriteYaml(*framework);
    if (!json && !options.drop_comments) {
      if (auto comment = FindComment(name, *text, canonical)) {
        fail(Error{ErrorCode::kInvalidArgument,
                   "comments would be lost: a Ladder file keeps prose in `notes` and "
                   "`description`; move or remove the comments, or pass --drop-comments",
                   *comment,
                   {}});
        continue;
      }
    }
    if (file == "-") {
      if (!options.check) std::fwrite(canonical.data(), 1, canonical.size(), stdout);
      entry["changed"] = canonical != *text;
      if (canonical != *text) changed.push_back(file);
      report.push_back(entry);
      continue;
    }
    bool differs = canonical != *text;
    entry["changed"] = differs;
    if (differs) {
      changed.push_back(file);
      if (!options.check) {
        if (Status written = WriteOutputFile(file, canonical); !written) {
          fail(written.error());
          continue;
        }
      }
    }
    report.push_back(entry);
  }
  if (options.json) {
    std::printf("%s\n", report.dump(2).c_str());
  } else {
    for (const std::string& file : changed) {
      if (file == "-") continue;
      std::printf("%s%s\n", options.check ? "would reformat " : "reformatted ", file.c_str());
    }
  }
  if (bad) return kExitBadInput;
  if (options.check && !changed.empty()) return kExitFindings;
  return kExitOk;
}

void SetUpFmt(CLI::App& app, std::vector<Run>& runs) {
  auto* cmd = app.add_subcommand(
      "fmt",
      "Rewrite frameworks in canonical YAML (fixed key order, stable quoting); *.json files\n"
      "are rewritten as canonical JSON.\n"
      "Exit 0: done (or, with --check, nothing to change); 1: --check found files that would "
      "change; 2: a file could not be read.");
  auto options = std::make_shared<FmtOptions>();
  cmd->add_option("files", options->files, "YAML files to format (- for standard input)")
      ->required();
  cmd->add_flag("--check", options->check,
                "Write nothing; list the files that would change and exit 1 if any");
  cmd->add_flag("--drop-comments", options->drop_comments,
                "Format files that contain comments (the comments are removed)");
  cmd->add_flag("--json", options->json, "Print the result of each file as JSON");
  runs.push_back({cmd, [options] { return RunFmt(*options); }});
}

}  // namespace
LADDER_COMMAND(30, SetUpFmt);

}  // namespace ladder::cli
