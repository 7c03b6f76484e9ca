#include "formats/canonical_tree.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <functional>
#include <set>

#include "base/date.h"
#include "base/text.h"
#include "model/translation.h"
#include "model/validate.h"

namespace ladder::formats::internal {
namespace {

using Kind = TreeNode::Kind;

// The keys of each mapping of the format, in canonical order (the writer uses the same order).
const std::vector<std::string> kTopKeys = {"ladder", "framework", "groups",      "competencies",
                                           "tracks", "overlays",  "transitions", "policy",
                                           "notes",  "roles",     "translations"};
const std::vector<std::string> kFrameworkKeys = {"id",         "name",        "family",
                                                 "version",    "status",      "effective",
                                                 "cumulative", "consensus",   "next_level_reading",
                                                 "waivers",    "publishing",  "description",
                                                 "source",     "jd_template", "allow_links",
                                                 "language"};
const std::vector<std::string> kSourceKeys = {"file", "format"};
const std::vector<std::string> kWaiverPolicyKeys = {"by", "never", "after_panel_no"};
const std::vector<std::string> kPublishingPolicyKeys = {"requires_approval"};
const std::vector<std::string> kGroupKeys = {"id", "name", "description", "competencies"};
const std::vector<std::string> kCompetencyKeys = {"id", "name", "description"};
const std::vector<std::string> kTrackKeys = {"id", "name", "kind", "description", "levels"};
const std::vector<std::string> kLevelKeys = {
    "code", "rank",     "title",      "summary",      "state",
    "note", "inherits", "attributes", "expectations", "requirements"};
const std::vector<std::string> kExpectationKeys = {"summary", "behaviours", "undefined", "note"};
const std::vector<std::string> kRequirementKeys = {"text", "rule"};
const std::vector<std::string> kOverlayKeys = {
    "id", "name", "description", "duties", "levels", "needs_documented_need", "requirements"};
const std::vector<std::string> kTransitionKeys = {"from", "to", "description", "requirements"};
const std::vector<std::string> kNoteKeys = {"title", "markdown"};
const std::vector<std::string> kTranslationKeys = {"language", "texts"};
const std::vector<std::string> kTranslatedTextKeys = {"at", "source", "text"};
const std::vector<std::string> kRoleKeys = {
    "id", "family", "seniority", "title", "summary", "responsibilities", "skills", "kpis", "path"};
// Rule kinds by form (model/rule.h): written as a bare word (`manual`), or as a one-key
// mapping (`{time_at_level: {...}}`, `{peer_review: passed}`).
std::vector<std::string> RuleKinds(bool bare) {
  std::vector<std::string> out;
  model::ForEachRuleKind([&]<typename Kind>(std::type_identity<Kind>) {
    if (model::kBareKind<Kind> == bare) out.emplace_back(Kind::kName);
  });
  return out;
}
const std::vector<std::string> kBareRuleKinds = RuleKinds(true);
const std::vector<std::string> kMappedRuleKinds = RuleKinds(false);

std::string Quote(std::string_view s) {
  std::string shown(s.substr(0, 60));
  if (s.size() > 60) shown += "...";
  return "'" + shown + "'";
}

std::string Join(const std::vector<std::string>& items) { return text::Join(items, ", "); }

// A mapping whose keys have been checked: known, unique, plain strings.
struct Fields {
  uint32_t node = 0;
  std::string path;
  std::vector<std::pair<std::string, uint32_t>> entries;  // key -> value node

  // The value node of `key`, or -1.
  int64_t Find(std::string_view key) const {
    for (const auto& [k, v] : entries)
      if (k == key) return v;
    return -1;
  }
};

class Converter {
 public:
  // Aliases let a document name the same values many times; the YAML reader has bounded what
  // they expand to (yaml_limits.h) before the tree gets here.
  Converter(const Tree& tree, std::string_view file, bool origins)
      : tree_(tree), file_(file), origins_(origins) {}

