// The plain-text ladder reader (see the header for the accepted documents). One pass over the
// lines collects sections, prose and raw table rows (plain_text_cells.h); here the rows become
// levels, and "Same as X" references are resolved once every level is known.
#include "formats/plain_text_reader.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "base/text.h"
#include "formats/plain_text_cells.h"

namespace ladder::formats {
namespace {

using namespace plain_text;  // NOLINT: the reader's own internal header

struct PendingInherit {
  size_t track = 0;
  size_t level = 0;
  std::string reference;  // "Same as Customer Engineer" or a truncated "s Manager"
  int line = 0;
};

class Builder {
 public:
  Builder(const Document& doc, Imported& out) : doc_(doc), out_(out) {}

  void AddTrack(const Section& section) {
    model::Track track;
    track.kind = KindOfHeading(section.heading);
    // A section titled "Overview" holds the ladder, it does not name a track.
    static const std::regex kGeneric(R"(^(overview|introduction|summary|about|levels)$)",
                                     std::regex::icase);
    const bool generic = std::regex_match(std::string(text::Trim(section.heading)), kGeneric);
    const std::string name = generic ? "Levels" : section.heading;
    if (generic)  // the heading introduces the ladder: structure, not text to import
      std::erase_if(out_.source, [&](const Passage& p) { return p.line == section.line; });
    std::string id = track.kind == model::TrackKind::kOther ? text::Slugify(name)
                                                            : model::TrackKindName(track.kind);
    if (!track_ids_.insert(id).second) {
      id = text::Slugify(name);
      for (int n = 2; !track_ids_.insert(id).second; ++n)
        id = text::Slugify(name) + "-" + std::to_string(n);
    }
    track.id = id;
    track.name = name;
    track.description = text::Join(section.paragraphs, "\n\n");
    track.origin.where = Where(section.line);
    out_.framework.tracks.push_back(std::move(track));
    codes_.clear();
    next_suffix_.clear();
    for (const Table& table : section.tables) AddRows(table);
    SortAndCheckRanks(out_.framework.tracks.back());
  }

  void ResolveInheritance() {
    // "same as <title>" -> the first level with that title.
    std::map<std::string, std::pair<const model::Track*, const model::Level*>> by_title;
    for (const model::Track& t : out_.framework.tracks)
      for (const model::Level& l : t.levels)
        if (!l.title.empty())
          by_title.emplace("same as " + text::ToLower(l.title), std::pair{&t, &l});
    constexpr int kMaxSuffixScans = 64;  // truncated references are rare: bound their cost
    int scans = 0;
    for (const PendingInherit& p : pending_) {
      model::Level& level = out_.framework.tracks[p.track].levels[p.level];
      const std::string ref = text::ToLower(p.reference);
      const model::Track* best_track = nullptr;
      const model::Level* best = nullptr;
      if (auto it = by_title.find(ref); it != by_title.end() && it->second.second != &level) {
        best_track = it->second.first;
        best = it->second.second;
      }
      const bool scan = !best && !ref.starts_with("same as ") && scans++ < kMaxSuffixScans;
      for (const model::Track& t : out_.framework.tracks) {
        if (!scan) break;
        for (const model::Level& l : t.levels) {
          if (&l == &level || l.title.empty()) continue;
          std::string full = "same as " + text::ToLower(l.title);
          bool exact = full == ref;
          bool truncated = full.ends_with(ref) && ref.size() > l.title.size();
          if (!exact && !truncated) continue;
          if (!best || l.title.size() > best->title.size()) {
            best = &l;
            best_track = &t;
          }
        }
      }
      if (!best) {
        Warn(p.line,
             "'" + p.reference + "' names no role of this ladder; the level inherits nothing");
        continue;
      }
      level.inherits = out_.framework.ResolveLevel(best->code).second
                           ? best->code
                           : best_track->id + "/" + best->code;
    }
  }

