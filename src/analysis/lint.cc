#include "analysis/lint.h"

#include <algorithm>
#include <map>
#include <set>
#include <utility>

#include "analysis/requirements.h"
#include "base/text.h"
#include "formats/coverage.h"
#include "formats/rule_text.h"
#include "model/translation.h"
#include "model/validate.h"

namespace ladder::analysis {
namespace {

// Behaviours are compared verbatim, except for white space (line wrapping in the source).
std::string Normalize(std::string_view text) {
  return std::string(text::Trim(text::CollapseSpace(text)));
}

std::string Quote(std::string_view text) {
  std::string t = Normalize(text);
  if (t.size() > 80) {
    size_t cut = 77;
    while (cut > 0 && (static_cast<unsigned char>(t[cut]) & 0xC0) == 0x80) --cut;  // UTF-8
    t = t.substr(0, cut) + "...";
  }
  return "\"" + t + "\"";
}

std::string LevelName(const model::Track& track, const model::Level& level) {
  return "level " + track.id + "/" + level.code;
}

class Linter {
 public:
  explicit Linter(const model::Framework& fw) : fw_(fw) {}

  std::vector<Finding> Run() {
    Invariants();
    for (const model::Track& track : fw_.tracks) {
      for (const model::Level& level : track.levels) CheckLevel(track, level);
      CheckRepetition(track);
    }
    for (const model::OverlayRole& o : fw_.overlays)
      CheckRequirements(o.requirements, "overlay '" + o.id + "'", {"", "", o.id});
    for (const model::Transition& t : fw_.transitions)
      CheckRequirements(t.requirements, "transition " + t.from + " -> " + t.to, {t.to, "", ""});
    CheckRequirements(fw_.policy, "the promotion policy", {});
    CheckNotesShare();
    CheckNextLevelReading();
    CheckTranslations();
    // Findings read best in document order; without locations keep the order checked.
    std::stable_sort(findings_.begin(), findings_.end(), [](const Finding& a, const Finding& b) {
      if (a.location.line == 0 || b.location.line == 0) return false;
      if (a.location.file != b.location.file) return false;
      return std::pair(a.location.line, a.location.column) <
             std::pair(b.location.line, b.location.column);
    });
    return std::move(findings_);
  }

 private:
  // Notes holding much of the framework's words: levels or competencies may have been read as
  // prose (an import that misread its document), or the framework is mostly prose.
  void CheckNotesShare() {
    auto words = [](const std::vector<std::string>& texts) {
      size_t n = 0;
      for (const std::string& t : texts) n += formats::CoverageWords(t).size();
      return n;
    };
    size_t notes = words(formats::NoteTexts(fw_));
    size_t all = notes + words(formats::StructureTexts(fw_));
    if (all == 0 || notes * 100 <= all * kMaxNotesPercent) return;
    const model::Origin& where = fw_.notes.empty() ? fw_.origin : fw_.notes.front().origin;
    Add("notes-heavy", Severity::kWarning, where,
        "notes hold " + std::to_string(notes * 1000 / all / 10) + "." +
            std::to_string(notes * 1000 / all % 10) + "% of the framework's words (" +
            std::to_string(notes) + " of " + std::to_string(all) + "); more than " +
            std::to_string(kMaxNotesPercent) +
            "% suggests levels or competencies kept as prose: check the notes");
  }
  static constexpr size_t kMaxNotesPercent = 30;

  void Add(std::string code, Severity severity, const model::Origin& origin, std::string message) {
    findings_.push_back(Finding{std::move(code), severity, origin.where, std::move(message)});
  }

  // The hard invariants, as errors, each under the code of its kind.
  void Invariants() {
    for (const Error& e : model::ValidateFramework(fw_)) {
      std::string code = "invalid-framework";
      if (text::EndsWith(e.field, ".rank")) {
        code = "invalid-rank";
      } else if (e.message.find("does not exist") != std::string::npos) {
        code = "dangling-reference";
      } else if (text::StartsWith(e.message, "duplicate ") ||
                 e.message.find("appears twice") != std::string::npos) {
        code = "duplicate-id";
      }
      std::string message = e.field.empty() ? e.message : e.field + ": " + e.message;
      findings_.push_back(Finding{std::move(code), Severity::kError, e.where, std::move(message)});
    }
  }

