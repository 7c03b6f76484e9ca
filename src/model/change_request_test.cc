// The rules of a change request's review (model/change_request.h): the status the entries give,
// self-approval, terminal requests, and the invariants, each broken once.
#include "model/change_request.h"

#include <gtest/gtest.h>

namespace ladder::model {
namespace {

ChangeRequest Proposed() {
  ChangeRequest r;
  r.id = "cr-1";
  r.framework = "support";
  r.version = "2027.01";
  r.base = "2026.06";
  r.title = "IC3 asks for mentoring";
  r.reason = "the committee agreed it in November";
  r.author = "ana";
  r.opened = "2026-12-01T10:00:00.000Z";
  return r;
}

ChangeRequest With(ChangeRequest r, std::string by, Verdict v, std::string text = "") {
  r.entries.push_back({std::move(by), "2026-12-02T10:00:00.000Z", v, std::move(text)});
  r.status = DeriveStatus(r);
  return r;
}

TEST(ChangeRequest, NamesReadBack) {
  for (ChangeStatus s : kChangeStatuses) EXPECT_EQ(ParseChangeStatus(ChangeStatusName(s)), s);
  for (Verdict v : kVerdicts) EXPECT_EQ(ParseVerdict(VerdictName(v)), v);
  EXPECT_EQ(ParseChangeStatus("merged"), std::nullopt);
  EXPECT_EQ(ParseVerdict("lgtm"), std::nullopt);
  EXPECT_EQ(std::string(ChangeStatusName(ChangeStatus::kChangesRequested)), "changes_requested");
}

TEST(ChangeRequest, WithoutVerdictsItIsOpen) {
  ChangeRequest r = With(Proposed(), "ben", Verdict::kComment, "why IC3?");
  EXPECT_EQ(DeriveStatus(r), ChangeStatus::kOpen);
  EXPECT_EQ(Outstanding(r), "an approval by someone other than ana");
}

TEST(ChangeRequest, AnApprovalBySomeoneElseApproves) {
  ChangeRequest r = With(Proposed(), "ben", Verdict::kApprove);
  EXPECT_EQ(DeriveStatus(r), ChangeStatus::kApproved);
  EXPECT_EQ(Approvers(r), std::vector<std::string>{"ben"});
  EXPECT_EQ(Outstanding(r), "");
}

TEST(ChangeRequest, AnOutstandingRequestForChangesWinsOverApprovals) {
  ChangeRequest r = With(Proposed(), "ben", Verdict::kApprove);
  r = With(r, "cleo", Verdict::kRequestChanges, "IC3 text is vague");
  EXPECT_EQ(DeriveStatus(r), ChangeStatus::kChangesRequested);
  EXPECT_EQ(ChangesRequestedBy(r), std::vector<std::string>{"cleo"});
  EXPECT_NE(Outstanding(r).find("cleo"), std::string::npos);
}

TEST(ChangeRequest, OnlyEachReviewersLatestVerdictCounts) {
  ChangeRequest r = With(Proposed(), "ben", Verdict::kRequestChanges, "vague");
  r = With(r, "ben", Verdict::kApprove);
  EXPECT_EQ(DeriveStatus(r), ChangeStatus::kApproved);
  r = With(r, "ben", Verdict::kRequestChanges, "one more thing");
  EXPECT_EQ(DeriveStatus(r), ChangeStatus::kChangesRequested);
  EXPECT_TRUE(Approvers(r).empty());
}

TEST(ChangeRequest, ACommentLeavesAVerdictStanding) {
  ChangeRequest r = With(Proposed(), "ben", Verdict::kApprove);
  r = With(r, "ben", Verdict::kComment, "nice wording");
  EXPECT_EQ(DeriveStatus(r), ChangeStatus::kApproved);
}

TEST(ChangeRequest, TheAuthorCannotApproveTheirOwn) {
  ChangeRequest r = Proposed();
  Status s = CheckEntry(r, {"ana", "t", Verdict::kApprove, ""});
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().code, ErrorCode::kPermissionDenied);
  EXPECT_NE(s.error().message.find("cannot approve"), std::string::npos);
  // Even if such an entry were stored, it would not count.
  r.entries.push_back({"ana", "t", Verdict::kApprove, ""});
  EXPECT_EQ(DeriveStatus(r), ChangeStatus::kOpen);
  // The author comments and asks for changes to their own request.
  EXPECT_TRUE(CheckEntry(Proposed(), {"ana", "t", Verdict::kComment, "see IC3"}));
}

TEST(ChangeRequest, TerminalRequestsTakeNoEntriesAndKeepTheirStatus) {
  for (ChangeStatus s : {ChangeStatus::kWithdrawn, ChangeStatus::kPublished}) {
    ChangeRequest r = With(Proposed(), "ben", Verdict::kRequestChanges, "no");
    r.status = s;
    EXPECT_EQ(DeriveStatus(r), s);
    Status refused = CheckEntry(r, {"cleo", "t", Verdict::kApprove, ""});
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, ErrorCode::kFailedPrecondition);
  }
}

TEST(ChangeRequest, CommentsAndRequestsForChangesSaySomething) {
  EXPECT_FALSE(CheckEntry(Proposed(), {"ben", "t", Verdict::kComment, ""}));
  EXPECT_FALSE(CheckEntry(Proposed(), {"ben", "t", Verdict::kRequestChanges, ""}));
  EXPECT_TRUE(CheckEntry(Proposed(), {"ben", "t", Verdict::kApprove, ""}));
  EXPECT_FALSE(CheckEntry(Proposed(), {"", "t", Verdict::kApprove, ""}));
}

std::vector<std::string> Fields(const ChangeRequest& r) {
  std::vector<std::string> out;
  for (const Error& e : ValidateChangeRequest(r)) out.push_back(e.field);
  return out;
}

TEST(ChangeRequest, Invariants) {
  EXPECT_TRUE(Fields(Proposed()).empty());
  ChangeRequest r = Proposed();
  r.title = "";
  EXPECT_EQ(Fields(r), std::vector<std::string>{"change_request.title"});
  r = Proposed();
  r.version = "";
  EXPECT_EQ(Fields(r), std::vector<std::string>{"change_request.version"});
  r = Proposed();
  r.status = ChangeStatus::kApproved;  // nobody approved it
  EXPECT_EQ(Fields(r), std::vector<std::string>{"change_request.status"});
  r = Proposed();
  r.status = ChangeStatus::kWithdrawn;  // without who withdrew it
  EXPECT_EQ(Fields(r), std::vector<std::string>{"change_request.closed_by"});
  r.closed_by = "ana";
  r.closed_at = "2026-12-03T10:00:00.000Z";
  EXPECT_TRUE(Fields(r).empty());
  r = Proposed();
  r.entries.push_back({"", "", Verdict::kComment, "x"});
  EXPECT_EQ(Fields(r), std::vector<std::string>{"change_request.entries[0]"});
}

}  // namespace
}  // namespace ladder::model