  Result<model::Framework> Run() {
    model::Framework fw;
    const TreeNode& root = N(tree_.root);
    if (root.kind == Kind::kNull)
      return Bad(root, "", "the document is empty; a Ladder file starts with `ladder: 1`",
                 ErrorCode::kParse);
    if (root.kind != Kind::kMapping)
      return Bad(root, "",
                 "the document must be a mapping with `ladder: 1` and `framework:` at the top, "
                 "not " +
                     KindName(root));
    LADDER_TRY(Fields top, Mapping(tree_.root, "", kTopKeys, "the top level"));
    // The format version comes first: a file of another version gets that error, not others.
    int64_t version = top.Find("ladder");
    if (version < 0)
      return Bad(root, "ladder",
                 "missing key 'ladder' (the format version): add `ladder: 1` at the top");
    LADDER_TRY(int v, Integer(version, "ladder"));
    if (v != 1)
      return Bad(
          N(version), "ladder",
          "unsupported format version " + std::to_string(v) + "; this Ladder reads version 1");
    int64_t framework = top.Find("framework");
    if (framework < 0) return Bad(root, "framework", "missing key 'framework'");
    fw.origin = OriginOf(framework);
    LADDER_TRY_STATUS(ReadFramework(framework, fw));
    LADDER_TRY_STATUS(List(top, "groups", fw.groups, &Converter::ReadGroup, "id"));
    LADDER_TRY_STATUS(List(top, "competencies", fw.competencies, &Converter::ReadCompetency, "id"));
    LADDER_TRY_STATUS(List(top, "tracks", fw.tracks, &Converter::ReadTrack, "id"));
    LADDER_TRY_STATUS(List(top, "overlays", fw.overlays, &Converter::ReadOverlay, "id"));
    LADDER_TRY_STATUS(List(top, "transitions", fw.transitions, &Converter::ReadTransition, ""));
    LADDER_TRY_STATUS(List(top, "policy", fw.policy, &Converter::ReadRequirement, ""));
    LADDER_TRY_STATUS(List(top, "notes", fw.notes, &Converter::ReadNote, ""));
    LADDER_TRY_STATUS(List(top, "roles", fw.roles, &Converter::ReadRole, "id"));
    LADDER_TRY_STATUS(
        List(top, "translations", fw.translations, &Converter::ReadTranslation, "language"));
    return fw;
  }

 private:
  const TreeNode& N(uint32_t i) const { return tree_.nodes[i]; }
  const TreeNode& N(int64_t i) const { return tree_.nodes[static_cast<size_t>(i)]; }

  SourceLocation Where(const TreeNode& n) const { return {file_, n.line, n.column}; }
  model::Origin OriginOf(int64_t node) const {
    return origins_ ? model::Origin{Where(N(node))} : model::Origin{};
  }

  std::unexpected<Error> Bad(const TreeNode& n, const std::string& path, const std::string& message,
                             ErrorCode code = ErrorCode::kInvalidArgument) const {
    return MakeError(code, path.empty() ? message : path + ": " + message, Where(n), path);
  }

  static std::string KindName(const TreeNode& n) {
    switch (n.kind) {
      case Kind::kNull:
        return "nothing (an empty value)";
      case Kind::kScalar:
        return (n.quoted ? "the string " : "the value ") + Quote(n.value);
      case Kind::kSequence:
        return "a list";
      case Kind::kMapping:
        return "a mapping";
    }
    return "?";
  }

  // Checks a mapping's keys (known, unique, plain) and returns them in document order.
  Result<Fields> Mapping(uint32_t node, const std::string& path,
                         const std::vector<std::string>& allowed, const std::string& what) {
    const TreeNode& n = N(node);
    if (n.kind != Kind::kMapping)
      return Bad(n, path,
                 "expected a mapping (key: value lines) for " + what + ", got " + KindName(n));
    Fields fields{node, path, {}};
    for (size_t i = 0; i + 1 < n.items.size(); i += 2) {
      const TreeNode& key = N(n.items[i]);
      if (key.kind != Kind::kScalar)
        return Bad(key, path, "a key must be a plain word, got " + KindName(key));
      if (!key.quoted && key.value == "<<")
        return Bad(key, path,
                   "merge keys (`<<`) are not supported in Ladder files: write the keys out in "
                   "full",
                   ErrorCode::kParse);
      std::string child = path.empty() ? key.value : path + "." + key.value;
      if (!allowed.empty() &&
          std::find(allowed.begin(), allowed.end(), key.value) == allowed.end()) {
        std::string message = "unknown key " + Quote(key.value) + " in " + what;
        if (auto guess = text::DidYouMean(key.value, allowed))
          message += "; did you mean '" + *guess + "'?";
        else
          message += " (expected one of: " + Join(allowed) + ")";
        return Bad(key, path.empty() ? key.value : path, message);
      }
      if (fields.Find(key.value) >= 0)
        return Bad(key, child, "duplicate key " + Quote(key.value) + " in " + what);
      fields.entries.emplace_back(key.value, n.items[i + 1]);
    }
    return fields;
  }

