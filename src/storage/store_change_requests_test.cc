// The storage contract of change requests (store.h, "Change requests"), on every backend: a
// request is kept as written and listed by framework, version and status; only a draft is
// proposed, and only once at a time; each change is audited with its action; a withdrawn or
// published request never changes again; a draft with a request is not deleted; and the dump
// carries the requests to another database.
#include <gtest/gtest.h>

#include "model/testing/small_framework.h"
#include "storage/store.h"
#include "storage/testing/store_fixture.h"

namespace ladder::storage {
namespace {

using testing::kPostgres;
using testing::kSqliteFile;
using testing::kSqliteMemory;

model::ChangeRequest Request(const std::string& version, const std::string& opened) {
  model::ChangeRequest r;
  r.framework = "field-ops";
  r.version = version;
  r.base = "2025.1";
  r.content = "5e3f";
  r.title = "Safety at T2";
  r.reason = "The committee asked for it";
  r.author = "ana";
  r.opened = opened;
  return r;
}

class ChangeStore : public testing::StoreOnBackend {
 protected:
  void SetUp() override {
    StoreOnBackend::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    model::Framework f = model::testing::SmallFramework();
    ASSERT_TRUE(store_->SaveDraft("hr", f));
    ASSERT_TRUE(store_->Publish("hr", f.id, f.version));
    for (const char* v : {"2025.2", "2025.3"}) {
      f.version = v;
      ASSERT_TRUE(store_->SaveDraft("hr", f));
    }
  }
};

TEST_P(ChangeStore, ARequestReadsBackAndListsByFrameworkVersionAndStatus) {
  model::ChangeRequest first = Request("2025.2", "2026-12-01T10:00:00.000Z");
  model::ChangeRequest second = Request("2025.3", "2026-12-02T10:00:00.000Z");
  auto first_id = store_->SaveChangeRequest("u:ana", first);
  auto second_id = store_->SaveChangeRequest("u:ana", second);
  ASSERT_TRUE(first_id) << first_id.error().ToString();
  ASSERT_TRUE(second_id) << second_id.error().ToString();
  first.id = *first_id;
  second.id = *second_id;
  EXPECT_EQ(*store_->GetChangeRequest(first.id), first);
  EXPECT_EQ(*store_->ListChangeRequests({}),
            (std::vector<model::ChangeRequest>{second, first}));  // newest first
  EXPECT_EQ(*store_->ListChangeRequests({"field-ops", "2025.2", {}}),
            (std::vector<model::ChangeRequest>{first}));
  EXPECT_TRUE(store_->ListChangeRequests({"other", "", {}})->empty());

  first.entries.push_back({"ben", "2026-12-03T10:00:00.000Z", model::Verdict::kApprove, ""});
  first.status = model::DeriveStatus(first);
  ASSERT_TRUE(store_->SaveChangeRequest("u:ben", first));
  EXPECT_EQ(*store_->GetChangeRequest(first.id), first);
  EXPECT_EQ(*store_->ListChangeRequests({"", "", model::ChangeStatus::kApproved}),
            (std::vector<model::ChangeRequest>{first}));
  EXPECT_EQ(*store_->ListChangeRequests({"field-ops", "", model::ChangeStatus::kOpen}),
            (std::vector<model::ChangeRequest>{second}));
  EXPECT_EQ(store_->GetChangeRequest("cr-none").error().code, ErrorCode::kNotFound);
}

TEST_P(ChangeStore, EachStepIsAuditedWithItsAction) {
  model::ChangeRequest r = Request("2025.2", "2026-12-01T10:00:00.000Z");
  auto id = store_->SaveChangeRequest("u:ana", r);
  ASSERT_TRUE(id) << id.error().ToString();
  r.id = *id;
  r.entries.push_back({"ben", "2026-12-03T10:00:00.000Z", model::Verdict::kRequestChanges, "x"});
  r.status = model::DeriveStatus(r);
  ASSERT_TRUE(store_->SaveChangeRequest("u:ben", r));
  r.status = model::ChangeStatus::kWithdrawn;
  r.closed_by = "ana";
  r.closed_at = "2026-12-04T10:00:00.000Z";
  ASSERT_TRUE(store_->SaveChangeRequest("u:ana", r));
  auto audit = store_->ListAudit({"", "change:" + r.id, "", 0, 0});
  ASSERT_TRUE(audit);
  std::vector<std::string> actions;
  for (const model::AuditEntry& e : *audit) actions.push_back(e.action);
  EXPECT_EQ(actions,
            (std::vector<std::string>{"change.propose", "change.review", "change.withdraw"}));
  EXPECT_NE(audit->back().before.find("\"changes_requested\""), std::string::npos);
  // Withdrawn is history: it never changes again, and the draft may be proposed anew.
  r.status = model::ChangeStatus::kOpen;
  r.closed_by = r.closed_at = "";
  r.entries.clear();
  EXPECT_EQ(store_->SaveChangeRequest("u:ana", r).error().code, ErrorCode::kConflict);
  EXPECT_TRUE(store_->SaveChangeRequest("u:ana", Request("2025.2", "2026-12-05T10:00:00.000Z")));
}

TEST_P(ChangeStore, OnlyADraftIsProposedAndOnlyOnceAtATime) {
  auto published = store_->SaveChangeRequest("u:ana", Request("2025.1", "2026-12-01T10:00:00Z"));
  ASSERT_FALSE(published);
  EXPECT_EQ(published.error().code, ErrorCode::kConflict);
  auto missing = store_->SaveChangeRequest("u:ana", Request("2030.1", "2026-12-01T10:00:00Z"));
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
  auto id = store_->SaveChangeRequest("u:ana", Request("2025.2", "2026-12-01T10:00:00Z"));
  ASSERT_TRUE(id);
  auto twice = store_->SaveChangeRequest("u:ben", Request("2025.2", "2026-12-02T10:00:00Z"));
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().code, ErrorCode::kConflict);
  EXPECT_NE(twice.error().message.find(*id), std::string::npos);
  model::ChangeRequest untitled = Request("2025.3", "2026-12-01T10:00:00Z");
  untitled.title = "";
  EXPECT_EQ(store_->SaveChangeRequest("u:ana", untitled).error().field, "change_request.title");
  EXPECT_EQ(store_->ListChangeRequests({})->size(), 1u);
  // A draft someone proposed is not deleted: the request would lose what it proposes.
  Status deleted = store_->DeleteDraft("hr", "field-ops", "2025.2");
  ASSERT_FALSE(deleted);
  EXPECT_EQ(deleted.error().code, ErrorCode::kConflict);
  EXPECT_TRUE(store_->DeleteDraft("hr", "field-ops", "2025.3"));
}

TEST_P(ChangeStore, TheDumpCarriesTheRequests) {
  model::ChangeRequest r = Request("2025.2", "2026-12-01T10:00:00.000Z");
  auto id = store_->SaveChangeRequest("u:ana", r);
  ASSERT_TRUE(id);
  r.id = *id;
  auto dump = store_->ExportDump();
  ASSERT_TRUE(dump) << dump.error().ToString();
  EXPECT_NE(dump->find("\"change_requests\""), std::string::npos);
  auto other = OpenStore(GetParam()->fresh_url());
  ASSERT_TRUE(other) << other.error().ToString();
  ASSERT_TRUE((*other)->ImportDump(*dump));
  EXPECT_EQ(*(*other)->GetChangeRequest(r.id), r);
}

INSTANTIATE_TEST_SUITE_P(Backends, ChangeStore,
                         ::testing::Values(&kSqliteMemory, &kSqliteFile, &kPostgres),
                         [](const auto& param_info) { return param_info.param->name; });

}  // namespace
}  // namespace ladder::storage
