// The passages of a framework version and one query's matches over them (passages.h).
#include "storage/passages.h"

#include <algorithm>
#include <tuple>

#include "base/text.h"

namespace ladder::storage {

std::vector<Passage> PassagesOf(const model::Framework& f) {
  std::vector<Passage> out;
  auto add = [&](Passage p) {
    if (!text::Trim(p.body).empty()) out.push_back(std::move(p));
  };
  for (const auto& t : f.tracks) {
    for (const auto& l : t.levels) {
      add({HitKind::kLevelSummary, t.id, l.code, l.title, "", l.title, l.summary});
      for (const auto& [key, value] : l.attributes)
        add({HitKind::kAttribute, t.id, l.code, l.title, "", key, value});
      for (const auto& e : l.expectations) {
        add({HitKind::kExpectationSummary, t.id, l.code, l.title, e.competency, "", e.summary});
        for (const auto& b : e.behaviours)
          add({HitKind::kBehaviour, t.id, l.code, l.title, e.competency, "", b});
      }
      for (const auto& r : l.requirements)
        add({HitKind::kRequirement, t.id, l.code, l.title, "", "", r.text});
    }
  }
  for (size_t i = 0; i < f.notes.size(); ++i)
    add({HitKind::kNote, "", "", "", "", f.notes[i].title, f.notes[i].markdown, i});
  for (size_t i = 0; i < f.roles.size(); ++i) {
    const model::RoleProfile& r = f.roles[i];
    std::string body = r.summary;
    for (const auto* list : {&r.responsibilities, &r.skills, &r.kpis})
      for (const auto& item : *list) body += "\n" + item;
    if (!r.path.empty()) body += "\n" + r.path;
    std::string title = r.title.empty() ? text::Join({r.seniority, r.family}, " ") : r.title;
    add({HitKind::kRole, "", "", "", "", std::move(title), std::move(body), i});
  }
  // The framework's own texts come last, so that passages stored before keep their places.
  add({HitKind::kFramework, "", "", "", "", f.name, f.description});
  for (const auto& t : f.tracks) add({HitKind::kTrack, t.id, "", "", "", t.name, t.description});
  for (const auto& c : f.competencies)
    add({HitKind::kCompetency, "", "", "", c.id, c.name, c.description});
  for (size_t i = 0; i < f.overlays.size(); ++i) {
    const model::OverlayRole& o = f.overlays[i];
    std::string body = o.description;
    for (const auto& duty : o.duties) body += "\n" + duty;
    add({HitKind::kOverlay, "", "", "", "", o.name, std::move(body), i});
  }
  return out;
}

Result<PassageSearch> PassageSearch::Start(std::string_view query, const SearchOptions& options) {
  if (text::Trim(query).empty())
    return MakeError(ErrorCode::kInvalidArgument, "nothing to search for: the query is empty");
  PassageSearch s;
  s.terms_ = internal::QueryTermsOf(query);
  s.language_terms_ = internal::QueryTermsOf(query, options.lang);
  if (s.terms_.empty())
    return MakeError(ErrorCode::kInvalidArgument,
                     "nothing to search for in \"" + std::string(query) + "\"");
  s.lang_ = options.lang;
  s.limit_ = options.limit;
  return s;
}

void PassageSearch::Offer(const Passage& p, SearchHit where, long long ord, size_t tag) {
  internal::PassageMatch m = internal::MatchPassage(language_terms_, p.title, p.body, 24, lang_);
  if (!m.matches) return;
  SearchHit& h = where;
  h.kind = p.kind;
  h.track = p.track;
  h.level = p.level;
  h.level_title = p.level_title;
  h.competency = p.competency;
  h.title = p.title;
  h.snippet = std::move(m.snippet);
  found_.push_back({{std::move(h), tag}, ord, std::move(m)});
}

// Ranked here, not by a database, so that every backend and the site order hits alike.
std::vector<PassageSearch::Ranked> PassageSearch::Hits() && {
  auto key = [](const Found& f) {
    return std::tie(f.ranked.hit.framework, f.ranked.hit.version, f.ord);
  };
  std::sort(found_.begin(), found_.end(),
            [&](const Found& a, const Found& b) { return key(a) < key(b); });
  double title_words = 0, body_words = 0;
  for (const Found& f : found_) {
    title_words += static_cast<double>(f.match.title_length);
    body_words += static_cast<double>(f.match.body_length);
  }
  double n = found_.empty() ? 1.0 : static_cast<double>(found_.size());
  for (Found& f : found_)
    f.ranked.hit.score = internal::Bm25(f.match, title_words / n, body_words / n);
  std::stable_sort(found_.begin(), found_.end(), [](const Found& a, const Found& b) {
    return a.ranked.hit.score > b.ranked.hit.score;
  });
  if (limit_ > 0 && found_.size() > static_cast<size_t>(limit_)) found_.resize(limit_);
  std::vector<Ranked> out;
  out.reserve(found_.size());
  for (Found& f : found_) out.push_back(std::move(f.ranked));
  return out;
}

}  // namespace ladder::storage