 private:
  SourceLocation Where(int line) const { return SourceLocation{doc_.name, line, 0}; }
  void Warn(int line, std::string message) {
    out_.warnings.push_back({Where(line), std::move(message)});
  }

  std::string UniqueCode(const std::string& title) {
    std::string base = text::Slugify(title);
    std::string code = base;
    int& n = next_suffix_[base];
    while (!codes_.insert(code).second) code = base + "-" + std::to_string(++n + 1);
    return code;
  }

  // Appends the items of a responsibilities or requirements cell to a level.
  void AddItems(model::Level& level, Column column, std::string_view cell, bool space_runs,
                int line) {
    if (IsTrivialCell(cell)) return;
    if (column == Column::kResponsibilities) {
      if (level.expectations.empty()) {
        model::Expectation e;
        e.competency = "responsibilities";
        e.origin.where = Where(line);
        level.expectations.push_back(std::move(e));
      }
      for (std::string& item : SplitCell(cell, space_runs))
        level.expectations.front().behaviours.push_back(std::move(item));
    } else if (column == Column::kRequirements) {
      if (IsNoRequirement(cell)) return;  // "None": no requirement, not one saying "None"
      for (std::string& item : SplitCell(cell, space_runs)) {
        model::Requirement r;
        r.text = std::move(item);
        r.rule = model::ManualRule{};
        r.origin.where = Where(line);
        level.requirements.push_back(std::move(r));
      }
    }
  }

  void AddNote(model::Level& level, std::string_view note) {
    if (note.empty()) return;
    level.note = level.note.empty() ? std::string(note) : level.note + "; " + std::string(note);
  }

  // The responsibilities cell of a new level, with its "Same as X, plus:" prefix.
  void AddResponsibilities(model::Level& level, std::string_view cell, bool space_runs, int line,
                           bool garbled) {
    model::Track& track = out_.framework.tracks.back();
    if (auto inherit = SplitInheritance(cell, garbled)) {
      AddNote(level, inherit->first + ", plus");
      pending_.push_back(
          {out_.framework.tracks.size() - 1, track.levels.size(), inherit->first, line});
      AddItems(level, Column::kResponsibilities, inherit->second, space_runs, line);
      return;
    }
    AddItems(level, Column::kResponsibilities, cell, space_runs, line);
  }

  // The columns of a table's header.
  struct Columns {
    const Header& h;
    int role = -1, level = -1, resp = -1, req = -1;
    bool space_runs = false;
    explicit Columns(const Header& header)
        : h(header),
          role(header.Find(Column::kRole)),
          level(header.Find(Column::kLevel)),
          resp(header.Find(Column::kResponsibilities)),
          req(header.Find(Column::kRequirements)),
          space_runs(header.tabs) {}
  };

  static std::string CellOf(const RawRow& row, int col) {
    return col >= 0 && static_cast<size_t>(col) < row.cells.size() ? row.cells[col] : "";
  }

  void AddRows(const Table& table) {
    model::Track& track = out_.framework.tracks.back();
    const Columns cols(table.header);
    for (const RawRow& row : table.rows) {
      const bool has_text = std::any_of(row.cells.begin(), row.cells.end(),
                                        [](const std::string& c) { return !IsTrivialCell(c); });
      if (!has_text) continue;
      // A continuation of the row before it.
      if (IsTrivialCell(CellOf(row, cols.role))) {
        if (track.levels.empty()) {
          Warn(row.line, "row without a role name before any role; its text is not imported");
          continue;
        }
        ContinueRow(track.levels.back(), row, cols);
        continue;
      }
      AddLevelRow(track, row, cols);
    }
  }

