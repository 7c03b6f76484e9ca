// What the app's pages share (app_views.cc): links, labels, the page frame and the data of
// records shown on several pages. The pages themselves are split by family: growth and teams
// (views_growth.cc), reviews, needs and sign-offs (views_cases.cc), accounts and administration
// (views_admin.cc). Pure functions.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "render/app_views.h"
#include "render/site_internal.h"

namespace ladder::render::internal {

std::string Str(Date d);  // YYYY-MM-DD, "" for an empty date
// A safe link to `a` followed by `b` (an id).
std::string Path(std::string_view a, std::string_view b = {});
std::string PersonHref(std::string_view id);
std::string CaseHref(std::string_view id);
std::string LevelLabel(const model::Level* l);  // "" for none
// "1 year 3 months", "5 months", "less than a month".
std::string Duration(Date from, Date to);
std::string RoleName(model::UserRole r);
std::string RatingLabel(model::Rating r);
int RatingValue(model::Rating r);  // 1 below, 2 meeting, 3 next
std::string CaseTarget(const model::Case& c);
// The page's frame: layout data with the account navigation, the app's stylesheet and scripts.
Data Frame(const Viewer& viewer, std::string_view title);
void SetFlash(Data& d, const Flash& flash);
// Inline Markdown as HTML: from the site when it converted that text already.
std::string Inline(const Site* site, const std::string& markdown);
Data BehaviourList(const Site* site, const std::vector<std::string>& behaviours);
// The forms that sign off a checkpoint of a verdict: posted to `action`, for the sentences in
// `signable` (none when null), dated `today` unless the signer says otherwise.
struct SignForms {
  std::string action;
  const std::set<std::string>* signable = nullptr;
  Date today;
};
Data VerdictData(const rules::Verdict& v, const SignForms& sign = {});
// A case for the templates: id, href, label (Labels::Case), person, target, status and outcome
// in words, opened, opened_by.
Data CaseItem(const model::Case& c, const Labels& labels);
// The page of a growth record: /people/{person}/records/{kind}/{id}.
std::string RecordHref(std::string_view person, std::string_view kind, std::string_view id);
// A record's state for the templates: taken_back, withdrawn, replaced_by (its correction),
// taken_by, taken_on, taken_reason, corrects (the record it corrects).
void SetRetraction(Data& d, const std::optional<model::Retraction>& r, const std::string& corrects);
// Evidence for the templates, with its state (SetRetraction) and the link to its page.
// `labels` name the person who signs off an SME claim.
Data EvidenceItem(const model::Evidence& e, const Labels& labels = {});
// What publishing changes, one sentence per kind of change (views_publish.cc): the publish page
// and a change request's page say it with the same words.
std::vector<std::string> ChangeSummary(const analysis::FrameworkDiff& d);
// Where the app shows version `f`: its publish page, and its pages in the preview.
std::string VersionHref(std::string_view framework, std::string_view version);
std::string PreviewHref(std::string_view framework, std::string_view version,
                        std::string_view page);
// The page of change request `id`.
std::string ChangeHref(std::string_view id);
// The growth plan, the check-ins, their forms and the timeline of a growth page (views_plan.cc).
void SetPlan(Data& d, const GrowthView& v);

}  // namespace ladder::render::internal
