// Accounts on a real in-memory SQLite store: Argon2id hashes, logins, sessions and their expiry,
// password changes that end other sessions, API tokens, and what is (never) stored.
#include "app/accounts.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "app/crypto.h"

namespace ladder::app {
namespace {

UserChange Disabled() {
  UserChange c;
  c.disabled = true;
  return c;
}

class AccountsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto s = storage::OpenStore("sqlite::memory:");
    ASSERT_TRUE(s) << s.error().ToString();
    store_ = std::move(*s);
    ASSERT_TRUE(store_->SavePerson("test", model::Person{"e1", "Eve", "eve@x.org", "", {}}));
    AccountOptions o;
    o.now = [this] { return now_; };
    o.session_lifetime = std::chrono::hours(1);
    accounts_ = std::make_unique<AccountService>(*store_, o);
    auto u = accounts_->AddUser(
        "test", NewUser{"eve", "Eve", "e1", {model::UserRole::kEmployee}, "correct horse battery"});
    ASSERT_TRUE(u) << u.error().ToString();
  }
  std::string now_ = "2026-12-01T10:00:00.000Z";
  std::unique_ptr<storage::Store> store_;
  std::unique_ptr<AccountService> accounts_;
};

TEST(Crypto, PasswordHashesAreArgon2idAndSalted) {
  auto a = HashPassword("correct horse battery");
  auto b = HashPassword("correct horse battery");
  ASSERT_TRUE(a && b);
  EXPECT_TRUE(a->starts_with("$argon2id$")) << *a;
  EXPECT_NE(*a, *b);  // a fresh salt each time
  EXPECT_TRUE(VerifyPassword(*a, "correct horse battery"));
  EXPECT_FALSE(VerifyPassword(*a, "correct horse batterY"));
  EXPECT_FALSE(VerifyPassword("not a hash", "x"));
  EXPECT_FALSE(PasswordNeedsRehash(*a));
  EXPECT_TRUE(PasswordNeedsRehash("$argon2id$v=19$m=65536,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g"));
}

TEST(Crypto, PasswordWorkWaitsForItsTurn) {
  auto stored = HashPassword("correct horse battery");
  ASSERT_TRUE(stored);
  for (int limit : {1, 2, 3}) {
    SetPasswordWorkLimit(limit);
    EXPECT_EQ(PasswordWorkLimit(), limit);
    std::vector<std::thread> threads;
    std::atomic<int> verified = 0;
    for (int i = 0; i < 8; ++i)
      threads.emplace_back([&] { verified += VerifyPassword(*stored, "correct horse battery"); });
    for (std::thread& t : threads) t.join();
    EXPECT_EQ(verified, 8);  // all of them, in turn
    EXPECT_GE(PasswordWorkPeak(), 1);
    EXPECT_LE(PasswordWorkPeak(), limit);
  }
  SetPasswordWorkLimit(0);
  EXPECT_EQ(PasswordWorkLimit(), 1);
  SetPasswordWorkLimit(kDefaultPasswordWork);
}

TEST(Crypto, TokensAreRandomAndHashedOneWay) {
  std::string a = RandomToken(), b = RandomToken();
  EXPECT_EQ(a.size(), 43u);
  EXPECT_NE(a, b);
  EXPECT_EQ(a.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
            std::string::npos);
  EXPECT_EQ(TokenHash(a), TokenHash(a));
  EXPECT_NE(TokenHash(a), TokenHash(b));
  EXPECT_EQ(TokenHash(a).size(), 64u);
  EXPECT_TRUE(ConstantTimeEquals("abc", "abc"));
  EXPECT_FALSE(ConstantTimeEquals("abc", "abd"));
  EXPECT_FALSE(ConstantTimeEquals("abc", "abcd"));
}

TEST_F(AccountsTest, StoresOnlyTheHash) {
  auto u = store_->GetUser("eve");
  ASSERT_TRUE(u);
  EXPECT_TRUE(u->password_hash.starts_with("$argon2id$"));
  EXPECT_EQ(u->password_hash.find("correct horse"), std::string::npos);
  auto audit = store_->ListAudit({});
  ASSERT_TRUE(audit);
  for (const model::AuditEntry& e : *audit) {
    EXPECT_EQ(e.after.find("argon2id"), std::string::npos) << e.after;
    EXPECT_EQ(e.after.find("correct horse"), std::string::npos) << e.after;
  }
}