  static bool HasContent(const model::Expectation& e) {
    return !e.undefined &&
           (!Normalize(e.summary).empty() ||
            std::any_of(e.behaviours.begin(), e.behaviours.end(),
                        [](const std::string& b) { return !Normalize(b).empty(); }));
  }

  void CheckLevel(const model::Track& track, const model::Level& level) {
    const std::string name = LevelName(track, level);
    const bool defined = level.state == model::LevelState::kDefined;
    if (defined) {
      if (IsPlaceholderText(level.summary))
        Add("placeholder-text", Severity::kWarning, level.origin,
            "the summary of " + name + " is placeholder text " + Quote(level.summary) +
                "; mark the level `state: undefined` with a note instead");
      const bool empty =
          Normalize(level.summary).empty() && level.attributes.empty() &&
          std::none_of(level.expectations.begin(), level.expectations.end(), HasContent);
      if (empty) {
        Add("empty-level", Severity::kWarning, level.origin,
            name +
                " is defined but has no summary, attributes or expectations; describe it or "
                "mark it `state: undefined` with a note");
      } else {
        CheckMissing(track, level);
      }
    }
    // The same behaviour twice in one level, in one competency or across two.
    std::map<std::string, std::string> seen;  // normalised behaviour -> competency id
    for (const model::Expectation& e : level.expectations) {
      if (defined && !e.undefined && IsPlaceholderText(e.summary))
        Add("placeholder-text", Severity::kWarning, e.origin,
            "the summary of " + e.competency + " at " + name + " is placeholder text " +
                Quote(e.summary) + "; mark the cell undefined with a note instead");
      for (const std::string& b : e.behaviours) {
        if (IsPlaceholderText(b)) {
          Add("placeholder-text", Severity::kWarning, e.origin,
              "behaviour " + Quote(b) + " of " + e.competency + " at " + name +
                  " is placeholder text; mark the cell undefined with a note instead");
          continue;
        }
        const std::string key = Normalize(b);
        if (key.empty()) continue;
        auto [it, inserted] = seen.emplace(key, e.competency);
        if (!inserted) {
          std::string where = it->second == e.competency
                                  ? "twice in " + e.competency
                                  : "in " + it->second + " and in " + e.competency;
          Add("duplicate-behaviour", Severity::kWarning, e.origin,
              "behaviour " + Quote(b) + " appears " + where + " at " + name);
        }
      }
    }
    CheckRequirements(level.requirements, name, {track.id, level.code, ""});
  }

  void CheckMissing(const model::Track& track, const model::Level& level) {
    for (const model::Competency& c : fw_.competencies) {
      const model::Expectation* e = level.FindExpectation(c.id);
      if (!e) {
        Add("missing-expectation", Severity::kWarning, level.origin,
            LevelName(track, level) + " has no expectation for competency '" + c.id +
                "'; add its behaviours or mark the cell undefined with a note");
      } else if (!e->undefined && !HasContent(*e)) {
        Add("missing-expectation", Severity::kWarning, e->origin,
            "the expectation for competency '" + c.id + "' at " + LevelName(track, level) +
                " is empty; add its behaviours or mark the cell undefined with a note");
      }
    }
  }

