#include "model/validate.h"

#include <algorithm>
#include <cstdio>
#include <set>
#include <string>
#include <tuple>
#include <type_traits>

#include "base/text.h"
#include "model/translation.h"

namespace ladder::model {
namespace {

class Checker {
 public:
  explicit Checker(const Framework& fw) : fw_(fw) {}

  std::vector<Error> Run() {
    if (fw_.id.empty()) Report(fw_.origin, "framework.id", "the framework has no id");
    CheckIds();
    CheckGroups();
    CheckPublishing();
    CheckWaiverPolicy();
    for (const Track& track : fw_.tracks) CheckTrack(track);
    for (const OverlayRole& overlay : fw_.overlays) {
      for (const std::string& ref : overlay.levels) {
        if (!fw_.ResolveLevel(ref).second)
          Report(overlay.origin, "overlays." + overlay.id + ".levels",
                 "level '" + ref + "' does not exist" + LevelHint());
      }
      CheckRequirements(overlay.requirements, "overlays." + overlay.id, "");
    }
    for (const Transition& t : fw_.transitions) {
      const std::string field = "transitions." + t.from + "->" + t.to;
      if (!fw_.FindTrack(t.from))
        Report(t.origin, field + ".from", "track '" + t.from + "' does not exist" + TrackHint());
      if (!fw_.FindTrack(t.to))
        Report(t.origin, field + ".to", "track '" + t.to + "' does not exist" + TrackHint());
      CheckRequirements(t.requirements, field, "");
    }
    CheckRequirements(fw_.policy, "policy", "");
    CheckTranslations(fw_, errors_);
    return std::move(errors_);
  }

 private:
  void Report(const Origin& origin, std::string field, std::string message) {
    errors_.push_back(
        Error{ErrorCode::kInvalidArgument, std::move(message), origin.where, std::move(field)});
  }

  template <typename T, typename Key>
  void Unique(const std::vector<T>& items, Key key, const std::string& what,
              const std::string& field) {
    std::set<std::string> seen;
    for (const T& item : items) {
      const std::string& id = key(item);
      if (id.empty()) {
        Report(item.origin, field, what + " without an id");
      } else if (!seen.insert(id).second) {
        Report(item.origin, field + "." + id, "duplicate " + what + " id '" + id + "'");
      }
    }
  }

  void CheckIds() {
    Unique(
        fw_.competencies, [](const Competency& c) -> const std::string& { return c.id; },
        "competency", "competencies");
    Unique(
        fw_.groups, [](const CompetencyGroup& g) -> const std::string& { return g.id; }, "group",
        "groups");
    Unique(
        fw_.tracks, [](const Track& t) -> const std::string& { return t.id; }, "track", "tracks");
    Unique(
        fw_.overlays, [](const OverlayRole& o) -> const std::string& { return o.id; }, "overlay",
        "overlays");
    Unique(
        fw_.roles, [](const RoleProfile& r) -> const std::string& { return r.id; }, "role",
        "roles");
  }

  // The template is a file beside the framework (or in the server's templates folder), never
  // a path that leaves that folder.
  void CheckPublishing() {
    const std::string& t = fw_.jd_template;
    if (!t.empty() && !IsRelativeInside(t))
      Report(fw_.origin, "framework.jd_template",
             "'" + t +
                 "' must be a relative path that stays in the framework's folder (no "
                 "leading '/', no '..')");
    for (size_t i = 0; i < fw_.allow_links.size(); ++i)
      if (fw_.allow_links[i].find_first_not_of(" \t") == std::string::npos)
        Report(fw_.origin, "framework.allow_links[" + std::to_string(i) + "]",
               "an empty entry allows nothing: remove it");
  }

  // Who may waive names the authorities app/authority.h knows; what may not be waived names a
  // rule kind or a sentence, never nothing.
  void CheckWaiverPolicy() {
    const WaiverPolicy& w = fw_.waivers;
    for (size_t i = 0; i < w.by.size(); ++i)
      if (std::find(std::begin(kWaiverAuthorities), std::end(kWaiverAuthorities), w.by[i]) ==
          std::end(kWaiverAuthorities))
        Report(fw_.origin, "framework.waivers.by[" + std::to_string(i) + "]",
               "unknown '" + w.by[i] +
                   "'; expected one of: leadership, manager, people_team, admin, self");
    if (w.by.size() == 1 && w.by[0] == "self")
      Report(fw_.origin, "framework.waivers.by",
             "'self' widens the others (leadership, manager, people_team, admin); alone it "
             "lets nobody waive");
    for (size_t i = 0; i < w.never.size(); ++i)
      if (w.never[i].find_first_not_of(" \t") == std::string::npos)
        Report(fw_.origin, "framework.waivers.never[" + std::to_string(i) + "]",
               "an empty entry names no requirement: write a rule kind (peer_review) or a "
               "requirement's sentence");
  }

