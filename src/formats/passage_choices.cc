#include "formats/passage_choices.h"

#include <algorithm>
#include <array>

#include "formats/coverage.h"

namespace ladder::formats {
namespace {

struct UseName {
  PassageUse use;
  const char* name;
  const char* label;
};

constexpr std::array<UseName, 5> kUses = {{
    {PassageUse::kLeaveOut, "leave-out", "left out"},
    {PassageUse::kNote, "note", "kept in the notes"},
    {PassageUse::kBehaviour, "behaviour", "a behaviour of a competency at a level"},
    {PassageUse::kLevelSummary, "level-summary", "the description of a level"},
    {PassageUse::kCompetencyDescription, "competency-description",
     "the description of a competency"},
}};

const UseName& Entry(PassageUse use) {
  for (const UseName& u : kUses) {
    if (u.use == use) return u;
  }
  return kUses[0];
}

std::string Joined(const std::string& before, const std::string& text, const char* between) {
  return before.empty() ? text : before + between + text;
}

std::string Field(const PassageChoice& c, const char* part) {
  return c.label.empty() ? std::string(part) : c.label + "." + part;
}

Result<model::Level*> FindLevel(model::Framework& f, const PassageChoice& c) {
  if (c.level.empty())
    return MakeError(ErrorCode::kInvalidArgument,
                     std::string("choose a level: a passage that becomes ") +
                         PassageUseLabel(c.use) + " needs one",
                     {}, Field(c, "level"));
  auto [track, level] = f.ResolveLevel(c.level);
  if (!level)
    return MakeError(ErrorCode::kInvalidArgument,
                     "no level '" + c.level + "' in the framework (give track/code)", {},
                     Field(c, "level"));
  if (level->state == model::LevelState::kUndefined)
    return MakeError(ErrorCode::kInvalidArgument,
                     "level '" + c.level + "' is marked not defined: choose a defined level", {},
                     Field(c, "level"));
  model::Track& mutable_track = f.tracks[static_cast<size_t>(track - f.tracks.data())];
  return &mutable_track.levels[static_cast<size_t>(level - track->levels.data())];
}

Result<model::Competency*> FindCompetency(model::Framework& f, const PassageChoice& c) {
  auto it = std::ranges::find(f.competencies, c.competency, &model::Competency::id);
  if (c.competency.empty() || it == f.competencies.end())
    return MakeError(ErrorCode::kInvalidArgument,
                     c.competency.empty()
                         ? std::string("choose a competency: a passage that becomes ") +
                               PassageUseLabel(c.use) + " needs one"
                         : "no competency '" + c.competency + "' in the framework",
                     {}, Field(c, "competency"));
  return &*it;
}

// The level's expectation in `competency`, made (in competency order) when it has none.
model::Expectation& ExpectationOf(const model::Framework& f, model::Level& level,
                                  const std::string& competency) {
  for (model::Expectation& e : level.expectations) {
    if (e.competency == competency) return e;
  }
  auto order = [&](const std::string& id) {
    return std::ranges::find(f.competencies, id, &model::Competency::id) - f.competencies.begin();
  };
  auto at = std::ranges::find_if(level.expectations, [&](const model::Expectation& e) {
    return order(e.competency) > order(competency);
  });
  model::Expectation made;
  made.competency = competency;
  return *level.expectations.insert(at, std::move(made));
}

Status Apply(model::Framework& f, const PassageChoice& c) {
  const std::string& text = c.passage.text;
  switch (c.use) {
    case PassageUse::kLeaveOut:
      return Ok();
    case PassageUse::kNote: {
      std::string title =
          "Kept from " + (c.passage.file.empty() ? std::string("the source") : c.passage.file);
      auto it = std::ranges::find(f.notes, title, &model::Note::title);
      if (it == f.notes.end()) it = f.notes.insert(it, model::Note{title, "", {}});
      it->markdown = Joined(it->markdown, text, "\n\n");
      return Ok();
    }
    case PassageUse::kBehaviour: {
      LADDER_TRY(model::Competency * competency, FindCompetency(f, c));
      LADDER_TRY(model::Level * level, FindLevel(f, c));
      model::Expectation& e = ExpectationOf(f, *level, competency->id);
      if (e.undefined) {
        e.undefined = false;
        e.note.clear();
      }
      e.behaviours.push_back(text);
      return Ok();
    }
    case PassageUse::kLevelSummary: {
      LADDER_TRY(model::Level * level, FindLevel(f, c));
      level->summary = Joined(level->summary, text, " ");
      return Ok();
    }
    case PassageUse::kCompetencyDescription: {
      LADDER_TRY(model::Competency * competency, FindCompetency(f, c));
      competency->description = Joined(competency->description, text, " ");
      return Ok();
    }
  }
  return Ok();
}

}  // namespace

const char* PassageUseName(PassageUse use) { return Entry(use).name; }

const char* PassageUseLabel(PassageUse use) { return Entry(use).label; }

std::optional<PassageUse> ParsePassageUse(std::string_view name) {
  for (const UseName& u : kUses) {
    if (name == u.name) return u.use;
  }
  return std::nullopt;
}

const std::vector<PassageUse>& PassageUses() {
  static const std::vector<PassageUse> uses = [] {
    std::vector<PassageUse> out;
    for (const UseName& u : kUses) out.push_back(u.use);
    return out;
  }();
  return uses;
}

Status ApplyPassageChoices(Imported& imported, const std::vector<PassageChoice>& choices) {
  model::Framework framework = imported.framework;
  for (const PassageChoice& c : choices) LADDER_TRY_STATUS(Apply(framework, c));
  // One document's passages do not carry its name (ReadDocuments names it in the report only):
  // the passages still not imported keep the name the report gave them.
  std::string only_file;
  if (!imported.coverage.not_imported.empty()) only_file = imported.coverage.not_imported[0].file;
  imported.framework = std::move(framework);
  imported.coverage = MeasureCoverage(imported.source, imported.framework);
  for (Passage& p : imported.coverage.not_imported) {
    if (p.file.empty()) p.file = only_file;
  }
  return Ok();
}

}  // namespace ladder::formats