  // Text of a row without a role name, added to the level of the row before it.
  void ContinueRow(model::Level& level, const RawRow& row, const Columns& cols) {
    const Header& h = cols.h;
    const int req_col = cols.req, resp_col = cols.resp;
    const bool space_runs = cols.space_runs;
    for (size_t i = 0; i < row.cells.size(); ++i) {
      if (IsTrivialCell(row.cells[i])) continue;
      if (i >= h.columns.size()) {  // beyond the header: the last prose column
        AddItems(level, req_col >= 0 ? Column::kRequirements : Column::kResponsibilities,
                 row.cells[i], space_runs, row.line);
        Warn(row.line, "row has more cells than the header; extra text added to " + level.title);
        continue;
      }
      Column c = h.columns[i];
      if (c == Column::kResponsibilities || c == Column::kRequirements) {
        AddItems(level, c, row.cells[i], space_runs, row.line);
      } else if (c == Column::kOther) {
        level.attributes.push_back({text::Slugify(h.names[i]), row.cells[i]});
      } else {
        Column to = resp_col >= 0 ? Column::kResponsibilities : Column::kRequirements;
        AddItems(level, to, row.cells[i], space_runs, row.line);
        Warn(row.line, "continuation row: text in the " + h.names[i] + " column read as " +
                           (resp_col >= 0 ? "responsibilities" : "requirements") + " of " +
                           level.title);
      }
    }
  }

  // A row naming a role: a new level of `track`.
  void AddLevelRow(model::Track& track, const RawRow& row, const Columns& cols) {
    const Header& h = cols.h;
    const int role_col = cols.role, level_col = cols.level, resp_col = cols.resp,
              req_col = cols.req;
    const bool space_runs = cols.space_runs;
    auto cell = [&](int col) { return CellOf(row, col); };
    model::Level level;
    level.origin.where = Where(row.line);
    // A bullet inside a role name is debris of extraction: a dash reads the same.
    std::string title =
        text::CollapseSpace(text::ReplaceAll(cell(role_col), std::string(kBullet), " - "));
    if (text::ToLower(title).starts_with("example:")) {
      AddNote(level, "Given as an example (\"" + title + "\")");
      title = std::string(text::Trim(std::string_view(title).substr(8)));
    }
    level.title = title;
    const int previous_rank = track.levels.empty() ? 0 : track.levels.back().rank;
    LevelValue value = level_col >= 0 ? ParseLevelValue(cell(level_col)) : LevelValue{};
    // A placeholder row: every cell but the level says "varies" or the like.
    // (The role name may be a placeholder too, or a real name whose content varies.)
    bool placeholder = false;
    for (size_t i = 0; i < row.cells.size(); ++i) {
      if (static_cast<int>(i) == level_col || static_cast<int>(i) == role_col ||
          row.cells[i].empty())
        continue;
      placeholder = IsPlaceholder(row.cells[i]);
      if (!placeholder) break;
    }
    if (placeholder) {
      PlaceholderLevel(track, std::move(level), row, cols, value, previous_rank);
      return;
    }
    const bool garbled = value.kind == LevelValue::kUnreadable;
    std::string grade;
    if (value.kind == LevelValue::kRank) {
      level.rank = value.rank;
      // A grade ("S2") is the level's code, so "2 years at S2" names it; "2+" or "Level 3"
      // is kept as written beside the rank.
      grade = GradeCode(cell(level_col));
      if (grade.empty() && !IsBareNumber(cell(level_col)))
        level.attributes.push_back({"level", cell(level_col)});
    } else {
      level.rank = previous_rank + 1;
      if (value.kind == LevelValue::kPlaceholder) {
        level.attributes.push_back({"level", cell(level_col)});
        Warn(row.line, "level of '" + title + "' is given as '" + cell(level_col) + "'; ranked " +
                           std::to_string(level.rank) + " after the row before it");
      }
    }
    level.code = !grade.empty() && codes_.insert(grade).second
                     ? grade
                     : UniqueCode(title.empty() ? "level-" + std::to_string(level.rank) : title);
    if (title.empty()) level.title = level.code;
    for (size_t i = 0; i < row.cells.size() && i < h.columns.size(); ++i)
      if (h.columns[i] == Column::kOther && !row.cells[i].empty())
        level.attributes.push_back({text::Slugify(h.names[i]), row.cells[i]});

    if (!garbled) {
      AddResponsibilities(level, cell(resp_col), space_runs, row.line, false);
      AddItems(level, Column::kRequirements, cell(req_col), space_runs, row.line);
      // Cells beyond the header's columns: kept as requirements or responsibilities (the
      // last prose column), with a warning.
      for (size_t i = h.columns.size(); i < row.cells.size(); ++i) {
        if (IsTrivialCell(row.cells[i])) continue;
        AddItems(level, req_col >= 0 ? Column::kRequirements : Column::kResponsibilities,
                 row.cells[i], space_runs, row.line);
        Warn(row.line, "row has more cells than the header; extra text added to " + level.title);
      }
      track.levels.push_back(std::move(level));
      return;
    }
    GarbledLevel(level, row, cols);
    track.levels.push_back(std::move(level));
  }

