// `ladder diff`: what changes between two levels, or between two versions of a framework.
//
//   ladder diff OLD.yaml NEW.yaml          two versions (analysis::DiffFrameworks)
//   ladder diff FILE LEVEL_A LEVEL_B       two levels of one framework, also across tracks
//                                          (analysis::DiffLevels); a level is `track/code`, or
//                                          a code that only one track has
//
// A framework may also be a stored version, stored:ID[@VERSION] (cli/framework_file.h):
//   ladder diff stored:support@2024.1 stored:support@2024.2
//
// Human output marks lines `+` added, `-` removed, `~` changed, with word changes written
// [-deleted-]{+inserted+}; --json prints analysis/report_json.h's form. Exit status, as
// diff(1): 0 no differences, 1 differences, 2 bad input.
#include <cstdio>
#include <iostream>
#include <memory>

#include "analysis/diff.h"
#include "analysis/level_ref.h"
#include "analysis/report_json.h"
#include "base/text.h"
#include "cli/command.h"
#include "cli/framework_file.h"

namespace ladder::cli {
namespace {

struct DiffOptions {
  std::vector<std::string> args;
  bool json = false;
  std::string database;
};

class Printer {
 public:
  explicit Printer(bool color) : color_(color) {}

  std::string Words(const std::vector<analysis::WordSpan>& spans) const {
    std::string out;
    for (const analysis::WordSpan& s : spans) {
      if (!out.empty()) out += ' ';
      switch (s.kind) {
        case analysis::SpanKind::kEqual:
          out += s.text;
          break;
        case analysis::SpanKind::kDelete:
          out += Paint("31", "[-" + s.text + "-]");
          break;
        case analysis::SpanKind::kInsert:
          out += Paint("32", "{+" + s.text + "+}");
          break;
      }
    }
    return out;
  }

  void Line(int indent, const std::string& text) {
    std::printf("%s%s\n", std::string(static_cast<size_t>(indent), ' ').c_str(), text.c_str());
  }
  void Added(int indent, const std::string& text) { Line(indent, Paint("32", "+ " + text)); }
  void Removed(int indent, const std::string& text) { Line(indent, Paint("31", "- " + text)); }
  void Changed(int indent, const std::string& text) { Line(indent, Paint("33", "~ ") + text); }

  void Text(int indent, const char* label, const std::optional<analysis::TextChange>& c) {
    if (!c) return;
    if (c->before.empty()) return Added(indent, std::string(label) + ": " + OneLine(c->after));
    if (c->after.empty()) return Removed(indent, std::string(label) + ": " + OneLine(c->before));
    Changed(indent, std::string(label) + ": " + Words(c->words));
  }

  void Requirements(int indent, const std::vector<analysis::RequirementChange>& changes) {
    using Kind = analysis::RequirementChange::Kind;
    for (const analysis::RequirementChange& r : changes) {
      if (r.kind == Kind::kAdded) {
        Added(indent, "requirement: " + OneLine(r.after_text) + "  [" + r.after_rule + "]");
      } else if (r.kind == Kind::kRemoved) {
        Removed(indent, "requirement: " + OneLine(r.before_text) + "  [" + r.before_rule + "]");
      } else {
        std::string text = r.words.empty() ? OneLine(r.after_text) : Words(r.words);
        std::string rule = r.before_rule == r.after_rule
                               ? "[" + r.after_rule + "]"
                               : "[" + r.before_rule + " -> " + r.after_rule + "]";
        Changed(indent, "requirement: " + text + "  " + rule);
      }
    }
  }

