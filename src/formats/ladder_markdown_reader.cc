#include "formats/ladder_markdown_reader.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <optional>
#include <regex>

#include "base/text.h"
#include "formats/canonical.h"
#include "formats/markdown_blocks.h"
#include "formats/yaml_limits.h"

namespace ladder::formats {
namespace {

struct SourceLine {
  int number = 0;
  std::string text;
};

// "Name (`id`)" -> {Name, id}; {text, ""} without an id.
std::pair<std::string, std::string> NameAndId(std::string_view text) {
  std::string_view t = text::Trim(text);
  if (t.ends_with("`)")) {
    size_t open = t.rfind(" (`");
    if (open != std::string_view::npos)
      return {std::string(t.substr(0, open)), std::string(t.substr(open + 3, t.size() - open - 5))};
  }
  return {std::string(t), ""};
}

class ExportParser {
 public:
  ExportParser(const Document& doc, Imported& out) : doc_(doc), f_(out.framework) {}

  Status Run() {
    FrontMatter fm = ReadFrontMatter(doc_.text);
    LADDER_TRY_STATUS(Fields(fm));
    int number = fm.body_line;
    for (const std::string& line :
         text::SplitLines(std::string_view(doc_.text).substr(fm.body_offset)))
      lines_.push_back({number++, line});
    LADDER_TRY_STATUS(Preamble());
    while (pos_ < lines_.size()) {
      if (Blank()) {
        ++pos_;
        continue;
      }
      const std::string& t = Text();
      if (!t.starts_with("## ")) return Unexpected("a section (\"## ...\")");
      std::string title = t.substr(3);
      ++pos_;
      SkipBlank();
      if (pos_ < lines_.size() && Text().starts_with("Track `")) {
        LADDER_TRY_STATUS(TrackSection(title));
      } else if (title == "Competencies") {
        LADDER_TRY_STATUS(CompetencySection());
      } else if (title == "Pillars") {
        LADDER_TRY_STATUS(PillarSection());
      } else if (title == "Overlay roles") {
        LADDER_TRY_STATUS(OverlaySection());
      } else if (title == "Transitions") {
        LADDER_TRY_STATUS(TransitionSection());
      } else if (title == "Promotion policy") {
        LADDER_TRY(f_.policy, RequirementList());
      } else if (title == "Notes") {
        LADDER_TRY_STATUS(NoteSection());
      } else if (title == "Role catalogue") {
        LADDER_TRY_STATUS(RoleSection());
      } else {
        return Unexpected("a section of the export (Competencies, a track, Notes ...)");
      }
    }
    return Ok();
  }

 private:
  Status Fields(const FrontMatter& fm) {
    LADDER_TRY_STATUS(internal::CheckYamlExpansion(fm.yaml, doc_.name, fm.yaml_line));
    try {
      YAML::Node n = YAML::Load(fm.yaml);
      auto get = [&](const char* key) {
        return n[key] && n[key].IsScalar() ? n[key].as<std::string>() : std::string();
      };
      f_.id = get("id");
      f_.name = get("name");
      f_.version = get("version");
      f_.effective = get("effective");
      f_.family = get("family");
      f_.cumulative = get("cumulative") == "true";
      if (auto s = model::ParseFrameworkStatus(get("status"))) f_.status = *s;
      if (auto c = model::ParseConsensusRule(get("consensus"))) f_.consensus = *c;
      if (auto r = model::ParseNextLevelReading(get("next_level_reading")))
        f_.next_level_reading = *r;
      f_.source = {get("source-file"), get("source-format")};
      f_.jd_template = get("jd-template");
      auto strings = [&](const char* key, std::vector<std::string>& out) {
        if (!n[key] || !n[key].IsSequence()) return;
        out.clear();
        for (const YAML::Node& item : n[key])
          if (item.IsScalar()) out.push_back(item.as<std::string>());
      };
      strings("allow-links", f_.allow_links);
      strings("waive-by", f_.waivers.by);
      strings("never-waived", f_.waivers.never);
      f_.waivers.after_panel_no = get("waive-after-panel-no") == "true";
      f_.publishing.requires_approval = get("publishing-requires-approval") == "true";
    } catch (const YAML::Exception& e) {
      return MakeError(ErrorCode::kParse, "front matter: " + e.msg,
                       SourceLocation{doc_.name, fm.yaml_line + e.mark.line, e.mark.column + 1});
    }
    f_.origin.where = {doc_.name, 1, 1};
    return Ok();
  }

