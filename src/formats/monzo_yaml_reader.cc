#include "formats/monzo_yaml_reader.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "base/text.h"
#include "formats/markdown_blocks.h"
#include "formats/yaml_limits.h"

namespace ladder::formats {
namespace {

// Deeper flow nesting or indentation than this is not a progression page; refusing it keeps
// yaml-cpp's recursive parser within a small stack.
constexpr int kMaxFlowDepth = 64;
constexpr size_t kMaxIndent = 256;

Status CheckNesting(std::string_view yaml, const std::string& file, int first_line) {
  int depth = 0;
  int line = first_line;
  int column = 0;
  size_t indent = 0;  // leading spaces and "- " markers: block nesting
  bool leading = true;
  bool quoted = false;
  char quote = 0;
  for (char c : yaml) {
    if (c == '\n') {
      ++line;
      column = 0;
      indent = 0;
      leading = true;
      quoted = false;
      continue;
    }
    ++column;
    if (leading) {
      if (c == ' ' || c == '-' || c == '\t') {
        if (++indent > kMaxIndent) {
          return MakeError(
              ErrorCode::kResourceExhausted,
              "front matter nested deeper than " + std::to_string(kMaxIndent) + " columns",
              SourceLocation{file, line, column});
        }
        continue;
      }
      leading = false;
    }
    if (quoted) {
      if (c == quote) quoted = false;
      continue;
    }
    if (c == '"' || c == '\'') {
      quoted = true;
      quote = c;
    } else if (c == '[' || c == '{') {
      if (++depth > kMaxFlowDepth) {
        return MakeError(
            ErrorCode::kResourceExhausted,
            "front matter nested deeper than " + std::to_string(kMaxFlowDepth) + " levels",
            SourceLocation{file, line, column});
      }
    } else if (c == ']' || c == '}') {
      depth = std::max(0, depth - 1);
    }
  }
  return Ok();
}

// "🛠️ Platform Engineer" -> "Platform Engineer": drops leading symbols and spaces.
std::string WithoutLeadingSymbols(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (std::isalnum(c)) break;
    if (c >= 0x80) {
      // Multi-byte: symbols (emoji, variation selectors, punctuation) have lead bytes E2..F0
      // in the ranges used by pictographs; letters of other scripts are kept.
      size_t len = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 4;
      bool symbol = c >= 0xF0 || c == 0xE2 ||
                    (c == 0xEF && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xB8);
      if (!symbol) break;
      i += len;
      continue;
    }
    ++i;
  }
  std::string out(text::Trim(s.substr(std::min(i, s.size()))));
  return out.empty() ? std::string(text::Trim(s)) : out;
}

// "technicalSkills" -> "technical-skills".
std::string IdFromName(std::string_view name) {
  std::string spaced;
  for (size_t i = 0; i < name.size(); ++i) {
    if (i > 0 && std::isupper(static_cast<unsigned char>(name[i])) &&
        std::islower(static_cast<unsigned char>(name[i - 1]))) {
      spaced += ' ';
    }
    spaced += name[i];
  }
  return text::Slugify(spaced);
}

class MonzoBuilder {
 public:
  MonzoBuilder(const Document& doc, Imported& out) : doc_(doc), out_(out), f_(out.framework) {}

  Status Build() {
    FrontMatter fm = ReadFrontMatter(doc_.text);
    if (!fm.present) {
      return MakeError(ErrorCode::kParse,
                       "no YAML front matter: a progression page starts with a `---` line",
                       Where(1, 1));
    }
    yaml_line_ = fm.yaml_line;
    LADDER_TRY_STATUS(CheckNesting(fm.yaml, doc_.name, fm.yaml_line));
    LADDER_TRY_STATUS(internal::CheckYamlExpansion(fm.yaml, doc_.name, fm.yaml_line));
    YAML::Node root;
    try {
      root = YAML::Load(fm.yaml);
    } catch (const YAML::Exception& e) {
      return MakeError(ErrorCode::kParse, "front matter: " + e.msg,
                       Where(e.mark.line + 1, e.mark.column + 1));
    }
    if (!root.IsMap()) {
      return MakeError(ErrorCode::kParse, "front matter is not a mapping of keys", Where(1, 1));
    }
    try {
      LADDER_TRY_STATUS(ReadPage(root));
    } catch (const YAML::Exception& e) {
      return MakeError(ErrorCode::kInvalidArgument, "front matter: " + e.msg,
                       Where(e.mark.line + 1, e.mark.column + 1));
    }
    std::vector<MdBlock> body =
        ParseMarkdownBlocks(std::string_view(doc_.text).substr(fm.body_offset), fm.body_line);
    for (const MdBlock& b : body) Collect(b);
    for (model::Note& n : NotesFromBlocks(body, doc_.name)) f_.notes.push_back(std::move(n));
    return Ok();
  }

