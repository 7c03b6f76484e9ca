// The storage contract of growth plans (store.h, "Growth plans"), on every backend: actions and
// check-ins are kept as written and read back in their order, an update replaces an action and
// the audit keeps what it was, invalid records and unknown people are refused with nothing
// stored, a person with a plan is not deleted, and the plan comes with the person's records.
#include <gtest/gtest.h>

#include "storage/store.h"
#include "storage/testing/store_fixture.h"

namespace ladder::storage {
namespace {

using testing::kPostgres;
using testing::kSqliteFile;
using testing::kSqliteMemory;

model::PlanAction Action(const std::string& title, Date due) {
  model::PlanAction a;
  a.person = "a";
  a.title = title;
  a.competency = "craft";
  a.target = "ic/L2";
  a.due = due;
  a.agreed = Date(2026, 11, 1);
  a.agreed_by = "m";
  return a;
}

class PlanStore : public testing::StoreOnBackend {
 protected:
  void SetUp() override {
    StoreOnBackend::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    ASSERT_TRUE(store_->SavePerson("hr", {"m", "Manager M", "", "", {}}));
    ASSERT_TRUE(store_->SavePerson("hr", {"a", "Person A", "", "m", {}}));
  }
};

TEST_P(PlanStore, ActionsReadBackByDueDateAndAnUpdateIsAudited) {
  model::PlanAction late = Action("Write the migration guide", Date(2027, 6, 30));
  model::PlanAction soon = Action("Pair on the release", Date(2027, 1, 31));
  auto late_id = store_->SavePlanAction("u:m", late);
  auto soon_id = store_->SavePlanAction("u:m", soon);
  ASSERT_TRUE(late_id) << late_id.error().ToString();
  ASSERT_TRUE(soon_id);
  late.id = *late_id;
  soon.id = *soon_id;
  auto listed = store_->ListPlanActions("a");
  ASSERT_TRUE(listed);
  ASSERT_EQ(listed->size(), 2u);
  EXPECT_EQ(listed->at(0), soon);
  EXPECT_EQ(listed->at(1), late);
  EXPECT_TRUE(store_->ListPlanActions("m")->empty());

  soon.status = model::ActionStatus::kDone;
  soon.closed = Date(2027, 1, 20);
  soon.closed_by = "a";
  ASSERT_TRUE(store_->SavePlanAction("u:a", soon));
  EXPECT_EQ(*store_->GetPlanAction(soon.id), soon);
  auto audit = store_->ListAudit({});
  ASSERT_TRUE(audit);
  EXPECT_EQ(audit->back().action, "plan.update");
  EXPECT_EQ(audit->back().subject, "plan:" + soon.id);
  EXPECT_NE(audit->back().before.find("\"status\":\"open\""), std::string::npos);
  EXPECT_NE(audit->back().after.find("\"status\":\"done\""), std::string::npos);
  EXPECT_EQ(store_->GetPlanAction("pa-none").error().code, ErrorCode::kNotFound);
}

TEST_P(PlanStore, InvalidActionsAndUnknownPeopleAreRefusedWithNothingStored) {
  model::PlanAction no_title = Action("", Date(2027, 1, 31));
  auto refused = store_->SavePlanAction("u:m", no_title);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().field, "plan_action.title");
  model::PlanAction done_undated = Action("Ship it", Date(2027, 1, 31));
  done_undated.status = model::ActionStatus::kDone;
  EXPECT_EQ(store_->SavePlanAction("u:m", done_undated).error().field, "plan_action.closed");
  model::PlanAction stranger = Action("Ship it", Date(2027, 1, 31));
  stranger.person = "nobody";
  EXPECT_FALSE(store_->SavePlanAction("u:m", stranger));
  model::PlanAction unknown_agreer = Action("Ship it", Date(2027, 1, 31));
  unknown_agreer.agreed_by = "ghost";
  EXPECT_FALSE(store_->SavePlanAction("u:m", unknown_agreer));
  EXPECT_TRUE(store_->ListPlanActions("a")->empty());
  EXPECT_TRUE(store_->ListPlanActions("nobody")->empty());
}

TEST_P(PlanStore, CheckInsReadBackByDateAndComeWithThePersonsRecords) {
  model::CheckIn second{"", "a", Date(2027, 2, 1), "m", "", "Good progress", "Keep going", {}};
  model::CheckIn first{"",        "a",          Date(2026, 12, 1), "m", "Want to lead",
                       "Not yet", "Pair first", Date(2027, 2, 1)};
  auto second_id = store_->SaveCheckIn("u:m", second);
  auto first_id = store_->SaveCheckIn("u:m", first);
  ASSERT_TRUE(second_id) << second_id.error().ToString();
  ASSERT_TRUE(first_id);
  second.id = *second_id;
  first.id = *first_id;
  EXPECT_EQ(*store_->ListCheckIns("a"), (std::vector<model::CheckIn>{first, second}));
  model::CheckIn empty{"", "a", Date(2027, 3, 1), "m", "", "", "", {}};
  EXPECT_EQ(store_->SaveCheckIn("u:m", empty).error().field, "checkin.outcome");

  model::PlanAction a = Action("Pair on the release", Date(2027, 1, 31));
  ASSERT_TRUE(store_->SavePlanAction("u:m", a));
  auto records = store_->LoadPersonRecords("a");
  ASSERT_TRUE(records) << records.error().ToString();
  EXPECT_EQ(records->checkins, (std::vector<model::CheckIn>{first, second}));
  ASSERT_EQ(records->plan.size(), 1u);
  EXPECT_EQ(records->plan[0].title, "Pair on the release");
  // Everyone's records read in chunks carry the plan too.
  size_t plans = 0;
  ASSERT_TRUE(store_->ForEachPersonRecords([&](PersonRecords&& r) -> Status {
    plans += r.plan.size() + r.checkins.size();
    return Ok();
  }));
  EXPECT_EQ(plans, 3u);
  // A person with a growth plan is not deleted: their plan would be lost.
  Status deleted = store_->DeletePerson("hr", "a");
  ASSERT_FALSE(deleted);
  EXPECT_EQ(deleted.error().code, ErrorCode::kConflict);
}

INSTANTIATE_TEST_SUITE_P(Backends, PlanStore,
                         ::testing::Values(&kSqliteMemory, &kSqliteFile, &kPostgres),
                         [](const auto& param_info) { return param_info.param->name; });

}  // namespace
}  // namespace ladder::storage