TEST_F(AccountsTest, BadUsersAreRefusedWithTheField) {
  auto bad_id = accounts_->AddUser(
      "test", NewUser{"Eve Smith", "", "", {model::UserRole::kAdmin}, "long enough pw"});
  ASSERT_FALSE(bad_id);
  EXPECT_EQ(bad_id.error().field, "id");
  auto short_pw =
      accounts_->AddUser("test", NewUser{"adam", "", "", {model::UserRole::kAdmin}, "short"});
  ASSERT_FALSE(short_pw);
  EXPECT_EQ(short_pw.error().field, "password");
  auto no_role = accounts_->AddUser("test", NewUser{"adam", "", "", {}, "long enough pw"});
  ASSERT_FALSE(no_role);
  EXPECT_EQ(no_role.error().field, "roles");
  auto no_person = accounts_->AddUser(
      "test", NewUser{"adam", "", "ghost", {model::UserRole::kAdmin}, "long enough pw"});
  ASSERT_FALSE(no_person);
  EXPECT_EQ(no_person.error().field, "person");
  auto twice = accounts_->AddUser(
      "test", NewUser{"eve", "", "", {model::UserRole::kAdmin}, "long enough pw"});
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().code, ErrorCode::kAlreadyExists);
}

TEST_F(AccountsTest, LoginOpensAFreshSessionEachTime) {
  auto a = accounts_->Login("eve", "correct horse battery");
  auto b = accounts_->Login("eve", "correct horse battery");
  ASSERT_TRUE(a && b);
  EXPECT_NE(a->secret, b->secret);
  EXPECT_NE(a->session.csrf_token, b->session.csrf_token);
  EXPECT_EQ(a->session.token_hash, TokenHash(a->secret));
  EXPECT_FALSE(store_->GetSession(a->secret));  // stored under the hash, not the secret
  auto who = accounts_->AuthenticateSession(a->secret);
  ASSERT_TRUE(who) << who.error().ToString();
  EXPECT_EQ(who->user, "eve");
  EXPECT_EQ(who->person, "e1");
  EXPECT_EQ(who->csrf, a->session.csrf_token);
  EXPECT_EQ(who->via, Principal::Via::kSession);
  // A secret the server never issued is nobody, whatever it looks like.
  EXPECT_EQ(accounts_->AuthenticateSession(RandomToken()).error().code,
            ErrorCode::kUnauthenticated);
}

TEST_F(AccountsTest, FailuresAllSayTheSame) {
  auto wrong = accounts_->Login("eve", "wrong password");
  auto unknown = accounts_->Login("nobody", "correct horse battery");
  ASSERT_FALSE(wrong);
  ASSERT_FALSE(unknown);
  EXPECT_EQ(wrong.error().code, ErrorCode::kUnauthenticated);
  EXPECT_EQ(wrong.error().message, unknown.error().message);
  ASSERT_TRUE(accounts_->UpdateUser("test", "eve", Disabled()));
  auto disabled = accounts_->Login("eve", "correct horse battery");
  ASSERT_FALSE(disabled);
  EXPECT_EQ(disabled.error().message, wrong.error().message);
}

TEST_F(AccountsTest, SessionsExpireAndEnd) {
  auto s = accounts_->Login("eve", "correct horse battery");
  ASSERT_TRUE(s);
  now_ = "2026-12-01T10:59:59.000Z";
  EXPECT_TRUE(accounts_->AuthenticateSession(s->secret));
  now_ = "2026-12-01T11:00:00.000Z";
  EXPECT_EQ(accounts_->AuthenticateSession(s->secret).error().code, ErrorCode::kUnauthenticated);
  now_ = "2026-12-01T10:00:00.000Z";
  auto t = accounts_->Login("eve", "correct horse battery");
  ASSERT_TRUE(t);
  ASSERT_TRUE(accounts_->Logout(t->secret));
  EXPECT_FALSE(accounts_->AuthenticateSession(t->secret));
  // Disabling a user ends their sessions at once.
  auto u = accounts_->Login("eve", "correct horse battery");
  ASSERT_TRUE(u);
  ASSERT_TRUE(accounts_->UpdateUser("test", "eve", Disabled()));
  EXPECT_FALSE(accounts_->AuthenticateSession(u->secret));
}