  static bool IsNullText(const TreeNode& n) {
    return n.kind == Kind::kNull ||
           (n.kind == Kind::kScalar && !n.quoted &&
            (n.value == "~" || n.value == "null" || n.value == "Null" || n.value == "NULL"));
  }

  Result<std::string> String(int64_t node, const std::string& path) {
    const TreeNode& n = N(node);
    if (IsNullText(n)) return std::string();
    if (n.kind != Kind::kScalar) return Bad(n, path, "expected text, got " + KindName(n));
    return n.value;
  }

  Result<int> Integer(int64_t node, const std::string& path) {
    const TreeNode& n = N(node);
    if (n.kind == Kind::kScalar && !n.quoted) {
      std::string_view s = n.value;
      if (!s.empty() && s.front() == '+') s.remove_prefix(1);
      int value = 0;
      auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
      if (ec == std::errc() && end == s.data() + s.size() && !s.empty()) return value;
      if (ec == std::errc::result_out_of_range)
        return Bad(n, path, "the number " + Quote(n.value) + " is too large");
    }
    return Bad(n, path, "expected a whole number, got " + KindName(n));
  }

  Result<double> Number(int64_t node, const std::string& path) {
    const TreeNode& n = N(node);
    if (n.kind == Kind::kScalar && !n.quoted) {
      std::string_view s = n.value;
      if (!s.empty() && s.front() == '+') s.remove_prefix(1);
      double value = 0;
      auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
      if (ec == std::errc() && end == s.data() + s.size() && !s.empty() && std::isfinite(value))
        return value;
    }
    return Bad(n, path, "expected a number, got " + KindName(n));
  }

  Result<bool> Bool(int64_t node, const std::string& path) {
    const TreeNode& n = N(node);
    if (n.kind == Kind::kScalar && !n.quoted) {
      if (n.value == "true" || n.value == "True" || n.value == "TRUE") return true;
      if (n.value == "false" || n.value == "False" || n.value == "FALSE") return false;
    }
    return Bad(n, path, "expected true or false, got " + KindName(n));
  }

  template <typename E>
  Result<E> Enum(int64_t node, const std::string& path, std::optional<E> (*parse)(std::string_view),
                 std::vector<std::string> allowed) {
    LADDER_TRY(std::string s, String(node, path));
    if (std::optional<E> e = parse(s)) return *e;
    return Bad(N(node), path, "unknown value " + Quote(s) + " (allowed: " + Join(allowed) + ")");
  }

  // A list's items; an empty value is an empty list.
  Result<std::vector<uint32_t>> Sequence(int64_t node, const std::string& path) {
    const TreeNode& n = N(node);
    if (IsNullText(n)) return std::vector<uint32_t>{};
    if (n.kind != Kind::kSequence) return Bad(n, path, "expected a list, got " + KindName(n));
    return n.items;
  }

  Result<std::vector<std::string>> Strings(int64_t node, const std::string& path) {
    LADDER_TRY(std::vector<uint32_t> items, Sequence(node, path));
    std::vector<std::string> out;
    out.reserve(items.size());
    for (size_t i = 0; i < items.size(); ++i) {
      const TreeNode& item = N(items[i]);
      if (item.kind != Kind::kScalar && !IsNullText(item))
        return Bad(item, path + "[" + std::to_string(i) + "]",
                   "expected text, got " + KindName(item));
      LADDER_TRY(std::string s, String(items[i], path + "[" + std::to_string(i) + "]"));
      out.push_back(std::move(s));
    }
    return out;
  }

  // Optional keys: read when present, leave the default otherwise.
  Status Opt(const Fields& f, std::string_view key, std::string& out) {
    int64_t v = f.Find(key);
    if (v < 0) return Ok();
    LADDER_TRY(out, String(v, Child(f, key)));
    return Ok();
  }
  Status Opt(const Fields& f, std::string_view key, std::vector<std::string>& out) {
    int64_t v = f.Find(key);
    if (v < 0) return Ok();
    LADDER_TRY(out, Strings(v, Child(f, key)));
    return Ok();
  }
  Status Opt(const Fields& f, std::string_view key, bool& out) {
    int64_t v = f.Find(key);
    if (v < 0) return Ok();
    LADDER_TRY(out, Bool(v, Child(f, key)));
    return Ok();
  }
  Status Opt(const Fields& f, std::string_view key, int& out) {
    int64_t v = f.Find(key);
    if (v < 0) return Ok();
    LADDER_TRY(out, Integer(v, Child(f, key)));
    return Ok();
  }
  Status Required(const Fields& f, std::string_view key, std::string& out,
                  const std::string& what) {
    if (f.Find(key) < 0 || IsNullText(N(f.Find(key))))
      return Bad(N(f.node), Child(f, key), "missing " + std::string(key) + " of " + what);
    return Opt(f, key, out);
  }

