// A change request (docs/change-requests.md): someone proposes that a draft version of a
// framework be published, says why, and others comment on it, approve it or ask for changes
// before the people team publishes it. When a framework's policy requires approval
// (model::PublishingPolicy), a version is published only through an approved request.
//
// The status of a request still under review is derived from its review entries, never set by
// hand (DeriveStatus):
//
//   1. Only each reviewer's latest verdict counts (comments are no verdict: a comment after an
//      approval leaves the approval standing).
//   2. Any reviewer whose latest verdict is request_changes makes it changes_requested.
//   3. Else at least one approval by someone other than the author makes it approved.
//   4. Else it is open.
//
// Withdrawn and published are terminal: once there, a request takes no more entries and its
// status stays. The author may comment on their own request and answer requests for changes,
// never approve it (CheckEntry).
//
// Plain values and pure rules; who may act is app/authority.h's, where requests are kept
// storage's (one document per request). No I/O, no clock.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/error.h"

namespace ladder::model {

enum class ChangeStatus { kOpen, kApproved, kChangesRequested, kWithdrawn, kPublished };
inline constexpr ChangeStatus kChangeStatuses[] = {
    ChangeStatus::kOpen, ChangeStatus::kApproved, ChangeStatus::kChangesRequested,
    ChangeStatus::kWithdrawn, ChangeStatus::kPublished};
// open | approved | changes_requested | withdrawn | published
const char* ChangeStatusName(ChangeStatus s);
std::optional<ChangeStatus> ParseChangeStatus(std::string_view s);
// Withdrawn or published: the request's record no longer changes.
bool IsTerminal(ChangeStatus s);

enum class Verdict { kComment, kApprove, kRequestChanges };
inline constexpr Verdict kVerdicts[] = {Verdict::kComment, Verdict::kApprove,
                                        Verdict::kRequestChanges};
const char* VerdictName(Verdict v);  // comment | approve | request_changes
std::optional<Verdict> ParseVerdict(std::string_view s);

// One entry of a request's review: who, when (an ISO-8601 UTC timestamp, base/date.h NowIso),
// their verdict and what they wrote.
struct ReviewEntry {
  std::string by;  // a person id
  std::string at;
  Verdict verdict = Verdict::kComment;
  std::string text;
  friend bool operator==(const ReviewEntry&, const ReviewEntry&) = default;
};

// "Publish customer-success 2027.01 (based on 2026.06): IC3 asks for mentoring", proposed by
// e042. `closed_by` and `closed_at` say who withdrew or published it, and when.
struct ChangeRequest {
  std::string id;
  std::string framework;
  std::string version;  // the draft it proposes to publish
  std::string base;     // the published version it changes, "" for a first publication
  // The fingerprint of the draft as proposed (app/change_requests.h: a hash of its canonical
  // JSON): reviews are of that text; a draft changed afterwards needs a new request.
  std::string content;
  std::string title;
  std::string reason;  // why
  std::string author;  // the person who proposed it
  std::string opened;  // ISO-8601 UTC timestamp
  ChangeStatus status = ChangeStatus::kOpen;
  std::vector<ReviewEntry> entries;  // in the order they were made
  std::string closed_by;
  std::string closed_at;
  friend bool operator==(const ChangeRequest&, const ChangeRequest&) = default;
};

inline constexpr size_t kMaxChangeTitle = 300;
inline constexpr size_t kMaxChangeText = 8000;

// The status the entries give (rules 1 to 4 above); a terminal status is kept as it is.
ChangeStatus DeriveStatus(const ChangeRequest& r);

// The reviewers whose latest verdict is an approval, other than the author, in the order of
// their first entry.
std::vector<std::string> Approvers(const ChangeRequest& r);
// The reviewers whose latest verdict asks for changes, in the order of their first entry.
std::vector<std::string> ChangesRequestedBy(const ChangeRequest& r);

// Whether `entry` may be added to `r`: kFailedPrecondition for a withdrawn or published request;
// kPermissionDenied when the author approves their own request; kInvalidArgument for an entry
// without its author, or a comment or request for changes without text.
Status CheckEntry(const ChangeRequest& r, const ReviewEntry& entry);

// What `r` still needs before it may be published, in words ("an approval by someone other than
// e042", "ben's requested changes answered: ben approves or comments ..."); "" once approved.
std::string Outstanding(const ChangeRequest& r);

// Field errors name "change_request.<field>": an id-less framework or version, an empty title,
// texts over their limits, no author or opening time, entries without author, and a stored
// status other than the derived one for a request still under review.
std::vector<Error> ValidateChangeRequest(const ChangeRequest& r);

}  // namespace ladder::model
