// Accounts: users with Argon2id password hashes, login sessions, API tokens for automation, and
// who is asking (Principal). The use cases behind `ladder user …`, the login form, the session
// cookie and `Authorization: Bearer` (docs/accounts.md).
//
//   AccountService accounts(store);
//   Result<NewSession> s = accounts.Login("ada", "correct horse battery");
//   // cookie: s->secret; the store keeps only TokenHash(s->secret)
//   Result<Principal> who = accounts.AuthenticateSession(s->secret);
//
// Secrets (passwords, session and token secrets) never reach the store or the audit log: users
// keep an Argon2id hash, sessions and tokens the BLAKE2b hash of their secret. A session's id is
// created fresh at every login and never taken from the client, so a planted cookie cannot
// become a session (no fixation). Login failures say the same thing for an unknown user, a wrong
// password and a disabled account.
//
// Thread-safe when the Store is (it holds no state of its own besides the options).
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/error.h"
#include "model/people.h"
#include "storage/store.h"

namespace ladder::app {

// Who is asking: a signed-in user (through a session or an API token), or nobody.
struct Principal {
  enum class Via { kNone, kSession, kToken };
  Via via = Via::kNone;
  std::string user;    // user id; "" when nobody is signed in
  std::string person;  // the user's person id; "" for accounts not linked to a person
  std::string name;
  std::vector<model::UserRole> roles;
  std::string csrf;             // the session's CSRF token ("" unless via a session)
  std::string session_hash;     // the session's key ("" unless via a session)
  std::string session_expires;  // ISO-8601 UTC end of the session ("" unless via a session)
  std::string token_id;         // the API token's id ("" unless via a token)
  model::TokenScope token_scope = model::TokenScope::kWrite;  // (via a token)
  std::string token_expires;  // ISO-8601 UTC end of the API token ("" never, or not a token)

  bool SignedIn() const { return !user.empty(); }
  bool Has(model::UserRole role) const;
  // Whether this caller may change anything at all: Ok, or kPermissionDenied for a read-only
  // API token. The one check of token scopes: the server asks it before every request that is
  // not a GET, whatever the route.
  Status MayWrite() const;
  // The audit log's actor: "user:<id>", or "anonymous".
  std::string Actor() const;
};

// A login: the secret goes into the cookie and nowhere else.
struct NewSession {
  std::string secret;
  storage::Session session;
};

// What a new API token is for.
struct TokenRequest {
  std::string name;                                     // what it is for (1-200 characters)
  std::string expires;                                  // ISO-8601 UTC end; "" never
  model::TokenScope scope = model::TokenScope::kWrite;  // read: GET only; write: everything
};

// A new API token: the secret is shown once and nowhere kept.
struct NewToken {
  std::string secret;  // "ldr_" + 43 URL-safe characters
  storage::ApiToken token;
};

struct NewUser {
  std::string id;      // login name: 2-64 of [a-z0-9._-], starting with a letter or digit
  std::string name;    // display name (default: the id)
  std::string person;  // person id or ""
  std::vector<model::UserRole> roles;  // at least one
  std::string password;
};

// Changes of an existing user by an administrator; unset fields stay as they are.
struct UserChange {
  std::optional<std::string> name;
  std::optional<std::string> person;
  std::optional<std::vector<model::UserRole>> roles;
  std::optional<bool> disabled;
  std::optional<std::string> password;  // a reset; ends the user's sessions and API tokens
  bool keep_tokens = false;             // with a reset: the user's API tokens go on working
};

struct AccountOptions {
  std::chrono::seconds session_lifetime = std::chrono::hours(12);
  size_t min_password_length = 10;
  // ISO-8601 UTC "now"; tests replace it.
  std::function<std::string()> now;
};

// Role names (model::UserRoleName) as roles, each once, in the order given; kInvalidArgument
// naming `field` and the bad name otherwise.
Result<std::vector<model::UserRole>> ParseRoles(const std::vector<std::string>& names,
                                                std::string_view field = "roles");

// A token scope by name ("read" or "write"; "" is write, the default); kInvalidArgument naming
// `field` and the bad name otherwise.
Result<model::TokenScope> ParseScope(std::string_view name, std::string_view field = "scope");

class AccountService {
 public:
  explicit AccountService(storage::Store& store, AccountOptions options = {});

  // Creates a user. Errors: kInvalidArgument naming the field (id form, no role, a password
  // that breaks a rule of password_rules.h, a person that is not stored), kAlreadyExists.
  Result<model::User> AddUser(std::string_view actor, const NewUser& user);
  // Applies `change` to user `id` in one transaction. A new password ends the user's sessions
  // and revokes their API tokens (unless `change.keep_tokens`); so do disabling and new roles
  // for sessions. Errors: kNotFound, kInvalidArgument as for AddUser.
  Result<model::User> UpdateUser(std::string_view actor, std::string_view id,
                                 const UserChange& change);
  // The user's own change: `old_password` must match. Every other session of the user ends;
  // the one `keep_session_hash` names (the caller's) stays. The user's API tokens are revoked
  // unless `keep_tokens`. Returns how many tokens were revoked. Errors: kUnauthenticated for a
  // wrong old password, kInvalidArgument when the new one breaks a rule (password_rules.h).
  Result<int> ChangePassword(std::string_view user, std::string_view old_password,
                             std::string_view new_password, std::string_view keep_session_hash,
                             bool keep_tokens = false);

  // Checks the password and opens a new session. Errors: kUnauthenticated ("wrong user name or
  // password", whichever of the three it was).
  Result<NewSession> Login(std::string_view user, std::string_view password);
  // The principal of a session cookie's secret. Errors: kUnauthenticated (unknown, expired, or
  // the user disabled since).
  Result<Principal> AuthenticateSession(std::string_view secret);
  // The principal of an API token's secret ("ldr_..."). Errors: kUnauthenticated (unknown,
  // revoked, expired, user disabled).
  Result<Principal> AuthenticateToken(std::string_view secret);
  // Ends the session of `secret` (nothing when there is none).
  Status Logout(std::string_view secret);

  // A new API token for `user`. When `creator` is signed in with an API token, the new token
  // can do no more and last no longer than that one: from a read-only token kPermissionDenied;
  // an expiry after the creator's kInvalidArgument; no expiry given means the creator's.
  // Errors: kNotFound (no user), kInvalidArgument naming the field (name, expires).
  Result<NewToken> CreateToken(std::string_view actor, std::string_view user,
                               const TokenRequest& request, const Principal& creator = {});
  // Revokes token `id` of `user` (kNotFound when it is not theirs).
  Status RevokeToken(std::string_view actor, std::string_view user, std::string_view id);

  // Validates a login name (kInvalidArgument naming the value).
  static Status CheckUserId(std::string_view id);

 private:
  static Principal PrincipalOf(const model::User& user);
  // Revokes every API token of `user` that still works, in `store` (the caller's transaction);
  // returns how many.
  static Result<int> RevokeAllTokens(storage::Store& store, std::string_view actor,
                                     std::string_view user);
  Status CheckPassword(std::string_view password) const;
  std::string Now() const;

  storage::Store& store_;
  AccountOptions options_;
};

}  // namespace ladder::app