  static std::string Child(const Fields& f, std::string_view key) {
    return f.path.empty() ? std::string(key) : f.path + "." + std::string(key);
  }

  // The path of a list item: "tracks.ic" when it has a readable id, else "tracks[0]".
  std::string ItemPath(const std::string& list, size_t index, uint32_t item,
                       std::string_view id_key) const {
    const TreeNode& n = N(item);
    if (!id_key.empty() && n.kind == Kind::kMapping) {
      for (size_t i = 0; i + 1 < n.items.size(); i += 2) {
        const TreeNode& k = N(n.items[i]);
        const TreeNode& v = N(n.items[i + 1]);
        if (k.kind == Kind::kScalar && k.value == id_key && v.kind == Kind::kScalar &&
            !v.value.empty() && v.value.size() < 80)
          return list + "." + v.value;
      }
    }
    return list + "[" + std::to_string(index) + "]";
  }

  template <typename T>
  using ItemReader = Status (Converter::*)(uint32_t node, const std::string& path, T& out);

  template <typename T>
  Status ListOf(int64_t node, const std::string& path, std::vector<T>& out, ItemReader<T> read,
                std::string_view id_key) {
    LADDER_TRY(std::vector<uint32_t> items, Sequence(node, path));
    out.clear();
    out.reserve(items.size());
    for (size_t i = 0; i < items.size(); ++i) {
      T value;
      value.origin = OriginOf(items[i]);
      LADDER_TRY_STATUS((this->*read)(items[i], ItemPath(path, i, items[i], id_key), value));
      out.push_back(std::move(value));
    }
    return Ok();
  }

  template <typename T>
  Status List(const Fields& f, std::string_view key, std::vector<T>& out, ItemReader<T> read,
              std::string_view id_key) {
    int64_t v = f.Find(key);
    if (v < 0) return Ok();
    return ListOf(v, Child(f, key), out, read, id_key);
  }

  Status ReadFramework(int64_t node, model::Framework& fw) {
    LADDER_TRY(Fields f,
               Mapping(static_cast<uint32_t>(node), "framework", kFrameworkKeys, "framework"));
    LADDER_TRY_STATUS(Required(f, "id", fw.id, "the framework"));
    LADDER_TRY_STATUS(Opt(f, "name", fw.name));
    LADDER_TRY_STATUS(Opt(f, "family", fw.family));
    LADDER_TRY_STATUS(Opt(f, "version", fw.version));
    if (int64_t v = f.Find("status"); v >= 0) {
      LADDER_TRY(fw.status,
                 Enum<model::FrameworkStatus>(v, "framework.status", &model::ParseFrameworkStatus,
                                              {"draft", "published"}));
    }
    LADDER_TRY_STATUS(Opt(f, "effective", fw.effective));
    if (!fw.effective.empty() && !Date::Parse(fw.effective))
      return Bad(N(f.Find("effective")), "framework.effective",
                 "expected a date written YYYY-MM-DD, got " + Quote(fw.effective));
    LADDER_TRY_STATUS(Opt(f, "cumulative", fw.cumulative));
    if (int64_t v = f.Find("consensus"); v >= 0) {
      LADDER_TRY(fw.consensus,
                 Enum<model::ConsensusRule>(v, "framework.consensus", &model::ParseConsensusRule,
                                            {"unanimous", "majority"}));
    }
    if (int64_t v = f.Find("next_level_reading"); v >= 0) {
      LADDER_TRY(fw.next_level_reading,
                 Enum<model::NextLevelReading>(v, "framework.next_level_reading",
                                               &model::ParseNextLevelReading,
                                               {"overlapping", "consecutive"}));
    }
    if (int64_t v = f.Find("waivers"); v >= 0 && !IsNullText(N(v))) {
      LADDER_TRY(Fields w, Mapping(static_cast<uint32_t>(v), "framework.waivers", kWaiverPolicyKeys,
                                   "waivers"));
      LADDER_TRY_STATUS(Opt(w, "by", fw.waivers.by));
      LADDER_TRY_STATUS(Opt(w, "never", fw.waivers.never));
      LADDER_TRY_STATUS(Opt(w, "after_panel_no", fw.waivers.after_panel_no));
    }
    if (int64_t v = f.Find("publishing"); v >= 0 && !IsNullText(N(v))) {
      LADDER_TRY(Fields p, Mapping(static_cast<uint32_t>(v), "framework.publishing",
                                   kPublishingPolicyKeys, "publishing"));
      LADDER_TRY_STATUS(Opt(p, "requires_approval", fw.publishing.requires_approval));
    }
    LADDER_TRY_STATUS(Opt(f, "description", fw.description));
    if (int64_t v = f.Find("source"); v >= 0 && !IsNullText(N(v))) {
      LADDER_TRY(Fields s,
                 Mapping(static_cast<uint32_t>(v), "framework.source", kSourceKeys, "source"));
      LADDER_TRY_STATUS(Opt(s, "file", fw.source.file));
      LADDER_TRY_STATUS(Opt(s, "format", fw.source.format));
    }
    LADDER_TRY_STATUS(Opt(f, "jd_template", fw.jd_template));
    LADDER_TRY_STATUS(Opt(f, "allow_links", fw.allow_links));
    if (f.Find("language") >= 0) {
      LADDER_TRY_STATUS(Required(f, "language", fw.language, "the framework"));
      LADDER_TRY_STATUS(LanguageTag(f, fw.language));
    }
    return Ok();
  }

