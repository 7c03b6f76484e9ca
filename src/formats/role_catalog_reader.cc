#include "formats/role_catalog_reader.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <set>

#include "base/text.h"
#include "formats/markdown_blocks.h"

namespace ladder::formats {
namespace {

struct Prefix {
  const char* spelling;   // as written, lower case, without the trailing space
  const char* canonical;  // seniority recorded
};

// Longest spellings first so that "senior staff" wins over "senior".
constexpr Prefix kPrefixes[] = {
    {"senior principal", "Senior Principal"},
    {"senior staff", "Senior Staff"},
    {"senior director of", "Senior Director"},
    {"senior director", "Senior Director"},
    {"vice president of", "VP"},
    {"vice president", "VP"},
    {"svp of", "SVP"},
    {"svp", "SVP"},
    {"vp of", "VP"},
    {"vp", "VP"},
    {"head of", "Head of"},
    {"director of", "Director"},
    {"director", "Director"},
    {"chief", "Chief"},
    {"distinguished", "Distinguished"},
    {"principal", "Principal"},
    {"staff", "Staff"},
    {"lead", "Lead"},
    {"senior", "Senior"},
    {"sr.", "Senior"},
    {"sr", "Senior"},
    {"mid-level", "Mid-level"},
    {"mid level", "Mid-level"},
    {"junior", "Junior"},
    {"jr.", "Junior"},
    {"jr", "Junior"},
    {"associate", "Associate"},
    {"entry-level", "Entry-level"},
    {"entry level", "Entry-level"},
    {"intern", "Intern"},
};

constexpr std::pair<const char*, int> kRanks[] = {
    {"Intern", 10},
    {"Entry-level", 15},
    {"Associate", 20},
    {"Junior", 25},
    {"", 30},
    {"Mid-level", 30},
    {"Senior", 40},
    {"Lead", 50},
    {"Staff", 60},
    {"Senior Staff", 65},
    {"Principal", 70},
    {"Senior Principal", 75},
    {"Distinguished", 80},
    {"Fellow", 85},
    {"Head of", 90},
    {"Director", 92},
    {"Senior Director", 94},
    {"VP", 96},
    {"SVP", 97},
    {"Chief", 99},
};

std::optional<int> RomanValue(std::string_view s) {
  static const std::pair<const char*, int> kRoman[] = {
      {"I", 1},  {"II", 2},  {"III", 3},  {"IV", 4}, {"V", 5},
      {"VI", 6}, {"VII", 7}, {"VIII", 8}, {"IX", 9}, {"X", 10}};
  for (const auto& [r, v] : kRoman) {
    if (s == r) return v;
  }
  return std::nullopt;
}

// "2", "L3", "Level 3" -> the number.
std::optional<int> LevelNumber(std::string_view s) {
  if (text::StartsWith(text::ToLower(s), "level ")) s.remove_prefix(6);
  if (!s.empty() && (s[0] == 'L' || s[0] == 'l')) s.remove_prefix(1);
  if (s.empty() || s.size() > 2) return std::nullopt;
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
  }
  return std::stoi(std::string(s));
}

enum class Section { kSummary, kResponsibilities, kSkills, kKpis, kPath };

// A line naming a section of a blueprint, with any text that follows the label.
std::optional<std::pair<Section, std::string>> SectionLabel(std::string_view line) {
  std::string s(text::Trim(line));
  bool heading = false;
  while (!s.empty() && s[0] == '#') {
    s.erase(0, 1);
    heading = true;
  }
  s = std::string(text::Trim(s));
  bool bold = text::StartsWith(s, "**") || text::StartsWith(s, "__");
  s = text::ReplaceAll(text::ReplaceAll(s, "**", ""), "__", "");
  std::string rest;
  size_t colon = s.find(':');
  if (colon != std::string::npos) {
    rest = std::string(text::Trim(std::string_view(s).substr(colon + 1)));
    s = s.substr(0, colon);
  } else if (!heading && !bold) {
    return std::nullopt;  // a plain line is a label only with a colon
  }
  std::string label = text::ToLower(text::Trim(s));
  static const std::pair<const char*, Section> kLabels[] = {
      {"responsibilities", Section::kResponsibilities},
      {"key responsibilities", Section::kResponsibilities},
      {"core responsibilities", Section::kResponsibilities},
      {"what you'll do", Section::kResponsibilities},
      {"skills", Section::kSkills},
      {"key skills", Section::kSkills},
      {"required skills", Section::kSkills},
      {"skills and qualifications", Section::kSkills},
      {"skills & qualifications", Section::kSkills},
      {"qualifications", Section::kSkills},
      {"competencies", Section::kSkills},
      {"kpis", Section::kKpis},
      {"key performance indicators", Section::kKpis},
      {"key performance indicators (kpis)", Section::kKpis},
      {"success metrics", Section::kKpis},
      {"metrics", Section::kKpis},
      {"career path", Section::kPath},
      {"career progression", Section::kPath},
      {"progression", Section::kPath},
      {"summary", Section::kSummary},
      {"overview", Section::kSummary},
      {"role summary", Section::kSummary},
      {"about the role", Section::kSummary},
  };
  for (const auto& [name, section] : kLabels) {
    if (label == name) return std::make_pair(section, rest);
  }
  return std::nullopt;
}

struct TitleLine {
  std::string title;
  std::string decoration;  // "Role Blueprint, Responsibilities, ..." when present
};

// Strips heading markers, bold markers and a `TITLE:` prefix; returns the role title when the
// line is a blueprint title line.
std::optional<TitleLine> ParseTitleLine(std::string_view line) {
  std::string s(text::Trim(line));
  while (!s.empty() && s[0] == '#') s.erase(0, 1);
  s = text::ReplaceAll(text::ReplaceAll(s, "**", ""), "__", "");
  s = std::string(text::Trim(s));
  bool title_prefix = false;
  if (text::StartsWith(text::ToLower(s), "title:")) {
    s = std::string(text::Trim(std::string_view(s).substr(6)));
    title_prefix = true;
  }
  std::string lower = text::ToLower(s);
  size_t at = lower.find("role blueprint");
  TitleLine out;
  if (at == std::string::npos) {
    if (!title_prefix || s.empty() || s.size() > 120) return std::nullopt;
    out.title = s;
    return out;
  }
  if (at == 0) {  // "Role Blueprint: Senior Engineer"
    size_t colon = s.find_first_of(":—–-", 14);
    if (colon == std::string::npos) return std::nullopt;
    out.title = std::string(text::Trim(std::string_view(s).substr(colon + 1)));
    out.decoration = std::string(text::Trim(std::string_view(s).substr(0, colon)));
  } else {
    std::string_view head = text::Trim(std::string_view(s).substr(0, at));
    // The separator between title and decoration: ':' or a dash.
    for (std::string_view sep : {":", "\xE2\x80\x94", "\xE2\x80\x93", "-", "|"}) {
      if (head.ends_with(sep)) {
        head.remove_suffix(sep.size());
        break;
      }
    }
    out.title = std::string(text::Trim(head));
    out.decoration = s.substr(at);
  }
  if (out.title.empty() || out.title.size() > 120) return std::nullopt;
  return out;
}

// Whether `line` holds "title" or "blueprint" in any case, which every title line does.
bool MayBeTitleLine(std::string_view line) {
  for (size_t i = 0; i + 5 <= line.size(); ++i) {
    char c = static_cast<char>(line[i] | 0x20);
    if (c == 't' && text::IEquals(line.substr(i, 5), "title")) return true;
    if (c == 'b' && text::IEquals(line.substr(i, 9), "blueprint")) return true;
  }
  return false;
}

// A list item's text, or nullopt when the line is not a bullet.
std::optional<std::string> BulletText(std::string_view line) {
  std::string_view s = text::Trim(line);
  for (std::string_view b : {"- ", "* ", "+ ", "\xE2\x80\xA2 "}) {
    if (s.starts_with(b)) return std::string(text::Trim(s.substr(b.size())));
  }
  size_t i = 0;
  while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
  if (i > 0 && i + 1 < s.size() && (s[i] == '.' || s[i] == ')') && s[i + 1] == ' ') {
    return std::string(text::Trim(s.substr(i + 2)));
  }
  return std::nullopt;
}

// The line's words without Markdown line markers, for the coverage passages.
std::string PassageText(std::string_view line) {
  std::string_view s = text::Trim(line);
  while (!s.empty() && s[0] == '#') s.remove_prefix(1);
  if (auto bullet = BulletText(s)) return *bullet;
  std::string out(text::Trim(s));
  std::string stripped = text::ReplaceAll(text::ReplaceAll(out, "**", ""), "__", "");
  if (text::StartsWith(text::ToLower(stripped), "title:")) return stripped.substr(6);
  return out;
}

struct Draft {
  model::RoleProfile role;
  int family_order = 0;
  int rank = 0;
};

// Adds `value` to the field of `role` that `section` fills: a new item or paragraph, or the
// end of the last one when the line `continues` it.
void AddTo(model::RoleProfile& role, Section section, const std::string& value, bool continues) {
  auto add_item = [&](std::vector<std::string>& items) {
    if (continues && !items.empty()) {
      items.back() += " " + value;
    } else {
      items.push_back(value);
    }
  };
  auto add_prose = [&](std::string& prose) {
    if (prose.empty()) {
      prose = value;
    } else {
      prose += (continues ? " " : "\n\n") + value;
    }
  };
  switch (section) {
    case Section::kSummary:
      add_prose(role.summary);
      break;
    case Section::kResponsibilities:
      add_item(role.responsibilities);
      break;
    case Section::kSkills:
      add_item(role.skills);
      break;
    case Section::kKpis:
      add_item(role.kpis);
      break;
    case Section::kPath:
      add_prose(role.path);
      break;
  }
}

// What reading a catalogue has gathered so far, line by line.
struct Catalogue {
  std::vector<Draft> drafts;
  std::map<std::string, int> family_order;  // family -> order of first appearance
  std::vector<std::string> decorations;     // distinct headings after the roles' titles
  Section section = Section::kSummary;      // where the open blueprint's lines go
  bool paragraph_open = false;              // the previous line was not blank
  bool previous_bullet = false;             // ... and was (part of) a bullet
  std::string preamble_title;
  std::vector<model::Note> preamble;
};

// Opens the blueprint that the title line `title` (at `line_no`) starts.
void StartBlueprint(const TitleLine& title, const std::string& file, int line_no,
                    Catalogue& catalogue) {
  Draft d;
  d.role.title = text::CollapseSpace(title.title);
  RoleTitle parsed = ParseRoleTitle(d.role.title);
  d.role.family = parsed.family;
  d.role.seniority = parsed.seniority;
  d.rank = parsed.rank;
  d.role.origin.where = {file, line_no, 1};
  auto [it, inserted] = catalogue.family_order.emplace(
      parsed.family, static_cast<int>(catalogue.family_order.size()));
  d.family_order = it->second;
  catalogue.drafts.push_back(std::move(d));
  std::vector<std::string>& decorations = catalogue.decorations;
  if (!title.decoration.empty() &&
      std::find(decorations.begin(), decorations.end(), title.decoration) == decorations.end()) {
    decorations.push_back(title.decoration);
  }
  catalogue.section = Section::kSummary;
  catalogue.paragraph_open = false;
}

// Adds a line of the text before the first blueprint: its first "# " heading names the
// catalogue, the rest are notes, one a paragraph.
void AddPreambleLine(std::string_view line, const std::string& file, int line_no,
                     Catalogue& catalogue) {
  if (line.starts_with("# ") && catalogue.preamble_title.empty()) {
    catalogue.preamble_title = std::string(text::Trim(line.substr(2)));
  } else if (catalogue.paragraph_open && !catalogue.preamble.empty()) {
    catalogue.preamble.back().markdown += " " + std::string(line);
  } else {
    model::Note note;
    note.markdown = std::string(line);
    note.origin.where = {file, line_no, 1};
    catalogue.preamble.push_back(std::move(note));
  }
  catalogue.paragraph_open = true;
}

// Adds a line of the open blueprint (`line` trimmed, `raw` as written): a section label switches
// the section, another heading goes to the summary, other lines to the current section.
void AddBlueprintLine(std::string_view line, std::string_view raw,
                      const std::optional<std::pair<Section, std::string>>& label,
                      Catalogue& catalogue) {
  model::RoleProfile& role = catalogue.drafts.back().role;
  if (label) {
    catalogue.section = label->first;
    catalogue.paragraph_open = false;
    if (!label->second.empty()) AddTo(role, catalogue.section, label->second, false);
    return;
  }
  if (line.starts_with("#")) {  // a heading of another kind: kept in the summary
    const size_t text_start = line.find_first_not_of('#');  // npos: a line of only '#'
    std::string heading(
        text::Trim(text_start == std::string_view::npos ? "" : line.substr(text_start)));
    AddTo(role, Section::kSummary, "**" + heading + "**", false);
    catalogue.section = Section::kSummary;
    catalogue.paragraph_open = false;
    return;
  }
  std::optional<std::string> bullet = BulletText(line);
  // A wrapped line continues the paragraph or, when indented, the bullet above it.
  bool indented = raw[0] == ' ' || raw[0] == '\t';
  bool continues = catalogue.paragraph_open && !bullet && (!catalogue.previous_bullet || indented);
  AddTo(role, catalogue.section, bullet ? *bullet : std::string(line), continues);
  catalogue.paragraph_open = true;
  catalogue.previous_bullet = bullet.has_value() || (catalogue.previous_bullet && continues);
}

// Fills `f` from the blueprints read: the roles in family then seniority order with unique ids,
// the preamble's title and notes, and a note per heading of the blueprints.
void BuildCatalogue(Catalogue& catalogue, model::Framework& f) {
  std::vector<Draft>& drafts = catalogue.drafts;
  std::stable_sort(drafts.begin(), drafts.end(), [](const Draft& a, const Draft& b) {
    return std::tie(a.family_order, a.rank) < std::tie(b.family_order, b.rank);
  });
  std::set<std::string> ids;
  for (Draft& d : drafts) {
    std::string id = text::Slugify(d.role.title);
    for (int n = 2; !ids.insert(id).second; ++n)
      id = text::Slugify(d.role.title) + "-" + std::to_string(n);
    d.role.id = id;
    f.roles.push_back(std::move(d.role));
  }
  f.name = catalogue.preamble_title.empty() ? "Role catalogue" : catalogue.preamble_title;
  f.id = text::Slugify(f.name);
  f.notes = std::move(catalogue.preamble);
  for (const std::string& decoration : catalogue.decorations) {
    model::Note note;
    note.title = "Heading of each role blueprint (after the role's title)";
    note.markdown = decoration;
    f.notes.push_back(std::move(note));
  }
}

class RoleCatalogReader : public Reader {
 public:
  std::string_view Name() const override { return "role-catalog"; }

