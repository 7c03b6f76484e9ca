// The policies a promotion committee sets on a framework (model::Framework::consensus and
// model::WaiverPolicy): read, and changed from the command line (`ladder policy`) and the web
// (/frameworks/{id}/policy) without editing YAML.
//
// A framework is kept as code: versioned, a published version immutable. So a change of policy
// is a new version of the framework, the latest one with the policy changed and nothing else,
// in the same publish state as the version it comes from (published stays published, a draft
// stays a draft), and one audit entry "framework.policy" with the policy before and after,
// beside the entries of saving and publishing the version.
//
// Changing the policy is the committee's act, not an edit of the framework's content: the new
// version is published without a change request even when the policy requires approval
// (app/change_requests.h, PublishVersion with PublishGate::kPolicyChange), and the audit entry
// "framework.policy" records who changed it, including `publishing.requires_approval`.
//
// Thread-safe as far as the Store is.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.h"
#include "base/error.h"
#include "model/framework.h"
#include "storage/store.h"

namespace ladder::app {

// What changes; a field left empty keeps its value.
struct PolicyChange {
  std::optional<model::ConsensusRule> consensus;
  std::optional<std::vector<std::string>> waive_by;  // model::kWaiverAuthorities
  std::optional<std::vector<std::string>> never;     // rule kinds or requirement sentences
  std::optional<bool> after_panel_no;
  std::optional<bool> requires_approval;  // model::PublishingPolicy
};

// Reads a change from text, as the command line, the web form and the API give it:
// `consensus` "unanimous" | "majority"; `waive_by` a comma-separated list ("" or "none": nobody,
// "default": the default); `never` one entry per item (sentences may hold commas; the one item
// "none": an empty list); `after_panel_no` "allow" | "refuse"; `requires_approval` "true" |
// "false". A null pointer changes nothing. kInvalidArgument naming the field and the value.
Result<PolicyChange> ParsePolicyChange(const std::string* consensus, const std::string* waive_by,
                                       const std::vector<std::string>* never,
                                       const std::string* after_panel_no,
                                       const std::string* requires_approval = nullptr);

// The latest version of `framework` (published or draft): the one whose policy is in force
// for new evaluations once published. kNotFound for an unknown framework.
Result<model::Framework> CurrentPolicy(storage::Store& store, std::string_view framework);

// Saves a new version of `framework` (the latest version with `change` applied) as the latest
// version, published when that version was, and audits the change (`actor` as in the Store).
// `version` names the new version; empty: `today` (YYYY-MM-DD, then "-2", "-3", ... when taken).
// kInvalidArgument when nothing changes or the policy is invalid (model/validate.h, naming the
// field); kAlreadyExists when `version` is taken. Returns the new version.
Result<model::Framework> SetPolicy(storage::Store& store, std::string_view actor,
                                   std::string_view framework, const PolicyChange& change,
                                   std::string_view version, Date today);

}  // namespace ladder::app