  Status LanguageTag(const Fields& f, const std::string& tag) {
    if (model::IsLanguageTag(tag)) return Ok();
    return Bad(N(f.Find("language")), Child(f, "language"),
               "expected a language tag such as en, es or pt-BR, got " + Quote(tag));
  }

  // {language: es, texts: [{at, source, text}]}: the texts of the framework in one more language.
  Status ReadTranslation(uint32_t node, const std::string& path, model::Translation& t) {
    LADDER_TRY(Fields f, Mapping(node, path, kTranslationKeys, "a translation"));
    LADDER_TRY_STATUS(Required(f, "language", t.language, "the translation"));
    LADDER_TRY_STATUS(LanguageTag(f, t.language));
    return List(f, "texts", t.texts, &Converter::ReadTranslatedText, "at");
  }

  Status ReadTranslatedText(uint32_t node, const std::string& path, model::TranslatedText& t) {
    LADDER_TRY(Fields f, Mapping(node, path, kTranslatedTextKeys, "a translated text"));
    LADDER_TRY_STATUS(Required(f, "at", t.at, "the translated text (the path of its source)"));
    LADDER_TRY_STATUS(
        Required(f, "source", t.source, "the translated text (its source's fingerprint)"));
    if (!model::IsFingerprint(t.source))
      return Bad(N(f.Find("source")), Child(f, "source"),
                 "expected the source text's fingerprint (8 hex digits, as `ladder lint` "
                 "prints it), got " +
                     Quote(t.source));
    return Required(f, "text", t.text, "the translated text");
  }

  Status ReadGroup(uint32_t node, const std::string& path, model::CompetencyGroup& g) {
    LADDER_TRY(Fields f, Mapping(node, path, kGroupKeys, "a group"));
    LADDER_TRY_STATUS(Required(f, "id", g.id, "the group"));
    LADDER_TRY_STATUS(Opt(f, "name", g.name));
    LADDER_TRY_STATUS(Opt(f, "description", g.description));
    return Opt(f, "competencies", g.competencies);
  }

  Status ReadCompetency(uint32_t node, const std::string& path, model::Competency& c) {
    LADDER_TRY(Fields f, Mapping(node, path, kCompetencyKeys, "a competency"));
    LADDER_TRY_STATUS(Required(f, "id", c.id, "the competency"));
    LADDER_TRY_STATUS(Opt(f, "name", c.name));
    return Opt(f, "description", c.description);
  }

