// Signing in and out, the account page, API sessions and tokens.
#include "app/crypto.h"
#include "base/metrics.h"
#include "base/text.h"
#include "render/records_json.h"
#include "server/exchange.h"
#include "server/redirect.h"

namespace ladder::server::internal {
namespace {

constexpr const char* kLoginCookie = "ladder_login";  // the login form's CSRF (double submit)

std::string Cookie(const Exchange& x, std::string_view name, std::string_view value, long max_age,
                   std::string_view same_site = "Lax", std::string_view path = "/") {
  return CookieHeader(x.services, x.req, name, value, max_age, same_site, path);
}

std::string ReadCookie(const Exchange& x, std::string_view name) { return CookieOf(x.req, name); }

// Throttling keys: an account together with the client, and the client alone. The client part
// (an address) never holds the NUL that separates them, so keys cannot collide.
std::string AccountKey(const Exchange& x, const std::string& user) {
  return user + std::string(1, '\0') + x.client;
}

// Seconds to wait before this client may try to sign in as `user` again, or 0.
long Wait(Exchange& x, const std::string& user) {
  auto now = app::LoginLimiter::Clock::now();
  return std::max(x.services.sign_in_limiter.RetryAfter(AccountKey(x, user), now),
                  x.services.client_limiter.RetryAfter(x.client, now));
}

void Failed(Exchange& x, const std::string& user) {
  auto now = app::LoginLimiter::Clock::now();
  x.services.sign_in_limiter.Failure(AccountKey(x, user), now);
  x.services.client_limiter.Failure(x.client, now);
}

// Signs in: ends the session the client came with (if any) and opens a new one, so that a
// session id known before signing in is never one after (no fixation).
Result<app::NewSession> SignIn(Exchange& x, const std::string& user, const std::string& password) {
  if (long wait = Wait(x, user); wait > 0) {
    metrics::CountSignInFailure("throttled");
    x.res.set_header("Retry-After", std::to_string(wait));
    return MakeError(
        ErrorCode::kResourceExhausted,
        "too many failed sign-ins from here: try again in " + std::to_string(wait) + " s");
  }
  Result<app::NewSession> s = x.services.accounts.Login(user, password);
  if (!s) {
    if (s.error().code == ErrorCode::kUnauthenticated) {
      metrics::CountSignInFailure("refused");
      Failed(x, user);
    }
    return s;
  }
  x.services.sign_in_limiter.Success(AccountKey(x, user));
  if (std::string old = ReadCookie(x, kSessionCookie); !old.empty())
    (void)x.services.accounts.Logout(old);
  long max_age = static_cast<long>(std::chrono::hours(12).count() * 3600);
  // One Set-Cookie for the session: drop the clearing of an ended session's cookie, if any.
  for (auto it = x.res.headers.begin(); it != x.res.headers.end();) {
    if (it->first == "Set-Cookie" && it->second.starts_with(std::string(kSessionCookie) + "="))
      it = x.res.headers.erase(it);
    else
      ++it;
  }
  x.res.set_header("Set-Cookie", Cookie(x, kSessionCookie, s->secret, max_age));
  return s;
}

void TooMany(Exchange& x, const Error& e) {
  if (x.route.api) {
    WriteProblem(x.res, e, x.req.path);
  } else {
    x.Html(render::RenderErrorPage(x.Viewer(), 429, e.message));
  }
  x.res.status = 429;
}

render::AccountView AccountOf(Exchange& x, Result<model::User>& user) {
  render::AccountView v;
  if (user) v.user = *user;
  if (Result<std::vector<storage::ApiToken>> t = x.services.store.ListApiTokens(x.principal.user);
      t)
    v.tokens = std::move(*t);
  return v;
}

Status ShowAccount(Exchange& x, render::Flash flash, std::string new_token = {}, int status = 200) {
  Result<model::User> user = x.services.store.GetUser(x.principal.user);
  if (!user) return Fail(user.error());
  render::AccountView v = AccountOf(x, user);
  v.flash = std::move(flash);
  v.new_token = std::move(new_token);
  v.notify_prefs = NotifyPrefsHtml(x);
  x.Html(render::RenderAccount(x.Viewer(), v), status);
  return Ok();
}

// An expiry date from a form or body ("" for none) as the end of that day, UTC.
Result<std::string> ExpiryOf(std::string_view date) {
  if (date.empty()) return std::string();
  LADDER_TRY(Date d, ParseDateValue("expires", date, {}));
  return d.ToString() + "T23:59:59.999Z";
}

}  // namespace

Status LoginPage(Exchange& x) {
  if (x.principal.SignedIn()) {
    x.Redirect(SafeLocalTarget(x.Query("next")));
    return Ok();
  }
  std::string token = ReadCookie(x, kLoginCookie);
  if (token.size() < 20) {
    token = app::RandomToken();
    x.res.set_header("Set-Cookie", Cookie(x, kLoginCookie, token, 3600, "Strict", "/login"));
  }
  render::LoginView v;
  v.public_frameworks = x.services.options.public_frameworks;
  v.next = SafeLocalTarget(x.Query("next"));
  v.csrf = token;
  x.Html(render::RenderLogin(x.Viewer(), v));
  return Ok();
}

Status LoginSubmit(Exchange& x) {
  std::string user = x.Form("user"), password = x.Form("password");
  std::string next = SafeLocalTarget(x.Form("next"));
  std::string cookie = ReadCookie(x, kLoginCookie), token = x.Form("csrf");
  render::LoginView v;
  v.public_frameworks = x.services.options.public_frameworks;
  v.next = next;
  v.user = user;
  v.csrf = cookie;
  if (cookie.empty() || !app::ConstantTimeEquals(cookie, token)) {
    v.csrf = app::RandomToken();
    x.res.set_header("Set-Cookie", Cookie(x, kLoginCookie, v.csrf, 3600, "Strict", "/login"));
    v.error = "The form's security token is missing or out of date: please sign in again.";
    x.Html(render::RenderLogin(x.Viewer(), v), 403);
    return Ok();
  }
  Result<app::NewSession> s = SignIn(x, user, password);
  if (!s) {
    v.error = ErrorText(s.error(), x.req.path);
    int status = s.error().code == ErrorCode::kResourceExhausted ? 429
                 : s.error().code == ErrorCode::kUnauthenticated ? 401
                                                                 : 503;
    x.Html(render::RenderLogin(x.Viewer(), v), status);
    return Ok();
  }
  if (next == "/") {
    Result<model::User> u = x.services.store.GetUser(user);
    if (u && !u->person.empty()) next = "/me";
  }
  x.Redirect(next);
  return Ok();
}

Status Logout(Exchange& x) {
  (void)x.services.accounts.Logout(ReadCookie(x, kSessionCookie));
  x.res.set_header("Set-Cookie", Cookie(x, kSessionCookie, "", 0));
  x.Redirect("/login");
  return Ok();
}

Status AccountPage(Exchange& x) { return ShowAccount(x, {}); }

Status AccountPassword(Exchange& x) {
  Result<int> revoked = x.services.accounts.ChangePassword(
      x.principal.user, x.Form("old_password"), x.Form("new_password"), x.principal.session_hash,
      x.Form("keep_tokens") == "1");
  if (!revoked) return ShowAccount(x, {"", revoked.error().message}, {}, 400);
  std::string tokens = *revoked == 0 ? ""
                       : *revoked == 1
                           ? " and your API token was revoked"
                           : " and your " + std::to_string(*revoked) + " API tokens were revoked";
  return ShowAccount(
      x, {"Your password was changed; your other sessions were ended" + tokens + ".", ""});
}

Status AccountTokenCreate(Exchange& x) {
  Result<std::string> expires = ExpiryOf(x.Form("expires"));
  if (!expires) return ShowAccount(x, {"", expires.error().message}, {}, 400);
  Result<model::TokenScope> scope = app::ParseScope(x.Form("scope"));
  if (!scope) return ShowAccount(x, {"", scope.error().message}, {}, 400);
  Result<app::NewToken> t = x.services.accounts.CreateToken(
      x.principal.Actor(), x.principal.user, {x.Form("name"), *expires, *scope}, x.principal);
  if (!t) return ShowAccount(x, {"", t.error().message}, {}, 400);
  return ShowAccount(x, {"Token '" + t->token.name + "' created.", ""}, t->secret);
}

Status AccountTokenRevoke(Exchange& x) {
  Status s =
      x.services.accounts.RevokeToken(x.principal.Actor(), x.principal.user, x.Param("token"));
  if (!s) return Fail(s.error());
  x.Redirect("/account");
  return Ok();
}

// -- API -----------------------------------------------------------------------------------------

namespace {

Json MeJson(const app::Principal& p) {
  Json roles = Json::array();
  for (model::UserRole r : p.roles) roles.push_back(model::UserRoleName(r));
  Json j = {{"user", p.user},
            {"name", p.name},
            {"person", p.person.empty() ? Json(nullptr) : Json(p.person)},
            {"roles", roles},
            {"via", p.via == app::Principal::Via::kToken ? "token" : "session"}};
  if (p.via == app::Principal::Via::kSession) j["csrf_token"] = p.csrf;
  if (p.via == app::Principal::Via::kToken) j["scope"] = model::TokenScopeName(p.token_scope);
  return j;
}

bool JsonRequest(const Exchange& x) {
  return x.req.get_header_value("Content-Type").rfind("application/json", 0) == 0;
}

}  // namespace

Status ApiSessionCreate(Exchange& x) {
  // A JSON body cannot be sent cross-site without the browser asking first: no login CSRF.
  if (!JsonRequest(x))
    return Fail(Error{ErrorCode::kInvalidArgument,
                      "send the credentials as application/json",
                      {},
                      "Content-Type"});
  Result<Json> body = x.Body();
  if (!body) return Fail(body.error());
  Result<std::string> user = StringField(*body, "user", true);
  if (!user) return Fail(user.error());
  Result<std::string> password = StringField(*body, "password", true);
  if (!password) return Fail(password.error());
  Result<app::NewSession> s = SignIn(x, *user, *password);
  if (!s) {
    if (s.error().code == ErrorCode::kResourceExhausted) {
      TooMany(x, s.error());
      return Ok();
    }
    return Fail(s.error());
  }
  Result<app::Principal> p = x.services.accounts.AuthenticateSession(s->secret);
  if (!p) return Fail(p.error());
  Json j = MeJson(*p);
  j["expires_at"] = s->session.expires_at;
  x.SendJson(j, 201);
  return Ok();
}

Status ApiSessionDelete(Exchange& x) {
  if (x.principal.via == app::Principal::Via::kSession)
    (void)x.services.accounts.Logout(ReadCookie(x, kSessionCookie));
  x.res.set_header("Set-Cookie", Cookie(x, kSessionCookie, "", 0));
  x.res.status = 204;
  return Ok();
}

Status ApiMe(Exchange& x) {
  x.SendJson(MeJson(x.principal));
  return Ok();
}

Status ApiPassword(Exchange& x) {
  Result<Json> body = x.Body();
  if (!body) return Fail(body.error());
  Result<std::string> old_pw = StringField(*body, "old_password", true);
  if (!old_pw) return Fail(old_pw.error());
  Result<std::string> new_pw = StringField(*body, "new_password", true);
  if (!new_pw) return Fail(new_pw.error());
  Result<bool> keep_tokens = BoolField(*body, "keep_tokens", false);
  if (!keep_tokens) return Fail(keep_tokens.error());
  Result<int> s = x.services.accounts.ChangePassword(x.principal.user, *old_pw, *new_pw,
                                                     x.principal.session_hash, *keep_tokens);
  if (!s) {
    Error e = s.error();
    if (e.code == ErrorCode::kUnauthenticated) e.code = ErrorCode::kInvalidArgument;
    return Fail(e);
  }
  x.res.status = 204;
  return Ok();
}

Status ApiTokens(Exchange& x) {
  Result<std::vector<storage::ApiToken>> tokens = x.services.store.ListApiTokens(x.principal.user);
  if (!tokens) return Fail(tokens.error());
  Json out = Json::array();
  for (const storage::ApiToken& t : *tokens) out.push_back(render::TokenJson(t));
  x.SendJson(out);
  return Ok();
}

Status ApiTokenCreate(Exchange& x) {
  Result<Json> body = x.Body();
  if (!body) return Fail(body.error());
  Result<std::string> name = StringField(*body, "name", true);
  if (!name) return Fail(name.error());
  Result<std::string> date = StringField(*body, "expires");
  if (!date) return Fail(date.error());
  Result<std::string> expires = ExpiryOf(*date);
  if (!expires) return Fail(expires.error());
  Result<std::string> scope_name = StringField(*body, "scope");
  if (!scope_name) return Fail(scope_name.error());
  Result<model::TokenScope> scope = app::ParseScope(*scope_name);
  if (!scope) return Fail(scope.error());
  Result<app::NewToken> t = x.services.accounts.CreateToken(x.principal.Actor(), x.principal.user,
                                                            {*name, *expires, *scope}, x.principal);
  if (!t) return Fail(t.error());
  Json j = render::TokenJson(t->token);
  j["secret"] = t->secret;
  x.SendJson(j, 201);
  return Ok();
}

Status ApiTokenRevoke(Exchange& x) {
  Status s =
      x.services.accounts.RevokeToken(x.principal.Actor(), x.principal.user, x.Param("token"));
  if (!s) return Fail(s.error());
  x.res.status = 204;
  return Ok();
}

}  // namespace ladder::server::internal