  bool Blank() const { return text::Trim(lines_[pos_].text).empty(); }
  const std::string& Text() const { return lines_[pos_].text; }
  void SkipBlank() {
    while (pos_ < lines_.size() && Blank()) ++pos_;
  }
  bool AtHeading() const {
    return pos_ < lines_.size() && (Text().starts_with("## ") || Text().starts_with("### ") ||
                                    Text().starts_with("#### ") || Text() == "###");
  }
  SourceLocation Here() const {
    return {doc_.name, pos_ < lines_.size() ? lines_[pos_].number : 0, 1};
  }
  std::unexpected<Error> Unexpected(std::string_view expected) const {
    return MakeError(ErrorCode::kParse,
                     "not the layout of Ladder's Markdown export: expected " +
                         std::string(expected) +
                         (pos_ < lines_.size() ? ", found \"" + Text().substr(0, 60) + "\"" : ""),
                     Here());
  }

  // Paragraphs up to a heading or a line `stop` accepts, joined by blank lines.
  template <typename Stop>
  std::string Paragraphs(Stop stop) {
    std::vector<std::string> paragraphs;
    std::string current;
    for (; pos_ < lines_.size() && !AtHeading() && !stop(Text()); ++pos_) {
      if (Blank()) {
        if (!current.empty()) paragraphs.push_back(std::move(current));
        current.clear();
        continue;
      }
      if (!current.empty()) current += "\n";
      current += Text();
    }
    if (!current.empty()) paragraphs.push_back(std::move(current));
    return text::Join(paragraphs, "\n\n");
  }

  // "- item" lines (blank lines between them allowed).
  std::vector<std::pair<int, std::string>> Items() {
    std::vector<std::pair<int, std::string>> items;
    for (; pos_ < lines_.size(); ++pos_) {
      if (Blank()) continue;
      if (!Text().starts_with("- ")) break;
      items.push_back({lines_[pos_].number, Text().substr(2)});
    }
    return items;
  }

  // Attribute items: "- **Key:** value", or "- **Key:**" over indented lines (a value of
  // several lines), joined by line breaks.
  std::vector<std::pair<int, std::string>> AttributeItems() {
    std::vector<std::pair<int, std::string>> items;
    for (; pos_ < lines_.size(); ++pos_) {
      if (Blank()) continue;
      if (Text().starts_with("  ") && !items.empty() && items.back().second.ends_with(":**")) {
        std::vector<std::string> more;
        for (; pos_ < lines_.size() && Text().starts_with("  "); ++pos_)
          more.push_back(Text().substr(2));
        --pos_;
        items.back().second += " " + text::Join(more, "\n");
        continue;
      }
      if (!Text().starts_with("- ")) break;
      items.push_back({lines_[pos_].number, Text().substr(2)});
    }
    return items;
  }

  Status Preamble() {
    SkipBlank();
    if (pos_ >= lines_.size() || !Text().starts_with("# ")) return Unexpected("the title");
    ++pos_;
    SkipBlank();
    // The facts line ("Version 2025.1 · draft") repeats the front matter.
    while (pos_ < lines_.size() && !Blank() && !AtHeading()) ++pos_;
    f_.description =
        Paragraphs([](const std::string& l) { return l.starts_with("Imported from `"); });
    while (pos_ < lines_.size() && !AtHeading()) ++pos_;
    return Ok();
  }

  std::string CompetencyIdByName(const std::string& name, const std::string& id) const {
    if (!id.empty()) return id;
    for (const model::Competency& c : f_.competencies)
      if (c.name == name) return c.id;
    return text::Slugify(name);
  }

  Status CompetencySection() {
    for (auto& [line, item] : Items()) {
      if (!item.starts_with("**")) return Unexpected("a competency (\"- **Name**\")");
      size_t close = item.find("**", 2);
      if (close == std::string::npos) return Unexpected("a competency (\"- **Name**\")");
      model::Competency c;
      c.name = item.substr(2, close - 2);
      std::string rest = item.substr(close + 2);
      if (rest.starts_with(" (`")) {
        size_t end = rest.find("`)");
        c.id = rest.substr(3, end - 3);
        rest = rest.substr(end + 2);
      }
      if (rest.starts_with(" — ")) c.description = rest.substr(std::string_view(" — ").size());
      if (c.id.empty()) c.id = text::Slugify(c.name);
      c.origin.where = {doc_.name, line, 1};
      f_.competencies.push_back(std::move(c));
    }
    return Ok();
  }

