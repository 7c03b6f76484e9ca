#include "cli/config_file.h"

#include <algorithm>
#include <cctype>
#include <vector>

#include "cli/framework_file.h"
#include "formats/settings_file.h"

namespace ladder::cli {
namespace {

std::string EnvName(const std::string& option) {
  std::string name = "LADDER_";
  for (char c : option) name += c == '-' ? '_' : static_cast<char>(std::toupper(c));
  return name;
}

void NameEnvironment(CLI::App& command, bool every_option) {
  for (CLI::Option* option : command.get_options()) {
    if (option->get_lnames().empty() || !option->get_envname().empty()) continue;
    const std::string& name = option->get_lnames().front();
    if (every_option || name == "database") option->envname(EnvName(name));
  }
  for (CLI::App* sub : command.get_subcommands([](CLI::App*) { return true; })) {
    NameEnvironment(*sub, every_option || sub->get_name() == "serve");
  }
}

// The subcommand at `path` below `app`, or nullptr.
CLI::App* CommandAt(CLI::App& app, const std::vector<std::string>& path) {
  CLI::App* at = &app;
  for (const std::string& name : path) {
    auto subs = at->get_subcommands([&](CLI::App* s) { return s->get_name() == name; });
    if (subs.empty()) return nullptr;
    at = subs.front();
  }
  return at;
}

CLI::Option* LongOption(CLI::App& command, const std::string& key) {
  for (CLI::Option* option : command.get_options()) {
    const auto& names = option->get_lnames();
    if (std::ranges::find(names, key) != names.end()) return option;
  }
  return nullptr;
}

// Every command below `app` (itself excluded) with a long option `key`.
void CommandsWith(CLI::App& app, const std::string& key, std::vector<CLI::App*>& out) {
  for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) {
    if (LongOption(*sub, key) != nullptr) out.push_back(sub);
    CommandsWith(*sub, key, out);
  }
}

std::string Section(const std::vector<std::string>& command) {
  std::string joined;
  for (const std::string& name : command) joined += (joined.empty() ? "" : ".") + name;
  return joined;
}

Error SettingError(const formats::Setting& setting, std::string message) {
  return Error{ErrorCode::kInvalidArgument, std::move(message), setting.where, setting.key};
}

// The option a setting names, or an error saying why it names none.
Result<std::vector<CLI::App*>> CommandsOf(CLI::App& app, const formats::Setting& setting) {
  std::vector<CLI::App*> commands;
  if (setting.command.empty()) {
    CommandsWith(app, setting.key, commands);
    if (commands.empty()) {
      return Fail(SettingError(setting, "unknown setting '" + setting.key +
                                            "': no command has an option --" + setting.key));
    }
    return commands;
  }
  CLI::App* command = CommandAt(app, setting.command);
  if (command == nullptr) {
    return Fail(SettingError(setting, "unknown section [" + Section(setting.command) +
                                          "]: sections are commands, such as [serve]"));
  }
  if (LongOption(*command, setting.key) == nullptr) {
    std::string spaced = Section(setting.command);
    std::ranges::replace(spaced, '.', ' ');
    return Fail(SettingError(setting, "unknown setting '" + setting.key + "' in [" +
                                          Section(setting.command) + "]: `ladder " + spaced +
                                          " --help` lists the settings (its long options, "
                                          "without the dashes)"));
  }
  return std::vector<CLI::App*>{command};
}

Status Give(CLI::Option& option, const formats::Setting& setting) {
  if (setting.is_array && option.get_items_expected_max() <= 1) {
    return Fail(
        SettingError(setting, "setting '" + setting.key + "' takes one value, not an array"));
  }
  try {
    for (const std::string& value : setting.values) option.add_result(value);
    option.run_callback();
  } catch (const CLI::ParseError& e) {
    return Fail(SettingError(setting, "setting '" + setting.key + "': " + e.what()));
  }
  return Ok();
}

}  // namespace

std::shared_ptr<std::string> AddSettings(CLI::App& app) {
  auto path = std::make_shared<std::string>();
  app.add_option("--config", *path,
                 "Settings file (TOML; also $LADDER_CONFIG): options of the commands by their "
                 "long names, per command in [sections]; see docs/operations.md")
      ->envname("LADDER_CONFIG");
  NameEnvironment(app, false);
  return path;
}

Status ApplySettings(CLI::App& app, const std::string& path) {
  if (path.empty()) return Ok();
  LADDER_TRY(std::string text, ReadInputFile(path));
  LADDER_TRY(std::vector<formats::Setting> settings, formats::ReadSettings(text, path));
  // Every command a setting names takes it, so that a wrong value in any section is found
  // whichever command runs; only the one running acts on it.
  for (const formats::Setting& setting : settings) {
    LADDER_TRY(std::vector<CLI::App*> commands, CommandsOf(app, setting));
    for (CLI::App* command : commands) {
      CLI::Option* option = LongOption(*command, setting.key);
      if (option->count() > 0) continue;  // the command line or the environment gave it
      LADDER_TRY_STATUS(Give(*option, setting));
    }
  }
  return Ok();
}

}  // namespace ladder::cli
