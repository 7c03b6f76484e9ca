// The data of the web app's pages (render/app_views.h), read through the Store, filtered by
// Access and evaluated by the eligibility engine: the use cases behind the pages and the JSON
// API of `ladder serve`.
//
// Frameworks come from the published site the server shows (`site`), so that a page never
// parses a stored framework on the way; a person whose level is in a version the site does not
// show (a draft, an older version) is read from the store.
//
// Thread-safe when the Store is; holds no state.
#pragma once

#include <memory>
#include <set>
#include <string>
#include <string_view>

#include "app/access.h"
#include "app/accounts.h"
#include "app/review.h"
#include "base/date.h"
#include "base/error.h"
#include "render/app_views.h"
#include "render/site.h"
#include "storage/store.h"

namespace ladder::app {

// Adds to v.labels the display names of the people v.plan and v.checkins name (who agreed,
// closed, held), the person's included; an id stays as it is for someone not stored.
Status NamePlanPeople(storage::Store& store, render::GrowthView& v);

// A row of the team page as every viewer sees it (the depth is set for the viewer), with the
// labels of its open cases.
struct TeamRow {
  render::TeamMember member;
  render::Labels labels;
};

class WebViews {
 public:
  // `sources` (app/review.h) say where people's records and needs are read; the frameworks
  // come from `site` when it shows them.
  WebViews(storage::Store& store, Access& access, std::shared_ptr<const render::Site> site,
           ReviewSources sources = {})
      : store_(store), access_(access), site_(std::move(site)), sources_(std::move(sources)) {}

  // The growth page of `person` as `viewer` sees it. REQUIRES: the viewer may see the person
  // (Access::Check with Guard::kPerson).
  Result<render::GrowthView> Growth(const Principal& viewer, std::string_view person, Date today);
  // The viewer's reports (managers), or everyone (people team, admins) from `offset`, at most
  // `limit` people.
  Result<render::TeamView> Team(const Principal& viewer, Date today, int offset = 0,
                                int limit = 50);
  // REQUIRES: the viewer may see the case (Guard::kCase).
  Result<render::CaseView> Case(const Principal& viewer, std::string_view case_id, Date today);
  Result<render::CasesView> Cases(const Principal& viewer);
  Result<render::NeedsView> Needs(const Principal& viewer, Date today);
  // SME sign-off `evidence`, for the signer it names and those who may see the person;
  // kNotFound alike for evidence that does not exist and evidence the viewer may not see.
  Result<render::SignOffView> SignOff(const Principal& viewer, std::string_view evidence);
  // Record `id` of `kind` of `person` with its history, and the forms that withdraw or correct
  // it when the viewer may (web_views_records.cc). REQUIRES: the viewer may see the person
  // (Guard::kPerson). kNotFound for no such record, and for a record of anyone else.
  Result<render::RecordView> Record(const Principal& viewer, std::string_view person,
                                    RecordKind kind, std::string_view id, Date today);

 private:
  // The team page's row of `person` on `today` (WebViews::Team), without the depth.
  Result<TeamRow> TeamRowOf(const Principal& viewer, const model::Person& person, Date today);
  // The framework `id`@`version`: from the site when it shows that version, else the store.
  Result<std::shared_ptr<const model::Framework>> FrameworkOf(std::string_view id,
                                                              std::string_view version);
  // rules::Evaluate, through the site's prepared evaluator when the framework is the site's.
  Result<rules::Verdict> Evaluate(const model::Framework& f, const rules::Target& target,
                                  const rules::Records& records, Date at,
                                  const rules::EvaluateOptions& options);
  // The manual checkpoints and approvals of `v` awaiting a sign-off that `viewer` may give for
  // `person` (app/authority.h: signoff.checkpoint, signoff.approval), by their sentence.
  Result<std::set<std::string>> Signable(const Principal& viewer, std::string_view person,
                                         const rules::Verdict& v);
  // Adds the names of the people `ids` to `labels` (render::Labels): ids already named, empty
  // ones and ids of nobody known (an account, "cli:...") are left for the page to show as they are.
  Status AddNames(render::Labels& labels, const std::vector<std::string>& ids);
  // Adds the labels of `cases`: their targets, and the names of their people and of who opened
  // them.
  Status AddCases(render::Labels& labels, const std::vector<model::Case>& cases);
  // The names a growth page shows (its manager, SME signers, cases) and who may sign off.
  Status AddGrowthLabels(render::GrowthView& v);
  // Who may be named on a review's panel (v.reviewers), and the names its page shows: its
  // person, panel, approvers, decider, history and evidence signers.
  Status AddCasePeople(render::CaseView& v);
  // A review service reading through the sources, keeping the framework it read in `*shown`.
  ReviewService Service(const Principal& viewer, std::shared_ptr<const model::Framework>* shown);

  storage::Store& store_;
  Access& access_;
  std::shared_ptr<const render::Site> site_;  // may be null
  ReviewSources sources_;
};

}  // namespace ladder::app
