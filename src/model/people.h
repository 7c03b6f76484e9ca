// The people side of the domain model: people and their level history, the
// records of growth (evidence, metrics, assessments, sign-offs) and of the review process
// (advancement reviews with panels and votes, waivers, decisions, documented needs, raises),
// accounts and the audit log.
//
// Plain values; ids are strings chosen by the caller or assigned by storage. Dates are
// calendar dates (base/date.h); timestamps are ISO-8601 UTC strings.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/date.h"
#include "model/framework.h"

namespace ladder::model {

struct Person {
  std::string id;  // HRIS id, e.g. "e042"
  std::string name;
  std::string email;
  std::string manager;  // person id, "" for the top of the tree
  Date hired;
  // What pages call the person: their name, or their id when it is not known.
  const std::string& DisplayName() const { return name.empty() ? id : name; }
  friend bool operator==(const Person&, const Person&) = default;
};

// A person held `level` of `track` in `framework`@`version` from `from` until `to` (exclusive;
// empty: still holds it). Overlays are overlay role ids held during the period.
struct Assignment {
  std::string id;
  std::string person;
  std::string framework;
  std::string version;
  std::string track;
  std::string level;  // level code
  std::vector<std::string> overlays;
  Date from;
  Date to;
  std::string reason;  // "hire", "promotion", "import", case id ...
  friend bool operator==(const Assignment&, const Assignment&) = default;
};

// A growth record (evidence, a metric value, an assessment, a sign-off) taken back; records are
// never deleted. Withdrawn (`replaced_by` empty), it no longer counts; corrected, its correction
// `replaced_by` (a record of the same kind whose `corrects` names this one) counts instead. Either
// way it stays stored and shown, with who took it back, on which day and why.
struct Retraction {
  std::string by;  // person id (or the user's id when not linked to a person)
  Date date;
  std::string reason;
  std::string replaced_by;  // the correction's id; empty: withdrawn
  friend bool operator==(const Retraction&, const Retraction&) = default;
};

// Kinds the rules understand; any other string is allowed and counted by name.
inline constexpr const char* kEvidenceKinds[] = {"talk",   "doc",     "postmortem", "design",
                                                 "ticket", "project", "planning",   "mentoring",
                                                 "role",   "sme",     "other"};

struct Evidence {
  std::string id;
  std::string person;
  std::string kind;  // see kEvidenceKinds
  std::string title;
  Date date;                  // when it happened (start of a period for kind "role")
  Date end;                   // end of a period (kind "role"); empty: ongoing
  std::string role;           // for kind "role": "tech-lead", ...
  std::string skill;          // for kind "sme": the skill set signed off
  std::string signed_off_by;  // person id, for kind "sme"
  std::vector<std::string> competencies;
  std::string url;
  std::string note;
  // Kind "sme": the day the signer confirmed the sign-off; empty while it is a claim awaiting
  // them. Only confirmed sign-offs count (docs/eligibility.md).
  Date confirmed;
  std::optional<Retraction> retraction = std::nullopt;  // withdrawn or corrected; none: it stands
  std::string corrects = {};  // the id of the record this one corrects, or ""
  friend bool operator==(const Evidence&, const Evidence&) = default;
};

struct Metric {
  std::string id;
  std::string person;
  std::string name;  // "resolved_without_assistance"
  Date period_start;
  Date period_end;
  double value = 0;
  std::optional<Retraction> retraction = std::nullopt;  // withdrawn or corrected; none: it stands
  std::string corrects = {};  // the id of the record this one corrects, or ""
  friend bool operator==(const Metric&, const Metric&) = default;
};

enum class AssessorRole { kSelf, kManager, kPeer };
// below current level / meeting current level / performing at the next level
enum class Rating { kBelow, kMeeting, kNext };

struct Assessment {
  std::string id;
  std::string person;
  std::string assessor;  // person id
  AssessorRole role = AssessorRole::kSelf;
  Date period_start;
  Date period_end;
  std::string competency;
  Rating rating = Rating::kMeeting;
  std::string note;
  std::string framework;  // pinned to the version it used
  std::string version;
  std::string level;  // the level assessed against
  // The id of an earlier rating of the same period, competency and level by the same assessor
  // that this one replaces ("" for none): set when it is recorded; eligibility reads the later.
  std::string supersedes = {};
  std::optional<Retraction> retraction = std::nullopt;  // withdrawn or corrected; none: it stands
  std::string corrects = {};  // the id of the record this one corrects, or ""
  friend bool operator==(const Assessment&, const Assessment&) = default;
};

// A manual checkpoint signed off for a person.
struct SignOff {
  std::string id;
  std::string person;
  std::string requirement;  // the requirement's sentence
  std::string by;           // person or user id
  Date date;
  std::string note;
  std::optional<Retraction> retraction = std::nullopt;  // withdrawn or corrected; none: it stands
  std::string corrects = {};  // the id of the record this one corrects, or ""
  friend bool operator==(const SignOff&, const SignOff&) = default;
};

enum class CaseStatus { kOpen, kPortfolio, kPeerReview, kDecision, kClosed };
enum class VoteChoice { kFor, kAgainst, kAbstain };

struct Vote {
  std::string reviewer;  // person id
  VoteChoice choice = VoteChoice::kAbstain;
  std::string note;
  Date date;
  friend bool operator==(const Vote&, const Vote&) = default;
};

struct CaseEvent {
  Date date;
  std::string actor;
  std::string what;  // "opened", "moved to peer_review", ...
  friend bool operator==(const CaseEvent&, const CaseEvent&) = default;
};

enum class Outcome { kPromoted, kNotPromoted, kDeferred };

struct Decision {
  Outcome outcome = Outcome::kDeferred;
  Date effective;
  std::string decided_by;
  std::string note;
  friend bool operator==(const Decision&, const Decision&) = default;
};

// An advancement review: a person, a target (a level, or an overlay role), a state machine
// open -> portfolio -> peer_review -> decision -> closed.
struct Case {
  std::string id;
  std::string person;
  std::string framework;
  std::string version;
  std::string target_track;
  std::string target_level;    // level code, or "" when the target is an overlay
  std::string target_overlay;  // overlay role id, or ""
  std::string opened_by;
  Date opened;
  CaseStatus status = CaseStatus::kOpen;
  std::vector<std::string> portfolio;  // evidence ids
  std::vector<std::string> panel;      // reviewer person ids
  std::vector<Vote> votes;
  ConsensusRule consensus = ConsensusRule::kUnanimous;
  std::optional<Decision> decision;
  std::vector<CaseEvent> history;
  std::string cycle{};  // the review cycle it belongs to (model/cycle.h), or ""
  friend bool operator==(const Case&, const Case&) = default;
};

struct Waiver {
  std::string id;
  std::string person;
  std::string case_id;      // may be empty
  std::string requirement;  // the requirement's sentence
  std::string approver;     // person id holding the authority
  std::string reason;
  Date granted;
  Date expires;  // empty: no expiry
  // A revoked waiver no longer counts from `revoked` on; who revoked it and why stay with it.
  std::string revoked_by;  // person id (or the account) who revoked it; "" while it stands
  Date revoked;
  std::string revoke_reason;
  friend bool operator==(const Waiver&, const Waiver&) = default;
};

enum class NeedStatus { kOpen, kFilled, kClosed };

// A documented need for a role or level (004: management roles only when there is one).
struct Need {
  std::string id;
  std::string framework;
  std::string track;
  std::string level;    // level code, or ""
  std::string overlay;  // overlay role id, or ""
  std::string reason;
  std::string opened_by;
  Date opened;
  NeedStatus status = NeedStatus::kOpen;
  std::string filled_by_case;
  Date closed;
  friend bool operator==(const Need&, const Need&) = default;
};

// A raise within the band of the current level, without a level change.
struct Raise {
  std::string id;
  std::string person;
  Date date;
  std::string note;
  std::string approved_by;
  friend bool operator==(const Raise&, const Raise&) = default;
};

enum class UserRole { kAdmin, kPeopleTeam, kManager, kReviewer, kEmployee };

struct User {
  std::string id;      // login name
  std::string person;  // person id, may be empty for service accounts
  std::string name;
  std::vector<UserRole> roles;
  std::string password_hash;  // Argon2id string; never the password
  bool disabled = false;
  friend bool operator==(const User&, const User&) = default;
};

// What an API token may do: read (GET requests only) or write (everything its user may do).
enum class TokenScope { kRead, kWrite };

struct AuditEntry {
  long long id = 0;
  std::string at;      // ISO-8601 UTC timestamp
  std::string actor;   // user id, or "cli:<os user>"
  std::string action;  // "person.create", "case.vote", ...
  std::string subject;
  std::string before;  // JSON, "" when created
  std::string after;   // JSON, "" when deleted
  friend bool operator==(const AuditEntry&, const AuditEntry&) = default;
};

// "withdrawn" or "corrected" for a record taken back, "" for one that stands.
const char* RetractionName(const std::optional<Retraction>& r);

// The latest standing rating of each competency by each assessor (by role and person): indexes
// into `assessments`, by competency id, in the order the assessors first appear. Withdrawn and
// corrected ratings are left out; of two standing ratings the one whose period ends later wins.
std::map<std::string, std::vector<size_t>> LatestRatings(
    const std::vector<Assessment>& assessments);
const char* AssessorRoleName(AssessorRole r);  // self | manager | peer
const char* RatingName(Rating r);              // below | meeting | next
const char* CaseStatusName(CaseStatus s);      // open | portfolio | peer_review | decision | closed
const char* VoteChoiceName(VoteChoice v);      // for | against | abstain
const char* OutcomeName(Outcome o);            // promoted | not_promoted | deferred
const char* NeedStatusName(NeedStatus s);      // open | filled | closed
const char* UserRoleName(UserRole r);      // admin | people_team | manager | reviewer | employee
const char* TokenScopeName(TokenScope s);  // read | write
std::optional<AssessorRole> ParseAssessorRole(std::string_view s);
std::optional<Rating> ParseRating(std::string_view s);
std::optional<CaseStatus> ParseCaseStatus(std::string_view s);
std::optional<VoteChoice> ParseVoteChoice(std::string_view s);
std::optional<Outcome> ParseOutcome(std::string_view s);
std::optional<NeedStatus> ParseNeedStatus(std::string_view s);
std::optional<UserRole> ParseUserRole(std::string_view s);
std::optional<TokenScope> ParseTokenScope(std::string_view s);

}  // namespace ladder::model
