#include "formats/markdown_ladder_reader.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <regex>
#include <set>

#include "base/text.h"
#include "formats/html_outline.h"
#include "formats/level_names.h"
#include "formats/markdown_blocks.h"
#include "formats/markdown_ladder_builder.h"

namespace ladder::formats {
namespace {

using md_ladder::LadderBuilder;

// Reads a level code at the start of `s`: "Level 3", "Lvl 3", "L3", "IC3", "E-5", "SWE 2",
// "IC 3a".
std::optional<std::pair<LevelHeading, size_t>> CodeAt(std::string_view s) {
  LevelHeading h;
  std::string lower = text::ToLower(s.substr(0, std::min<size_t>(s.size(), 8)));
  size_t i = 0;
  for (std::string_view word : {"level", "lvl"}) {
    if (lower.starts_with(word)) {
      i = word.size();
      while (i < s.size() && (s[i] == ' ' || s[i] == '-' || s[i] == '_')) ++i;
      size_t digits = i;
      while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
      if (i == digits || i - digits > 2) return std::nullopt;
      h.number = std::stoi(std::string(s.substr(digits, i - digits)));
      h.code = "L" + std::to_string(*h.number);
      // A sub-level letter: "Level 2a", "Level 2B".
      if (i < s.size() && std::isalpha(static_cast<unsigned char>(s[i])) &&
          (i + 1 == s.size() || !std::isalnum(static_cast<unsigned char>(s[i + 1])))) {
        h.code += static_cast<char>(std::toupper(static_cast<unsigned char>(s[i])));
        ++i;
      }
      return std::make_pair(h, i);
    }
  }
  while (i < s.size() && i < 4 && std::isupper(static_cast<unsigned char>(s[i]))) ++i;
  if (i == 0) return std::nullopt;
  size_t letters = i;
  if (i < s.size() && (s[i] == '-' || s[i] == ' ')) ++i;
  size_t digits = i;
  while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
  if (i == digits || i - digits > 2) return std::nullopt;
  h.number = std::stoi(std::string(s.substr(digits, i - digits)));
  h.code = std::string(s.substr(0, letters)) + std::to_string(*h.number);
  // A sub-level letter: "IC 3a", "L1B".
  if (i < s.size() && std::isalpha(static_cast<unsigned char>(s[i])) &&
      (i + 1 == s.size() || !std::isalnum(static_cast<unsigned char>(s[i + 1])))) {
    h.code += s[i];
    ++i;
  }
  if (i < s.size() && std::isalnum(static_cast<unsigned char>(s[i]))) return std::nullopt;
  return std::make_pair(h, i);
}

std::string_view TrimSeparators(std::string_view s) {
  s = text::Trim(s);
  for (bool changed = true; changed && !s.empty();) {
    changed = false;
    for (std::string_view sep :
         {"\xE2\x80\x94", "\xE2\x80\x93", "-", ":", "|", "/", ".", ",", "\xC2\xB7"}) {
      if (s.starts_with(sep)) {
        s.remove_prefix(sep.size());
        s = text::Trim(s);
        changed = true;
      }
    }
  }
  return s;
}

std::optional<LevelHeading> CodedHeading(std::string_view s) {
  if (auto code = CodeAt(s)) {
    LevelHeading h = code->first;
    std::string_view rest = TrimSeparators(s.substr(code->second));
    if (rest.starts_with("(") && rest.ends_with(")")) rest = rest.substr(1, rest.size() - 2);
    h.title = text::CollapseSpace(rest);
    return h;
  }
  // "Senior Engineer (L3)" / "Senior Engineer - L3".
  if (s.ends_with(")")) {
    size_t open = s.rfind('(');
    if (open != std::string_view::npos) {
      std::string_view inner = text::Trim(s.substr(open + 1, s.size() - open - 2));
      if (auto code = CodeAt(inner); code && code->second == inner.size()) {
        LevelHeading h = code->first;
        h.title = std::string(text::Trim(s.substr(0, open)));
        return h;
      }
    }
  }
  for (std::string_view sep : {" \xE2\x80\x94 ", " \xE2\x80\x93 ", " - ", " | "}) {
    size_t at = s.rfind(sep);
    if (at == std::string_view::npos) continue;
    std::string_view tail = text::Trim(s.substr(at + sep.size()));
    if (auto code = CodeAt(tail); code && code->second == tail.size()) {
      LevelHeading h = code->first;
      h.title = std::string(text::Trim(s.substr(0, at)));
      return h;
    }
  }
  return std::nullopt;
}

bool IsLevelName(std::string_view heading) {
  return ParseLevelHeading(heading).has_value() || md_ladder::NamesSeniority(heading);
}

// The directory holding `name`, humanised: "docs/eng-levels/L1.md" -> "eng levels".
std::string FolderName(std::string_view name) {
  std::string dir(name.substr(
      0, name.find_last_of("/\\") == std::string_view::npos ? 0 : name.find_last_of("/\\")));
  std::string base =
      dir.substr(dir.find_last_of("/\\") == std::string::npos ? 0 : dir.find_last_of("/\\") + 1);
  return text::ReplaceAll(text::ReplaceAll(base, "-", " "), "_", " ");
}

std::string UniqueId(std::string base, std::set<std::string>& used) {
  std::string id = base;
  for (int n = 2; used.count(id); ++n) id = base + "-" + std::to_string(n);
  used.insert(id);
  return id;
}

// Adds one document's framework to `into` (ReadMany): competencies and groups by name,
// levels into tracks of the same id, notes and the rest appended.
void MergeInto(model::Framework& into, model::Framework&& one) {
  std::map<std::string, std::string> renamed;
  std::set<std::string> ids;
  for (const auto& c : into.competencies) ids.insert(c.id);
  for (model::Competency& c : one.competencies) {
    auto same = std::find_if(into.competencies.begin(), into.competencies.end(),
                             [&](const auto& x) { return text::IEquals(x.name, c.name); });
    if (same != into.competencies.end()) {
      renamed[c.id] = same->id;
      if (same->description.empty()) same->description = c.description;
      continue;
    }
    std::string id = UniqueId(c.id, ids);
    renamed[c.id] = id;
    c.id = id;
    into.competencies.push_back(std::move(c));
  }
  for (model::CompetencyGroup& g : one.groups) {
    for (std::string& id : g.competencies) id = renamed[id];
    auto same = std::find_if(into.groups.begin(), into.groups.end(),
                             [&](const auto& x) { return text::IEquals(x.name, g.name); });
    if (same == into.groups.end()) {
      into.groups.push_back(std::move(g));
      continue;
    }
    for (std::string& id : g.competencies)
      if (std::find(same->competencies.begin(), same->competencies.end(), id) ==
          same->competencies.end())
        same->competencies.push_back(id);
  }
  for (model::Track& t : one.tracks) {
    for (model::Level& l : t.levels)
      for (model::Expectation& e : l.expectations) e.competency = renamed[e.competency];
    auto same = std::find_if(into.tracks.begin(), into.tracks.end(),
                             [&](const auto& x) { return x.id == t.id; });
    if (same == into.tracks.end()) {
      into.tracks.push_back(std::move(t));
      continue;
    }
    std::set<std::string> codes;
    for (const auto& l : same->levels) codes.insert(l.code);
    for (model::Level& l : t.levels) {
      l.code = UniqueId(l.code, codes);
      same->levels.push_back(std::move(l));
    }
  }
  if (into.description.empty()) into.description = std::move(one.description);
  for (auto& n : one.notes) into.notes.push_back(std::move(n));
  for (auto& o : one.overlays)
    if (into.FindOverlay(o.id) == nullptr) into.overlays.push_back(std::move(o));
  for (auto& t : one.transitions) into.transitions.push_back(std::move(t));
  for (auto& p : one.policy) into.policy.push_back(std::move(p));
}

// Levels of a folder of pages: by their codes' numbers (and sub-levels) when every level has
// one, else in file order.
void RankMerged(model::Framework& f) {
  for (model::Track& t : f.tracks) {
    bool numbered = std::all_of(t.levels.begin(), t.levels.end(), [](const model::Level& l) {
      return level_table::CodeNumber(l.code).has_value();
    });
    if (numbered) {
      std::stable_sort(t.levels.begin(), t.levels.end(), [](const auto& a, const auto& b) {
        int na = *level_table::CodeNumber(a.code);
        int nb = *level_table::CodeNumber(b.code);
        if (na != nb) return na < nb;
        return text::ToLower(a.code) < text::ToLower(b.code);
      });
    }
    int rank = 0;
    for (model::Level& l : t.levels) l.rank = ++rank;
  }
}

// True when at least two headings of `doc` name categories of `categories`.
bool SharesCategories(const Document& doc, const std::set<std::string>& categories) {
  FrontMatter fm = ReadFrontMatter(doc.text);
  int shared = 0;
  for (const MdBlock& b :
       ParseMarkdownBlocks(std::string_view(doc.text).substr(fm.body_offset), fm.body_line))
    if (b.kind == MdBlock::Kind::kHeading && categories.count(text::ToLower(b.text))) ++shared;
  return shared >= 2;
}

class MarkdownLadderReader : public Reader {
 public:
  std::string_view Name() const override { return "markdown-ladder"; }
  int Detect(std::string_view text) const override { return DetectMarkdownLadder(text); }
  Result<Imported> Read(const Document& document) const override {
    return ReadMarkdownLadder(document);
  }