  Status ReadTrack(uint32_t node, const std::string& path, model::Track& t) {
    LADDER_TRY(Fields f, Mapping(node, path, kTrackKeys, "a track"));
    LADDER_TRY_STATUS(Required(f, "id", t.id, "the track"));
    LADDER_TRY_STATUS(Opt(f, "name", t.name));
    if (int64_t v = f.Find("kind"); v >= 0) {
      LADDER_TRY(t.kind,
                 Enum<model::TrackKind>(v, Child(f, "kind"), &model::ParseTrackKind,
                                        {"core", "ic", "management", "alternative", "other"}));
    }
    LADDER_TRY_STATUS(Opt(f, "description", t.description));
    previous_rank_ = 0;
    return List(f, "levels", t.levels, &Converter::ReadLevel, "code");
  }

  Status ReadLevel(uint32_t node, const std::string& path, model::Level& l) {
    LADDER_TRY(Fields f, Mapping(node, path, kLevelKeys, "a level"));
    LADDER_TRY_STATUS(Required(f, "code", l.code, "the level"));
    // Rank is optional on input: one more than the level before it.
    l.rank = previous_rank_ + 1;
    LADDER_TRY_STATUS(Opt(f, "rank", l.rank));
    previous_rank_ = l.rank;
    LADDER_TRY_STATUS(Opt(f, "title", l.title));
    LADDER_TRY_STATUS(Opt(f, "summary", l.summary));
    if (int64_t v = f.Find("state"); v >= 0) {
      LADDER_TRY(l.state, Enum<model::LevelState>(v, Child(f, "state"), &model::ParseLevelState,
                                                  {"defined", "undefined"}));
    }
    LADDER_TRY_STATUS(Opt(f, "note", l.note));
    LADDER_TRY_STATUS(Opt(f, "inherits", l.inherits));
    if (int64_t v = f.Find("attributes"); v >= 0 && !IsNullText(N(v))) {
      LADDER_TRY(Fields a,
                 Mapping(static_cast<uint32_t>(v), Child(f, "attributes"), {}, "attributes"));
      for (const auto& [key, value] : a.entries) {
        LADDER_TRY(std::string s, String(value, Child(a, key)));
        l.attributes.emplace_back(key, std::move(s));
      }
    }
    if (int64_t v = f.Find("expectations"); v >= 0 && !IsNullText(N(v))) {
      LADDER_TRY(Fields e,
                 Mapping(static_cast<uint32_t>(v), Child(f, "expectations"), {}, "expectations"));
      for (const auto& [key, value] : e.entries) {
        model::Expectation expectation;
        expectation.competency = key;
        expectation.origin = OriginOf(value);
        LADDER_TRY_STATUS(ReadExpectation(value, Child(e, key), expectation));
        l.expectations.push_back(std::move(expectation));
      }
    }
    return List(f, "requirements", l.requirements, &Converter::ReadRequirement, "");
  }

  // Either a list of behaviours (the shorthand) or {summary, behaviours, undefined, note}.
  Status ReadExpectation(uint32_t node, const std::string& path, model::Expectation& e) {
    const TreeNode& n = N(node);
    if (n.kind != Kind::kMapping) {
      if (n.kind != Kind::kSequence && !IsNullText(n))
        return Bad(n, path,
                   "expected a list of behaviours or a mapping {summary, behaviours, undefined, "
                   "note}, got " +
                       KindName(n));
      LADDER_TRY(e.behaviours, Strings(node, path));
      return Ok();
    }
    LADDER_TRY(Fields f, Mapping(node, path, kExpectationKeys, "an expectation"));
    LADDER_TRY_STATUS(Opt(f, "summary", e.summary));
    LADDER_TRY_STATUS(Opt(f, "behaviours", e.behaviours));
    LADDER_TRY_STATUS(Opt(f, "undefined", e.undefined));
    return Opt(f, "note", e.note);
  }

  Status ReadRequirement(uint32_t node, const std::string& path, model::Requirement& r) {
    LADDER_TRY(Fields f, Mapping(node, path, kRequirementKeys, "a requirement"));
    LADDER_TRY_STATUS(Required(f, "text", r.text, "the requirement (its original sentence)"));
    int64_t rule = f.Find("rule");
    if (rule < 0 || IsNullText(N(rule)))
      return Bad(N(rule < 0 ? static_cast<int64_t>(node) : rule), Child(f, "rule"),
                 "the requirement has no rule: write `rule: manual` for a checkpoint a person "
                 "signs off, or a typed rule such as `rule: {time_at_level: {months: 12}}`");
    LADDER_TRY(r.rule, ReadRule(rule, Child(f, "rule")));
    return Ok();
  }

