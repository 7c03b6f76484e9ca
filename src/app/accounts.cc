#include "app/accounts.h"

#include <algorithm>
#include <cstdio>
#include <ctime>

#include "app/crypto.h"
#include "app/password_rules.h"
#include "base/text.h"

namespace ladder::app {
namespace {

constexpr std::string_view kTokenPrefix = "ldr_";
constexpr std::string_view kLoginFailed = "wrong user name or password";

Error Unauthenticated(std::string message) {
  return Error{ErrorCode::kUnauthenticated, std::move(message), {}, {}};
}

bool IdChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
}

// A hash to verify against when the user does not exist, so that an unknown user costs as much
// time as a wrong password and the two cannot be told apart by timing.
const std::string& DummyHash() {
  static const std::string hash = HashPassword("ladder-dummy-password").value_or("");
  return hash;
}

}  // namespace

Result<std::vector<model::UserRole>> ParseRoles(const std::vector<std::string>& names,
                                                std::string_view field) {
  std::vector<model::UserRole> roles;
  for (const std::string& n : names) {
    std::optional<model::UserRole> r = model::ParseUserRole(n);
    if (!r)
      return MakeError(ErrorCode::kInvalidArgument,
                       "'" + n +
                           "' is not a role: admin, people_team, manager, reviewer or "
                           "employee",
                       {}, std::string(field));
    if (std::find(roles.begin(), roles.end(), *r) == roles.end()) roles.push_back(*r);
  }
  return roles;
}

Result<model::TokenScope> ParseScope(std::string_view name, std::string_view field) {
  if (name.empty()) return model::TokenScope::kWrite;
  if (std::optional<model::TokenScope> scope = model::ParseTokenScope(name); scope) return *scope;
  return MakeError(ErrorCode::kInvalidArgument,
                   "'" + std::string(name) +
                       "' is not a token scope: read (GET requests only) or write (everything "
                       "the user may do)",
                   {}, std::string(field));
}

bool Principal::Has(model::UserRole role) const {
  return std::find(roles.begin(), roles.end(), role) != roles.end();
}

std::string Principal::Actor() const { return user.empty() ? "anonymous" : "user:" + user; }

Status Principal::MayWrite() const {
  if (via == Via::kToken && token_scope == model::TokenScope::kRead)
    return MakeError(ErrorCode::kPermissionDenied,
                     "this API token is read-only: it may only read (GET); create a token with "
                     "scope write to change anything",
                     {}, "Authorization");
  return Ok();
}

AccountService::AccountService(storage::Store& store, AccountOptions options)
    : store_(store), options_(std::move(options)) {}

std::string AccountService::Now() const { return options_.now ? options_.now() : NowIso(); }

Status AccountService::CheckUserId(std::string_view id) {
  bool ok = id.size() >= 2 && id.size() <= 64 && IdChar(id[0]) && id[0] != '.' && id[0] != '_' &&
            id[0] != '-' && std::all_of(id.begin(), id.end(), IdChar);
  if (!ok)
    return MakeError(ErrorCode::kInvalidArgument,
                     "user name '" + std::string(id) +
                         "' must be 2 to 64 characters of a-z, 0-9, '.', '_' and '-', starting "
                         "with a letter or digit",
                     {}, "id");
  return Ok();
}

Status AccountService::CheckPassword(std::string_view password) const {
  return CheckNewPassword(password, options_.min_password_length);
}

Result<model::User> AccountService::AddUser(std::string_view actor, const NewUser& in) {
  LADDER_TRY_STATUS(CheckUserId(in.id));
  if (in.roles.empty())
    return MakeError(ErrorCode::kInvalidArgument,
                     "user '" + in.id +
                         "' needs at least one role (admin, people_team, manager, "
                         "reviewer, employee)",
                     {}, "roles");
  LADDER_TRY_STATUS(CheckPassword(in.password));
  if (Result<model::User> existing = store_.GetUser(in.id); existing)
    return MakeError(ErrorCode::kAlreadyExists, "there is already a user '" + in.id + "'", {},
                     "id");
  if (!in.person.empty()) {
    if (Result<model::Person> p = store_.GetPerson(in.person); !p)
      return MakeError(ErrorCode::kInvalidArgument,
                       "no person '" + in.person + "' (ladder people import adds people)", {},
                       "person");
  }
  model::User user;
  user.id = in.id;
  user.name = in.name.empty() ? in.id : in.name;
  user.person = in.person;
  user.roles = in.roles;
  LADDER_TRY(user.password_hash, HashPassword(in.password));
  LADDER_TRY_STATUS(store_.SaveUser(actor, user));
  return user;
}