  Status PillarSection() {
    while (pos_ < lines_.size() && Text().starts_with("### ")) {
      auto [name, id] = NameAndId(Text().substr(4));
      model::CompetencyGroup g;
      g.name = name;
      g.id = id.empty() ? text::Slugify(name) : id;
      g.origin.where = Here();
      ++pos_;
      SkipBlank();
      g.description = Paragraphs([](const std::string& l) { return l.starts_with("- "); });
      for (auto& [line, item] : Items()) {
        if (item.starts_with("`") && item.ends_with("`")) {
          g.competencies.push_back(item.substr(1, item.size() - 2));
          continue;
        }
        auto [cname, cid] = NameAndId(item);
        g.competencies.push_back(CompetencyIdByName(cname, cid));
      }
      f_.groups.push_back(std::move(g));
      SkipBlank();
    }
    return Ok();
  }

  Result<model::Rule> ParseRule(const std::string& rule, int line) const {
    std::string yaml =
        "ladder: 1\nframework: {id: x, name: x}\npolicy:\n  - text: x\n    rule: " + rule + "\n";
    Result<model::Framework> fw = ParseYaml(yaml, doc_.name);
    if (!fw || fw->policy.size() != 1) {
      return MakeError(ErrorCode::kParse,
                       "the rule `" + rule + "` does not read as a rule of the canonical format" +
                           (fw ? std::string() : ": " + fw.error().message),
                       SourceLocation{doc_.name, line, 1});
    }
    return fw->policy[0].rule;
  }

  // "- text — rule: `{...}`" items.
  Result<std::vector<model::Requirement>> RequirementList() {
    std::vector<model::Requirement> out;
    for (auto& [line, item] : Items()) {
      size_t at = item.rfind(" — rule: `");
      if (at == std::string::npos || !item.ends_with("`"))
        return MakeError(ErrorCode::kParse,
                         "a requirement of the export reads \"- sentence — rule: `rule`\"",
                         SourceLocation{doc_.name, line, 1});
      model::Requirement r;
      r.text = item.substr(0, at);
      std::string rule = item.substr(at + std::string_view(" — rule: `").size());
      rule.pop_back();
      LADDER_TRY(r.rule, ParseRule(rule, line));
      r.origin.where = {doc_.name, line, 1};
      out.push_back(std::move(r));
    }
    SkipBlank();
    return out;
  }

  Status TrackSection(const std::string& name) {
    // "Track `ic` (ic), 3 levels."
    const std::string& t = Text();
    size_t close = t.find('`', 7);
    size_t open = t.find('(', close);
    size_t end = t.find(')', open);
    if (close == std::string::npos || open == std::string::npos || end == std::string::npos)
      return Unexpected("\"Track `id` (kind), N levels.\"");
    model::Track track;
    track.name = name;
    track.id = t.substr(7, close - 7);
    if (auto kind = model::ParseTrackKind(t.substr(open + 1, end - open - 1))) track.kind = *kind;
    track.origin.where = Here();
    ++pos_;
    SkipBlank();
    track.description = Paragraphs([](const std::string& l) { return l.starts_with("|"); });
    while (pos_ < lines_.size() && (Blank() || Text().starts_with("|"))) ++pos_;  // the table
    while (pos_ < lines_.size() && Text().starts_with("### ")) {
      LADDER_TRY(model::Level level, LevelSection());
      track.levels.push_back(std::move(level));
    }
    f_.tracks.push_back(std::move(track));
    return Ok();
  }

  static constexpr std::string_view kNotDefined = "*Not defined";

