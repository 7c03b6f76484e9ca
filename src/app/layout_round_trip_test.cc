// Round trips through the organisations' own layouts: every example framework and every seed
// import, exported `--to levels-table` (Markdown and HTML), `level-pages`, `tsv-ladder` and
// `role-catalog`, then imported back the way `ladder import` does (app::ImportDocuments: reader,
// requirement typing, validation), gives the same framework in everything the layout holds,
// with every passage of the exported document imported.
//
// "The same" is a projection of each framework into text, one line per fact, compared with
// EXPECT_EQ (a failure prints both). What each layout holds, and so what is compared, is the
// `Holds` of the layout below; the exporters' headers say why the rest has no place in it.
// Compared by every layout: tracks (their names, in order, each with its levels in order),
// level titles, behaviours, and the framework's competencies where the layout names them.
// Never compared, by any layout:
//  - requirement rules: a layout keeps a requirement's sentence and importing types the rule
//    again from it (analysis/requirements.h); a rule written by hand can say more than its
//    sentence (the engineering example's "Performing at the Engineer level ..." is
//    performing_at_next), so sentences are compared and rules are not;
//  - ranks across tracks and track ids and kinds: no layout writes them; readers rank levels
//    in document order and make a track's id and kind from its name;
//  - the framework's id, name, version, status, notes, overlays, transitions and policy: the
//    layouts that hold prose write them as prose sections, which readers keep as notes (and
//    recognise as overlays, transitions or policy only when the words say so).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <regex>

#include "app/import_document.h"
#include "base/text.h"
#include "formats/canonical.h"
#include "formats/level_pages_export.h"
#include "formats/levels_table_export.h"
#include "formats/role_catalog_export.h"
#include "formats/tsv_ladder_export.h"