  // A placeholder row: every cell but the level says "varies" or the like.
  void PlaceholderLevel(model::Track& track, model::Level level, const RawRow& row,
                        const Columns& cols, const LevelValue& value, int previous_rank) {
    const int role_col = cols.role, level_col = cols.level;
    auto cell = [&](int col) { return CellOf(row, col); };
    const std::string& title = level.title;
    level.code = UniqueCode(title);
    level.state = model::LevelState::kUndefined;
    level.rank = value.kind == LevelValue::kRank ? value.rank : previous_rank + 1;
    if (level_col >= 0 && !cell(level_col).empty())
      level.attributes.push_back({"level", cell(level_col)});
    std::vector<std::string> said;
    for (size_t i = 0; i < row.cells.size(); ++i)
      if (static_cast<int>(i) != level_col && static_cast<int>(i) != role_col &&
          !row.cells[i].empty() && std::find(said.begin(), said.end(), row.cells[i]) == said.end())
        said.push_back(row.cells[i]);
    AddNote(level, "Placeholder row (\"" + text::Join(said, "\", \"") +
                       "\"): the source gives no role, responsibilities or requirements for "
                       "this level");
    track.levels.push_back(std::move(level));
  }

  // Garbled: the Level cell holds prose. The prose cells after the role name, in order, fill
  // the responsibilities and then the requirements.
  void GarbledLevel(model::Level& level, const RawRow& row, const Columns& cols) {
    std::vector<std::string> prose;
    for (size_t i = 0; i < row.cells.size(); ++i) {
      if (static_cast<int>(i) == cols.role || IsTrivialCell(row.cells[i])) continue;
      if (i < cols.h.columns.size() && cols.h.columns[i] == Column::kOther) continue;
      prose.push_back(row.cells[i]);
    }
    std::vector<Column> targets;
    if (cols.resp >= 0) targets.push_back(Column::kResponsibilities);
    if (cols.req >= 0) targets.push_back(Column::kRequirements);
    for (size_t i = 0; i < prose.size(); ++i) {
      Column to = targets[std::min(i, targets.size() - 1)];
      if (to == Column::kResponsibilities && i == 0) {
        AddResponsibilities(level, prose[i], cols.space_runs, row.line, true);
      } else {
        AddItems(level, to, prose[i], cols.space_runs, row.line);
      }
    }
    AddNote(level, "Imported from a row garbled in extraction (role cell \"" + level.title +
                       "\"); check it against the source");
    std::string level_cell = CellOf(row, cols.level);
    if (level_cell.size() > 40) level_cell = level_cell.substr(0, 40) + "...";
    Warn(row.line, "row garbled in extraction: the Level column holds '" + level_cell +
                       "'; imported as '" + level.title + "' at rank " +
                       std::to_string(level.rank) +
                       " (after the row before it), its other cells read as responsibilities "
                       "and requirements");
  }