  int Detect(std::string_view text) const override {
    int blueprints = 0, titles = 0;
    FrontMatter fm = ReadFrontMatter(text.substr(0, std::min<size_t>(text.size(), 1 << 16)));
    size_t pos = 0;
    if (fm.present) {
      // Skip to the body: the closing fence is on line body_line - 1.
      for (int line = 1; line < fm.body_line && pos != std::string_view::npos; ++line) {
        pos = text.find('\n', pos);
        if (pos != std::string_view::npos) ++pos;
      }
      if (pos == std::string_view::npos) return 0;
    }
    int lines = 0;
    while (pos < text.size() && lines < 20000) {
      size_t end = text.find('\n', pos);
      if (end == std::string_view::npos) end = text.size();
      std::string_view line = text.substr(pos, end - pos);
      ++lines;
      if (line.size() < 300 && MayBeTitleLine(line)) {
        if (auto t = ParseTitleLine(line)) (t->decoration.empty() ? titles : blueprints)++;
      }
      pos = end + 1;
    }
    if (blueprints >= 2) return 90;
    if (blueprints == 1) return 60;
    if (titles >= 2) return 70;
    return 0;
  }

  Result<Imported> Read(const Document& document) const override {
    Imported out;
    model::Framework& f = out.framework;
    f.source = {document.name, std::string(Name())};
    // Front matter is page metadata (its `title:` is the page's, not a role's).
    FrontMatter fm = ReadFrontMatter(document.text);
    std::vector<std::string> lines =
        text::Split(std::string_view(document.text).substr(fm.body_offset), '\n');
    const int first_line = fm.body_line;
    Catalogue catalogue;
    for (size_t i = 0; i < lines.size(); ++i) {
      const int line_no = static_cast<int>(i) + first_line;
      std::string_view line = text::Trim(lines[i]);
      if (line.empty()) {
        catalogue.paragraph_open = false;
        continue;
      }
      // A section label is structure (it names the field its items go to): only the text
      // after it is a passage.
      std::optional<std::pair<Section, std::string>> label;
      if (!catalogue.drafts.empty()) label = SectionLabel(line);
      out.source.push_back({line_no, label ? label->second : PassageText(line), document.name});
      if (auto title = ParseTitleLine(line)) {
        StartBlueprint(*title, document.name, line_no, catalogue);
      } else if (catalogue.drafts.empty()) {  // text before the first blueprint
        AddPreambleLine(line, document.name, line_no, catalogue);
      } else {
        AddBlueprintLine(line, lines[i], label, catalogue);
      }
    }
    if (catalogue.drafts.empty()) {
      return MakeError(ErrorCode::kParse,
                       "no role blueprint found: expected lines like \"Senior Data Engineer: "
                       "Role Blueprint, ...\" or \"TITLE: Senior Data Engineer\"",
                       SourceLocation{document.name, 1, 1});
    }
    BuildCatalogue(catalogue, f);
    return out;
  }