  Result<model::Rule> ReadRule(int64_t node, const std::string& path) {
    const TreeNode& n = N(node);
    if (n.kind == Kind::kScalar) {
      std::optional<model::Rule> bare;
      model::ForEachRuleKind([&]<typename K>(std::type_identity<K>) {
        if constexpr (model::kBareKind<K>)
          if (n.value == K::kName) bare = K{};
      });
      if (bare) return *bare;
      std::vector<std::string> all = kBareRuleKinds;
      all.insert(all.end(), kMappedRuleKinds.begin(), kMappedRuleKinds.end());
      std::string message = "unknown rule " + Quote(n.value);
      if (auto guess = text::DidYouMean(n.value, all))
        message += "; did you mean '" + *guess + "'?";
      return Bad(n, path,
                 message + " (`" + Join(kBareRuleKinds) +
                     "`, or a one-key mapping of: " + Join(kMappedRuleKinds) + ")");
    }
    if (n.kind != Kind::kMapping || n.items.size() != 2)
      return Bad(n, path,
                 "expected `manual` or a mapping with exactly one rule kind, such as "
                 "{peer_review: passed}; got " +
                     (n.kind == Kind::kMapping
                          ? "a mapping with " + std::to_string(n.items.size() / 2) + " keys"
                          : KindName(n)));
    LADDER_TRY(Fields f, Mapping(static_cast<uint32_t>(node), path, kMappedRuleKinds, "a rule"));
    const auto& [kind, value] = f.entries.front();
    std::optional<Result<model::Rule>> rule;
    model::ForEachRuleKind([&]<typename K>(std::type_identity<K>) {
      if constexpr (!model::kBareKind<K>)
        if (kind == K::kName) rule = ReadKind<K>(value, path + "." + kind);
    });
    if (!rule) return Bad(n, path, "unknown rule kind " + Quote(kind));  // Mapping checked it
    return std::move(*rule);
  }

  // A kind written as a mapping: `{peer_review: passed}` or `{time_at_level: {...}}`, read from
  // its entry in the table of kinds.
  template <typename K>
  Result<model::Rule> ReadKind(uint32_t value, const std::string& path) {
    const std::string name(K::kName);
    if constexpr (std::tuple_size_v<decltype(K::kParams)> == 0) {
      const TreeNode& v = N(value);
      if (v.kind != Kind::kScalar || v.value != K::kWord)
        return Bad(v, path,
                   "expected `" + name + ": " + std::string(K::kWord) + "`, got " + KindName(v));
      return K{};
    } else {
      std::vector<std::string> keys;
      model::ForEachParam<K>([&](const auto& param) { keys.emplace_back(param.name); });
      LADDER_TRY(Fields p, Mapping(value, path, keys, name));
      K rule;
      Status status = Ok();
      model::ForEachParam<K>([&](const auto& param) {
        if (status) status = ReadParam(p, name, param.name, param.presence, rule.*param.member);
      });
      if (!status) return Fail(std::move(status).error());
      return rule;
    }
  }

  // A parameter of a rule kind; an optional one left out keeps its default.
  template <typename T>
  Status ReadParam(const Fields& f, const std::string& kind, std::string_view key,
                   model::Presence presence, T& out) {
    int64_t v = f.Find(key);
    bool missing = v < 0;
    if constexpr (std::is_same_v<T, std::string>) missing = missing || IsNullText(N(v));
    if (missing && presence == model::Presence::kRequired)
      return Bad(N(f.node), Child(f, key), "missing " + std::string(key) + " of " + kind);
    if (v < 0) return Ok();
    if constexpr (std::is_same_v<T, double>) {
      LADDER_TRY(out, Number(v, Child(f, key)));
      return Ok();
    } else {
      return Opt(f, key, out);
    }
  }

  Status ReadOverlay(uint32_t node, const std::string& path, model::OverlayRole& o) {
    LADDER_TRY(Fields f, Mapping(node, path, kOverlayKeys, "an overlay"));
    LADDER_TRY_STATUS(Required(f, "id", o.id, "the overlay"));
    LADDER_TRY_STATUS(Opt(f, "name", o.name));
    LADDER_TRY_STATUS(Opt(f, "description", o.description));
    LADDER_TRY_STATUS(Opt(f, "duties", o.duties));
    LADDER_TRY_STATUS(Opt(f, "levels", o.levels));
    LADDER_TRY_STATUS(Opt(f, "needs_documented_need", o.needs_documented_need));
    return List(f, "requirements", o.requirements, &Converter::ReadRequirement, "");
  }

