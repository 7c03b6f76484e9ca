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

  bool SignedIn() const { return !user.empty(); }
  bool Has(model::UserRole role) const;
  // The audit log's actor: "user:<id>", or "anonymous".
  std::string Actor() const;
};

// A login: the secret goes into the cookie and nowhere else.
struct NewSession {
  std::string secret;
  storage::Session session;
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
  std::optional<std::string> password;  // a reset; ends the user's sessions
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

class AccountService {
 public:
  explicit AccountService(storage::Store& store, AccountOptions options = {});

  // Creates a user. Errors: kInvalidArgument naming the field (id form, no role, a password
  // shorter than the minimum, a person that is not stored), kAlreadyExists.
  Result<model::User> AddUser(std::string_view actor, const NewUser& user);
  // Applies `change` to user `id`. Errors: kNotFound, kInvalidArgument as for AddUser.
  Result<model::User> UpdateUser(std::string_view actor, std::string_view id,
                                 const UserChange& change);
  // The user's own change: `old_password` must match. Every other session of the user ends;
  // the one `keep_session_hash` names (the caller's) stays. Errors: kUnauthenticated for a
  // wrong old password, kInvalidArgument for a too short new one.
  Status ChangePassword(std::string_view user, std::string_view old_password,
                        std::string_view new_password, std::string_view keep_session_hash);

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

  // A new API token for `user`, named for what it is for; `expires` "" for never.
  Result<NewToken> CreateToken(std::string_view actor, std::string_view user, std::string_view name,
                               std::string_view expires);
  // Revokes token `id` of `user` (kNotFound when it is not theirs).
  Status RevokeToken(std::string_view actor, std::string_view user, std::string_view id);

  // Validates a login name (kInvalidArgument naming the value).
  static Status CheckUserId(std::string_view id);

 private:
  static Principal PrincipalOf(const model::User& user);
  Status CheckPassword(std::string_view password) const;
  std::string Now() const;

  storage::Store& store_;
  AccountOptions options_;
};

}  // namespace ladder::app