  Result<model::Level> LevelSection() {
    model::Level level;
    level.origin.where = Here();
    ReadLevelHeading(Text().substr(4), level);
    ++pos_;
    SkipBlank();
    LADDER_TRY_STATUS(ReadLevelFacts(level));
    SkipBlank();
    level.summary = Paragraphs([](const std::string& l) { return l.starts_with("- **"); });
    LADDER_TRY_STATUS(ReadLevelAttributes(level));
    SkipBlank();
    while (pos_ < lines_.size() && Text().starts_with("#### ")) {
      std::string heading = Text().substr(5);
      ++pos_;
      SkipBlank();
      if (heading.starts_with("Requirements to reach ")) {
        LADDER_TRY(level.requirements, RequirementList());
        continue;
      }
      LADDER_TRY(model::Expectation e, ExpectationSection(heading));
      level.expectations.push_back(std::move(e));
    }
    return level;
  }

  // "`ic3` Senior engineer (not defined)": the level's code, title and state.
  static void ReadLevelHeading(std::string label, model::Level& level) {
    const std::string kUndefined = " (not defined)";
    if (label.ends_with(kUndefined)) {
      level.state = model::LevelState::kUndefined;
      label.resize(label.size() - kUndefined.size());
    }
    if (label.starts_with("`")) {
      size_t close = label.find('`', 1);
      level.code = label.substr(1, close - 1);
      level.title = std::string(text::Trim(std::string_view(label).substr(close + 1)));
    } else {
      size_t space = label.find(' ');
      level.code = label.substr(0, space);
      level.title = space == std::string::npos ? std::string() : label.substr(space + 1);
    }
  }

  // "Rank 3. Includes everything expected at X." and the note that may follow it.
  Status ReadLevelFacts(model::Level& level) {
    if (pos_ >= lines_.size() || !Text().starts_with("Rank ")) return Unexpected("\"Rank N.\"");
    std::string facts = Text();
    level.rank = std::atoi(facts.c_str() + 5);
    const std::string kInherits = " Includes everything expected at ";
    if (size_t at = facts.find(kInherits); at != std::string::npos)
      level.inherits =
          facts.substr(at + kInherits.size(), facts.size() - at - kInherits.size() - 1);
    ++pos_;
    SkipBlank();
    if (level.state == model::LevelState::kUndefined && pos_ < lines_.size() &&
        Text().starts_with(kNotDefined)) {
      level.note = UndefinedNote(Text());
      ++pos_;
    } else if (pos_ < lines_.size() && Text().starts_with("Note: ")) {
      level.note = Text().substr(6);
      ++pos_;
    }
    return Ok();
  }

  // "- **Years of experience:** 5" items: a key in back-quotes is kept as written, else
  // lower-cased with underscores.
  Status ReadLevelAttributes(model::Level& level) {
    for (auto& [line, item] : AttributeItems()) {
      size_t colon = item.find(":**");
      if (!item.starts_with("**") || colon == std::string::npos)
        return Unexpected("an attribute (\"- **Key:** value\")");
      std::string key = item.substr(2, colon - 2);
      if (key.starts_with("`") && key.ends_with("`"))
        key = key.substr(1, key.size() - 2);
      else
        key = text::ReplaceAll(text::ToLower(key), " ", "_");
      level.attributes.emplace_back(
          key, std::string(text::Trim(std::string_view(item).substr(colon + 3))));
    }
    return Ok();
  }

  // The lines under "#### Competency (`id`)" up to the next heading: behaviours, a summary, a
  // note, or "*Not defined*".
  Result<model::Expectation> ExpectationSection(const std::string& heading) {
    auto [name, id] = NameAndId(heading);
    model::Expectation e;
    e.competency = CompetencyIdByName(name, id);
    e.origin.where = Here();
    while (pos_ < lines_.size() && !AtHeading()) {
      const std::string& l = Text();
      if (l.starts_with(kNotDefined)) {
        e.undefined = true;
        e.note = UndefinedNote(l);
      } else if (l.starts_with("Note: ")) {
        e.note = l.substr(6);
      } else if (l == "*No behaviours listed.*" || text::Trim(l).empty()) {
      } else if (l.starts_with("- ")) {
        e.behaviours.push_back(l.substr(2));
      } else if (l.starts_with("*") && l.ends_with("*")) {
        e.summary = l.substr(1, l.size() - 2);
      } else {
        return Unexpected("a behaviour (\"- ...\"), a summary (\"*...*\") or \"*Not defined*\"");
      }
      ++pos_;
    }
    return e;
  }

