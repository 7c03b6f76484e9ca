#include "cli/usage.h"

#include <string>
#include <string_view>
#include <vector>

#include "base/text.h"

namespace ladder::cli {
namespace {

std::vector<CLI::App*> Subcommands(CLI::App& command) {
  return command.get_subcommands([](CLI::App*) { return true; });
}

// "ladder case open"
std::string Path(const CLI::App& command) {
  std::string path = command.get_name();
  for (const CLI::App* at = command.get_parent(); at != nullptr; at = at->get_parent()) {
    path = at->get_name() + " " + path;
  }
  return path;
}

// Commands anywhere below `command` named `word` (`waive` finds `case waive`).
void NestedNamed(CLI::App& command, std::string_view word, std::vector<CLI::App*>& out) {
  for (CLI::App* sub : Subcommands(command)) {
    if (sub->get_name() == word) out.push_back(sub);
    NestedNamed(*sub, word, out);
  }
}

Error UnknownCommand(CLI::App& at, std::string_view word) {
  std::string message = "unknown command '" + std::string(word) + "'";
  std::vector<std::string> names;
  for (CLI::App* sub : Subcommands(at)) names.push_back(sub->get_name());
  std::vector<CLI::App*> nested;
  NestedNamed(at, word, nested);
  // A command of that very name in a group comes before a near spelling at this level.
  if (!nested.empty()) {
    message += "; did you mean `" + Path(*nested.front()) + "`?";
  } else if (auto close = text::DidYouMean(word, names)) {
    message += "; did you mean `" + Path(at) + " " + *close + "`?";
  } else {
    message += " for `" + Path(at) + "`; the commands are " + text::Join(names, ", ");
  }
  return Error{ErrorCode::kInvalidArgument, message, {}, {}};
}

Error MissingCommand(CLI::App& at) {
  std::vector<std::string> names;
  for (CLI::App* sub : Subcommands(at)) names.push_back(sub->get_name());
  return Error{ErrorCode::kInvalidArgument,
               "`" + Path(at) + "` needs a command: " + text::Join(names, ", ") + " (`" + Path(at) +
                   " COMMAND --help` says more)",
               {},
               {}};
}

// The option of `command` (or of a command above it, as CLI11 allows for the top's --config
// before the command) that `arg` names, without any "=value".
const CLI::Option* OptionNamed(CLI::App& command, std::string_view arg) {
  std::string name(arg.substr(0, arg.find('=')));
  return command.get_option_no_throw(name);
}

Error UnknownOption(CLI::App& at, std::string_view arg) {
  std::string name(arg.substr(0, arg.find('=')));
  std::vector<std::string> names;
  for (const CLI::Option* option : at.get_options()) {
    for (const std::string& l : option->get_lnames()) names.push_back("--" + l);
  }
  std::string message = "unknown option '" + name + "' for `" + Path(at) + "`";
  if (auto close = text::DidYouMean(name, names)) {
    message += "; did you mean " + *close + "?";
  } else {
    message += " (`" + Path(at) + " --help` lists its options)";
  }
  return Error{ErrorCode::kInvalidArgument, message, {}, {}};
}

bool TakesValue(const CLI::Option& option) { return option.get_type_size_max() > 0; }

bool TakesArguments(const CLI::App& command) {
  for (const CLI::Option* option : command.get_options())
    if (option->get_positional()) return true;
  return false;
}

}  // namespace

Status CheckCommandLine(CLI::App& app, int argc, const char* const* argv) {
  CLI::App* at = &app;
  bool help = false;
  // A word read as the command's own argument that is a near spelling of a command under it
  // (`ladder assess withdrw ID`): when a later option belongs to that command and not to this
  // one, the word was the mistyped command.
  std::string near_word;
  CLI::App* near_command = nullptr;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "--") break;
    if (arg.size() > 1 && arg[0] == '-') {
      if (arg == "--help" || arg == "-h" || arg == "--version") help = true;
      const CLI::Option* option = OptionNamed(*at, arg);
      if (option == nullptr && arg.starts_with("--") &&
          (Subcommands(*at).empty() || TakesArguments(*at))) {
        if (near_command && OptionNamed(*near_command, arg))
          return Fail(Error{ErrorCode::kInvalidArgument,
                            "unknown command '" + near_word + "' for `" + Path(*at) +
                                "`; did you mean `" + Path(*near_command) + "`? (" +
                                std::string(arg.substr(0, arg.find('='))) +
                                " is an option of that command)",
                            {},
                            {}});
        return Fail(UnknownOption(*at, arg));
      }
      if (option != nullptr && TakesValue(*option) && arg.find('=') == std::string_view::npos) {
        ++i;
      }
      continue;
    }
    if (Subcommands(*at).empty()) continue;  // a positional argument of the command
    auto subs = at->get_subcommands([&](CLI::App* s) { return s->get_name() == arg; });
    // A command with arguments of its own and a few commands under it (`ladder assess PERSON`,
    // `ladder assess withdraw ID`): another word is its argument.
    if (subs.empty() && TakesArguments(*at)) {
      std::vector<std::string> names;
      for (CLI::App* sub : Subcommands(*at)) names.push_back(sub->get_name());
      if (auto close = text::DidYouMean(arg, names); close && !near_command) {
        near_word = arg;
        for (CLI::App* sub : Subcommands(*at))
          if (sub->get_name() == *close) near_command = sub;
      }
      continue;
    }
    if (subs.empty()) return Fail(UnknownCommand(*at, arg));
    at = subs.front();
  }
  if (!help && !Subcommands(*at).empty() && at->get_require_subcommand_min() > 0) {
    return Fail(MissingCommand(*at));
  }
  return Ok();
}

bool WantsJson(int argc, const char* const* argv) {
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "--") return false;
    if (arg == "--json") return true;
  }
  return false;
}

}  // namespace ladder::cli