Result<model::User> AccountService::UpdateUser(std::string_view actor, std::string_view id,
                                               const UserChange& change) {
  Result<model::User> found = store_.GetUser(id);
  if (!found)
    return MakeError(ErrorCode::kNotFound, "no user '" + std::string(id) + "'", {}, "user");
  model::User user = std::move(*found);
  if (change.name) user.name = change.name->empty() ? user.id : *change.name;
  if (change.person) {
    if (!change.person->empty()) {
      if (Result<model::Person> p = store_.GetPerson(*change.person); !p)
        return MakeError(ErrorCode::kInvalidArgument, "no person '" + *change.person + "'", {},
                         "person");
    }
    user.person = *change.person;
  }
  if (change.roles) {
    if (change.roles->empty())
      return MakeError(ErrorCode::kInvalidArgument, "a user needs at least one role", {}, "roles");
    user.roles = *change.roles;
  }
  if (change.disabled) user.disabled = *change.disabled;
  if (change.password) {
    LADDER_TRY_STATUS(CheckPassword(*change.password));
    LADDER_TRY(user.password_hash, HashPassword(*change.password));
  }
  bool end_sessions = change.password.has_value() || (change.disabled && *change.disabled) ||
                      change.roles.has_value();
  bool end_tokens = change.password.has_value() && !change.keep_tokens;
  LADDER_TRY_STATUS(store_.WithTransaction([&](storage::Store& tx) -> Status {
    LADDER_TRY_STATUS(tx.SaveUser(actor, user));
    if (end_sessions) LADDER_TRY_STATUS(tx.DeleteUserSessions(actor, user.id, ""));
    if (end_tokens) LADDER_TRY_STATUS(RevokeAllTokens(tx, actor, user.id));
    return Ok();
  }));
  return user;
}

Result<int> AccountService::ChangePassword(std::string_view user, std::string_view old_password,
                                           std::string_view new_password,
                                           std::string_view keep_session_hash, bool keep_tokens) {
  Result<model::User> found = store_.GetUser(user);
  if (!found || found->disabled || !VerifyPassword(found->password_hash, old_password))
    return MakeError(ErrorCode::kUnauthenticated, "the current password is wrong", {},
                     "old_password");
  LADDER_TRY_STATUS(CheckPassword(new_password));
  model::User u = std::move(*found);
  LADDER_TRY(u.password_hash, HashPassword(new_password));
  std::string actor = "user:" + u.id;
  int revoked = 0;
  LADDER_TRY_STATUS(store_.WithTransaction([&](storage::Store& tx) -> Status {
    LADDER_TRY_STATUS(tx.SaveUser(actor, u));
    LADDER_TRY_STATUS(tx.DeleteUserSessions(actor, u.id, keep_session_hash));
    if (!keep_tokens) {
      LADDER_TRY(revoked, RevokeAllTokens(tx, actor, u.id));
    }
    return Ok();
  }));
  return revoked;
}

Result<int> AccountService::RevokeAllTokens(storage::Store& store, std::string_view actor,
                                            std::string_view user) {
  LADDER_TRY(std::vector<storage::ApiToken> tokens, store.ListApiTokens(user));
  int revoked = 0;
  for (const storage::ApiToken& t : tokens) {
    if (t.revoked) continue;
    LADDER_TRY_STATUS(store.RevokeApiToken(actor, t.id));
    ++revoked;
  }
  return revoked;
}

Principal AccountService::PrincipalOf(const model::User& user) {
  Principal p;
  p.user = user.id;
  p.person = user.person;
  p.name = user.name;
  p.roles = user.roles;
  return p;
}

Result<NewSession> AccountService::Login(std::string_view user, std::string_view password) {
  Result<model::User> found = store_.GetUser(user);
  if (!found) {
    if (found.error().code != ErrorCode::kNotFound) return Fail(found.error());
    VerifyPassword(DummyHash(), password);  // same cost as a wrong password
    return Fail(Unauthenticated(std::string(kLoginFailed)));
  }
  if (!VerifyPassword(found->password_hash, password) || found->disabled)
    return Fail(Unauthenticated(std::string(kLoginFailed)));
  if (PasswordNeedsRehash(found->password_hash)) {
    if (Result<std::string> h = HashPassword(password); h) {
      model::User u = *found;
      u.password_hash = *h;
      (void)store_.SaveUser("user:" + u.id, u);  // best effort: the login stands either way
    }
  }
  NewSession out;
  out.secret = RandomToken();
  std::string now = Now();
  out.session.token_hash = TokenHash(out.secret);
  out.session.user = found->id;
  out.session.csrf_token = RandomToken();
  out.session.created_at = now;
  out.session.expires_at = IsoPlusSeconds(now, options_.session_lifetime.count());
  LADDER_TRY_STATUS(store_.CreateSession("user:" + found->id, out.session));
  return out;
}