  // The behaviours a level includes from below: every lower level of its track when the
  // framework is cumulative, and the level it `inherits` (with what that one includes).
  void CheckRepetition(const model::Track& track) {
    for (size_t i = 0; i < track.levels.size(); ++i) {
      const model::Level& level = track.levels[i];
      std::map<std::string, std::string> below;  // normalised behaviour -> level code
      if (fw_.cumulative) {
        for (size_t j = 0; j < i; ++j) Collect(track.levels[j], below);
      }
      std::set<const model::Level*> visited{&level};
      const model::Level* cur = &level;
      const model::Track* cur_track = &track;
      while (!cur->inherits.empty()) {
        auto [t, l] = fw_.ResolveLevel(cur->inherits, cur_track->id);
        if (!l || !visited.insert(l).second) break;
        Collect(*l, below);
        if (fw_.cumulative) {
          for (const model::Level& lower : t->levels) {
            if (&lower == l) break;
            if (&lower != &level) Collect(lower, below);  // never the level itself (a cycle)
          }
        }
        cur = l;
        cur_track = t;
      }
      if (below.empty()) continue;
      const std::string why = fw_.cumulative
                                  ? "the framework is cumulative, so each level includes "
                                    "the ones below it"
                                  : "it inherits " + level.inherits;
      for (const model::Expectation& e : level.expectations) {
        for (const std::string& b : e.behaviours) {
          auto it = below.find(Normalize(b));
          if (it == below.end()) continue;
          Add("repeated-behaviour", Severity::kWarning, e.origin,
              "behaviour " + Quote(b) + " of " + e.competency + " at " + LevelName(track, level) +
                  " repeats " + it->second + " verbatim (" + why + "); remove it here");
        }
      }
    }
  }

  static void Collect(const model::Level& level, std::map<std::string, std::string>& out) {
    for (const model::Expectation& e : level.expectations)
      for (const std::string& b : e.behaviours) {
        std::string key = Normalize(b);
        if (!key.empty() && !IsPlaceholderText(key)) out.emplace(std::move(key), level.code);
      }
  }

  // `next_level_reading: consecutive` says how "N months consistent at your level" and "M months
  // at the next" combine: without both kinds of rule in the framework it changes nothing.
  // Per language: texts not translated yet, translations whose source changed since, and
  // translations of texts that are gone.
  void CheckTranslations() {
    for (const model::Translation& t : fw_.translations) {
      for (const model::TextStatus& s : model::TranslationStatus(fw_, t)) {
        if (s.state == model::TextState::kUntranslated)
          Add("untranslated", Severity::kInfo, s.origin,
              t.language + ": " + s.at + " is not translated (source " + s.fingerprint + ")");
        if (s.state == model::TextState::kStale)
          Add("stale-translation", Severity::kWarning, s.translation->origin,
              t.language + ": the source of " + s.at + " changed after it was translated (from " +
                  s.translation->source + ", now " + s.fingerprint + "); it shows in " +
                  fw_.language + " until the translation is checked and its source set to " +
                  s.fingerprint);
      }
      for (const model::TranslatedText* orphan : model::OrphanTexts(fw_, t))
        Add("orphan-translation", Severity::kWarning, orphan->origin,
            t.language + ": " + orphan->at +
                " names no text of the framework (removed, emptied or renamed): " +
                Quote(orphan->text));
    }
  }

  void CheckNextLevelReading() {
    if (fw_.next_level_reading == model::NextLevelReading::kOverlapping) return;
    bool consistent = false, next = false;
    auto scan = [&](const std::vector<model::Requirement>& requirements) {
      for (const model::Requirement& r : requirements) {
        if (const auto* c = std::get_if<model::ConsistentPerformance>(&r.rule))
          consistent = consistent || c->level.empty();
        next = next || std::holds_alternative<model::PerformingAtNext>(r.rule);
      }
    };
    for (const model::Track& track : fw_.tracks)
      for (const model::Level& level : track.levels) scan(level.requirements);
    for (const model::Transition& t : fw_.transitions) scan(t.requirements);
    scan(fw_.policy);
    if (consistent && next) return;
    Add("next-level-reading-unused", Severity::kWarning, fw_.origin,
        "framework.next_level_reading is `consecutive`, but no requirement asks both consistent "
        "performance at the current level and performing at the next level: it changes nothing; "
        "remove it, or add the rules it combines");
  }

