// The words of the eligibility engine: dates, periods, labels and the verdict's summary.
// Only the explained mode (EvaluateOptions::explain) calls into this file.
#include <cstdio>

#include "base/text.h"
#include "rules/eligibility_internal.h"

namespace ladder::rules {
namespace internal {

std::string DateText(Date d) {
  if (d.empty()) return "";
  std::string out(10, '-');
  int y = d.year(), m = d.month(), day = d.day();
  for (int i = 3; i >= 0; --i, y /= 10) out[i] = static_cast<char>('0' + y % 10);
  out[5] = static_cast<char>('0' + m / 10);
  out[6] = static_cast<char>('0' + m % 10);
  out[8] = static_cast<char>('0' + day / 10);
  out[9] = static_cast<char>('0' + day % 10);
  return out;
}

std::string Quote(std::string_view s) { return "'" + std::string(s) + "'"; }

std::string Number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

std::string Months(int n) { return std::to_string(n) + (n == 1 ? " month" : " months"); }

std::string KindPlural(const std::string& kind) {
  if (kind == "doc") return "documents";
  if (kind == "postmortem") return "post-mortems";
  if (kind == "planning") return "planning or design records";
  if (kind == "mentoring") return "mentoring records";
  if (kind == "other") return "other records";
  return kind + "s";
}

std::string LevelLabel(const model::Level& level) {
  return level.title.empty() ? level.code : level.title + " (" + level.code + ")";
}

std::string DescribePeriods(const std::vector<Period>& periods, bool ongoing) {
  std::vector<std::string> parts;
  for (size_t i = 0; i < periods.size(); ++i) {
    const Period& p = periods[i];
    if (ongoing && i + 1 == periods.size()) {
      parts.push_back("since " + DateText(p.from));
    } else {
      parts.push_back(DateText(p.from) + " to " + DateText(p.to));
    }
  }
  return text::Join(parts, ", ");
}

std::string ListEvidence(const std::vector<const model::Evidence*>& items) {
  std::vector<std::string> parts;
  for (size_t i = 0; i < items.size() && i < 8; ++i)
    parts.push_back(Quote(items[i]->title.empty() ? items[i]->id : items[i]->title) + " (" +
                    DateText(items[i]->date) + ")");
  if (items.size() > 8) parts.push_back("and " + std::to_string(items.size() - 8) + " more");
  return text::Join(parts, ", ");
}

std::string Summarize(const Verdict& v, std::string_view undefined_note) {
  int met = 0, waived = 0, signed_off = 0;
  for (const RequirementResult& r : v.requirements) {
    met += r.status == RequirementStatus::kMet;
    waived += r.status == RequirementStatus::kWaived;
    signed_off += r.status == RequirementStatus::kSignedOff;
  }
  std::string n = std::to_string(v.requirements.size());
  switch (v.overall) {
    case Overall::kEligible: {
      std::string s = "Eligible for " + v.target_title + " on " + DateText(v.at) + ": " + n +
                      (v.requirements.size() == 1 ? " requirement" : " requirements") + ", " +
                      std::to_string(met) + " met";
      if (signed_off) s += ", " + std::to_string(signed_off) + " signed off";
      if (waived) s += ", " + std::to_string(waived) + " waived";
      return s + ".";
    }
    case Overall::kNotYet:
      return "Not yet eligible for " + v.target_title + ": only time is missing; earliest on " +
             DateText(v.earliest) + ".";
    case Overall::kBlocked: {
      std::vector<std::string> names;
      for (size_t i : v.blocking) {
        const RequirementResult& r = v.requirements[i];
        names.push_back(Quote(r.text) + (r.missing.empty() ? "" : " (needs " + r.missing + ")"));
      }
      return "Blocked for " + v.target_title + " by " + std::to_string(v.blocking.size()) +
             (v.blocking.size() == 1 ? " requirement: " : " requirements: ") +
             text::Join(names, ", ") + ".";
    }
    case Overall::kUndefinedTarget:
      return "Not eligible: " + v.target_title + " is not defined in " + v.framework + " " +
             v.version + (undefined_note.empty() ? "" : " (" + std::string(undefined_note) + ")") +
             "; nobody is eligible for a level the framework leaves undefined.";
    case Overall::kNothingChecked:
      return "Nothing checked for " + v.target_title + " on " + DateText(v.at) +
             ": no requirements are defined for this level; nothing was checked.";
  }
  return "";
}

}  // namespace internal

const char* RequirementStatusName(RequirementStatus s) {
  switch (s) {
    case RequirementStatus::kMet:
      return "met";
    case RequirementStatus::kNotMet:
      return "not_met";
    case RequirementStatus::kWaived:
      return "waived";
    case RequirementStatus::kUnknown:
      return "unknown";
    case RequirementStatus::kAwaitingSignOff:
      return "awaiting_signoff";
    case RequirementStatus::kSignedOff:
      return "signed_off";
  }
  return "?";
}

const char* OverallName(Overall o) {
  switch (o) {
    case Overall::kEligible:
      return "eligible";
    case Overall::kNotYet:
      return "not_yet";
    case Overall::kBlocked:
      return "blocked";
    case Overall::kUndefinedTarget:
      return "undefined_target";
    case Overall::kNothingChecked:
      return "nothing_checked";
  }
  return "?";
}

}  // namespace ladder::rules
