#include "cli/take_back.h"

#include <cstdio>

namespace ladder::cli {
namespace {

// The record `id` of `kind` as JSON (people_json.h).
Result<render::Json> RecordJson(storage::Store& store, app::RecordKind kind,
                                const std::string& id) {
  switch (kind) {
    case app::RecordKind::kEvidence: {
      LADDER_TRY(model::Evidence e, store.GetEvidence(id));
      return render::EvidenceJson(e);
    }
    case app::RecordKind::kMetric: {
      LADDER_TRY(model::Metric m, store.GetMetric(id));
      return storage::MetricJson(m);
    }
    case app::RecordKind::kAssessment: {
      LADDER_TRY(model::Assessment a, store.GetAssessment(id));
      return render::AssessmentJson(a);
    }
    case app::RecordKind::kSignOff: {
      LADDER_TRY(model::SignOff s, store.GetSignOff(id));
      return render::SignOffJson(s);
    }
  }
  return MakeError(ErrorCode::kInternal, "unknown kind of record");
}

}  // namespace

CLI::App* AddTakeBack(CLI::App* parent, const std::string& name, const std::string& help,
                      TakeBackOptions& o) {
  CLI::App* cmd = parent->add_subcommand(name, help);
  cmd->add_option("id", o.id, "The record's id")->required();
  cmd->add_option("--by", o.by, "Who takes it back (person id)")->required();
  cmd->add_option("--reason", o.reason, "Why: kept with the record and in its history")->required();
  AddDateOption(cmd, "--on", o.on, "The day it is taken back, YYYY-MM-DD (default: today)");
  AddStoreOptions(cmd, o.store);
  // `ladder assess withdraw ID` runs without what `ladder assess` itself requires.
  cmd->preparse_callback([parent](size_t) {
    for (CLI::Option* option : parent->get_options()) option->required(false);
  });
  return cmd;
}

int RunTakeBack(const TakeBackOptions& o, app::RecordKind kind, bool correcting,
                const std::function<Result<std::string>(storage::Store&, app::ReviewService&,
                                                        const app::TakeBack&)>& take_back) {
  Result<Date> on = ParseDateOption("--on", o.on, Today());
  if (!on) return ReportError(on.error());
  auto store = OpenStore(o.store);
  if (!store) return ReportError(store.error());
  app::ReviewService review(**store, CliActor());
  Result<std::string> id = take_back(**store, review, app::TakeBack{o.by, o.reason, *on});
  if (!id) return ReportError(id.error());
  const char* what = app::RecordKindName(kind);
  if (o.store.json) {
    Result<render::Json> original = RecordJson(**store, kind, o.id);
    if (!original) return ReportError(original.error());
    render::Json out = {{correcting ? "corrected" : "withdrawn", *original}};
    if (correcting) {
      Result<render::Json> correction = RecordJson(**store, kind, *id);
      if (!correction) return ReportError(correction.error());
      out["correction"] = *correction;
    }
    PrintJson(out);
  } else if (correcting) {
    std::printf(
        "corrected %s %s by %s (%s): the correction counts, the original stays as corrected\n",
        what, o.id.c_str(), id->c_str(), o.reason.c_str());
  } else {
    std::printf("withdrew %s %s (%s): it stays stored and no longer counts\n", what, o.id.c_str(),
                o.reason.c_str());
  }
  return kExitOk;
}

}  // namespace ladder::cli
