// `ladder`: career frameworks as code. Each subcommand registers itself (cli/command.h).
#include <cstdio>
#include <exception>

#include "cli/command.h"
#include "cli/config_file.h"
#include "cli/usage.h"

int main(int argc, char** argv) {
  CLI::App app{
      "Ladder: career frameworks as code, and the promotions that run on them.\n"
      "Run `ladder COMMAND --help` for the options of a command.",
      "ladder"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("ladder " LADDER_VERSION));
  std::vector<ladder::cli::Run> runs;
  for (const auto& [order, setup] : ladder::cli::Registrations()) setup(app, runs);
  const std::shared_ptr<std::string> settings = ladder::cli::AddSettings(app);
  ladder::cli::SetJsonErrors(ladder::cli::WantsJson(argc, argv));
  if (auto checked = ladder::cli::CheckCommandLine(app, argc, argv); !checked) {
    return ladder::cli::ReportError(checked.error());
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    // A value refused by an option's check (a date that is not one, ...), a missing option:
    // said like every other error of bad input.
    return ladder::cli::ReportError(
        ladder::Error{ladder::ErrorCode::kInvalidArgument, e.what(), {}, {}});
  }
  if (auto applied = ladder::cli::ApplySettings(app, *settings); !applied) {
    return ladder::cli::ReportError(applied.error());
  }
  for (const ladder::cli::Run& run : runs) {
    if (run.command && run.command->parsed() && run.action) {
      try {
        ladder::Result<int> code = run.action();
        return code ? *code : ladder::cli::ReportError(code.error());
      } catch (const std::exception& e) {
        // Adapters convert library exceptions into errors; reaching here is a bug.
        std::fprintf(stderr, "ladder: internal error: %s\n", e.what());
        return 3;
      }
    }
  }
  std::fprintf(stderr, "ladder: missing subcommand; see ladder --help\n");
  return ladder::cli::kExitBadInput;
}