Result<Principal> AccountService::AuthenticateSession(std::string_view secret) {
  if (secret.empty() || secret.size() > 256) return Fail(Unauthenticated("not signed in"));
  Result<storage::Session> s = store_.GetSession(TokenHash(secret));
  if (!s) {
    if (s.error().code == ErrorCode::kNotFound)
      return Fail(Unauthenticated("the session has ended: sign in again"));
    return Fail(s.error());
  }
  if (s->expires_at <= Now())
    return Fail(Unauthenticated("the session has expired: sign in again"));
  Result<model::User> user = store_.GetUser(s->user);
  if (!user || user->disabled) return Fail(Unauthenticated("the account is disabled"));
  Principal p = PrincipalOf(*user);
  p.via = Principal::Via::kSession;
  p.csrf = s->csrf_token;
  p.session_hash = s->token_hash;
  p.session_expires = s->expires_at;
  return p;
}

Result<Principal> AccountService::AuthenticateToken(std::string_view secret) {
  if (!secret.starts_with(kTokenPrefix) || secret.size() > 256)
    return Fail(Unauthenticated("not an API token of Ladder (they start with ldr_)"));
  Result<storage::ApiToken> t = store_.FindApiToken(TokenHash(secret));
  if (!t) {
    if (t.error().code == ErrorCode::kNotFound) return Fail(Unauthenticated("unknown API token"));
    return Fail(t.error());
  }
  if (t->revoked) return Fail(Unauthenticated("the API token was revoked"));
  if (!t->expires_at.empty() && t->expires_at <= Now())
    return Fail(Unauthenticated("the API token has expired"));
  Result<model::User> user = store_.GetUser(t->user);
  if (!user || user->disabled) return Fail(Unauthenticated("the account is disabled"));
  Principal p = PrincipalOf(*user);
  p.via = Principal::Via::kToken;
  p.token_id = t->id;
  p.token_scope = t->scope;
  p.token_expires = t->expires_at;
  return p;
}

Status AccountService::Logout(std::string_view secret) {
  if (secret.empty()) return Ok();
  std::string hash = TokenHash(secret);
  Result<storage::Session> s = store_.GetSession(hash);
  if (!s) return Ok();
  Status deleted = store_.DeleteSession("user:" + s->user, hash);
  if (!deleted && deleted.error().code != ErrorCode::kNotFound) return deleted;
  return Ok();
}

Result<NewToken> AccountService::CreateToken(std::string_view actor, std::string_view user,
                                             const TokenRequest& request,
                                             const Principal& creator) {
  if (Result<model::User> u = store_.GetUser(user); !u)
    return MakeError(ErrorCode::kNotFound, "no user '" + std::string(user) + "'", {}, "user");
  std::string what(text::Trim(request.name));
  if (what.empty() || what.size() > 200)
    return MakeError(ErrorCode::kInvalidArgument,
                     "an API token needs a name saying what it is for (at most 200 characters)", {},
                     "name");
  std::string expires = request.expires;
  if (creator.via == Principal::Via::kToken) {
    // A token makes no token that can do more, or last longer, than itself: a read-only one
    // makes none at all (creating is a write), a write one any scope.
    LADDER_TRY_STATUS(creator.MayWrite());
    if (!creator.token_expires.empty()) {
      if (expires.empty()) expires = creator.token_expires;
      if (expires > creator.token_expires)
        return MakeError(ErrorCode::kInvalidArgument,
                         "the API token in use expires at " + creator.token_expires +
                             ": a token it creates cannot last longer (" + expires + ")",
                         {}, "expires");
    }
  }
  if (!expires.empty() && expires <= Now())
    return MakeError(ErrorCode::kInvalidArgument,
                     "the expiry '" + expires + "' is not in the future", {}, "expires");
  NewToken out;
  out.secret = std::string(kTokenPrefix) + RandomToken();
  out.token.user = std::string(user);
  out.token.name = what;
  out.token.token_hash = TokenHash(out.secret);
  out.token.created_at = Now();
  out.token.expires_at = expires;
  out.token.scope = request.scope;
  LADDER_TRY(out.token.id, store_.CreateApiToken(actor, out.token));
  return out;
}

Status AccountService::RevokeToken(std::string_view actor, std::string_view user,
                                   std::string_view id) {
  LADDER_TRY(std::vector<storage::ApiToken> tokens, store_.ListApiTokens(user));
  for (const storage::ApiToken& t : tokens)
    if (t.id == id) return store_.RevokeApiToken(actor, id);
  return MakeError(ErrorCode::kNotFound,
                   "user '" + std::string(user) + "' has no API token '" + std::string(id) + "'",
                   {}, "token");
}

}  // namespace ladder::app