  void Level(int indent, const analysis::LevelDiff& d) {
    Text(indent, "title", d.title);
    if (d.rank)
      Changed(indent,
              "rank: " + std::to_string(d.rank->first) + " -> " + std::to_string(d.rank->second));
    Text(indent, "state", d.state);
    Text(indent, "note", d.note);
    Text(indent, "summary", d.summary);
    for (const analysis::AttributeChange& a : d.attributes) {
      if (a.before.empty()) {
        Added(indent, a.key + ": " + OneLine(a.after));
      } else if (a.after.empty()) {
        Removed(indent, a.key + ": " + OneLine(a.before));
      } else {
        Changed(indent, a.key + ": " + OneLine(a.before) + " -> " + OneLine(a.after));
      }
    }
    for (const analysis::CompetencyDiff& c : d.competencies) {
      if (!c.Changed()) continue;
      std::string head = c.name == c.competency || c.name.empty()
                             ? c.competency
                             : c.name + " (" + c.competency + ")";
      if (c.undefined_before != c.undefined_after)
        head += c.undefined_after ? ": no longer defined" : ": newly defined";
      Line(indent, head);
      Text(indent + 2, "summary", c.summary);
      Text(indent + 2, "note", c.note);
      for (const std::string& b : c.removed) Removed(indent + 2, OneLine(b));
      for (const analysis::BehaviourChange& b : c.changed) Changed(indent + 2, Words(b.words));
      for (const std::string& b : c.added) Added(indent + 2, OneLine(b));
    }
    Requirements(indent, d.requirements);
  }

