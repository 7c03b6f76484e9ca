#include "model/change_request.h"

#include <algorithm>
#include <utility>

#include "model/names.h"

namespace ladder::model {
namespace {

constexpr std::pair<ChangeStatus, const char*> kChangeStatusNames[] = {
    {ChangeStatus::kOpen, "open"},
    {ChangeStatus::kApproved, "approved"},
    {ChangeStatus::kChangesRequested, "changes_requested"},
    {ChangeStatus::kWithdrawn, "withdrawn"},
    {ChangeStatus::kPublished, "published"}};

constexpr std::pair<Verdict, const char*> kVerdictNames[] = {
    {Verdict::kComment, "comment"},
    {Verdict::kApprove, "approve"},
    {Verdict::kRequestChanges, "request_changes"}};

Error FieldError(std::string field, std::string message) {
  return Error{ErrorCode::kInvalidArgument, std::move(message), {}, std::move(field)};
}

// Each reviewer's latest verdict (comments are none), with the reviewers in the order of their
// first entry.
std::vector<std::pair<std::string, Verdict>> LatestVerdicts(const ChangeRequest& r) {
  std::vector<std::pair<std::string, Verdict>> out;
  for (const ReviewEntry& e : r.entries) {
    if (e.verdict == Verdict::kComment) continue;
    auto it = std::find_if(out.begin(), out.end(), [&](const auto& p) { return p.first == e.by; });
    if (it == out.end())
      out.emplace_back(e.by, e.verdict);
    else
      it->second = e.verdict;
  }
  return out;
}

}  // namespace

const char* ChangeStatusName(ChangeStatus s) { return internal::NameOf(kChangeStatusNames, s); }
std::optional<ChangeStatus> ParseChangeStatus(std::string_view s) {
  return internal::Parse(kChangeStatusNames, s);
}
bool IsTerminal(ChangeStatus s) {
  return s == ChangeStatus::kWithdrawn || s == ChangeStatus::kPublished;
}

const char* VerdictName(Verdict v) { return internal::NameOf(kVerdictNames, v); }
std::optional<Verdict> ParseVerdict(std::string_view s) {
  return internal::Parse(kVerdictNames, s);
}

std::vector<std::string> Approvers(const ChangeRequest& r) {
  std::vector<std::string> out;
  for (const auto& [by, verdict] : LatestVerdicts(r))
    if (verdict == Verdict::kApprove && by != r.author) out.push_back(by);
  return out;
}

std::vector<std::string> ChangesRequestedBy(const ChangeRequest& r) {
  std::vector<std::string> out;
  for (const auto& [by, verdict] : LatestVerdicts(r))
    if (verdict == Verdict::kRequestChanges) out.push_back(by);
  return out;
}

ChangeStatus DeriveStatus(const ChangeRequest& r) {
  if (IsTerminal(r.status)) return r.status;
  if (!ChangesRequestedBy(r).empty()) return ChangeStatus::kChangesRequested;
  if (!Approvers(r).empty()) return ChangeStatus::kApproved;
  return ChangeStatus::kOpen;
}

Status CheckEntry(const ChangeRequest& r, const ReviewEntry& entry) {
  if (IsTerminal(r.status))
    return MakeError(ErrorCode::kFailedPrecondition,
                     "change request " + r.id + " is " + ChangeStatusName(r.status) +
                         ": it takes no more reviews",
                     {}, "change");
  if (entry.by.empty())
    return MakeError(ErrorCode::kInvalidArgument, "a review entry says who made it", {}, "by");
  if (entry.verdict == Verdict::kApprove && entry.by == r.author)
    return MakeError(ErrorCode::kPermissionDenied,
                     entry.by + " proposed change request " + r.id +
                         " and cannot approve it: someone else reviews it",
                     {}, "by");
  if (entry.verdict != Verdict::kApprove && entry.text.empty())
    return MakeError(ErrorCode::kInvalidArgument,
                     std::string("a ") + (entry.verdict == Verdict::kComment
                                              ? "comment says something"
                                              : "request for changes says which changes"),
                     {}, "text");
  if (entry.text.size() > kMaxChangeText)
    return MakeError(ErrorCode::kInvalidArgument,
                     "the text is longer than " + std::to_string(kMaxChangeText) + " characters",
                     {}, "text");
  return Ok();
}

std::string Outstanding(const ChangeRequest& r) {
  switch (DeriveStatus(r)) {
    case ChangeStatus::kApproved:
    case ChangeStatus::kPublished:
      return "";
    case ChangeStatus::kWithdrawn:
      return "a new change request: " + r.id + " was withdrawn";
    case ChangeStatus::kChangesRequested: {
      std::string who;
      for (const std::string& by : ChangesRequestedBy(r)) who += (who.empty() ? "" : ", ") + by;
      return "the changes " + who + " requested: they approve once satisfied";
    }
    case ChangeStatus::kOpen:
      return "an approval by someone other than " + r.author;
  }
  return "";
}

std::vector<Error> ValidateChangeRequest(const ChangeRequest& r) {
  std::vector<Error> errors;
  if (r.framework.empty())
    errors.push_back(FieldError("change_request.framework", "a change request names a framework"));
  if (r.version.empty())
    errors.push_back(
        FieldError("change_request.version", "a change request names the version it proposes"));
  if (r.title.empty())
    errors.push_back(FieldError("change_request.title", "a change request has a title"));
  if (r.title.size() > kMaxChangeTitle)
    errors.push_back(
        FieldError("change_request.title",
                   "the title is longer than " + std::to_string(kMaxChangeTitle) + " characters"));
  if (r.reason.size() > kMaxChangeText)
    errors.push_back(
        FieldError("change_request.reason",
                   "the reason is longer than " + std::to_string(kMaxChangeText) + " characters"));
  if (r.author.empty())
    errors.push_back(FieldError("change_request.author", "a change request says who proposed it"));
  if (r.opened.empty())
    errors.push_back(FieldError("change_request.opened", "a change request has its opening time"));
  for (size_t i = 0; i < r.entries.size(); ++i)
    if (r.entries[i].by.empty() || r.entries[i].at.empty())
      errors.push_back(FieldError("change_request.entries[" + std::to_string(i) + "]",
                                  "a review entry says who made it and when"));
  if (!IsTerminal(r.status)) {
    ChangeRequest derived = r;
    derived.status = ChangeStatus::kOpen;
    if (DeriveStatus(derived) != r.status)
      errors.push_back(FieldError("change_request.status",
                                  std::string("the status is ") + ChangeStatusName(r.status) +
                                      ", but its reviews make it " +
                                      ChangeStatusName(DeriveStatus(derived))));
  }
  if (IsTerminal(r.status) == r.closed_by.empty())
    errors.push_back(FieldError("change_request.closed_by",
                                IsTerminal(r.status)
                                    ? "a withdrawn or published request says who closed it"
                                    : "a request under review has not been closed"));
  return errors;
}

}  // namespace ladder::model