TEST_F(AccountsTest, PasswordChangeEndsTheOtherSessions) {
  auto here = accounts_->Login("eve", "correct horse battery");
  auto elsewhere = accounts_->Login("eve", "correct horse battery");
  ASSERT_TRUE(here && elsewhere);
  auto wrong =
      accounts_->ChangePassword("eve", "not it", "a new long password", here->session.token_hash);
  ASSERT_FALSE(wrong);
  EXPECT_EQ(wrong.error().field, "old_password");
  ASSERT_TRUE(accounts_->ChangePassword("eve", "correct horse battery", "a new long password",
                                        here->session.token_hash));
  EXPECT_TRUE(accounts_->AuthenticateSession(here->secret));
  EXPECT_FALSE(accounts_->AuthenticateSession(elsewhere->secret));
  EXPECT_FALSE(accounts_->Login("eve", "correct horse battery"));
  EXPECT_TRUE(accounts_->Login("eve", "a new long password"));
}

TEST_F(AccountsTest, ApiTokens) {
  auto t = accounts_->CreateToken("test", "eve", {"nightly sync", ""});
  ASSERT_TRUE(t) << t.error().ToString();
  EXPECT_TRUE(t->secret.starts_with("ldr_"));
  auto tokens = store_->ListApiTokens("eve");
  ASSERT_TRUE(tokens);
  ASSERT_EQ(tokens->size(), 1u);
  EXPECT_EQ((*tokens)[0].token_hash, TokenHash(t->secret));
  auto who = accounts_->AuthenticateToken(t->secret);
  ASSERT_TRUE(who);
  EXPECT_EQ(who->via, Principal::Via::kToken);
  EXPECT_TRUE(who->csrf.empty());
  EXPECT_EQ(accounts_->AuthenticateToken("ldr_" + RandomToken()).error().code,
            ErrorCode::kUnauthenticated);
  EXPECT_EQ(accounts_->AuthenticateToken(RandomToken()).error().code, ErrorCode::kUnauthenticated);
  // Revoked and expired tokens stop working; only one's own tokens can be revoked.
  EXPECT_EQ(accounts_->RevokeToken("test", "someone", t->token.id).error().code,
            ErrorCode::kNotFound);
  ASSERT_TRUE(accounts_->RevokeToken("test", "eve", t->token.id));
  EXPECT_FALSE(accounts_->AuthenticateToken(t->secret));
  auto e = accounts_->CreateToken("test", "eve", {"short-lived", "2026-12-02T00:00:00.000Z"});
  ASSERT_TRUE(e);
  EXPECT_TRUE(accounts_->AuthenticateToken(e->secret));
  now_ = "2026-12-02T00:00:00.000Z";
  EXPECT_FALSE(accounts_->AuthenticateToken(e->secret));
  EXPECT_EQ(
      accounts_->CreateToken("test", "eve", {"past", "2026-01-01T00:00:00.000Z"}).error().field,
      "expires");
  EXPECT_EQ(accounts_->CreateToken("test", "eve", {"  ", ""}).error().field, "name");
}

TEST_F(AccountsTest, TokenScopesAreStoredAndOnlyWriteTokensMayWrite) {
  auto reader = accounts_->CreateToken("test", "eve", {"dashboard", "", model::TokenScope::kRead});
  auto writer = accounts_->CreateToken("test", "eve", {"sync", "", model::TokenScope::kWrite});
  ASSERT_TRUE(reader && writer);
  auto r = accounts_->AuthenticateToken(reader->secret);
  auto w = accounts_->AuthenticateToken(writer->secret);
  ASSERT_TRUE(r && w);
  EXPECT_EQ(r->token_scope, model::TokenScope::kRead);
  EXPECT_EQ(r->token_id, reader->token.id);
  Status refused = r->MayWrite();
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kPermissionDenied);
  EXPECT_NE(refused.error().message.find("read-only"), std::string::npos);
  EXPECT_TRUE(w->MayWrite());
  auto session = accounts_->Login("eve", "correct horse battery");
  ASSERT_TRUE(session);
  EXPECT_TRUE(accounts_->AuthenticateSession(session->secret)->MayWrite());
  EXPECT_TRUE(Principal{}.MayWrite());  // nobody: the route's guard decides
  // Scope names.
  EXPECT_EQ(*ParseScope(""), model::TokenScope::kWrite);
  EXPECT_EQ(*ParseScope("read"), model::TokenScope::kRead);
  EXPECT_EQ(ParseScope("admin", "--scope").error().field, "--scope");
}