 private:
  static std::string OneLine(const std::string& s) { return text::CollapseSpace(s); }
  std::string Paint(const char* code, const std::string& s) const {
    return color_ ? "\x1b[" + std::string(code) + "m" + s + "\x1b[0m" : s;
  }
  bool color_;
};

std::string Label(const analysis::LevelRef& r) {
  return r.title.empty() ? r.Ref() : r.Ref() + " " + r.title;
}

Result<std::pair<const model::Track*, const model::Level*>> Resolve(const model::Framework& fw,
                                                                    const std::string& ref,
                                                                    const std::string& file) {
  Result<analysis::LevelAt> at = analysis::FindLevel(fw, ref);
  if (!at) return MakeError(ErrorCode::kInvalidArgument, at.error().message, {file, 0, 0});
  return std::pair{at->track, at->level};
}

// The competencies and levels added, removed and changed, and the policy's changes.
void PrintCompetenciesAndLevels(Printer& out, const analysis::FrameworkDiff& d) {
  using analysis::ChangeKind;
  for (const analysis::CompetencyChange& c : d.competencies) {
    if (c.kind == ChangeKind::kAdded) {
      out.Added(0, "competency " + c.after_id);
    } else if (c.kind == ChangeKind::kRemoved) {
      out.Removed(0, "competency " + c.before_id);
    } else {
      std::string what = c.before_id == c.after_id
                             ? "competency " + c.after_id
                             : "competency " + c.before_id + " -> " + c.after_id;
      out.Changed(0, what + (c.kind == ChangeKind::kRenamed ? " (renamed)" : ""));
      out.Text(2, "name", c.name);
      out.Text(2, "description", c.description);
    }
  }
  for (const analysis::LevelChange& l : d.levels) {
    const std::string ref = l.track + "/" + l.code;
    if (l.kind == ChangeKind::kAdded) {
      out.Added(0, "level " + ref);
    } else if (l.kind == ChangeKind::kRemoved) {
      out.Removed(0, "level " + ref);
    } else {
      out.Changed(0, "level " + ref);
      out.Level(2, l.diff);
    }
  }
  if (!d.policy.empty()) {
    out.Changed(0, "promotion policy");
    out.Requirements(2, d.policy);
  }
}

// The other items (tracks, groups, roles, notes…) and the translations that changed.
void PrintItemsAndTranslations(Printer& out, const analysis::FrameworkDiff& d) {
  for (const analysis::ItemChange& i : d.items) {
    std::string what = i.section + " " + i.id;
    if (i.kind == analysis::ChangeKind::kAdded) {
      out.Added(0, what);
    } else if (i.kind == analysis::ChangeKind::kRemoved) {
      out.Removed(0, what);
    } else {
      out.Changed(0, what + (i.fields.empty() ? "" : ": " + text::Join(i.fields, ", ")));
      out.Requirements(2, i.requirements);
    }
  }
  for (const analysis::TranslationChange& t : d.translations) {
    std::string what = "translation " + t.language + (t.at.empty() ? "" : " " + t.at);
    if (t.kind == analysis::ChangeKind::kAdded) {
      out.Added(0, what);
    } else if (t.kind == analysis::ChangeKind::kRemoved) {
      out.Removed(0, what);
    } else {
      out.Changed(0, what + (t.source_before.empty()
                                 ? ""
                                 : " (source " + t.source_before + " -> " + t.source_after + ")"));
    }
    if (!t.at.empty()) out.Text(2, "text", t.text);
  }
}

// ladder diff OLD NEW: two versions of a framework.
Result<int> DiffVersions(const DiffOptions& options, Printer& out) {
  LADDER_TRY(model::Framework before, LoadFramework(options.args[0], true, options.database));
  LADDER_TRY(model::Framework after, LoadFramework(options.args[1], true, options.database));
  analysis::FrameworkDiff d = analysis::DiffFrameworks(before, after);
  if (options.json) {
    nlohmann::json j = analysis::ToJson(d);
    j["kind"] = "versions";
    std::cout << j.dump(2) << "\n";
    return d.Changed() ? kExitFindings : kExitOk;
  }
  if (!d.Changed()) return kExitOk;
  out.Line(0, after.id + " " + (d.from_version.empty() ? "(no version)" : d.from_version) + " -> " +
                  (d.to_version.empty() ? "(no version)" : d.to_version));
  for (const auto& [field, change] : d.fields) out.Text(0, field.c_str(), change);
  PrintCompetenciesAndLevels(out, d);
  PrintItemsAndTranslations(out, d);
  return kExitFindings;
}

// ladder diff FILE LEVEL_A LEVEL_B: two levels of one framework.
Result<int> DiffTwoLevels(const DiffOptions& options, Printer& out) {
  const std::string& file = options.args[0];
  LADDER_TRY(model::Framework fw, LoadFramework(file, true, options.database));
  LADDER_TRY(auto a, Resolve(fw, options.args[1], file));
  LADDER_TRY(auto b, Resolve(fw, options.args[2], file));
  analysis::LevelDiff d = analysis::DiffLevels(fw, *a.first, *a.second, *b.first, *b.second);
  if (options.json) {
    nlohmann::json j = analysis::ToJson(d);
    j["kind"] = "levels";
    std::cout << j.dump(2) << "\n";
    return d.Changed() ? kExitFindings : kExitOk;
  }
  if (!d.Changed()) return kExitOk;
  out.Line(0, Label(d.from) + " -> " + Label(d.to));
  out.Level(0, d);
  return kExitFindings;
}

Result<int> RunDiff(const DiffOptions& options) {
  Printer out(UseColor());
  if (options.args.size() == 2) return DiffVersions(options, out);
  if (options.args.size() != 3)
    return Fail(Error{ErrorCode::kInvalidArgument,
                      "give two framework files (ladder diff OLD NEW) or a framework "
                      "file and two levels (ladder diff FILE LEVEL_A LEVEL_B)",
                      {},
                      ""});
  return DiffTwoLevels(options, out);
}

void SetUpDiff(CLI::App& app, std::vector<Run>& runs) {
  auto* cmd = app.add_subcommand(
      "diff",
      "Compare two versions of a framework (ladder diff OLD NEW), or two levels of one\n"
      "framework, also across tracks (ladder diff FILE LEVEL_A LEVEL_B; a level is track/code\n"
      "or a code). Exit 0 no differences, 1 differences, 2 bad input.");
  auto options = std::make_shared<DiffOptions>();
  cmd->add_option("args", options->args, "OLD NEW, or FILE LEVEL_A LEVEL_B")
      ->required()
      ->expected(2, 3);
  cmd->add_flag("--json", options->json, "Print the differences as JSON");
  AddDatabaseOption(cmd, options->database);
  runs.push_back({cmd, [options] { return RunDiff(*options); }});
}

}  // namespace

LADDER_COMMAND(50, SetUpDiff);

}  // namespace ladder::cli