  Result<Imported> ReadMany(const std::vector<Document>& documents) const override {
    Imported merged;
    std::set<std::string> ids;
    for (const Document& d : documents) {
      LADDER_TRY(Imported one, Read(d));
      if (merged.framework.roles.empty()) {
        merged.framework.id = one.framework.id;
        merged.framework.name = one.framework.name;
        merged.framework.source.format = one.framework.source.format;
      }
      for (model::RoleProfile& r : one.framework.roles) {
        std::string base = r.id;
        for (int n = 2; !ids.insert(r.id).second; ++n) r.id = base + "-" + std::to_string(n);
        merged.framework.roles.push_back(std::move(r));
      }
      for (model::Note& n : one.framework.notes) {
        if (std::find(merged.framework.notes.begin(), merged.framework.notes.end(), n) ==
            merged.framework.notes.end()) {
          merged.framework.notes.push_back(std::move(n));
        }
      }
      for (Passage& p : one.source) merged.source.push_back(std::move(p));
    }
    return merged;
  }
};

}  // namespace

int SeniorityRank(std::string_view seniority) {
  for (const auto& [name, rank] : kRanks) {
    if (seniority == name) return rank;
  }
  // "Senior II": the named part, then the number; "II", "2", "L2": around "none".
  std::string_view last = seniority.substr(seniority.rfind(' ') + 1);
  int number = 0;
  if (auto v = RomanValue(last)) number = *v;
  if (auto v = LevelNumber(last)) number = *v;
  if (last.size() < seniority.size()) {
    return SeniorityRank(text::Trim(seniority.substr(0, seniority.size() - last.size()))) + number;
  }
  return number > 0 ? 20 + 2 * number : 30;
}