 private:
  SourceLocation Where(int yaml_line, int column) const {
    return SourceLocation{doc_.name, yaml_line + yaml_line_ - 1, column};
  }
  SourceLocation Where(const YAML::Node& n) const {
    return Where(n.Mark().line + 1, n.Mark().column + 1);
  }

  void Collect(const MdBlock& b) {
    if (!b.text.empty()) out_.source.push_back({b.line, b.text, doc_.name});
    for (const MdBlock& c : b.children) Collect(c);
  }

  // A scalar's text, recorded as a source passage.
  std::string Text(const YAML::Node& n) {
    if (!n || !n.IsScalar()) return {};
    std::string s = text::CollapseSpace(n.Scalar());
    if (!s.empty()) out_.source.push_back({Where(n).line, s, doc_.name});
    return s;
  }

  Result<int> LevelNumber(const YAML::Node& n) {
    if (n && n.IsScalar()) {
      const std::string& s = n.Scalar();
      if (!s.empty() && s.size() <= 3 &&
          std::all_of(s.begin(), s.end(), [](char c) { return std::isdigit(c); })) {
        int v = std::stoi(s);
        if (v > 0) return v;
      }
    }
    return MakeError(ErrorCode::kInvalidArgument, "`level` must be a positive number (at most 999)",
                     n ? Where(n) : SourceLocation{doc_.name, 0, 0}, "level");
  }

  // level number -> competency id -> expectation
  using ExpectationsByLevel = std::map<int, std::map<std::string, model::Expectation>>;

  Status ReadPage(const YAML::Node& root) {
    ReadNames(root);
    int declared = 0;
    if (root["levels"]) {
      LADDER_TRY(declared, LevelNumber(root["levels"]));
    }
    const YAML::Node topics = root["topics"];
    if (!topics || !topics.IsSequence()) {
      return MakeError(ErrorCode::kInvalidArgument, "`topics` must be a list of topics",
                       topics ? Where(topics) : Where(1, 1), "topics");
    }
    ExpectationsByLevel by_level;
    std::set<std::string> ids;
    for (const YAML::Node& topic : topics) {
      LADDER_TRY_STATUS(ReadTopic(topic, ids, by_level));
    }
    int highest = declared;
    if (!by_level.empty()) highest = std::max(highest, by_level.rbegin()->first);
    if (highest > 100) {
      return MakeError(ErrorCode::kInvalidArgument, "more than 100 levels; is `levels` right?",
                       Where(1, 1), "levels");
    }
    f_.tracks.push_back(LevelsTrack(highest, by_level));
    return Ok();
  }

  // The framework's name from the page's title (else the file's name), its family from the
  // sidebar group.
  void ReadNames(const YAML::Node& root) {
    std::string title = Text(root["title"]);
    f_.name = WithoutLeadingSymbols(title);
    if (f_.name.empty()) {
      std::string stem = doc_.name.substr(doc_.name.rfind('/') + 1);
      f_.name = stem.substr(0, stem.find('.'));
    }
    f_.id = text::Slugify(f_.name);
    if (root["sidebarGroup"] && root["sidebarGroup"].IsScalar()) {
      f_.family = WithoutLeadingSymbols(root["sidebarGroup"].Scalar());
    }
  }