  // Levels in rank order (stable); a rank not above the one before is moved up, with a warning.
  void SortAndCheckRanks(model::Track& track) {
    // Pending inheritance entries hold level indices: sort only when no entry points into
    // this track yet or the order does not change.
    const size_t t = out_.framework.tracks.size() - 1;
    std::vector<size_t> order(track.levels.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
      return track.levels[a].rank < track.levels[b].rank;
    });
    std::vector<model::Level> sorted;
    std::vector<size_t> position(order.size());
    for (size_t i = 0; i < order.size(); ++i) {
      position[order[i]] = i;
      sorted.push_back(std::move(track.levels[order[i]]));
    }
    track.levels = std::move(sorted);
    for (PendingInherit& p : pending_)
      if (p.track == t) p.level = position[p.level];
    for (size_t i = 1; i < track.levels.size(); ++i) {
      model::Level& l = track.levels[i];
      const int before = track.levels[i - 1].rank;
      if (l.rank <= before) {
        Warn(l.origin.where.line, "level '" + l.title + "' has rank " + std::to_string(l.rank) +
                                      ", not above '" + track.levels[i - 1].title +
                                      "' before it; ranked " + std::to_string(before + 1));
        if (std::none_of(l.attributes.begin(), l.attributes.end(),
                         [](const auto& a) { return a.first == "level"; }))
          l.attributes.push_back({"level", std::to_string(l.rank)});
        l.rank = before + 1;
      }
    }
  }

  const Document& doc_;
  Imported& out_;
  std::set<std::string> track_ids_;
  std::set<std::string> codes_;  // level codes of the current track
  std::map<std::string, int> next_suffix_;
  std::vector<PendingInherit> pending_;
};

// Sentences of a paragraph (". " boundaries), for finding transitions.
std::vector<std::string> Sentences(std::string_view paragraph) {
  std::vector<std::string> out;
  std::string p = text::CollapseSpace(paragraph);
  size_t start = 0;
  for (size_t i = 0; i < p.size(); ++i) {
    if ((p[i] == '.' || p[i] == '?' || p[i] == '!') && (i + 1 == p.size() || p[i + 1] == ' ')) {
      out.push_back(std::string(text::Trim(std::string_view(p).substr(start, i + 1 - start))));
      start = i + 1;
    }
  }
  if (start < p.size()) {
    std::string rest(text::Trim(std::string_view(p).substr(start)));
    if (!rest.empty()) out.push_back(rest);
  }
  return out;
}

std::string WithoutParenthetical(std::string_view name) {
  std::string n(name);
  if (size_t open = n.find(" ("); open != std::string::npos) n.resize(open);
  return text::ToLower(text::Trim(n));
}

// "move from the IC Path to the Management Path, or vice versa, ... if <condition>."
void AddTransitions(const std::vector<std::string>& paragraphs, int line, const Document& doc,
                    model::Framework& fw) {
  // Every pair of tracks is tried in every sentence; real ladders have a handful of tracks.
  constexpr size_t kMaxTracks = 32;
  if (fw.tracks.size() > kMaxTracks) return;
  for (const std::string& paragraph : paragraphs) {
    if (paragraph.find("from ") == std::string::npos) continue;
    for (const std::string& sentence : Sentences(paragraph)) {
      std::string plain = text::ReplaceAll(sentence, "**", "");
      plain = text::ReplaceAll(std::move(plain), "*", "");
      const std::string lower = text::ToLower(plain);
      for (const model::Track& a : fw.tracks) {
        for (const model::Track& b : fw.tracks) {
          if (&a == &b) continue;
          const std::string an = WithoutParenthetical(a.name), bn = WithoutParenthetical(b.name);
          bool found = false;
          for (std::string_view article : {"the ", ""}) {
            std::string pattern =
                "from " + std::string(article) + an + " to " + std::string(article) + bn;
            if (lower.find(pattern) != std::string::npos) found = true;
          }
          if (!found) continue;
          std::string condition;
          if (size_t at = lower.rfind(" if "); at != std::string::npos)
            condition = std::string(text::Trim(std::string_view(plain).substr(at + 4)));
          while (!condition.empty() && (condition.back() == '.' || condition.back() == ' '))
            condition.pop_back();
          const bool both = lower.find("vice versa") != std::string::npos;
          auto add = [&](const model::Track& from, const model::Track& to) {
            for (const model::Transition& t : fw.transitions)
              if (t.from == from.id && t.to == to.id) return;
            model::Transition t;
            t.from = from.id;
            t.to = to.id;
            t.description = sentence;
            t.origin.where = SourceLocation{doc.name, line, 0};
            if (!condition.empty())
              t.requirements.push_back({condition, model::ManualRule{}, t.origin});
            fw.transitions.push_back(std::move(t));
          };
          add(a, b);
          if (both) add(b, a);
        }
      }
    }
  }
}

class PlainTextReader : public Reader {
 public:
  std::string_view Name() const override { return "plain-text"; }

