// `ladder interview-guide FRAMEWORK LEVEL [--format md|html] [-o FILE] [--json]`: the interview
// guide of a level (analysis/interview_guide.h, render/outputs.h): per competency what to probe
// (what is new at the level), example questions made from those behaviours, and a rubric
// anchored on the level below, the level and the level above. HTML is a whole page that prints
// as a scorecard; --json prints the API's JSON (render::InterviewGuideJson).
// Exit status: 0 written, 2 bad input (unreadable framework, unknown level).
#include <cstdio>
#include <memory>

#include "analysis/interview_guide.h"
#include "cli/command.h"
#include "cli/framework_file.h"
#include "render/outputs.h"

namespace ladder::cli {
namespace {

struct GuideOptions {
  std::string framework;
  std::string level;
  std::string format = "md";
  std::string out;
  std::string database;
  bool json = false;
};

Result<int> RunGuide(const GuideOptions& o) {
  Result<model::Framework> fw = LoadFramework(o.framework, true, o.database);
  if (!fw) return Fail(fw.error());
  Result<analysis::InterviewGuide> guide = analysis::BuildInterviewGuide(*fw, o.level);
  if (!guide) {
    Error e = guide.error();
    e.field = "LEVEL";
    return Fail(e);
  }
  std::string text = o.json ? render::InterviewGuideJson(*guide).dump(2) + "\n"
                            : render::RenderInterviewGuide(
                                  *guide, render::OptionsFor(*render::ParseOutputFormat(o.format)));
  if (o.out.empty() || o.out == "-") {
    std::fwrite(text.data(), 1, text.size(), stdout);
    return std::fflush(stdout) == 0 ? kExitOk : kExitBadInput;
  }
  Status written = WriteOutputFile(o.out, text);
  if (!written) return Fail(written.error());
  return kExitOk;
}

void SetUpGuide(CLI::App& app, std::vector<Run>& runs) {
  auto* cmd = app.add_subcommand(
      "interview-guide",
      "Write the interview guide of a level: per competency what to probe, example questions\n"
      "and a rubric anchored on the levels below and above; as HTML it prints as a scorecard.");
  auto o = std::make_shared<GuideOptions>();
  cmd->add_option("framework", o->framework,
                  "Framework file (canonical YAML, or .json), or stored:ID[@VERSION]")
      ->required();
  cmd->add_option("level", o->level, "The level: CODE, or TRACK/CODE when tracks share codes")
      ->required();
  cmd->add_option("--format", o->format, "md (default) or html (a page that prints as a scorecard)")
      ->check(CLI::IsMember({"md", "markdown", "html"}));
  cmd->add_option("-o,--output", o->out, "Write to this file instead of standard output");
  cmd->add_flag("--json", o->json, "Print the guide as JSON (as the API does)");
  AddDatabaseOption(cmd, o->database);
  runs.push_back({cmd, [o] { return RunGuide(*o); }});
}

}  // namespace

LADDER_COMMAND(46, SetUpGuide);

}  // namespace ladder::cli
