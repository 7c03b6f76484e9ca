#include "analysis/interview_guide.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <set>

#include "analysis/diff.h"
#include "analysis/level_ref.h"
#include "base/text.h"
#include "formats/layout_export.h"

namespace ladder::analysis {
namespace {

// -- Questions -----------------------------------------------------------------------------------

// Inline Markdown as plain words: links keep their text, emphasis and code marks go.
std::string PlainWords(std::string_view markdown) {
  std::string out;
  for (size_t i = 0; i < markdown.size(); ++i) {
    char c = markdown[i];
    if (c == '[') {
      size_t close = markdown.find("](", i);
      size_t end = close == std::string_view::npos ? close : markdown.find(')', close);
      if (end != std::string_view::npos) {
        out += markdown.substr(i + 1, close - i - 1);
        i = end;
        continue;
      }
    }
    if (c == '*' || c == '`' ||
        (c == '_' &&
         (i == 0 || i + 1 == markdown.size() || markdown[i - 1] == ' ' || markdown[i + 1] == ' ')))
      continue;
    out += c;
  }
  return text::CollapseSpace(out);
}

bool IsWord(std::string_view w) {
  return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) {
    return std::isalpha(static_cast<unsigned char>(c));
  });
}

// Words ending in -s that open behaviours without being verbs.
bool NotAVerb(const std::string& lower) {
  static const std::set<std::string> kWords = {
      "always",  "across",   "sometimes", "perhaps", "as",     "its",      "this",  "business",
      "process", "progress", "success",   "status",  "focus",  "analysis", "basis", "series",
      "thus",    "unless",   "less",      "news",    "plus",   "was",      "us",    "yes",
      "various", "numerous", "previous",  "serious", "famous", "gas",      "bias",  "chaos"};
  return kWords.count(lower) > 0 || lower.ends_with("ss") || lower.ends_with("us") ||
         lower.ends_with("is") || lower.ends_with("'s");
}

// "Leads" -> "lead", "Identifies" -> "identify", "Coaches" -> "coach": the base form of a verb
// in the third person singular, or "" when `word` does not read as one.
std::string BaseForm(std::string_view word) {
  std::string w = text::ToLower(word);
  if (w == "is") return "are";
  if (w == "has") return "have";
  if (w == "does") return "do";
  if (w == "goes") return "go";
  if (w.size() < 3 || !IsWord(w) || !w.ends_with('s') || NotAVerb(w)) return {};
  if (w.ends_with("ies") && w.size() > 4) return w.substr(0, w.size() - 3) + "y";
  for (std::string_view ending : {"sses", "shes", "ches", "xes", "zzes", "oes"})
    if (w.ends_with(ending)) return w.substr(0, w.size() - 2);
  return w.substr(0, w.size() - 1);
}

// Verbs that state a capacity rather than an action.
bool Stative(std::string_view base) {
  static const std::set<std::string, std::less<>> kStative = {
      "are", "have", "know", "understand", "possess", "remain", "thrive", "embody", "exhibit"};
  return kStative.contains(base);
}

// "…, and pays it down": a further verb of the same subject, followed by a small word that
// starts its object (or by a plural object: "and drives follow-ups").
bool StartsObject(std::string_view w) {
  static const std::set<std::string, std::less<>> kWords = {
      "a",  "an", "the",  "it",    "them", "what", "how", "its", "their",
      "to", "up", "down", "every", "each", "all",  "on",  "out", "new"};
  return kWords.contains(w);
}

// The words of a behaviour said to the candidate: "their" -> "your", and the verbs after "and"
// in the base form.
std::string SecondPerson(const std::vector<std::string>& words) {
  std::vector<std::string> out;
  for (size_t i = 0; i < words.size(); ++i) {
    std::string w = words[i];
    if (w == "their") w = "your";
    if (w == "themselves") w = "yourself";
    if (w == "theirs") w = "yours";
    if (i > 0 && (words[i - 1] == "and" || words[i - 1] == "or") && i + 1 < words.size() &&
        (StartsObject(words[i + 1]) || words[i + 1].ends_with('s'))) {
      std::string base = BaseForm(w);
      if (!base.empty() && base != "are" && w[0] >= 'a' && w[0] <= 'z') w = base;
    }
    out.push_back(std::move(w));
  }
  return text::Join(out, " ");
}

// -- Rubric --------------------------------------------------------------------------------------