  // "*Not defined: Not yet*" -> "Not yet"; "*Not defined*" -> "".
  static std::string UndefinedNote(const std::string& line) {
    const std::string prefix = "*Not defined: ";
    if (line.starts_with(prefix) && line.ends_with("*"))
      return line.substr(prefix.size(), line.size() - prefix.size() - 1);
    return {};
  }

  Status OverlaySection() {
    while (pos_ < lines_.size() && Text().starts_with("### ")) {
      auto [name, id] = NameAndId(Text().substr(4));
      model::OverlayRole o;
      o.name = name;
      o.id = id.empty() ? text::Slugify(name) : id;
      o.origin.where = Here();
      ++pos_;
      SkipBlank();
      o.description = Paragraphs([](const std::string& l) { return l.starts_with("Held at: "); });
      if (pos_ >= lines_.size() || !Text().starts_with("Held at: "))
        return Unexpected("\"Held at: ...\"");
      std::string held = Text().substr(9);
      const std::string kNeed = " Needs a documented need.";
      if (held.ends_with(kNeed)) {
        o.needs_documented_need = true;
        held.resize(held.size() - kNeed.size());
      }
      if (held.ends_with(".")) held.pop_back();
      if (held != "any level")
        for (const std::string& l : text::Split(held, ',')) o.levels.emplace_back(text::Trim(l));
      ++pos_;
      SkipBlank();
      if (pos_ < lines_.size() && Text() == "Duties:") {
        ++pos_;
        for (auto& [line, item] : Items()) o.duties.push_back(item);
        SkipBlank();
      }
      if (pos_ < lines_.size() && Text() == "Requirements:") {
        ++pos_;
        LADDER_TRY(o.requirements, RequirementList());
      }
      f_.overlays.push_back(std::move(o));
      SkipBlank();
    }
    return Ok();
  }

  Status TransitionSection() {
    while (pos_ < lines_.size() && Text().starts_with("### ")) {
      model::Transition t;
      t.origin.where = Here();
      ++pos_;
      SkipBlank();
      // "From track `ic` to track `management`."
      const std::string& l = Text();
      size_t a = l.find('`');
      size_t b = l.find('`', a + 1);
      size_t c = l.find('`', b + 1);
      size_t d = l.find('`', c + 1);
      if (!l.starts_with("From track `") || d == std::string::npos)
        return Unexpected("\"From track `a` to track `b`.\"");
      t.from = l.substr(a + 1, b - a - 1);
      t.to = l.substr(c + 1, d - c - 1);
      ++pos_;
      SkipBlank();
      t.description = Paragraphs([](const std::string& x) { return x == "Requirements:"; });
      if (pos_ < lines_.size() && Text() == "Requirements:") {
        ++pos_;
        LADDER_TRY(t.requirements, RequirementList());
      }
      f_.transitions.push_back(std::move(t));
      SkipBlank();
    }
    return Ok();
  }

  Status NoteSection() {
    while (pos_ < lines_.size() && Text() == "<!-- note -->") {
      ++pos_;
      SkipBlank();
      if (pos_ >= lines_.size() || !(Text() == "###" || Text().starts_with("### ")))
        return Unexpected("a note's title (\"### ...\")");
      model::Note n;
      n.title = Text().size() > 4 ? Text().substr(4) : std::string();
      n.origin.where = Here();
      ++pos_;
      std::vector<std::string> body;
      for (; pos_ < lines_.size() && Text() != "<!-- /note -->"; ++pos_) body.push_back(Text());
      if (pos_ >= lines_.size()) return Unexpected("the end of a note (\"<!-- /note -->\")");
      ++pos_;
      n.markdown = std::string(text::Trim(text::Join(body, "\n")));
      f_.notes.push_back(std::move(n));
      SkipBlank();
    }
    return Ok();
  }