TEST_F(AccountsTest, ATokenMakesNoTokenThatOutlivesOrOutdoesIt) {
  auto parent = accounts_->CreateToken("test", "eve", {"ci", "2026-12-31T23:59:59.999Z"});
  auto reader = accounts_->CreateToken("test", "eve", {"ro", "", model::TokenScope::kRead});
  ASSERT_TRUE(parent && reader);
  Principal via_parent = *accounts_->AuthenticateToken(parent->secret);
  Principal via_reader = *accounts_->AuthenticateToken(reader->secret);
  auto inherits = accounts_->CreateToken("test", "eve", {"child", ""}, via_parent);
  ASSERT_TRUE(inherits) << inherits.error().ToString();
  EXPECT_EQ(inherits->token.expires_at, "2026-12-31T23:59:59.999Z");
  auto longer =
      accounts_->CreateToken("test", "eve", {"child", "2027-01-01T23:59:59.999Z"}, via_parent);
  ASSERT_FALSE(longer);
  EXPECT_EQ(longer.error().field, "expires");
  EXPECT_TRUE(
      accounts_->CreateToken("test", "eve", {"child", "2026-12-05T23:59:59.999Z"}, via_parent));
  auto from_reader =
      accounts_->CreateToken("test", "eve", {"x", "", model::TokenScope::kRead}, via_reader);
  ASSERT_FALSE(from_reader);
  EXPECT_EQ(from_reader.error().code, ErrorCode::kPermissionDenied);
  // A session (or the command line) has no such limit.
  EXPECT_TRUE(accounts_->CreateToken("test", "eve", {"forever", ""}));
}

TEST_F(AccountsTest, PasswordResetsRevokeTokensUnlessKept) {
  auto a = accounts_->CreateToken("test", "eve", {"a", ""});
  auto b = accounts_->CreateToken("test", "eve", {"b", ""});
  ASSERT_TRUE(a && b);
  ASSERT_TRUE(accounts_->RevokeToken("test", "eve", b->token.id));
  UserChange keep;
  keep.password = "a kept tokens phrase";
  keep.keep_tokens = true;
  ASSERT_TRUE(accounts_->UpdateUser("test", "eve", keep));
  EXPECT_TRUE(accounts_->AuthenticateToken(a->secret));
  UserChange reset;
  reset.password = "a reset phrase here";
  ASSERT_TRUE(accounts_->UpdateUser("test", "eve", reset));
  EXPECT_FALSE(accounts_->AuthenticateToken(a->secret));
  // Only the token that still worked was revoked (and audited) again.
  EXPECT_EQ(store_->ListAudit({"", "token:" + a->token.id, "token.revoke", 0, 0})->size(), 1u);
  // The user's own change does the same, and says how many.
  auto c = accounts_->CreateToken("test", "eve", {"c", ""});
  ASSERT_TRUE(c);
  Result<int> revoked =
      accounts_->ChangePassword("eve", "a reset phrase here", "my own new phrase", "");
  ASSERT_TRUE(revoked) << revoked.error().ToString();
  EXPECT_EQ(*revoked, 1);
  EXPECT_FALSE(accounts_->AuthenticateToken(c->secret));
  auto d = accounts_->CreateToken("test", "eve", {"d", ""});
  ASSERT_TRUE(d);
  EXPECT_EQ(*accounts_->ChangePassword("eve", "my own new phrase", "another own phrase", "", true),
            0);
  EXPECT_TRUE(accounts_->AuthenticateToken(d->secret));
}

TEST_F(AccountsTest, NewPasswordsFollowTheRules) {
  UserChange c;
  c.password = "1234567890";
  auto r = accounts_->UpdateUser("test", "eve", c);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().field, "password");
  EXPECT_NE(r.error().message.find("run of neighbouring characters"), std::string::npos);
  EXPECT_TRUE(accounts_->Login("eve", "correct horse battery"));  // unchanged
}

}  // namespace
}  // namespace ladder::app