  Result<Imported> ReadMany(const std::vector<Document>& documents) const override {
    if (documents.size() == 1) return Read(documents[0]);
    Imported merged;
    model::Framework& f = merged.framework;
    bool any_levels = false;
    // Pages whose title names no level ("# Software Engineer") are level pages too when they
    // use the categories of the pages that do.
    std::set<std::string> categories;
    for (const Document& doc : documents) {
      if (Result<Imported> one = ReadMarkdownLadder(doc))
        for (const model::Competency& c : one->framework.competencies)
          categories.insert(text::ToLower(c.name));
    }
    for (const Document& doc : documents) {
      Result<Imported> one = ReadMarkdownLadder(doc);
      if (!one && SharesCategories(doc, categories)) one = ReadMarkdownLadder(doc, true);
      Imported page;
      if (one) {
        page = std::move(*one);
        any_levels = true;
      } else {
        // A page without levels (an index, a README): its prose is kept as notes.
        FrontMatter fm = ReadFrontMatter(doc.text);
        std::vector<MdBlock> blocks =
            ParseMarkdownBlocks(std::string_view(doc.text).substr(fm.body_offset), fm.body_line);
        page.framework.notes = NotesFromBlocks(blocks, doc.name);
        for (const MdBlock& b : blocks) {
          std::vector<const MdBlock*> stack = {&b};
          while (!stack.empty()) {
            const MdBlock* x = stack.back();
            stack.pop_back();
            if (!x->text.empty()) page.source.push_back({x->line, x->text, {}});
            for (const MdBlock& c : x->children) stack.push_back(&c);
          }
        }
      }
      for (Passage& p : page.source) {
        p.file = doc.name;
        merged.source.push_back(std::move(p));
      }
      for (ImportWarning& w : page.warnings) merged.warnings.push_back(std::move(w));
      MergeInto(f, std::move(page.framework));
    }
    if (!any_levels) {
      return MakeError(ErrorCode::kParse,
                       "none of the documents has level headings: expected headings such as "
                       "\"## L3 - Senior Engineer\" or a page per level (\"# L3\")",
                       SourceLocation{documents[0].name, 1, 1});
    }
    RankMerged(f);
    f.name = FolderName(documents[0].name);
    if (f.name.empty()) f.name = "Levels";
    f.id = text::Slugify(f.name);
    f.source = {"", std::string(Name())};
    f.origin.where = {documents[0].name, 1, 1};
    return merged;
  }
};

// Detection reads a document as a list of levels up to this size.
constexpr size_t kLevelListDetectBytes = size_t{64} << 10;

std::optional<Imported> ReadLevelList(const Document& document);

}  // namespace

std::optional<LevelHeading> ParseLevelHeading(std::string_view heading) {
  std::string_view s = level_table::StripDecoration(text::Trim(heading));
  if (s.empty() || s.size() > 120) return std::nullopt;
  auto [name, years] = level_table::SplitYears(s);
  std::optional<LevelHeading> h = CodedHeading(name);
  if (h) h->years = years;
  return h;
}

int DetectMarkdownLadder(std::string_view text) {
  // An HTML page of sections reads as the same page written in Markdown.
  if (std::optional<std::string> markdown = HtmlOutlineAsMarkdown(text))
    return DetectMarkdownLadder(*markdown);
  FrontMatter fm = ReadFrontMatter(text.substr(0, std::min<size_t>(text.size(), 1 << 16)));
  int coded[7] = {0}, titled[7] = {0};
  bool all_levels = false;
  size_t pos = fm.body_offset;
  int lines = 0;
  bool in_fence = false;
  int first_depth = 0;       // the first heading: a level page's title
  bool first_level = false;  // ... naming a level
  int below_first = 0;       // headings and labelled items after it
  bool level_line = false;   // a "**Level:** IC2" line
  while (pos < text.size() && ++lines < 50000) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    if (line.starts_with("```")) in_fence = !in_fence;
    if (in_fence) continue;
    std::string_view t = text::Trim(line);
    if ((t.starts_with("**Level:**") || t.starts_with("**Level**:")) && lines < 40)
      level_line = true;
    if (first_depth > 0 && (t.starts_with("- **") || t.starts_with("* **"))) ++below_first;
    if (!line.starts_with("#")) continue;
    size_t hashes = line.find_first_not_of('#');
    if (hashes == std::string_view::npos || hashes > 6 || line[hashes] != ' ') continue;
    std::string_view heading = text::Trim(line.substr(hashes));
    if (first_depth == 0) {
      first_depth = static_cast<int>(hashes);
      first_level = IsLevelName(heading);
    } else if (static_cast<int>(hashes) > first_depth) {
      ++below_first;
    }
    if (ParseLevelHeading(heading)) {
      ++coded[hashes];
    } else if (md_ladder::NamesSeniority(heading)) {
      ++titled[hashes];
    }
    if (md_ladder::IsAllLevelsHeading(heading)) all_levels = true;
  }
  int score = 0;
  int most_coded = 0;
  for (int d = 1; d <= 6; ++d) {
    int s = coded[d] >= 3 ? 75 : coded[d] == 2 ? 55 : coded[d] == 1 ? 25 : 0;
    if (titled[d] + coded[d] >= 3) s = std::max(s, 50);
    if (titled[d] + coded[d] == 2) s = std::max(s, 35);  // weak: only when nothing else fits
    score = std::max(score, s);
    most_coded = std::max(most_coded, coded[d]);
  }
  // One page describing one level: its title names the level, sections or labelled items
  // follow.
  if ((first_level || level_line) && below_first >= 2 &&
      coded[first_depth] + titled[first_depth] <= 1)
    score = std::max(score, 45);
  if (score > 0 && all_levels) score += 5;
  // Levels tables and side-by-side pages are HTML inside Markdown: other readers' families,
  // unless the document's levels are headings (a track as sections beside one as a table).
  if (text.find("<table") != std::string_view::npos && most_coded < 2) score -= 40;
  if (fm.present && fm.yaml.find("topics:") != std::string::npos) score -= 40;
  // A document that is one list of levels ("- L1: Junior ...", "1. Associate Engineer").
  if (score <= 0 && text.size() <= kLevelListDetectBytes &&
      ReadLevelList(Document{"", std::string(text)}))
    score = 40;
  return std::max(score, 0);
}