// What `level` adds in `competency`: its behaviours new or reworded at it, else (a level that
// restates the one below) all it expects there.
RubricAnchor AnchorOf(const model::Level* level, const std::optional<LevelNews>& news,
                      const std::string& competency, std::string_view missing) {
  RubricAnchor a;
  if (level == nullptr || !news) {
    a.note = std::string(missing);
    return a;
  }
  a.level_code = level->code;
  a.level_title = level->title.empty() ? level->code : level->title;
  for (const MarkedCompetency& c : news->competencies) {
    if (c.competency != competency) continue;
    if (c.undefined) {
      a.note = "not defined at " + a.level_title + (c.note.empty() ? "" : ": " + c.note);
      return a;
    }
    for (const MarkedBehaviour& b : c.behaviours)
      if (b.mark == Mark::kNew || b.mark == Mark::kChanged) a.behaviours.push_back(b.text);
    if (a.behaviours.empty())
      for (const MarkedBehaviour& b : c.behaviours)
        if (b.mark == Mark::kSame) a.behaviours.push_back(b.text);
  }
  if (a.behaviours.empty() && a.note.empty()) a.note = "nothing new at " + a.level_title;
  return a;
}

std::string AttributeLabel(std::string_view key) {
  std::string out = text::ReplaceAll(std::string(key), "_", " ");
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 32);
  return out;
}

}  // namespace

std::string InterviewQuestion(std::string_view behaviour) {
  std::string plain = PlainWords(behaviour);
  // The first sentence carries the behaviour; the rest elaborates.
  if (size_t stop = plain.find(". "); stop != std::string::npos) plain.resize(stop);
  while (!plain.empty() && (plain.back() == '.' || plain.back() == ' ')) plain.pop_back();
  std::vector<std::string> words = text::Split(plain, ' ');
  std::string base = words.empty() ? std::string() : BaseForm(words[0]);
  if (base.empty() || !std::isupper(static_cast<unsigned char>(words[0][0])))
    return "Where in your recent work have you shown this: \xE2\x80\x9C" + plain +
           "\xE2\x80\x9D? Walk us through it.";
  words[0] = base;
  const std::string said = SecondPerson(words);
  if (Stative(base))
    return "Walk us through an example from your work that shows you " + said + ".";
  return "Tell us about a time you had to " + said + ". What did you do, and what was the outcome?";
}

Result<InterviewGuide> BuildInterviewGuide(const model::Framework& framework,
                                           std::string_view level_ref) {
  LADDER_TRY(LevelAt at, FindLevel(framework, level_ref));
  const model::Track& track = *at.track;
  const model::Level& level = *at.level;
  InterviewGuide g;
  g.framework_id = framework.id;
  g.framework_name = framework.DisplayName();
  g.version = framework.version;
  g.track_id = track.id;
  g.track_name = track.DisplayName();
  g.level_code = level.code;
  g.level_title = level.title.empty() ? level.code : level.title;
  g.summary = level.summary;
  g.cumulative = framework.cumulative;
  for (const auto& [k, v] : level.attributes)
    if (!formats::DescribesSourceDocument(framework, k))
      g.attributes.emplace_back(AttributeLabel(k), v);

  const model::Level* below = framework.PreviousLevel(track.id, level.code);
  const model::Level* above = framework.NextLevel(track.id, level.code);
  auto news_of = [&](const model::Level* l) -> std::optional<LevelNews> {
    if (l == nullptr) return std::nullopt;
    return NewAtLevel(framework, track, *l);
  };
  const std::optional<LevelNews> news_below = news_of(below), news_at = news_of(&level),
                                 news_above = news_of(above);
  for (const model::Competency& c : framework.competencies) {
    GuideCompetency gc;
    gc.id = c.id;
    gc.name = c.DisplayName();
    gc.description = c.description;
    gc.below = AnchorOf(below, news_below, c.id, "no level below " + g.level_title);
    gc.at = AnchorOf(&level, news_at, c.id, "");
    gc.above = AnchorOf(above, news_above, c.id, "no level above " + g.level_title);
    const model::Expectation* e = level.FindExpectation(c.id);
    if (level.state == model::LevelState::kUndefined || (e && e->undefined)) {
      gc.undefined = true;
      gc.note = level.state == model::LevelState::kUndefined ? level.note : e->note;
    }
    if (!gc.undefined) gc.probe = gc.at.behaviours;
    for (const std::string& b : gc.probe) {
      if (gc.questions.size() == kMaxQuestions) break;
      gc.questions.push_back({InterviewQuestion(b), b});
    }
    // A competency the track never speaks of at these levels is left out.
    if (!gc.undefined && gc.below.behaviours.empty() && gc.at.behaviours.empty() &&
        gc.above.behaviours.empty())
      continue;
    g.competencies.push_back(std::move(gc));
  }
  return g;
}

}  // namespace ladder::analysis