  static bool IsRelativeInside(std::string_view path) {
    if (path.starts_with('/') || path.starts_with('\\') || path.find(':') != std::string::npos)
      return false;
    size_t start = 0;
    while (start <= path.size()) {
      size_t end = path.find_first_of("/\\", start);
      if (end == std::string_view::npos) end = path.size();
      if (path.substr(start, end - start) == "..") return false;
      start = end + 1;
    }
    return true;
  }

  void CheckGroups() {
    std::set<std::string> grouped;
    for (const CompetencyGroup& g : fw_.groups) {
      for (const std::string& c : g.competencies) {
        if (!fw_.FindCompetency(c)) {
          Report(g.origin, "groups." + g.id + ".competencies",
                 "competency '" + c + "' does not exist" + CompetencyHint(c));
        } else if (!grouped.insert(c).second) {
          Report(g.origin, "groups." + g.id + ".competencies",
                 "competency '" + c + "' already belongs to another group");
        }
      }
    }
  }

  void CheckTrack(const Track& track) {
    const std::string field = "tracks." + track.id;
    Unique(
        track.levels, [](const Level& l) -> const std::string& { return l.code; }, "level",
        field + ".levels");
    const Level* previous = nullptr;
    for (const Level& level : track.levels) {
      const std::string lfield = field + ".levels." + level.code;
      if (previous && level.rank <= previous->rank) {
        Report(level.origin, lfield + ".rank",
               "rank " + std::to_string(level.rank) + " of level '" + level.code +
                   "' must be greater than rank " + std::to_string(previous->rank) + " of '" +
                   previous->code + "' before it");
      }
      previous = &level;
      std::set<std::string> seen;
      for (const Expectation& e : level.expectations) {
        if (!fw_.FindCompetency(e.competency)) {
          Report(e.origin, lfield + ".expectations." + e.competency,
                 "competency '" + e.competency + "' does not exist" + CompetencyHint(e.competency));
        } else if (!seen.insert(e.competency).second) {
          Report(e.origin, lfield + ".expectations." + e.competency,
                 "competency '" + e.competency + "' appears twice in this level");
        }
      }
      if (!level.inherits.empty() && !fw_.ResolveLevel(level.inherits, track.id).second) {
        Report(level.origin, lfield + ".inherits",
               "level '" + level.inherits + "' does not exist" + LevelHint());
      }
      CheckRequirements(level.requirements, lfield, track.id);
    }
  }

  // One overload per rule kind: a kind without its checks does not compile.
  void CheckRequirements(const std::vector<Requirement>& requirements, const std::string& field,
                         const std::string& track) {
    for (size_t i = 0; i < requirements.size(); ++i) {
      const Requirement& r = requirements[i];
      const std::string rfield = field + ".requirements[" + std::to_string(i) + "].rule";
      auto level = [&](const std::string& ref) {
        if (!ref.empty() && !LevelRefExists(ref, track))
          Report(r.origin, rfield + ".level", "level '" + ref + "' does not exist" + LevelHint());
      };
      auto at_least_one = [&](int value, const char* name) {
        if (value <= 0)
          Report(r.origin, rfield + "." + name, std::string(name) + " must be at least 1");
      };
      std::visit(Overloaded{
                     [](const ManualRule&) {},
                     [&](const TimeAtLevel& rule) {
                       level(rule.level);
                       at_least_one(rule.months, "months");
                     },
                     [&](const ConsistentPerformance& rule) {
                       level(rule.level);
                       at_least_one(rule.months, "months");
                     },
                     [&](const PerformingAtNext& rule) { at_least_one(rule.months, "months"); },
                     [&](const EvidenceCount& rule) { at_least_one(rule.count, "count"); },
                     [&](const TimeInRole& rule) { at_least_one(rule.months, "months"); },
                     [&](const SmeSkillsets& rule) { at_least_one(rule.count, "count"); },
                     [](const MetricThreshold&) {},
                     [](const PeerReviewPassed&) {},
                     [](const DocumentedNeed&) {},
                     [](const Approval&) {},
                 },
                 r.rule);
    }
  }