RoleTitle ParseRoleTitle(std::string_view title) {
  std::string t = text::CollapseSpace(title);
  RoleTitle out;
  std::string lower = text::ToLower(t);
  std::string prefix, suffix;
  for (const Prefix& p : kPrefixes) {
    std::string spelling = std::string(p.spelling) + " ";
    if (lower.starts_with(spelling) && lower.size() > spelling.size()) {
      prefix = p.canonical;
      t = t.substr(spelling.size());
      break;
    }
  }
  // Trailing seniority: "Intern", a Roman numeral or a level number.
  std::vector<std::string> words = text::Split(t, ' ');
  if (words.size() >= 2) {
    std::string last = words.back();
    if (text::IEquals(last, "intern")) {
      suffix = "Intern";
      words.pop_back();
    } else if (words.size() >= 3 && text::IEquals(words[words.size() - 2], "level") &&
               LevelNumber(last)) {
      suffix = "Level " + last;
      words.resize(words.size() - 2);
    } else if (RomanValue(last) || LevelNumber(last)) {
      suffix = last;
      words.pop_back();
    }
    while (!words.empty() && (words.back() == "-" || words.back() == ",")) words.pop_back();
    if (!words.empty() && words.back().ends_with(',')) words.back().pop_back();
  }
  out.family = text::Join(words, " ");
  out.seniority = prefix.empty() ? suffix : suffix.empty() ? prefix : prefix + " " + suffix;
  out.rank = SeniorityRank(out.seniority);
  if (out.family.empty()) {
    out.family = std::string(text::Trim(title));
    out.seniority.clear();
    out.rank = 30;
  }
  return out;
}

std::unique_ptr<Reader> MakeRoleCatalogReader() { return std::make_unique<RoleCatalogReader>(); }

}  // namespace ladder::formats
