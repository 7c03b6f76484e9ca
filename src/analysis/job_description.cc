#include "analysis/job_description.h"

#include <set>

#include "analysis/diff.h"
#include "analysis/level_ref.h"
#include "base/text.h"
#include "formats/layout_export.h"

namespace ladder::analysis {
namespace {

std::string Label(std::string_view key) {
  std::string out = text::ReplaceAll(std::string(key), "_", " ");
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 32);
  return out;
}

Result<const model::RoleProfile*> FindRole(const model::Framework& fw, std::string_view role,
                                           const std::vector<const model::RoleProfile*>& catalogue,
                                           const model::Level& level) {
  std::vector<const model::RoleProfile*> all;
  for (const model::RoleProfile& r : fw.roles) all.push_back(&r);
  all.insert(all.end(), catalogue.begin(), catalogue.end());
  if (role.empty()) {
    // Joined by title when a profile has the level's title.
    for (const model::RoleProfile* r : all)
      if (!level.title.empty() && text::IEquals(text::Trim(r->title), text::Trim(level.title)))
        return r;
    return nullptr;
  }
  for (const model::RoleProfile* r : all)
    if (r->id == role || text::IEquals(r->title, role)) return r;
  std::vector<std::string> ids;
  for (const model::RoleProfile* r : all) ids.push_back(r->id);
  std::string message = "no role '" + std::string(role) + "'";
  if (auto guess = text::DidYouMean(role, ids)) message += "; did you mean '" + *guess + "'?";
  message +=
      ids.empty() ? " (no role catalogue was given)" : " (roles: " + text::Join(ids, ", ") + ")";
  return MakeError(ErrorCode::kNotFound, message, {}, "role");
}

// Items once each, in order.
void AddUnique(std::vector<std::string>& items, std::set<std::string>& seen,
               const std::string& item) {
  std::string key = text::ToLower(text::CollapseSpace(item));
  if (!key.empty() && seen.insert(key).second) items.push_back(item);
}

void Responsibilities(const model::Framework& fw, const LevelNews& news, JobDescription& jd) {
  for (const MarkedCompetency& c : news.competencies) {
    if (c.undefined) continue;
    const model::Competency* competency = fw.FindCompetency(c.competency);
    JdGroup group{competency && !competency->name.empty() ? competency->name : c.competency, {}};
    std::set<std::string> seen;
    for (const MarkedBehaviour& b : c.behaviours) AddUnique(group.items, seen, b.text);
    if (!group.items.empty()) jd.responsibilities.push_back(std::move(group));
  }
}

void Success(const model::Framework& fw, const model::Level& level, const LevelNews& news,
             const model::RoleProfile* role, JobDescription& jd) {
  std::set<std::string> seen;
  if (role)
    for (const std::string& k : role->kpis) AddUnique(jd.success, seen, k);
  for (const model::Expectation& e : level.expectations) {
    if (e.summary.empty() || e.undefined) continue;
    const model::Competency* c = fw.FindCompetency(e.competency);
    AddUnique(jd.success, seen,
              (c && !c->name.empty() ? c->name : e.competency) + ": " + e.summary);
  }
  // What distinguishes the level, when there is a level below to be distinguished from.
  // When every behaviour is new (levels that restate their expectations in their own words),
  // nothing is set apart: they are the responsibilities already.
  if (!news.previous) return;
  std::vector<std::string> apart;
  size_t total = 0;
  for (const MarkedCompetency& c : news.competencies) {
    if (c.undefined) continue;
    total += c.behaviours.size();
    for (const MarkedBehaviour& b : c.behaviours)
      if (b.mark == Mark::kNew || b.mark == Mark::kChanged) apart.push_back(b.text);
  }
  if (apart.size() == total) return;
  for (const std::string& b : apart) AddUnique(jd.success, seen, b);
}

}  // namespace

Result<JobDescription> BuildJobDescription(
    const model::Framework& framework, std::string_view level_ref, std::string_view role_ref,
    const std::vector<const model::RoleProfile*>& catalogue) {
  LADDER_TRY(LevelAt at, FindLevel(framework, level_ref));
  const model::Track& track = *at.track;
  const model::Level& level = *at.level;
  LADDER_TRY(const model::RoleProfile* role, FindRole(framework, role_ref, catalogue, level));

  JobDescription jd;
  jd.framework_id = framework.id;
  jd.framework_name = framework.DisplayName();
  jd.version = framework.version;
  jd.track_id = track.id;
  jd.track_name = track.DisplayName();
  jd.level_code = level.code;
  jd.level_title = level.title;
  jd.title = level.title.empty() ? level.code : level.title;
  if (role) {
    jd.role_id = role->id;
    jd.role_title = role->title;
    jd.family = role->family;
    jd.seniority = role->seniority;
    jd.title = role->title;
    if (!role->summary.empty()) jd.purpose.push_back(role->summary);
  }
  if (!level.summary.empty()) jd.purpose.push_back(level.summary);
  if (jd.purpose.empty())
    jd.purpose.push_back(jd.title + ", a level of the " + jd.track_name + " track of " +
                         jd.framework_name + ".");

  const LevelNews news = NewAtLevel(framework, track, level);
  Responsibilities(framework, news, jd);
  if (role && !role->responsibilities.empty())
    jd.responsibilities.push_back({"As " + role->title, role->responsibilities});

  // Years of experience first: it is what a reader of a job advert looks for. The file a level
  // was imported from is no attribute of the job.
  for (const auto& [k, v] : level.attributes)
    if (k == "years_of_experience") jd.attributes.emplace_back(Label(k), v);
  for (const auto& [k, v] : level.attributes)
    if (k != "years_of_experience" && !formats::DescribesSourceDocument(framework, k))
      jd.attributes.emplace_back(Label(k), v);
  std::set<std::string> seen;
  for (const model::Requirement& r : level.requirements) AddUnique(jd.requirements, seen, r.text);
  if (role)
    for (const std::string& s : role->skills) AddUnique(jd.requirements, seen, s);

  Success(framework, level, news, role, jd);
  if (const model::Level* next = framework.NextLevel(track.id, level.code))
    jd.next_level = next->title.empty() ? next->code : next->title;
  return jd;
}

}  // namespace ladder::analysis