  Status ReadTransition(uint32_t node, const std::string& path, model::Transition& t) {
    LADDER_TRY(Fields f, Mapping(node, path, kTransitionKeys, "a transition"));
    LADDER_TRY_STATUS(Required(f, "from", t.from, "the transition (a track id)"));
    LADDER_TRY_STATUS(Required(f, "to", t.to, "the transition (a track id)"));
    LADDER_TRY_STATUS(Opt(f, "description", t.description));
    return List(f, "requirements", t.requirements, &Converter::ReadRequirement, "");
  }

  Status ReadNote(uint32_t node, const std::string& path, model::Note& n) {
    LADDER_TRY(Fields f, Mapping(node, path, kNoteKeys, "a note"));
    LADDER_TRY_STATUS(Opt(f, "title", n.title));
    return Opt(f, "markdown", n.markdown);
  }

  Status ReadRole(uint32_t node, const std::string& path, model::RoleProfile& r) {
    LADDER_TRY(Fields f, Mapping(node, path, kRoleKeys, "a role"));
    LADDER_TRY_STATUS(Opt(f, "id", r.id));
    LADDER_TRY_STATUS(Opt(f, "family", r.family));
    LADDER_TRY_STATUS(Opt(f, "seniority", r.seniority));
    LADDER_TRY_STATUS(Required(f, "title", r.title, "the role"));
    if (r.id.empty()) r.id = text::Slugify(r.title);
    LADDER_TRY_STATUS(Opt(f, "summary", r.summary));
    LADDER_TRY_STATUS(Opt(f, "responsibilities", r.responsibilities));
    LADDER_TRY_STATUS(Opt(f, "skills", r.skills));
    LADDER_TRY_STATUS(Opt(f, "kpis", r.kpis));
    return Opt(f, "path", r.path);
  }

  const Tree& tree_;
  std::string file_;
  bool origins_;
  int previous_rank_ = 0;
};

bool IsControl(unsigned char c) {
  return (c < 0x20 && c != '\n' && c != '\r' && c != '\t') || c == 0x7F;
}

}  // namespace

Status CheckDocumentText(std::string_view text, std::string_view source_name) {
  std::string file(source_name);
  if (text.size() > formats::kMaxDocumentBytes) {
    char size[32];
    std::snprintf(size, sizeof size, "%.1f MB", static_cast<double>(text.size()) / (1 << 20));
    return MakeError(ErrorCode::kResourceExhausted,
                     std::string("the document is ") + size + ", over the limit of " +
                         std::to_string(formats::kMaxDocumentBytes >> 20) + " MB for a Ladder file",
                     {file, 0, 0});
  }
  size_t bad = 0;
  if (!text::IsValidUtf8(text, &bad)) {
    auto [line, column] = text::LineColumnOf(text, bad);
    char byte[8];
    std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(text[bad]));
    return MakeError(ErrorCode::kParse,
                     std::string("invalid UTF-8 (byte ") + byte + "); save the file as UTF-8",
                     {file, line, column});
  }
  for (size_t i = 0; i < text.size(); ++i) {
    if (IsControl(static_cast<unsigned char>(text[i]))) {
      auto [line, column] = text::LineColumnOf(text, i);
      char code[16];
      std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned char>(text[i]));
      return MakeError(
          ErrorCode::kParse,
          std::string("control character ") + code + " is not allowed in a Ladder file",
          {file, line, column});
    }
  }
  if (text::Trim(text).empty())
    return MakeError(ErrorCode::kParse,
                     "the document is empty; a Ladder file starts with `ladder: 1`", {file, 1, 1});
  return Ok();
}

Result<model::Framework> FrameworkFromTree(const Tree& tree, std::string_view source_name,
                                           bool origins) {
  return Converter(tree, source_name, origins).Run();
}

Result<model::Framework> Validated(Result<model::Framework> framework) {
  if (!framework) return framework;
  std::vector<Error> errors = model::ValidateFramework(*framework);
  if (errors.empty()) return framework;
  Error first = std::move(errors.front());
  if (!first.field.empty()) first.message = first.field + ": " + first.message;
  if (errors.size() > 1)
    first.message += " (and " + std::to_string(errors.size() - 1) + " more " +
                     (errors.size() == 2 ? "problem" : "problems") + ")";
  return Fail(std::move(first));
}

}  // namespace ladder::formats::internal