  // A rule's level may also be a rank number ("1": any level of rank 1).
  bool LevelRefExists(const std::string& ref, const std::string& track) const {
    if (fw_.ResolveLevel(ref, track).second) return true;
    if (!ref.empty() &&
        std::all_of(ref.begin(), ref.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      int rank = std::stoi(ref.size() > 6 ? ref.substr(0, 6) : ref);
      for (const Track& t : fw_.tracks)
        for (const Level& l : t.levels)
          if (l.rank == rank) return true;
    }
    return false;
  }

  std::string CompetencyHint(const std::string& id) const {
    std::vector<std::string> ids;
    for (const Competency& c : fw_.competencies) ids.push_back(c.id);
    (void)id;
    if (ids.empty()) return " (the framework declares no competencies)";
    return " (declared: " + JoinLimited(ids) + ")";
  }
  std::string TrackHint() const {
    std::vector<std::string> ids;
    for (const Track& t : fw_.tracks) ids.push_back(t.id);
    return " (declared: " + JoinLimited(ids) + ")";
  }
  std::string LevelHint() const {
    std::vector<std::string> ids;
    for (const Track& t : fw_.tracks)
      for (const Level& l : t.levels) ids.push_back(t.id + "/" + l.code);
    return " (declared: " + JoinLimited(ids) + ")";
  }
  static std::string JoinLimited(const std::vector<std::string>& ids) {
    std::string out;
    for (size_t i = 0; i < ids.size() && i < 12; ++i) out += (i ? ", " : "") + ids[i];
    if (ids.size() > 12) out += ", ...";
    return out.empty() ? "none" : out;
  }

  const Framework& fw_;
  std::vector<Error> errors_;
};

}  // namespace

std::vector<Error> ValidateFramework(const Framework& framework) {
  return Checker(framework).Run();
}

Status CheckFramework(const Framework& framework) {
  std::vector<Error> errors = ValidateFramework(framework);
  if (errors.empty()) return Ok();
  return Fail(errors.front());
}

namespace {

// Collects the violations of one record.
class RecordChecker {
 public:
  explicit RecordChecker(std::string kind) : kind_(std::move(kind)) {}
  void Require(bool ok, const std::string& field, std::string message) {
    if (!ok)
      errors_.push_back(
          Error{ErrorCode::kInvalidArgument, std::move(message), {}, kind_ + "." + field});
  }
  void NotEmpty(const std::string& value, const std::string& field, const std::string& what) {
    Require(!value.empty(), field, kind_ + " needs " + what);
  }
  void NotEmpty(Date value, const std::string& field, const std::string& what) {
    Require(!value.empty(), field, kind_ + " needs " + what);
  }
  // `later`, when set, is not before `earlier` (or strictly after, when `strict`).
  void Ordered(Date earlier, Date later, const std::string& field, const std::string& what,
               bool strict = false) {
    if (earlier.empty() || later.empty()) return;
    bool ok = strict ? later > earlier : !(later < earlier);
    Require(ok, field,
            what + " " + later.ToString() + " is " + (strict ? "not after " : "before ") +
                earlier.ToString());
  }
  std::vector<Error> Done() { return std::move(errors_); }

