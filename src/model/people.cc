#include "model/people.h"

#include <algorithm>

#include "model/names.h"

namespace ladder::model {
namespace {

constexpr std::pair<AssessorRole, const char*> kAssessorNames[] = {
    {AssessorRole::kSelf, "self"},
    {AssessorRole::kManager, "manager"},
    {AssessorRole::kPeer, "peer"}};
constexpr std::pair<Rating, const char*> kRatingNames[] = {
    {Rating::kBelow, "below"}, {Rating::kMeeting, "meeting"}, {Rating::kNext, "next"}};
constexpr std::pair<CaseStatus, const char*> kCaseStatusNames[] = {
    {CaseStatus::kOpen, "open"},
    {CaseStatus::kPortfolio, "portfolio"},
    {CaseStatus::kPeerReview, "peer_review"},
    {CaseStatus::kDecision, "decision"},
    {CaseStatus::kClosed, "closed"}};
constexpr std::pair<VoteChoice, const char*> kVoteNames[] = {{VoteChoice::kFor, "for"},
                                                             {VoteChoice::kAgainst, "against"},
                                                             {VoteChoice::kAbstain, "abstain"}};
constexpr std::pair<Outcome, const char*> kOutcomeNames[] = {
    {Outcome::kPromoted, "promoted"},
    {Outcome::kNotPromoted, "not_promoted"},
    {Outcome::kDeferred, "deferred"}};
constexpr std::pair<NeedStatus, const char*> kNeedNames[] = {
    {NeedStatus::kOpen, "open"}, {NeedStatus::kFilled, "filled"}, {NeedStatus::kClosed, "closed"}};
constexpr std::pair<UserRole, const char*> kUserRoleNames[] = {
    {UserRole::kAdmin, "admin"},
    {UserRole::kPeopleTeam, "people_team"},
    {UserRole::kManager, "manager"},
    {UserRole::kReviewer, "reviewer"},
    {UserRole::kEmployee, "employee"}};
constexpr std::pair<TokenScope, const char*> kTokenScopeNames[] = {{TokenScope::kRead, "read"},
                                                                   {TokenScope::kWrite, "write"}};

}  // namespace

const char* RetractionName(const std::optional<Retraction>& r) {
  if (!r) return "";
  return r->replaced_by.empty() ? "withdrawn" : "corrected";
}
std::map<std::string, std::vector<size_t>> LatestRatings(
    const std::vector<Assessment>& assessments) {
  std::map<std::string, std::vector<size_t>> latest;
  for (size_t i = 0; i < assessments.size(); ++i) {
    const Assessment& a = assessments[i];
    if (a.retraction) continue;
    std::vector<size_t>& list = latest[a.competency];
    auto same = std::find_if(list.begin(), list.end(), [&](size_t j) {
      return assessments[j].role == a.role && assessments[j].assessor == a.assessor;
    });
    if (same == list.end()) {
      list.push_back(i);
    } else if (assessments[*same].period_end <= a.period_end) {
      *same = i;
    }
  }
  return latest;
}

const char* AssessorRoleName(AssessorRole r) { return internal::NameOf(kAssessorNames, r); }
const char* RatingName(Rating r) { return internal::NameOf(kRatingNames, r); }
const char* CaseStatusName(CaseStatus s) { return internal::NameOf(kCaseStatusNames, s); }
const char* VoteChoiceName(VoteChoice v) { return internal::NameOf(kVoteNames, v); }
const char* OutcomeName(Outcome o) { return internal::NameOf(kOutcomeNames, o); }
const char* NeedStatusName(NeedStatus s) { return internal::NameOf(kNeedNames, s); }
const char* UserRoleName(UserRole r) { return internal::NameOf(kUserRoleNames, r); }
const char* TokenScopeName(TokenScope s) { return internal::NameOf(kTokenScopeNames, s); }
std::optional<AssessorRole> ParseAssessorRole(std::string_view s) {
  return internal::Parse(kAssessorNames, s);
}
std::optional<Rating> ParseRating(std::string_view s) { return internal::Parse(kRatingNames, s); }
std::optional<CaseStatus> ParseCaseStatus(std::string_view s) {
  return internal::Parse(kCaseStatusNames, s);
}
std::optional<VoteChoice> ParseVoteChoice(std::string_view s) {
  return internal::Parse(kVoteNames, s);
}
std::optional<Outcome> ParseOutcome(std::string_view s) {
  return internal::Parse(kOutcomeNames, s);
}
std::optional<NeedStatus> ParseNeedStatus(std::string_view s) {
  return internal::Parse(kNeedNames, s);
}
std::optional<UserRole> ParseUserRole(std::string_view s) {
  return internal::Parse(kUserRoleNames, s);
}
std::optional<TokenScope> ParseTokenScope(std::string_view s) {
  return internal::Parse(kTokenScopeNames, s);
}

}  // namespace ladder::model