namespace ladder::app {
namespace {

namespace fs = std::filesystem;

// What a layout holds of a framework's levels.
struct Holds {
  std::string layout;
  // Level codes, when every code of the framework reads as a code (IC3, CS1): the levels table
  // then names levels by them; otherwise it numbers them by rank beside a Title column, and
  // the reader makes codes from the numbers (L1, L2).
  bool codes = false;
  bool summaries = false;  // level summaries and cell summaries
  // Undefined levels and cells: the state always, the note of a level when `level_notes`,
  // and a cell's note. A note the layout had to prefix with "Not defined." to mark the cell
  // is compared without those words.
  bool undefined = false;
  bool level_notes = false;
  bool per_competency = false;  // behaviours by competency; else one list per level
  bool competencies = false;    // competency names
  bool prose = false;           // competency descriptions, pillars of 2+ competencies
  enum class Attributes { kNone, kYears, kAll } attributes = Attributes::kNone;
  bool requirements = false;  // requirement sentences
  bool track_descriptions = false;
  bool includes = false;  // which level a level includes ("Same as X, plus")
  // Level pages tell levels apart by title: titles shared by several levels are written
  // "Title (CODE)".
  bool unique_titles = false;
};

const Holds kLevelsTable{.layout = "levels-table",
                         .codes = true,
                         .summaries = true,
                         .undefined = true,
                         .level_notes = true,
                         .per_competency = true,
                         .competencies = true,
                         .prose = true,
                         .attributes = Holds::Attributes::kYears};
const Holds kLevelPages{.layout = "level-pages",
                        .per_competency = true,
                        .competencies = true,
                        .attributes = Holds::Attributes::kAll,
                        .requirements = true,
                        .unique_titles = true};
const Holds kTsvLadder{.layout = "tsv-ladder",
                       .undefined = true,
                       .attributes = Holds::Attributes::kAll,
                       .requirements = true,
                       .track_descriptions = true,
                       .includes = true};

std::string Norm(std::string_view s) { return std::string(text::Trim(text::CollapseSpace(s))); }

// Track names: exporters add " path" where a reader needs the word, and level pages drop
// parentheses (the page heading's parenthetical holds the track).
std::string TrackName(const model::Track& t, const Holds& holds) {
  std::string name = Norm(t.name.empty() ? t.id : t.name);
  if (holds.layout == "level-pages") {
    std::erase_if(name, [](char c) { return c == '(' || c == ')'; });
    name = Norm(name);
  }
  static const std::regex kPath(R"(\s+path$)", std::regex::icase);
  return std::regex_replace(name, kPath, "");
}

std::string UndefinedNote(std::string_view note) {
  std::string n = Norm(note);
  if (n == "Not defined.") return "";
  if (text::StartsWith(n, "Not defined. ")) return n.substr(13);
  return n;
}

bool CodeLike(std::string_view code) {
  static const std::regex kCode(R"([A-Za-z]{1,4}\d{1,2})");
  return std::regex_match(std::string(code), kCode);
}

// Attribute keys: the plain-text reader makes them from column headings with dashes.
std::string AttributeKey(std::string key) { return text::ReplaceAll(std::move(key), "-", "_"); }

bool AllCodeLike(const model::Framework& fw) {
  for (const model::Track& t : fw.tracks)
    for (const model::Level& l : t.levels)
      if (!CodeLike(l.code)) return false;
  return true;
}

// `original` decides what is held where the layout depends on the framework (codes).
std::string Project(const model::Framework& fw, Holds holds, const model::Framework& original) {
  holds.codes = holds.codes && AllCodeLike(original);
  std::string out;
  auto line = [&](int indent, const std::string& s) {
    out += std::string(static_cast<size_t>(indent) * 2, ' ') + s + "\n";
  };
  std::map<std::string, std::string> competency_names;
  for (const model::Competency& c : fw.competencies) {
    competency_names[c.id] = Norm(c.name);
    if (holds.competencies)
      line(0, "competency " + Norm(c.name) + (holds.prose ? ": " + Norm(c.description) : ""));
  }
  if (holds.prose) {
    for (const model::CompetencyGroup& g : fw.groups) {
      std::vector<std::string> members;
      for (const std::string& id : g.competencies) members.push_back(competency_names[id]);
      line(0, "pillar " + Norm(g.name) + ": " + Norm(g.description) + " [" +
                  text::Join(members, ", ") + "]");
    }
  }
  std::map<std::string, int> title_uses;
  for (const model::Track& t : fw.tracks)
    for (const model::Level& l : t.levels) ++title_uses[Norm(l.title)];
  auto title_of = [&](const model::Level& l) {
    std::string title = Norm(l.title.empty() ? l.code : l.title);
    if (holds.unique_titles && title_uses[Norm(l.title)] > 1) title += " (" + l.code + ")";
    return title;
  };
  for (const model::Track& t : fw.tracks) {
    if (t.levels.empty()) continue;
    line(0, "track " + TrackName(t, holds) +
                (holds.track_descriptions ? ": " + Norm(t.description) : ""));
    for (const model::Level& l : t.levels) {
      const bool undefined = l.state == model::LevelState::kUndefined;
      std::string head = "level " + title_of(l);
      if (holds.codes) head += " [" + l.code + "]";
      if (holds.undefined && undefined) head += " undefined";
      line(1, head);
      if (holds.summaries && !l.summary.empty()) line(2, "summary: " + Norm(l.summary));
      if (holds.includes) {
        const model::Level* base = nullptr;
        if (!l.inherits.empty())
          base = fw.ResolveLevel(l.inherits, t.id).second;
        else if (fw.cumulative)
          base = fw.PreviousLevel(t.id, l.code);
        if (base != nullptr) line(2, "includes " + title_of(*base));
      }
      std::vector<std::pair<std::string, std::string>> attributes;
      for (const auto& [k, v] : l.attributes) {
        std::string key = AttributeKey(k);
        // The level-pages reader's record of the page a level was read from.
        if (key == "page" &&
            (fw.source.format == "level-pages" || original.source.format == "level-pages"))
          continue;
        if (key == "level" && holds.layout == "tsv-ladder") continue;  // the Level column's
        if (holds.attributes == Holds::Attributes::kAll ||
            (holds.attributes == Holds::Attributes::kYears && key == "years_of_experience"))
          attributes.emplace_back(key, Norm(v));
      }
      std::sort(attributes.begin(), attributes.end());  // order within a level is not held
      for (const auto& [k, v] : attributes) line(2, "attribute " + k + ": " + v);
      if (undefined && holds.undefined) {
        if (holds.level_notes) line(2, "note: " + UndefinedNote(l.note));
        continue;  // an undefined level's cells are its note
      }
      for (const model::Expectation& e : l.expectations) {
        const bool shown = !e.behaviours.empty() || (holds.summaries && !e.summary.empty()) ||
                           (holds.undefined && e.undefined);
        if (!shown) continue;
        if (holds.per_competency) {
          std::string entry = competency_names[e.competency] + ":";
          if (holds.undefined && e.undefined) entry += " undefined: " + UndefinedNote(e.note);
          if (holds.summaries && !e.summary.empty()) entry += " summary: " + Norm(e.summary);
          line(2, entry);
        }
        if (e.undefined) continue;
        for (const std::string& b : e.behaviours)
          line(holds.per_competency ? 3 : 2, "- " + Norm(b));
      }
      if (holds.requirements)
        for (const model::Requirement& r : l.requirements) line(2, "requires " + Norm(r.text));
    }
  }
  return out;
}

// Roles: every field of every role, in the order of the catalogue.
std::string ProjectRoles(const model::Framework& fw) {
  std::string out;
  for (const model::RoleProfile& r : fw.roles) {
    out += r.id + " | " + r.family + " | " + r.seniority + " | " + Norm(r.title) + "\n";
    out += "  " + Norm(r.summary) + "\n";
    for (const auto* list : {&r.responsibilities, &r.skills, &r.kpis})
      out += "  [" + text::Join(*list, " / ") + "]\n";
    out += "  path: " + Norm(r.path) + "\n";
  }
  return out;
}

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// The frameworks the round trip starts from: the examples, and each seed as imported.
struct Source {
  std::string name;
  model::Framework framework;
};

std::vector<Source> Sources() {
  std::vector<Source> sources;
  for (const char* example : {"engineering", "customer-success", "role-catalog"}) {
    fs::path path = fs::path(LADDER_SOURCE_DIR) / "examples" / (std::string(example) + ".yaml");
    Result<model::Framework> fw = formats::ReadYaml(ReadFile(path), path.string());
    EXPECT_TRUE(fw) << fw.error().ToString();
    if (fw) sources.push_back({std::string("examples/") + example + ".yaml", std::move(*fw)});
  }
  std::vector<fs::path> seeds;
  for (const auto& entry : fs::directory_iterator(LADDER_SEEDS_DIR)) seeds.push_back(entry.path());
  std::sort(seeds.begin(), seeds.end());
  for (const fs::path& seed : seeds) {
    Result<formats::Imported> imported =
        ImportDocuments({{seed.filename().string(), ReadFile(seed)}});
    EXPECT_TRUE(imported) << seed << ": " << imported.error().ToString();
    if (imported)
      sources.push_back({"seed " + seed.filename().string(), std::move(imported->framework)});
  }
  return sources;
}

bool HasLevels(const model::Framework& fw) {
  return std::any_of(fw.tracks.begin(), fw.tracks.end(),
                     [](const model::Track& t) { return !t.levels.empty(); });
}

// Imports what was exported; every passage of it must land in the framework.
model::Framework Reimport(const formats::LayoutExport& exported, const std::string& what) {
  std::vector<formats::Document> documents;
  for (const formats::ExportedFile& f : exported.files) documents.push_back({f.path, f.text});
  Result<formats::Imported> back = ImportDocuments(documents);
  EXPECT_TRUE(back) << what << ": " << back.error().ToString();
  if (!back) return {};
  for (const formats::Passage& p : back->coverage.not_imported)
    ADD_FAILURE() << what << ": not imported back: " << p.file << ":" << p.line << ": " << p.text;
  return std::move(back->framework);
}

class LayoutRoundTrip : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { sources_ = new std::vector<Source>(Sources()); }
  static void TearDownTestSuite() { delete sources_; }
  static std::vector<Source>* sources_;
};
std::vector<Source>* LayoutRoundTrip::sources_ = nullptr;

TEST_F(LayoutRoundTrip, SourcesAreTheExamplesAndTheSeeds) {
  ASSERT_EQ(sources_->size(), 8u);  // three examples, five seeds
}

// Exports every source with levels through `layout`, imports it back, and compares.
template <typename Export>
void RoundTrip(const std::vector<Source>& sources, Export layout, const Holds& holds,
               std::string_view reader) {
  for (const Source& s : sources) {
    if (!HasLevels(s.framework)) continue;
    SCOPED_TRACE(s.name);
    Result<formats::LayoutExport> exported = layout(s.framework);
    ASSERT_TRUE(exported) << exported.error().ToString();
    if (holds.layout == "level-pages") {
      size_t levels = 0;
      for (const model::Track& t : s.framework.tracks) levels += t.levels.size();
      EXPECT_EQ(exported->files.size(), levels);  // one page per level
    }
    model::Framework back = Reimport(*exported, s.name);
    EXPECT_EQ(back.source.format, reader);
    EXPECT_EQ(Project(back, holds, s.framework), Project(s.framework, holds, s.framework));
  }
}

TEST_F(LayoutRoundTrip, LevelsTableInMarkdown) {
  RoundTrip(
      *sources_, [](const auto& fw) { return formats::ExportLevelsTable(fw); }, kLevelsTable,
      "levels-table");
}

TEST_F(LayoutRoundTrip, LevelsTableAsAnHtmlPage) {
  RoundTrip(
      *sources_,
      [](const auto& fw) { return formats::ExportLevelsTable(fw, {.html_document = true}); },
      kLevelsTable, "html-table");
}

TEST_F(LayoutRoundTrip, LevelPages) {
  RoundTrip(*sources_, formats::ExportLevelPages, kLevelPages, "level-pages");
}

TEST_F(LayoutRoundTrip, TsvLadder) {
  RoundTrip(*sources_, formats::ExportTsvLadder, kTsvLadder, "plain-text");
}

TEST_F(LayoutRoundTrip, RoleCatalog) {
  int catalogues = 0;
  for (const Source& s : *sources_) {
    if (s.framework.roles.empty()) continue;
    SCOPED_TRACE(s.name);
    ++catalogues;
    Result<formats::LayoutExport> exported = formats::ExportRoleCatalog(s.framework);
    ASSERT_TRUE(exported) << exported.error().ToString();
    model::Framework back = Reimport(*exported, s.name);
    EXPECT_EQ(back.source.format, "role-catalog");
    EXPECT_EQ(ProjectRoles(back), ProjectRoles(s.framework));
  }
  EXPECT_EQ(catalogues, 2);  // examples/role-catalog.yaml and seed 002
}

// The projections are not blind: a behaviour, a level or a requirement that does not come back
// is a difference.
TEST_F(LayoutRoundTrip, ProjectionsSeeWhatTheyCompare) {
  const model::Framework& fw = sources_->front().framework;  // examples/engineering.yaml
  for (const Holds* holds : {&kLevelsTable, &kLevelPages, &kTsvLadder}) {
    model::Framework changed = fw;
    changed.tracks[0].levels[1].expectations[0].behaviours.pop_back();
    EXPECT_NE(Project(changed, *holds, fw), Project(fw, *holds, fw)) << holds->layout;
    changed = fw;
    changed.tracks[0].levels.pop_back();
    EXPECT_NE(Project(changed, *holds, fw), Project(fw, *holds, fw)) << holds->layout;
  }
  model::Framework changed = fw;
  changed.tracks[0].levels[2].requirements[0].text = "Something else";
  EXPECT_NE(Project(changed, kLevelPages, fw), Project(fw, kLevelPages, fw));
  EXPECT_NE(Project(changed, kTsvLadder, fw), Project(fw, kTsvLadder, fw));
  EXPECT_EQ(Project(changed, kLevelsTable, fw), Project(fw, kLevelsTable, fw));  // not held there
}

TEST(LayoutExport, FrameworksWithoutLevelsOrRoles) {
  model::Framework empty;
  empty.id = "empty";
  for (auto result : {formats::ExportLevelsTable(empty), formats::ExportLevelPages(empty),
                      formats::ExportTsvLadder(empty), formats::ExportRoleCatalog(empty)}) {
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().code, ErrorCode::kInvalidArgument);
    EXPECT_NE(result.error().message.find("'empty'"), std::string::npos);
  }
}

}  // namespace
}  // namespace ladder::app