 private:
  std::string kind_;
  std::vector<Error> errors_;
};

// Characters that are invisible or steer how text is laid out: controls (C0, DEL, C1), spaces
// other than the plain one, zero-width and direction marks, byte-order marks, specials.
bool Invisible(char32_t c) {
  return c < 0x20 || (c >= 0x7F && c <= 0xA0) || c == 0xAD || (c >= 0x2000 && c <= 0x200F) ||
         (c >= 0x2028 && c <= 0x202F) || (c >= 0x205F && c <= 0x206F) || c == 0x3000 ||
         c == 0xFEFF || (c >= 0xFFF0 && c <= 0xFFFF);
}

bool IdChar(char32_t c) {
  if (c >= 0x80) return !Invisible(c);
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
         c == '_' || c == '-' || c == '@' || c == '+';
}

// A character as a reader sees it in a message: itself, or U+XXXX when it cannot be seen.
std::string Shown(char32_t c) {
  if (c > 0x20 && c != 0x7F && !Invisible(c)) {
    std::string out = "'";
    text::AppendUtf8(c, out);
    return out + "'";
  }
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(c));
  return buf;
}

// Checks one text field of a person: valid UTF-8, its length, and each character. Returns the
// problem, or "" when there is none.
template <typename Allowed>
std::string CheckText(std::string_view value, size_t max, Allowed allowed, const char* what) {
  if (!text::IsValidUtf8(value)) return std::string(what) + " is not valid UTF-8 text";
  size_t count = 0;
  for (size_t i = 0; i < value.size(); ++count) {
    size_t len = 1;
    char32_t c = text::DecodeUtf8(value, i, &len);
    if (!allowed(c))
      return std::string(what) + " holds " + Shown(c) + " at character " +
             std::to_string(count + 1) + ", which is not allowed there";
    i += len;
  }
  if (count > max)
    return std::string(what) + " has " + std::to_string(count) + " characters; at most " +
           std::to_string(max);
  return "";
}

std::string CheckId(std::string_view id, const char* what) {
  std::string problem = CheckText(id, kMaxPersonId, IdChar, what);
  if (!problem.empty()) return problem + " (ids are letters, digits, '.', '_', '-', '@' and '+')";
  if (!id.empty() && (id[0] == '.' || id[0] == '_' || id[0] == '-' || id[0] == '@' || id[0] == '+'))
    return std::string(what) + " '" + std::string(id) + "' must start with a letter or digit";
  return "";
}

}  // namespace

std::vector<Error> ValidatePerson(const Person& p) {
  RecordChecker c("person");
  c.NotEmpty(p.id, "id", "an id");
  for (auto [field, value, what] :
       {std::tuple{"id", &p.id, "the id"}, std::tuple{"manager", &p.manager, "the manager's id"}}) {
    std::string problem = CheckId(*value, what);
    c.Require(problem.empty(), field, problem);
  }
  std::string name = CheckText(
      p.name, kMaxPersonName, [](char32_t ch) { return ch >= 0x20 && !(ch >= 0x7F && ch < 0xA0); },
      "the name");
  c.Require(name.empty(), "name", name);
  std::string email = CheckText(
      p.email, kMaxEmail, [](char32_t ch) { return ch > 0x20 && !Invisible(ch); },
      "the e-mail address");
  c.Require(email.empty(), "email", email);
  return c.Done();
}

std::vector<Error> ValidateEvidence(const Evidence& e) {
  RecordChecker c("evidence");
  c.NotEmpty(e.person, "person", "the person it is about");
  c.NotEmpty(e.kind, "kind", "a kind (talk, doc, project, role, sme, ...)");
  c.NotEmpty(e.date, "date", "the date it happened");
  c.Ordered(e.date, e.end, "end", "the end of the period");
  if (e.kind == "role") c.NotEmpty(e.role, "role", "the role held (kind role)");
  if (e.kind == "sme") c.NotEmpty(e.skill, "skill", "the skill set signed off (kind sme)");
  return c.Done();
}

std::vector<Error> ValidateAssessment(const Assessment& a) {
  RecordChecker c("assessment");
  c.NotEmpty(a.person, "person", "the person assessed");
  c.NotEmpty(a.period_start, "period_start", "the start of the period assessed");
  c.Ordered(a.period_start, a.period_end, "period_end", "the end of the period");
  c.Require(a.framework.empty() == a.version.empty(), a.framework.empty() ? "framework" : "version",
            "an assessment is pinned to a framework and a version together");
  c.Require(a.level.empty() || !a.version.empty(), "level",
            "the level assessed against needs the framework version it belongs to");
  return c.Done();
}

std::vector<Error> ValidateCase(const Case& k) {
  RecordChecker c("case");
  c.NotEmpty(k.person, "person", "the person it is about");
  c.NotEmpty(k.opened, "opened", "the date it was opened");
  c.Require(k.target_level.empty() || k.target_overlay.empty(), "target_overlay",
            "a case aims at a level or at an overlay role, not both");
  std::set<std::string> voted;
  for (std::size_t i = 0; i < k.votes.size(); ++i) {
    const std::string& reviewer = k.votes[i].reviewer;
    std::string field = "votes[" + std::to_string(i) + "].reviewer";
    c.Require(std::find(k.panel.begin(), k.panel.end(), reviewer) != k.panel.end(), field,
              reviewer + " voted but is not on the panel");
    c.Require(voted.insert(reviewer).second, field, reviewer + " voted twice");
  }
  if (k.status == CaseStatus::kClosed)
    c.Require(k.decision.has_value(), "decision", "a closed case has its decision");
  if (k.decision) c.Ordered(k.opened, k.decision->effective, "decision.effective", "the decision");
  return c.Done();
}

std::vector<Error> ValidateWaiver(const Waiver& w) {
  RecordChecker c("waiver");
  c.NotEmpty(w.person, "person", "the person it is for");
  c.NotEmpty(w.requirement, "requirement", "the sentence of the requirement it waives");
  c.NotEmpty(w.approver, "approver", "the person who approved it");
  c.NotEmpty(w.granted, "granted", "the date it was granted");
  c.Ordered(w.granted, w.expires, "expires", "the expiry", /*strict=*/true);
  if (!w.revoked.empty()) {
    c.NotEmpty(w.revoked_by, "revoked_by", "who revoked it");
    c.NotEmpty(w.revoke_reason, "revoke_reason", "why it was revoked");
    c.Ordered(w.granted, w.revoked, "revoked", "the revocation");
  }
  return c.Done();
}

std::vector<Error> ValidateNeed(const Need& n) {
  RecordChecker c("need");
  c.NotEmpty(n.framework, "framework", "the framework of the role");
  c.NotEmpty(n.opened, "opened", "the date it was opened");
  c.Require(n.level.empty() || n.overlay.empty(), "overlay",
            "a need is for a level or for an overlay role, not both");
  if (n.status == NeedStatus::kFilled)
    c.NotEmpty(n.filled_by_case, "filled_by_case", "the case that filled it (status filled)");
  c.Ordered(n.opened, n.closed, "closed", "the close date");
  return c.Done();
}

}  // namespace ladder::model
