#include "app/framework_policy.h"

#include "app/change_requests.h"

#include <algorithm>

#include "base/text.h"
#include "model/validate.h"
#include "render/records_json.h"

namespace ladder::app {
namespace {

std::vector<std::string> List(const std::string& text, const std::vector<std::string>& fallback) {
  std::string_view trimmed = text::Trim(text);
  if (trimmed == "default") return fallback;
  std::vector<std::string> out;
  if (trimmed.empty() || trimmed == "none") return out;
  for (const std::string& part : text::Split(std::string(trimmed), ',')) {
    std::string_view item = text::Trim(part);
    if (!item.empty()) out.emplace_back(item);
  }
  return out;
}

// The policy as the audit entry keeps it: {"consensus": ..., "publishing": {...}, "waivers":
// {...}}.
std::string PolicyText(const model::Framework& f) {
  render::Json j = render::PolicyJson(f);
  return render::Json{
      {"consensus", j["consensus"]}, {"publishing", j["publishing"]}, {"waivers", j["waivers"]}}
      .dump();
}

}  // namespace

Result<PolicyChange> ParsePolicyChange(const std::string* consensus, const std::string* waive_by,
                                       const std::vector<std::string>* never,
                                       const std::string* after_panel_no,
                                       const std::string* requires_approval) {
  PolicyChange change;
  if (consensus) {
    change.consensus = model::ParseConsensusRule(text::Trim(*consensus));
    if (!change.consensus)
      return MakeError(
          ErrorCode::kInvalidArgument,
          "unknown consensus rule '" + *consensus + "'; expected unanimous or majority", {},
          "consensus");
  }
  if (waive_by) {
    change.waive_by = List(*waive_by, model::WaiverPolicy{}.by);
    for (const std::string& who : *change.waive_by) {
      std::vector<std::string> known(std::begin(model::kWaiverAuthorities),
                                     std::end(model::kWaiverAuthorities));
      if (std::find(known.begin(), known.end(), who) != known.end()) continue;
      std::string hint;
      if (auto s = text::DidYouMean(who, known)) hint = "did you mean " + *s + "? ";
      return MakeError(ErrorCode::kInvalidArgument,
                       "unknown '" + who + "' in who may waive; " + hint +
                           "expected: " + text::Join(known, ", ") + " (or none, default)",
                       {}, "waive_by");
    }
  }
  if (never) {
    change.never.emplace();
    for (const std::string& item : *never)
      if (!text::Trim(item).empty()) change.never->emplace_back(text::Trim(item));
    if (change.never->size() == 1 && change.never->front() == "none") change.never->clear();
  }
  if (after_panel_no) {
    std::string_view v = text::Trim(*after_panel_no);
    if (v != "allow" && v != "refuse")
      return MakeError(ErrorCode::kInvalidArgument,
                       "after_panel_no is allow or refuse, not '" + *after_panel_no + "'", {},
                       "after_panel_no");
    change.after_panel_no = v == "allow";
  }
  if (requires_approval) {
    std::string_view v = text::Trim(*requires_approval);
    if (v != "true" && v != "false")
      return MakeError(ErrorCode::kInvalidArgument,
                       "requires_approval is true or false, not '" + *requires_approval + "'", {},
                       "requires_approval");
    change.requires_approval = v == "true";
  }
  return change;
}

Result<model::Framework> CurrentPolicy(storage::Store& store, std::string_view framework) {
  LADDER_TRY(std::vector<storage::VersionInfo> versions, store.ListVersions(framework));
  if (versions.empty())
    return MakeError(ErrorCode::kNotFound,
                     "framework " + std::string(framework) + " has no version", {}, "framework");
  return store.GetFramework(framework, versions.front().version);
}

Result<model::Framework> SetPolicy(storage::Store& store, std::string_view actor,
                                   std::string_view framework, const PolicyChange& change,
                                   std::string_view version, Date today) {
  LADDER_TRY(model::Framework before, CurrentPolicy(store, framework));
  model::Framework after = before;
  if (change.consensus) after.consensus = *change.consensus;
  if (change.waive_by) after.waivers.by = *change.waive_by;
  if (change.never) after.waivers.never = *change.never;
  if (change.after_panel_no) after.waivers.after_panel_no = *change.after_panel_no;
  if (change.requires_approval) after.publishing.requires_approval = *change.requires_approval;
  if (after.consensus == before.consensus && after.waivers == before.waivers &&
      after.publishing == before.publishing)
    return MakeError(
        ErrorCode::kInvalidArgument,
        "the policy of " + before.id + " " + before.version + " is already so; nothing to change");
  LADDER_TRY_STATUS(model::CheckFramework(after));
  LADDER_TRY(std::vector<storage::VersionInfo> versions, store.ListVersions(framework));
  auto taken = [&](const std::string& v) {
    return std::any_of(versions.begin(), versions.end(),
                       [&](const storage::VersionInfo& i) { return i.version == v; });
  };
  if (!version.empty()) {
    after.version = std::string(version);
    if (taken(after.version))
      return MakeError(ErrorCode::kAlreadyExists,
                       "framework " + before.id + " already has a version " + after.version, {},
                       "version");
  } else {
    after.version = today.ToString();
    for (int n = 2; taken(after.version); ++n)
      after.version = today.ToString() + "-" + std::to_string(n);
  }
  const bool publish = before.status == model::FrameworkStatus::kPublished;
  LADDER_TRY_STATUS(store.WithTransaction([&](storage::Store& tx) -> Status {
    LADDER_TRY_STATUS(tx.SaveDraft(actor, after));
    if (publish)
      LADDER_TRY_STATUS(
          PublishVersion(tx, actor, after.id, after.version, "", PublishGate::kPolicyChange));
    return tx.AppendAudit(actor, "framework.policy", "framework:" + after.id + "@" + after.version,
                          PolicyText(before), PolicyText(after));
  }));
  return store.GetFramework(after.id, after.version);
}

}  // namespace ladder::app