  Status RoleSection() {
    while (pos_ < lines_.size() && (Blank() || Text().starts_with("|"))) ++pos_;  // the grid
    while (pos_ < lines_.size() && Text().starts_with("### ")) {
      model::RoleProfile r;
      r.title = Text().substr(4);
      r.origin.where = Here();
      ++pos_;
      SkipBlank();
      // "Role `id`: Family · Seniority"
      const std::string& l = Text();
      size_t close = l.find("`: ");
      if (!l.starts_with("Role `") || close == std::string::npos)
        return Unexpected("\"Role `id`: Family · Seniority\"");
      r.id = l.substr(6, close - 6);
      std::string rest = l.substr(close + 3);
      const std::string kDot = " \xC2\xB7 ";
      if (size_t dot = rest.find(kDot); dot != std::string::npos) {
        r.family = rest.substr(0, dot);
        r.seniority = rest.substr(dot + kDot.size());
      } else {
        r.family = rest;
      }
      ++pos_;
      SkipBlank();
      auto is_label = [](const std::string& x) {
        return x == "Responsibilities:" || x == "Skills:" || x == "Key results:" ||
               x == "Career path:";
      };
      r.summary = Paragraphs(is_label);
      while (pos_ < lines_.size() && is_label(Text())) {
        std::string label = Text();
        ++pos_;
        SkipBlank();
        if (label == "Career path:") {
          r.path = Paragraphs([](const std::string&) { return false; });
          continue;
        }
        std::vector<std::string>& into = label == "Responsibilities:" ? r.responsibilities
                                         : label == "Skills:"         ? r.skills
                                                                      : r.kpis;
        for (auto& [line, item] : Items()) into.push_back(item);
        SkipBlank();
      }
      f_.roles.push_back(std::move(r));
      SkipBlank();
    }
    return Ok();
  }

  const Document& doc_;
  model::Framework& f_;
  std::vector<SourceLine> lines_;
  size_t pos_ = 0;
};

class LadderMarkdownReader : public Reader {
 public:
  std::string_view Name() const override { return "ladder-markdown"; }
  int Detect(std::string_view text) const override { return DetectLadderMarkdown(text); }
  Result<Imported> Read(const Document& document) const override {
    return ReadLadderMarkdown(document);
  }
};

}  // namespace

int DetectLadderMarkdown(std::string_view text) {
  FrontMatter fm = ReadFrontMatter(text.substr(0, std::min<size_t>(text.size(), 4096)));
  return fm.present && !fm.Get("ladder-export").empty() ? 98 : 0;
}

Result<Imported> ReadLadderMarkdown(const Document& document) {
  Imported imported;
  ExportParser parser(document, imported);
  LADDER_TRY_STATUS(parser.Run());
  imported.own_source = true;
  // The export's content, for the coverage report: the lines the exporter derives (the tables,
  // the facts and rank lines, rules, labels and markers) are not content.
  std::vector<const MdBlock*> stack;
  std::vector<MdBlock> blocks = ParseMarkdownBlocks(document.text);
  for (const MdBlock& b : blocks) stack.push_back(&b);
  std::vector<Passage> passages;
  while (!stack.empty()) {
    const MdBlock* x = stack.back();
    stack.pop_back();
    if (x->kind == MdBlock::Kind::kTable || x->kind == MdBlock::Kind::kHeading) continue;
    for (const MdBlock& c : x->children) stack.push_back(&c);
    std::string t = x->text;
    if (t.empty() || t.ends_with(":") || t == "No behaviours listed.") continue;
    static const char* kDerived[] = {
        "Rank ",    "Track ", "Held at: ", "From track ",  "Imported from ",
        "Version ", "draft",  "published", "ladder-export"};
    if (std::any_of(std::begin(kDerived), std::end(kDerived),
                    [&](const char* d) { return t.starts_with(d); }))
      continue;
    if (size_t rule = t.rfind(" — rule: "); rule != std::string::npos) t.resize(rule);
    if (t.starts_with("Role ") && t.find(": ") != std::string::npos) t = t.substr(t.find(": ") + 2);
    if (t.starts_with("Not defined: ")) t = t.substr(13);
    if (t.starts_with("Note: ")) t = t.substr(6);
    // Ids beside names ("Name (`id`)") are not words of the content.
    static const std::regex kId(R"(\(`([^`]*)`\))");
    for (auto it = std::sregex_iterator(x->markdown.begin(), x->markdown.end(), kId);
         it != std::sregex_iterator(); ++it)
      t = text::ReplaceAll(t, " (" + (*it)[1].str() + ")", "");
    passages.push_back({x->line, t, {}});
  }
  std::sort(passages.begin(), passages.end(),
            [](const Passage& a, const Passage& b) { return a.line < b.line; });
  imported.source = std::move(passages);
  return imported;
}

std::unique_ptr<Reader> MakeLadderMarkdownReader() {
  return std::make_unique<LadderMarkdownReader>();
}

}  // namespace ladder::formats