namespace {

// A ladder written competency first ("## Planning" over "**Level 1 (Foundational):**" items)
// reads as levels named like competencies holding competencies named like levels: one track
// whose competencies all name levels (with distinct codes) and whose levels name none (their
// codes at most numbers: "## 1. Planning"). Returns those competencies' level names, or nothing.
std::optional<std::vector<level_table::LevelName>> TransposedLevels(const model::Framework& f) {
  if (f.tracks.size() != 1 || !f.groups.empty() || f.competencies.size() < 2) return {};
  const model::Track& track = f.tracks[0];
  if (track.levels.size() < 2) return {};
  for (const model::Level& l : track.levels)
    if (level_table::LooksLikeLevel(l.title)) return {};
  std::vector<level_table::LevelName> names;
  std::set<std::string> codes;
  for (const model::Competency& c : f.competencies) {
    if (!level_table::LooksLikeLevel(c.name)) return {};
    names.push_back(level_table::ParseLevelName(c.name));
    if (!level_table::CodeNumber(names.back().code) || !codes.insert(names.back().code).second)
      return {};
  }
  return names;
}

// A ladder written competency first with levels as sub-headings ("## Picking" over "### Level
// 1: Foundational"): read as tracks named like competencies, each of the same levels, with no
// competency but "General". Only when the levels read as a proficiency scale (Foundational,
// Intermediate, ...) or the document calls itself a competency or skills framework: tracks of
// the same bare levels ("## Engineering" over "### Level 1") are ladders.
bool CompetenciesReadAsTracks(const model::Framework& f) {
  if (f.tracks.size() < 2 || f.competencies.size() != 1 || f.competencies[0].id != "general" ||
      !f.groups.empty())
    return false;
  const model::Track& first = f.tracks[0];
  if (first.levels.size() < 2) return false;
  for (const model::Track& t : f.tracks) {
    if (t.kind != model::TrackKind::kOther || t.levels.size() != first.levels.size()) return false;
    for (size_t i = 0; i < t.levels.size(); ++i)
      if (t.levels[i].code != first.levels[i].code || t.levels[i].title != first.levels[i].title)
        return false;
  }
  static const std::regex kScale(
      R"(^(basic|beginner|novice|awareness|foundation(al)?|developing|working|intermediate|)"
      R"(practitioner|proficient|advanced|expert|master(y)?|leading|strategic)$)",
      std::regex::icase);
  bool scale = true;
  for (const model::Level& l : first.levels) scale = scale && std::regex_match(l.title, kScale);
  static const std::regex kCompetencyFramework(R"(\b(competenc|skill))", std::regex::icase);
  return scale || std::regex_search(f.name, kCompetencyFramework);
}

// Turns a competency-first ladder of sub-headings (CompetenciesReadAsTracks) the right way
// round: one track of the shared levels, whose competencies are the sections.
void TracksToCompetencies(model::Framework& f) {
  model::Track track;
  track.id = "levels";
  track.name = "Levels";
  track.origin = f.tracks[0].origin;
  std::vector<model::Competency> competencies;
  for (const model::Level& l : f.tracks[0].levels) {
    track.levels.push_back(l);
    track.levels.back().expectations.clear();
  }
  for (const model::Track& t : f.tracks) {
    competencies.push_back({t.id, t.name, t.description, t.origin});
    for (size_t i = 0; i < t.levels.size(); ++i) {
      const model::Expectation* e = t.levels[i].FindExpectation("general");
      if (e == nullptr) continue;
      track.levels[i].expectations.push_back(*e);
      track.levels[i].expectations.back().competency = t.id;
    }
  }
  f.competencies = std::move(competencies);
  f.tracks = {std::move(track)};
}

// Turns a competency-first ladder (TransposedLevels) the right way round: its competencies
// become the levels, its levels the competencies.
void TransposeCompetencyFirst(model::Framework& f) {
  if (CompetenciesReadAsTracks(f)) {
    TracksToCompetencies(f);
    return;
  }
  std::optional<std::vector<level_table::LevelName>> names = TransposedLevels(f);
  if (!names) return;
  model::Track& track = f.tracks[0];
  std::vector<model::Competency> competencies;
  std::map<std::string, std::string> ids;  // level code -> competency id
  for (const model::Level& l : track.levels) {
    ids[l.code] = text::Slugify(l.title);
    competencies.push_back({ids[l.code], l.title, l.summary, l.origin});
  }
  std::vector<model::Level> levels;
  for (size_t i = 0; i < f.competencies.size(); ++i) {
    model::Level level;
    level.code = (*names)[i].code;
    level.title = (*names)[i].title.empty() ? f.competencies[i].name : (*names)[i].title;
    level.rank = static_cast<int>(i) + 1;
    level.origin = f.competencies[i].origin;
    for (const model::Level& was : track.levels) {
      const model::Expectation* e = was.FindExpectation(f.competencies[i].id);
      if (e == nullptr) continue;
      level.expectations.push_back(*e);
      level.expectations.back().competency = ids[was.code];
    }
    levels.push_back(std::move(level));
  }
  level_table::OrderByCodes(levels);
  for (size_t i = 0; i < levels.size(); ++i) levels[i].rank = static_cast<int>(i) + 1;
  f.competencies = std::move(competencies);
  track.levels = std::move(levels);
}

// A level of a list of levels: "**M1 – Marketing Associate**: runs campaigns" (a bold label,
// or the text up to a colon, naming a level by its code; the rest its summary).
std::optional<model::Level> ListedLevel(std::string_view item) {
  static const std::regex kBold(R"(^\*\*([^*]+?):?\*\*\s*[:\-–—]?\s*(.*)$)");
  static const std::regex kColon(R"(^([^:]{1,80}):\s+(.*)$)");
  std::string label(text::Trim(item));
  std::string summary;
  std::smatch m;
  if (std::regex_match(label, m, kBold) || std::regex_match(label, m, kColon)) {
    summary = m[2].str();
    label = m[1].str();
  }
  std::optional<LevelHeading> heading = ParseLevelHeading(label);
  if (!heading || heading->code.empty()) return std::nullopt;
  model::Level level;
  level.code = heading->code;
  level.title = heading->title.empty() ? heading->code : heading->title;
  level.summary = std::string(text::Trim(summary));
  return level;
}

// True when `line` opens an item of an ordered list ("1. Associate Engineer", "2) Engineer").
bool OpensOrderedItem(std::string_view line) {
  std::string_view t = text::Trim(line);
  size_t digits = 0;
  while (digits < t.size() && std::isdigit(static_cast<unsigned char>(t[digits]))) ++digits;
  return digits > 0 && digits + 1 < t.size() && (t[digits] == '.' || t[digits] == ')') &&
         t[digits + 1] == ' ';
}

// A level of a numbered list of titles ("1. Associate Engineer"): a few words that end no
// sentence, coded as any level name without a code is (level_names.h: "associate-engineer").
std::optional<model::Level> NumberedLevel(std::string_view item) {
  std::string title(level_table::StripDecoration(text::Trim(item)));
  if (title.empty() || text::CountWords(title) > 6 || title.ends_with('.') ||
      title.find_first_of(":;!?") != std::string::npos)
    return std::nullopt;
  level_table::LevelName name = level_table::ParseLevelName(title);
  if (name.code.empty()) return std::nullopt;
  model::Level level;
  level.code = name.code;
  level.title = name.title.empty() ? title : name.title;
  level.summary = name.summary;
  return level;
}

// A list of levels being read (ReadLevelList).
struct LevelList {
  const Document& document;
  std::vector<std::string> lines;  // the document's lines: an item's list marker
  Imported out;
  model::Track track;
  bool numbered = false;  // the levels are the titles of an ordered list
};

// The text before the levels: the title names the framework, the first paragraph describes it
// and any other is a note. False for anything else.
bool AddIntroduction(const md::Block& b, LevelList& list) {
  model::Framework& f = list.out.framework;
  if (b.kind == md::Block::Kind::kHeading && b.level == 1 && f.name.empty()) {
    f.name = b.plain;
    return true;
  }
  if (b.kind != md::Block::Kind::kParagraph) return false;
  if (f.description.empty()) {
    f.description = b.markdown;
    return true;
  }
  model::Note note;
  note.title = "Introduction";
  note.markdown = b.markdown;
  note.origin.where = {list.document.name, b.line, 0};
  f.notes.push_back(std::move(note));
  return true;
}

// Adds the level a top-level item names: by its code ("- **M1 – Marketing Associate**: ..."),
// or, in an ordered list, by its title alone ("1. Associate Engineer"). False when it names
// none, or names one of the other kind than the levels before it.
bool AddListedLevel(const md::Block& b, LevelList& list) {
  const size_t at = static_cast<size_t>(b.line) - 1;
  const bool ordered = at < list.lines.size() && OpensOrderedItem(list.lines[at]);
  std::optional<model::Level> level;
  if (!list.numbered) level = ListedLevel(b.markdown);
  if (!level && ordered && (list.numbered || list.track.levels.empty())) {
    level = NumberedLevel(b.plain);
    list.numbered = level.has_value();
  }
  if (!level) return false;
  level->rank = static_cast<int>(list.track.levels.size()) + 1;
  level->origin.where = {list.document.name, b.line, 0};
  list.track.levels.push_back(std::move(*level));
  return true;
}

// A nested item or a paragraph under a level of a numbered list: a behaviour of that level
// (competency "general", the list naming none). False under levels named by code, whose text
// is their summary.
bool AddLevelText(const md::Block& b, LevelList& list) {
  if (!list.numbered || list.track.levels.empty()) return false;
  if (b.kind != md::Block::Kind::kParagraph && b.kind != md::Block::Kind::kItem) return false;
  model::Level& level = list.track.levels.back();
  if (level.expectations.empty()) {
    model::Expectation e;
    e.competency = "general";
    e.origin.where = {list.document.name, b.line, 0};
    level.expectations.push_back(std::move(e));
  }
  level.expectations.back().behaviours.push_back(b.markdown);
  return true;
}

// A document that is (a title and a paragraph or two, then) one list whose every item names a
// level: by its code ("- **M1 – Marketing Associate**: ...", the rest its summary), or as the
// titles of an ordered list ("1. Associate Engineer"), each over its expectations (nested
// items or paragraphs). One track of those levels; nothing when the document holds anything
// else.
std::optional<Imported> ReadLevelList(const Document& document) {
  FrontMatter front = ReadFrontMatter(document.text);
  std::vector<md::Block> blocks =
      md::ParseBlocks(std::string_view(document.text).substr(front.body_offset), front.body_line);
  LevelList list{document, text::SplitLines(document.text), {}, {}, false};
  list.track.id = "levels";
  list.track.name = "Levels";
  for (const md::Block& b : blocks) {
    list.out.source.push_back({b.line, b.plain, {}});
    bool read = false;
    if (b.kind == md::Block::Kind::kItem && b.level == 1)
      read = AddListedLevel(b, list);
    else if (list.track.levels.empty())
      read = AddIntroduction(b, list);
    else
      read = AddLevelText(b, list);
    if (!read) return std::nullopt;
  }
  model::Framework& f = list.out.framework;
  if (list.track.levels.size() < 2) return std::nullopt;
  // Titles alone are levels when most of them name a role or seniority ("Senior Copywriter"):
  // a numbered list of competencies ("1. Communication") is none.
  if (list.numbered) {
    size_t named = 0;
    for (const model::Level& l : list.track.levels)
      if (level_table::LooksLikeLevelName(l.title)) ++named;
    if (named < 2 || named * 2 < list.track.levels.size()) return std::nullopt;
  }
  std::set<std::string> codes;
  bool behaviours = false;
  for (const model::Level& l : list.track.levels) {
    if (!codes.insert(l.code).second) return std::nullopt;
    behaviours = behaviours || !l.expectations.empty();
  }
  if (f.name.empty()) {
    std::string stem = document.name.substr(document.name.rfind('/') + 1);
    f.name = stem.substr(0, stem.find('.'));
  }
  f.id = text::Slugify(f.name);
  f.source = {document.name, "markdown-ladder"};
  if (behaviours) f.competencies.push_back({"general", "General", "", {}});
  f.tracks.push_back(std::move(list.track));
  return std::move(list.out);
}

// Levels named by bold paragraphs ("**S1 – Support Associate**" alone on its line over the
// level's list): the document with those lines written as level headings ("## S1 – Support
// Associate"), line for line; nothing when fewer than two lines name a level by its code.
std::optional<std::string> BoldLevelsAsHeadings(std::string_view text) {
  static const std::regex kBoldLine(R"(^\s{0,3}\*\*([^*]{1,80})\*\*\s*$)");
  std::string out;
  int levels = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    const std::string line(text.substr(pos, end - pos));
    std::smatch m;
    std::optional<LevelHeading> heading;
    if (std::regex_match(line, m, kBoldLine)) heading = ParseLevelHeading(m[1].str());
    if (heading && !heading->code.empty()) {
      out += "## " + m[1].str();
      ++levels;
    } else {
      out += line;
    }
    if (end < text.size()) out += '\n';
    pos = end + 1;
  }
  if (levels < 2) return std::nullopt;
  return out;
}

}  // namespace

