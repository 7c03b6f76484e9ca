// `ladder user add | list | passwd | disable | enable | token | tokens`: accounts from the
// command line
// (the first admin comes from here; docs/accounts.md). Passwords are read from standard input
// (--password-stdin) or asked for on the terminal without echo, never taken as an argument.
#include <termios.h>
#include <unistd.h>

#include <cstdio>
#include <iostream>

#include "app/accounts.h"
#include "base/text.h"
#include "cli/command.h"
#include "cli/review_common.h"
#include "render/records_json.h"

namespace ladder::cli {
namespace {

struct UserOptions {
  StoreOptions store;
  std::string id;
  std::string name;
  std::string person;
  std::vector<std::string> roles;
  bool password_stdin = false;
  std::string token_name;
  std::string expires;
  std::string scope;
  bool keep_tokens = false;
};

// The password: one line of standard input, or asked twice on the terminal with echo off.
Result<std::string> ReadPassword(bool from_stdin) {
  std::string password;
  if (from_stdin || !isatty(STDIN_FILENO)) {
    if (!std::getline(std::cin, password))
      return MakeError(ErrorCode::kInvalidArgument, "no password on standard input", {},
                       "--password-stdin");
    if (!password.empty() && password.back() == '\r') password.pop_back();
    return password;
  }
  termios old{};
  tcgetattr(STDIN_FILENO, &old);
  termios quiet = old;
  quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
  tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  std::string again;
  std::fprintf(stderr, "Password: ");
  std::getline(std::cin, password);
  std::fprintf(stderr, "\nAgain: ");
  std::getline(std::cin, again);
  std::fprintf(stderr, "\n");
  tcsetattr(STDIN_FILENO, TCSANOW, &old);
  if (password != again)
    return MakeError(ErrorCode::kInvalidArgument, "the two passwords differ", {}, "password");
  return password;
}

Result<std::vector<model::UserRole>> Roles(const std::vector<std::string>& names) {
  std::vector<std::string> split;
  for (const std::string& list : names)
    for (std::string& n : SplitList(list)) split.push_back(std::move(n));
  return app::ParseRoles(split, "--role");
}

void PrintUser(const UserOptions& o, const model::User& u, std::string_view what) {
  if (o.store.json) return PrintJson(nlohmann::json::parse(render::UserJson(u).dump()));
  std::vector<std::string> roles;
  for (model::UserRole r : u.roles) roles.push_back(model::UserRoleName(r));
  PrintText(std::string(what) + " user " + u.id + " (" + text::Join(roles, ", ") + ")" +
            (u.person.empty() ? "" : ", person " + u.person) + (u.disabled ? ", disabled" : "") +
            "\n");
}

Result<int> RunAdd(const UserOptions& o) {
  Result<std::vector<model::UserRole>> roles = Roles(o.roles);
  if (!roles) return Fail(roles.error());
  if (roles->empty()) roles->push_back(model::UserRole::kEmployee);
  auto store = OpenStore(o.store);
  if (!store) return Fail(store.error());
  if (Status id = app::AccountService::CheckUserId(o.id); !id) return Fail(id.error());
  Result<std::string> password = ReadPassword(o.password_stdin);
  if (!password) return Fail(password.error());
  app::AccountService accounts(**store);
  Result<model::User> u =
      accounts.AddUser(CliActor(), app::NewUser{o.id, o.name, o.person, *roles, *password});
  if (!u) return Fail(u.error());
  PrintUser(o, *u, "added");
  return kExitOk;
}

Result<int> RunList(const UserOptions& o) {
  auto store = OpenStore(o.store);
  if (!store) return Fail(store.error());
  Result<std::vector<model::User>> users = (*store)->ListUsers();
  if (!users) return Fail(users.error());
  if (o.store.json) {
    nlohmann::json out = nlohmann::json::array();
    for (const model::User& u : *users)
      out.push_back(nlohmann::json::parse(render::UserJson(u).dump()));
    PrintJson(out);
    return kExitOk;
  }
  for (const model::User& u : *users) PrintUser(o, u, "");
  return kExitOk;
}

Result<int> RunChange(const UserOptions& o, app::UserChange change, std::string_view what) {
  auto store = OpenStore(o.store);
  if (!store) return Fail(store.error());
  app::AccountService accounts(**store);
  Result<model::User> u = accounts.UpdateUser(CliActor(), o.id, change);
  if (!u) return Fail(u.error());
  PrintUser(o, *u, what);
  return kExitOk;
}

Result<int> RunPasswd(const UserOptions& o) {
  Result<std::string> password = ReadPassword(o.password_stdin);
  if (!password) return Fail(password.error());
  app::UserChange change;
  change.password = *password;
  change.keep_tokens = o.keep_tokens;
  return RunChange(o, change,
                   o.keep_tokens ? "new password (API tokens kept) for"
                                 : "new password (sessions ended, API tokens revoked) for");
}

Result<int> RunToken(const UserOptions& o) {
  Result<model::TokenScope> scope = app::ParseScope(o.scope, "--scope");
  if (!scope) return Fail(scope.error());
  std::string expires;
  if (!o.expires.empty()) {
    Result<Date> d = ParseDateOption("--expires", o.expires, {});
    if (!d) return Fail(d.error());
    expires = d->ToString() + "T23:59:59.999Z";
  }
  auto store = OpenStore(o.store);
  if (!store) return Fail(store.error());
  app::AccountService accounts(**store);
  Result<app::NewToken> t = accounts.CreateToken(CliActor(), o.id, {o.token_name, expires, *scope});
  if (!t) return Fail(t.error());
  if (o.store.json) {
    nlohmann::json j = nlohmann::json::parse(render::TokenJson(t->token).dump());
    j["secret"] = t->secret;
    PrintJson(j);
  } else {
    std::fprintf(stderr, "ladder: API token %s for %s (scope %s); it is shown only now:\n",
                 t->token.id.c_str(), o.id.c_str(), model::TokenScopeName(t->token.scope));
    PrintText(t->secret + "\n");
  }
  return kExitOk;
}

Result<int> RunTokens(const UserOptions& o) {
  auto store = OpenStore(o.store);
  if (!store) return Fail(store.error());
  if (Result<model::User> u = (*store)->GetUser(o.id); !u)
    return Fail(Error{ErrorCode::kNotFound, "no user '" + o.id + "'", {}, "user"});
  Result<std::vector<storage::ApiToken>> tokens = (*store)->ListApiTokens(o.id);
  if (!tokens) return Fail(tokens.error());
  if (o.store.json) {
    nlohmann::json out = nlohmann::json::array();
    for (const storage::ApiToken& t : *tokens)
      out.push_back(nlohmann::json::parse(render::TokenJson(t).dump()));
    PrintJson(out);
    return kExitOk;
  }
  for (const storage::ApiToken& t : *tokens)
    PrintText(t.id + "  " + model::TokenScopeName(t.scope) + "  " +
              (t.revoked ? "revoked" : "active") + "  expires " +
              (t.expires_at.empty() ? "never" : t.expires_at.substr(0, 10)) + "  " + t.name + "\n");
  return kExitOk;
}

void SetUpUser(CLI::App& app, std::vector<Run>& runs) {
  auto* user = app.add_subcommand("user",
                                  "Accounts of the web app: add, list, passwd, disable, "
                                  "enable, token, tokens");
  user->require_subcommand(1);
  auto o = std::make_shared<UserOptions>();

  auto* add = user->add_subcommand("add",
                                   "Add a user (the password is read from the terminal "
                                   "or, with --password-stdin, from standard input)");
  add->add_option("id", o->id, "Login name")->required();
  add->add_option("--role", o->roles,
                  "admin, people_team, manager, reviewer or employee (repeat or separate with "
                  "commas; default employee)");
  add->add_option("--name", o->name, "Display name");
  add->add_option("--person", o->person, "The person (id) the account belongs to");
  add->add_flag("--password-stdin", o->password_stdin, "Read the password from standard input");
  AddStoreOptions(add, o->store);
  runs.push_back({add, [o] { return RunAdd(*o); }});

  auto* list = user->add_subcommand("list", "List users and their roles");
  AddStoreOptions(list, o->store);
  runs.push_back({list, [o] { return RunList(*o); }});

  auto* passwd = user->add_subcommand(
      "passwd", "Set a user's password (ends their sessions and revokes their API tokens)");
  passwd->add_option("id", o->id, "Login name")->required();
  passwd->add_flag("--password-stdin", o->password_stdin, "Read the password from standard input");
  passwd->add_flag("--keep-tokens", o->keep_tokens,
                   "Keep the user's API tokens working (by default a reset revokes them)");
  AddStoreOptions(passwd, o->store);
  runs.push_back({passwd, [o] { return RunPasswd(*o); }});

  auto* disable = user->add_subcommand("disable", "Disable a user (ends their sessions)");
  disable->add_option("id", o->id, "Login name")->required();
  AddStoreOptions(disable, o->store);
  runs.push_back({disable, [o] {
                    app::UserChange c;
                    c.disabled = true;
                    return RunChange(*o, c, "disabled");
                  }});

  auto* enable = user->add_subcommand("enable", "Enable a disabled user");
  enable->add_option("id", o->id, "Login name")->required();
  AddStoreOptions(enable, o->store);
  runs.push_back({enable, [o] {
                    app::UserChange c;
                    c.disabled = false;
                    return RunChange(*o, c, "enabled");
                  }});

  auto* token = user->add_subcommand("token",
                                     "Create an API token for a user; the secret is "
                                     "printed once");
  token->add_option("id", o->id, "Login name")->required();
  token->add_option("--name", o->token_name, "What the token is for")->required();
  AddDateOption(token, "--expires", o->expires, "Last day it works (YYYY-MM-DD; default never)");
  token->add_option("--scope", o->scope,
                    "read (GET requests only) or write (everything the user may do; default)");
  AddStoreOptions(token, o->store);
  runs.push_back({token, [o] { return RunToken(*o); }});

  auto* tokens = user->add_subcommand("tokens", "List a user's API tokens (never their secrets)");
  tokens->add_option("id", o->id, "Login name")->required();
  AddStoreOptions(tokens, o->store);
  runs.push_back({tokens, [o] { return RunTokens(*o); }});
}

}  // namespace
}  // namespace ladder::cli

LADDER_COMMAND(95, ladder::cli::SetUpUser);