  int Detect(std::string_view text) const override {
    if (text.find("<table") != std::string_view::npos ||
        text.find("<html") != std::string_view::npos)
      return 0;
    size_t pos = 0;
    int lines = 0;
    int score = 0;
    while (pos < text.size() && lines < 5000) {
      size_t end = text.find('\n', pos);
      if (end == std::string_view::npos) end = text.size();
      std::string_view line = text.substr(pos, end - pos);
      if (line.ends_with('\r')) line.remove_suffix(1);
      ++lines;
      if (line.size() < 400) {
        if (std::optional<Header> h = ParseHeader(line)) {
          score = std::max(score, h->tabs ? 85 : 60);
          if (h->tabs && h->Find(Column::kLevel) >= 0) score = 90;
        }
      }
      pos = end + 1;
    }
    return score;
  }

  Result<Imported> Read(const Document& document) const override {
    Imported out;
    model::Framework& fw = out.framework;
    fw.source = {document.name, std::string(Name())};
    Scan scan = ScanDocument(document, out.source);
    std::vector<Section>& sections = scan.sections;
    fw.name = scan.title;
    if (!scan.have_title) {
      return MakeError(ErrorCode::kParse, "empty document: nothing to import",
                       SourceLocation{document.name, 0, 0});
    }
    bool any_table = false;
    for (const Section& s : sections) any_table = any_table || !s.tables.empty();
    if (!any_table) {
      return MakeError(ErrorCode::kParse,
                       "no role table found: a plain-text ladder needs a header row naming a "
                       "Role column and a Responsibilities or Requirements column, separated by "
                       "tabs",
                       SourceLocation{document.name, 1, 0});
    }

    fw.id = text::Slugify(fw.name);
    fw.description = text::Join(scan.preamble, "\n\n");
    bool responsibilities = false;
    for (const Section& s : sections)
      for (const Table& t : s.tables)
        responsibilities = responsibilities || t.header.Find(Column::kResponsibilities) >= 0;
    if (responsibilities) {
      model::Competency c;
      c.id = "responsibilities";
      c.name = "Responsibilities";
      c.description = "What the role is responsible for.";
      fw.competencies.push_back(std::move(c));
    }

    Builder builder(document, out);
    for (const Section& s : sections) {
      if (!s.tables.empty()) builder.AddTrack(s);
    }
    builder.ResolveInheritance();
    for (const Section& s : sections) {
      if (s.tables.empty()) {
        model::Note note;
        note.title = s.heading;
        note.markdown = text::Join(s.paragraphs, "\n\n");
        note.origin.where = SourceLocation{document.name, s.line, 0};
        fw.notes.push_back(std::move(note));
      }
      AddTransitions(s.paragraphs, s.line, document, fw);
    }
    AddTransitions(scan.preamble, 1, document, fw);
    return out;
  }
};

}  // namespace

std::unique_ptr<Reader> MakePlainTextReader() { return std::make_unique<PlainTextReader>(); }

}  // namespace ladder::formats
