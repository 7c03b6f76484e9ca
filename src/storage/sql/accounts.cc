// Accounts: users (their document and, in a column of its own, the password hash), login
// sessions and API tokens (flat tables, column by column through schema::SessionFields and
// schema::ApiTokenFields). Secrets are stored only as hashes; the audit log never holds them.
#include "storage/sql/sql_store.h"

namespace ladder::storage::internal {
namespace {

Result<model::User> UserFrom(const Row& r) {
  LADDER_TRY(model::User u, Decode<model::User>(r.Text("doc"), "user"));
  u.password_hash = r.Text("password_hash");
  return u;
}

Result<std::vector<ApiToken>> LoadTokens(soci::session& s, const std::string& column,
                                         const std::string& value) {
  std::vector<ApiToken> out;
  LADDER_TRY_STATUS(ForRows(s,
                            "SELECT " + schema::TableNamed("api_tokens").List() +
                                " FROM api_tokens WHERE " + column +
                                " = :v ORDER BY created_at, id",
                            {value}, [&](const Row& r) -> Status {
                              LADDER_TRY(ApiToken t, ReadFields(r, schema::ApiTokenFields()));
                              out.push_back(std::move(t));
                              return Ok();
                            }));
  return out;
}

}  // namespace

// ---- Users ----

Status SqlStore::SaveUser(std::string_view actor, const model::User& u) {
  if (u.id.empty())
    return MakeError(ErrorCode::kInvalidArgument, "a user needs an id", {}, "user.id");
  return Write([&](soci::session& s) -> Status {
    if (!u.person.empty()) LADDER_TRY_STATUS(RequirePerson(s, u.person, "user.person"));
    std::string before = DocOf(s, "users", u.id);
    std::string doc = Dump(UserJson(u));
    Execute(s, InsertSql(schema::TableNamed("users"), true),
            {u.id, u.person.empty() ? Cell() : Cell(u.person), u.password_hash, doc});
    // The audit log never holds password hashes: the document has none.
    return Audit(s, actor, before.empty() ? "user.create" : "user.update", "user:" + u.id, before,
                 doc);
  });
}

Result<model::User> SqlStore::GetUser(std::string_view id) {
  std::string uid(id);
  return Read([&](soci::session& s) -> Result<model::User> {
    std::optional<model::User> found;
    LADDER_TRY_STATUS(ForRows(s, "SELECT doc, password_hash FROM users WHERE id = :id", {uid},
                              [&](const Row& r) -> Status {
                                LADDER_TRY(found, UserFrom(r));
                                return Ok();
                              }));
    if (!found) return MakeError(ErrorCode::kNotFound, "no user " + uid);
    return std::move(*found);
  });
}

Result<std::vector<model::User>> SqlStore::ListUsers() {
  return Read([&](soci::session& s) -> Result<std::vector<model::User>> {
    std::vector<model::User> out;
    LADDER_TRY_STATUS(ForRows(s, "SELECT doc, password_hash FROM users ORDER BY id", {},
                              [&](const Row& r) -> Status {
                                LADDER_TRY(model::User u, UserFrom(r));
                                out.push_back(std::move(u));
                                return Ok();
                              }));
    return out;
  });
}

// ---- Sessions ----

Status SqlStore::CreateSession(std::string_view actor, const Session& x) {
  return Write([&](soci::session& s) -> Status {
    LADDER_TRY_STATUS(RequireUser(s, x.user));
    Execute(s, InsertSql(schema::TableNamed("sessions"), false),
            CellsOf(x, schema::SessionFields()));
    return Audit(s, actor, "session.create", "user:" + x.user, "",
                 Dump(Json{{"expires_at", x.expires_at}}));
  });
}

Result<Session> SqlStore::GetSession(std::string_view token_hash) {
  std::string h(token_hash);
  return Read([&](soci::session& s) -> Result<Session> {
    std::optional<Session> found;
    LADDER_TRY_STATUS(ForRows(
        s,
        "SELECT " + schema::TableNamed("sessions").List() + " FROM sessions WHERE token_hash = :h",
        {h}, [&](const Row& r) -> Status {
          LADDER_TRY(found, ReadFields(r, schema::SessionFields()));
          return Ok();
        }));
    if (!found) return MakeError(ErrorCode::kNotFound, "no such session");
    return std::move(*found);
  });
}

Status SqlStore::DeleteSession(std::string_view actor, std::string_view token_hash) {
  std::string h(token_hash);
  return Write([&](soci::session& s) -> Status {
    std::string user;
    soci::indicator ind = soci::i_null;
    s << "SELECT user_id FROM sessions WHERE token_hash = :h", soci::into(user, ind), soci::use(h);
    if (!s.got_data() || ind != soci::i_ok)
      return MakeError(ErrorCode::kNotFound, "no such session");
    s << "DELETE FROM sessions WHERE token_hash = :h", soci::use(h);
    return Audit(s, actor, "session.delete", "user:" + user, "", "");
  });
}

Result<int> SqlStore::DeleteExpiredSessions(std::string_view now) {
  std::string n(now);
  return Write([&](soci::session& s) -> Result<int> {
    long long count = 0;
    s << "SELECT COUNT(*) FROM sessions WHERE expires_at < :n", soci::into(count), soci::use(n);
    if (count == 0) return 0;
    s << "DELETE FROM sessions WHERE expires_at < :n", soci::use(n);
    LADDER_TRY_STATUS(Audit(s, "system", "session.expire", "sessions", "",
                            Dump(Json{{"deleted", count}, {"before", n}})));
    return static_cast<int>(count);
  });
}

Result<int> SqlStore::DeleteUserSessions(std::string_view actor, std::string_view user,
                                         std::string_view except_hash) {
  std::string u(user), keep(except_hash);
  return Write([&](soci::session& s) -> Result<int> {
    long long count = 0;
    s << "SELECT COUNT(*) FROM sessions WHERE user_id = :u AND token_hash <> :k", soci::into(count),
        soci::use(u), soci::use(keep);
    if (count == 0) return 0;
    s << "DELETE FROM sessions WHERE user_id = :u AND token_hash <> :k", soci::use(u),
        soci::use(keep);
    LADDER_TRY_STATUS(Audit(s, actor, "session.revoke_all", "user:" + u, "",
                            Dump(Json{{"deleted", count}, {"kept_current", !keep.empty()}})));
    return static_cast<int>(count);
  });
}

// ---- API tokens ----

Result<std::string> SqlStore::CreateApiToken(std::string_view actor, const ApiToken& in) {
  ApiToken t = in;
  if (t.id.empty()) t.id = NewId("tok");
  if (t.created_at.empty()) t.created_at = NowIso();
  if (t.token_hash.empty())
    return MakeError(ErrorCode::kInvalidArgument, "an API token needs its hash", {},
                     "token.token_hash");
  return Write([&](soci::session& s) -> Result<std::string> {
    LADDER_TRY_STATUS(RequireUser(s, t.user));
    Execute(s, InsertSql(schema::TableNamed("api_tokens"), false),
            CellsOf(t, schema::ApiTokenFields()));
    LADDER_TRY_STATUS(Audit(s, actor, "token.create", "token:" + t.id, "",
                            Dump(Json{{"user", t.user},
                                      {"name", t.name},
                                      {"scope", model::TokenScopeName(t.scope)},
                                      {"expires_at", t.expires_at}})));
    return t.id;
  });
}

Result<ApiToken> SqlStore::FindApiToken(std::string_view token_hash) {
  std::string h(token_hash);
  return Read([&](soci::session& s) -> Result<ApiToken> {
    LADDER_TRY(auto list, LoadTokens(s, "token_hash", h));
    if (list.empty()) return MakeError(ErrorCode::kNotFound, "no such API token");
    return list.front();
  });
}

Result<std::vector<ApiToken>> SqlStore::ListApiTokens(std::string_view user) {
  std::string u(user);
  return Read([&](soci::session& s) { return LoadTokens(s, "user_id", u); });
}

Status SqlStore::RevokeApiToken(std::string_view actor, std::string_view id) {
  std::string tid(id);
  return Write([&](soci::session& s) -> Status {
    long long n = 0;
    s << "SELECT COUNT(*) FROM api_tokens WHERE id = :id", soci::into(n), soci::use(tid);
    if (n == 0) return MakeError(ErrorCode::kNotFound, "no API token " + tid);
    s << "UPDATE api_tokens SET revoked = 1 WHERE id = :id", soci::use(tid);
    return Audit(s, actor, "token.revoke", "token:" + tid, Dump(Json{{"revoked", false}}),
                 Dump(Json{{"revoked", true}}));
  });
}

}  // namespace ladder::storage::internal
