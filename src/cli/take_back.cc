#include "cli/take_back.h"

#include <cstdio>

#include "app/corrections.h"

namespace ladder::cli {
namespace {

// The text of field `name` when its option was given on `cmd`; a period START..END gives its two
// ends (what does not split is left to the field's own check).
std::optional<std::string> GivenField(const CLI::App* cmd, const std::vector<FieldOption>& fields,
                                      std::string_view name) {
  for (const FieldOption& f : fields) {
    if (cmd->count(f.option) == 0) continue;
    if (std::string_view(f.option) == "--period" &&
        (name == "period_start" || name == "period_end")) {
      const size_t dots = f.value->find("..");
      if (dots == std::string::npos) return name == "period_start" ? *f.value : std::string();
      return name == "period_start" ? f.value->substr(0, dots) : f.value->substr(dots + 2);
    }
    if (f.field == name) return *f.value;
  }
  return std::nullopt;
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

Result<int> RunTakeBack(
    const TakeBackOptions& o, app::RecordKind kind, bool correcting,
    const std::function<Result<std::string>(storage::Store&, app::ReviewService&,
                                            const app::TakeBack&)>& take_back) {
  Result<Date> on = ParseDateOption("--on", o.on, Today());
  if (!on) return Fail(on.error());
  auto store = OpenStore(o.store);
  if (!store) return Fail(store.error());
  app::ReviewService review(**store, CliActor());
  Result<std::string> id = take_back(**store, review, app::TakeBack{o.by, o.reason, *on});
  if (!id) return Fail(id.error());
  const char* what = app::RecordKindName(kind);
  if (o.store.json) {
    Result<render::Json> out =
        app::TakeBackJson(**store, kind, o.id, correcting ? *id : std::string());
    if (!out) return Fail(out.error());
    PrintJson(*out);
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

Result<int> RunCorrect(const TakeBackOptions& o, app::RecordKind kind, const CLI::App* cmd,
                       std::vector<FieldOption> fields) {
  return RunTakeBack(
      o, kind, true, [&](storage::Store&, app::ReviewService& review, const app::TakeBack& why) {
        return review.Correct(
            kind, o.id, [&](std::string_view name) { return GivenField(cmd, fields, name); }, why);
      });
}

}  // namespace ladder::cli