  // Adds a topic as a competency (its id unique among `ids`) and its content's expectations.
  Status ReadTopic(const YAML::Node& topic, std::set<std::string>& ids,
                   ExpectationsByLevel& by_level) {
    if (!topic.IsMap()) {
      return MakeError(ErrorCode::kInvalidArgument, "a topic must be a mapping with a name",
                       Where(topic), "topics");
    }
    std::string name = topic["name"] && topic["name"].IsScalar() ? topic["name"].Scalar() : "";
    std::string topic_title = Text(topic["title"]);
    if (name.empty() && topic_title.empty()) {
      return MakeError(ErrorCode::kInvalidArgument, "topic without a name or title", Where(topic),
                       "topics.name");
    }
    model::Competency c;
    c.id = IdFromName(name.empty() ? topic_title : name);
    for (int n = 2; ids.count(c.id); ++n) c.id = IdFromName(name) + "-" + std::to_string(n);
    ids.insert(c.id);
    c.name = WithoutLeadingSymbols(topic_title.empty() ? name : topic_title);
    c.origin.where = Where(topic);
    f_.competencies.push_back(c);
    const YAML::Node content = topic["content"];
    if (!content) return Ok();
    if (!content.IsSequence()) {
      return MakeError(ErrorCode::kInvalidArgument, "`content` must be a list of levels",
                       Where(content), "topics.content");
    }
    for (const YAML::Node& entry : content) {
      if (!entry.IsMap()) {
        return MakeError(ErrorCode::kInvalidArgument,
                         "a content entry must be a mapping with a level", Where(entry),
                         "topics.content");
      }
      LADDER_TRY(int level, LevelNumber(entry["level"]));
      model::Expectation& e = by_level[level][c.id];
      e.competency = c.id;
      e.origin.where = Where(entry);
      AddBehaviours(entry, e);
    }
    return Ok();
  }

  // Adds a content entry's `criteria` and `exampleCriteria` (with their examples) to `e`.
  void AddBehaviours(const YAML::Node& entry, model::Expectation& e) {
    if (const YAML::Node criteria = entry["criteria"]; criteria && criteria.IsSequence()) {
      for (const YAML::Node& item : criteria) {
        if (std::string s = Text(item); !s.empty()) e.behaviours.push_back(s);
      }
    } else if (criteria && criteria.IsScalar()) {
      if (std::string s = Text(criteria); !s.empty()) e.behaviours.push_back(s);
    }
    const YAML::Node examples = entry["exampleCriteria"];
    if (!examples || !examples.IsSequence()) return;
    for (const YAML::Node& ex : examples) {
      std::string behaviour = ex.IsMap() ? Text(ex["criteria"]) : Text(ex);
      std::vector<std::string> items;
      if (ex.IsMap() && ex["examples"] && ex["examples"].IsSequence()) {
        for (const YAML::Node& item : ex["examples"]) {
          if (std::string s = Text(item); !s.empty()) items.push_back(s);
        }
      }
      if (!items.empty()) behaviour += " (examples: " + text::Join(items, "; ") + ")";
      if (!behaviour.empty()) e.behaviours.push_back(behaviour);
    }
  }

  // The one track, levels 1 to `highest`: a level no topic describes is undefined.
  model::Track LevelsTrack(int highest, ExpectationsByLevel& by_level) const {
    model::Track track;
    track.id = "levels";
    track.name = "Levels";
    for (int n = 1; n <= highest; ++n) {
      model::Level l;
      l.code = "L" + std::to_string(n);
      l.title = "Level " + std::to_string(n);
      l.rank = n;
      auto it = by_level.find(n);
      if (it == by_level.end()) {
        l.state = model::LevelState::kUndefined;
        l.note = "No topic describes this level.";
      } else {
        for (const model::Competency& c : f_.competencies) {  // in competency order
          auto e = it->second.find(c.id);
          if (e != it->second.end()) l.expectations.push_back(std::move(e->second));
        }
      }
      track.levels.push_back(std::move(l));
    }
    return track;
  }

  const Document& doc_;
  Imported& out_;
  model::Framework& f_;
  int yaml_line_ = 2;
};

class MonzoYamlReader : public Reader {
 public:
  std::string_view Name() const override { return "monzo-yaml"; }

  int Detect(std::string_view text) const override {
    FrontMatter fm = ReadFrontMatter(text);
    if (!fm.present) return 0;
    bool topics = fm.yaml.find("\ntopics:") != std::string::npos || fm.yaml.starts_with("topics:");
    if (!topics) return 0;
    bool criteria = fm.yaml.find("criteria:") != std::string::npos;
    bool levels = fm.yaml.find("level:") != std::string::npos;
    return criteria && levels ? 95 : 50;
  }

  Result<Imported> Read(const Document& document) const override {
    Imported out;
    out.framework.source = {document.name, std::string(Name())};
    MonzoBuilder builder(document, out);
    LADDER_TRY_STATUS(builder.Build());
    return out;
  }
};

}  // namespace

std::unique_ptr<Reader> MakeMonzoYamlReader() { return std::make_unique<MonzoYamlReader>(); }

}  // namespace ladder::formats