Result<Imported> ReadMarkdownLadder(const Document& document, bool assume_page) {
  Imported out;
  out.framework.source = {document.name, "markdown-ladder"};
  if (std::optional<std::string> markdown = HtmlOutlineAsMarkdown(document.text)) {
    Document page{document.name, std::move(*markdown)};
    LadderBuilder builder(page, out, assume_page);
    LADDER_TRY_STATUS(builder.Build());
    TransposeCompetencyFirst(out.framework);
    return out;
  }
  LadderBuilder builder(document, out, assume_page);
  Status built = builder.Build();
  if (!built) {
    if (std::optional<Imported> listed = ReadLevelList(document)) return std::move(*listed);
    if (std::optional<std::string> headed = BoldLevelsAsHeadings(document.text)) {
      Imported again;
      again.framework.source = {document.name, "markdown-ladder"};
      const Document page{document.name, std::move(*headed)};
      LadderBuilder rebuilt(page, again, assume_page);
      if (rebuilt.Build()) {
        TransposeCompetencyFirst(again.framework);
        return again;
      }
    }
    return std::unexpected(built.error());
  }
  TransposeCompetencyFirst(out.framework);
  return out;
}

std::unique_ptr<Reader> MakeMarkdownLadderReader() {
  return std::make_unique<MarkdownLadderReader>();
}

}  // namespace ladder::formats