  // A manual requirement that recognition would type (analysis::RecognizeRequirement, the one
  // recogniser `ladder import` uses) is reported with what it states.
  void CheckRequirements(const std::vector<model::Requirement>& requirements,
                         const std::string& owner, const RequirementOwner& where) {
    for (size_t i = 0; i < requirements.size(); ++i) {
      const model::Requirement& r = requirements[i];
      if (Normalize(r.text).empty()) {
        Add("empty-requirement", Severity::kError, r.origin,
            "requirement " + std::to_string(i + 1) + " of " + owner +
                " has no text; every requirement keeps the sentence it was written as");
      } else if (std::holds_alternative<model::ManualRule>(r.rule)) {
        std::vector<model::Requirement> typed = RecognizeRequirement(fw_, r, where);
        if (typed.size() == 1 && !std::holds_alternative<model::ManualRule>(typed[0].rule)) {
          Add("recognizable-rule", Severity::kInfo, r.origin,
              "requirement " + Quote(r.text) + " of " + owner + " is `manual` but states " +
                  "the rule `" + formats::RuleText(typed[0].rule) +
                  "`; write it as its rule so that eligibility is checked, not signed off");
        } else if (typed.size() > 1) {
          std::string parts;
          for (const model::Requirement& p : typed)
            parts += (parts.empty() ? "" : ", ") + Quote(p.text) + " `" +
                     formats::RuleText(p.rule) + "`";
          Add("recognizable-rule", Severity::kInfo, r.origin,
              "requirement " + Quote(r.text) + " of " + owner + " is `manual` but states " +
                  std::to_string(typed.size()) + " requirements: " + parts +
                  "; write one requirement each so that eligibility is checked, not signed off");
        }
      }
    }
  }

  const model::Framework& fw_;
  std::vector<Finding> findings_;
};

}  // namespace

const char* SeverityName(Severity severity) {
  switch (severity) {
    case Severity::kError:
      return "error";
    case Severity::kWarning:
      return "warning";
    case Severity::kInfo:
      return "info";
  }
  return "?";
}

std::vector<Finding> Lint(const model::Framework& framework) { return Linter(framework).Run(); }

bool HasProblems(const std::vector<Finding>& findings) {
  return std::any_of(findings.begin(), findings.end(),
                     [](const Finding& f) { return f.severity != Severity::kInfo; });
}

bool IsPlaceholderText(std::string_view text) {
  static const std::set<std::string> kPlaceholders = {"tbd",
                                                      "tbc",
                                                      "tba",
                                                      "wip",
                                                      "n/a",
                                                      "na",
                                                      "n.a",
                                                      "todo",
                                                      "to do",
                                                      "to be defined",
                                                      "to be determined",
                                                      "to be confirmed",
                                                      "not currently defined",
                                                      "not defined",
                                                      "not yet defined",
                                                      "undefined",
                                                      "not applicable",
                                                      "none",
                                                      "varies",
                                                      "(varies)",
                                                      "-",
                                                      "--",
                                                      "---",
                                                      "\xE2\x80\x93" /* en dash */,
                                                      "\xE2\x80\x94" /* em dash */,
                                                      "?",
                                                      "...",
                                                      "coming soon"};
  std::string t = text::ToLower(Normalize(text));
  // Final punctuation does not make a placeholder a sentence ("TBD.", "N/A!").
  while (t.size() > 1 && (t.back() == '.' || t.back() == '!' || t.back() == ':') &&
         !kPlaceholders.contains(t))
    t.pop_back();
  return !t.empty() && kPlaceholders.contains(t);
}

Finding FindingFromReadError(const Error& error) {
  Finding f;
  switch (error.code) {
    case ErrorCode::kIo:
    case ErrorCode::kNotFound:
    case ErrorCode::kResourceExhausted:
    case ErrorCode::kPermissionDenied:
      f.code = "unreadable-file";
      break;
    case ErrorCode::kParse:
      f.code = "invalid-syntax";
      break;
    default:
      f.code = "invalid-document";
      break;
  }
  f.severity = Severity::kError;
  f.location = error.where;
  f.message = error.field.empty() ? error.message : error.field + ": " + error.message;
  return f;
}

}  // namespace ladder::analysis
