// Text that is not UTF-8, in every part of a request the server reads, sent over a real socket
// as an attacker would: each answer is a clear 400 (problem+json under /api/, an HTML page
// elsewhere) that says where the bad text was and shows its bytes escaped, and the server keeps
// answering. Before the fix, `GET /api/x%ff` aborted the process and others gave 500.
#include <gtest/gtest.h>

#include <filesystem>

#include "base/text.h"
#include "server/server_testing.h"

namespace ladder::server {
namespace {

namespace fs = std::filesystem;
using testing::RawAnswer;
using testing::Session;
using testing::TestServer;

struct Variant {
  const char* name;
  std::string method;
  std::string target;
  std::string headers;  // extra header lines, each ending in \r\n
  std::string body;
  std::string content_type;
  std::string where;    // the field the answer names
  std::string escaped;  // how the bad bytes are shown
};

class RequestTextTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    db_ = testing::TempPath("request-text");
    testing::BuildOrganisation(db_);
    server_ = new TestServer(db_);
    emp_ = testing::SignIn(*server_, "emp");
    admin_ = testing::SignIn(*server_, "admin");
  }
  static void TearDownTestSuite() {
    delete server_;
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db_ + suffix);
  }

  static std::string As(const Session& s) {
    return "Cookie: " + s.cookie + "\r\nX-CSRF-Token: " + s.csrf + "\r\n";
  }

  static RawAnswer Send(const Variant& v) {
    std::string request = v.method + " " + v.target +
                          " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" + v.headers;
    if (!v.content_type.empty()) request += "Content-Type: " + v.content_type + "\r\n";
    if (!v.body.empty() || v.method == "POST")
      request += "Content-Length: " + std::to_string(v.body.size()) + "\r\n";
    request += "\r\n" + v.body;
    return testing::RawHttp(server_->Port(), request);
  }

  static std::string db_;
  static TestServer* server_;
  static Session emp_, admin_;
};
std::string RequestTextTest::db_;
TestServer* RequestTextTest::server_ = nullptr;
Session RequestTextTest::emp_, RequestTextTest::admin_;

std::vector<Variant> Variants(const Session& emp, const Session& admin) {
  auto with = [](const Session& s) {
    return "Cookie: " + s.cookie + "\r\nX-CSRF-Token: " + s.csrf + "\r\n";
  };
  const std::string form = "application/x-www-form-urlencoded";
  const std::string json = "application/json";
  const std::string multipart = "multipart/form-data; boundary=XyZ";
  auto part = [](const std::string& disposition, const std::string& content) {
    return "--XyZ\r\nContent-Disposition: form-data; " + disposition + "\r\n\r\n" + content +
           "\r\n";
  };
  return {
      // Paths: pages, and the API under every guard.
      {"page path, percent-encoded", "GET", "/nowhere%FF", "", "", "", "path", "\\xFF"},
      {"page path, raw byte", "GET", "/nowhere\xFF", "", "", "", "path", "\\xFF"},
      {"published page", "GET", "/f/eng/caf%E9.html", with(emp), "", "", "path", "\\xE9"},
      {"unknown API path, anonymous", "GET", "/api/x%ff", "", "", "", "path", "\\xFF"},
      {"API, frameworks guard", "GET", "/api/v1/frameworks/%C3%28", with(emp), "", "", "path",
       "\\xC3("},
      {"API, signed-in guard", "DELETE", "/api/v1/me/tokens/%FF", with(emp), "", "", "path",
       "\\xFF"},
      {"API, person guard", "GET", "/api/v1/people/%FF/growth", with(emp), "", "", "path", "\\xFF"},
      {"API, case guard", "POST", "/api/v1/cases/%FF/vote", with(emp), "{}", json, "path", "\\xFF"},
      {"API, author guard", "POST", "/api/v1/frameworks/eng/versions/%FF/publish", with(admin), "",
       "", "path", "\\xFF"},
      {"API, admin guard", "PATCH", "/api/v1/users/%ED%A0%80", with(admin), "{}", json, "path",
       "\\xED\\xA0\\x80"},
      {"page, person guard", "GET", "/people/%FF", with(emp), "", "", "path", "\\xFF"},
      {"page, case guard", "GET", "/cases/%FF", with(emp), "", "", "path", "\\xFF"},
      // Query parameters.
      {"search page query", "GET", "/search.html?q=caf%E9", with(emp), "", "", "query parameter q",
       "caf\\xE9"},
      {"API search query", "GET", "/api/v1/search?q=%FF", with(emp), "", "", "query parameter q",
       "\\xFF"},
      {"audit filter, audit guard", "GET", "/api/v1/audit?action=%FF", with(admin), "", "",
       "query parameter action", "\\xFF"},
      {"query parameter name", "GET", "/api/v1/people?%FF=1", with(emp), "", "",
       "query parameter \\xFF", "\\xFF"},
      {"sign-in page's next", "GET", "/login?next=/%FF", "", "", "", "query parameter next",
       "/\\xFF"},
      // Form fields.
      {"evidence form field", "POST", "/people/emp/evidence", with(emp),
       "kind=talk&title=%FF&date=2026-05-04&csrf=" + emp.csrf, form, "form field title", "\\xFF"},
      {"sign-in form field", "POST", "/login", "", "user=%FF&password=x&csrf=x", form,
       "form field user", "\\xFF"},
      {"multipart form field", "POST", "/admin/import", with(admin),
       part("name=\"from\"", "\xFF") + part("name=\"document\"; filename=\"a.md\"", "# A") +
           "--XyZ--\r\n",
       multipart, "form field from", "\\xFF"},
      {"multipart file name", "POST", "/admin/import", with(admin),
       part("name=\"document\"; filename=\"caf\xE9.md\"", "# A") + "--XyZ--\r\n", multipart,
       "form field document (file name)", "caf\\xE9"},
      // JSON bodies.
      {"JSON body of a write", "POST", "/api/v1/people/emp/evidence", with(emp),
       "{\"kind\":\"talk\",\"title\":\"\xFF\",\"date\":\"2026-05-04\"}", json, "body", "\\xFF"},
      {"JSON body of the sign-in", "POST", "/api/v1/session", "",
       "{\"user\":\"\xC0\xAF\",\"password\":\"x\"}", json, "body", "\\xC0\\xAF"},
      // Cookies and headers.
      {"session cookie", "GET", "/me", "Cookie: ladder_session=abc\xFF\r\n", "", "",
       "cookie ladder_session", "abc\\xFF"},
      {"sign-in form's cookie", "GET", "/login",
       "Cookie: ladder_login=0123456789abcdefghij\xFF\r\n", "", "", "cookie ladder_login", "\\xFF"},
      {"Origin header", "POST", "/people/emp/evidence",
       with(emp) + "Origin: http://caf\xE9.example\r\n",
       "kind=talk&title=x&date=2026-05-04&csrf=" + emp.csrf, form, "header Origin", "caf\\xE9"},
      {"Authorization header", "GET", "/api/v1/me", "Authorization: Bearer ldr_\xFF\r\n", "", "",
       "header Authorization", "ldr_\\xFF"},
      {"CSRF header", "POST", "/api/v1/people/emp/evidence",
       "Cookie: " + emp.cookie + "\r\nX-CSRF-Token: \xFF\r\n", "{}", json, "header X-CSRF-Token",
       "\\xFF"},
  };
}

TEST_F(RequestTextTest, EveryPlaceAnswers400SayingWhereWithTheBytesEscaped) {
  std::vector<Variant> variants = Variants(emp_, admin_);
  EXPECT_GE(variants.size(), 22u);
  for (const Variant& v : variants) {
    SCOPED_TRACE(v.name);
    RawAnswer a = Send(v);
    ASSERT_EQ(a.status, 400) << a.head << "\n" << a.body.substr(0, 400);
    const bool api = v.target.starts_with("/api/");
    if (api) {
      ASSERT_EQ(a.Header("Content-Type"), "application/problem+json");
      nlohmann::json p = nlohmann::json::parse(a.body);
      EXPECT_EQ(p["status"], 400);
      EXPECT_EQ(p["field"], v.where);
      EXPECT_NE(p["detail"].get<std::string>().find("not valid UTF-8"), std::string::npos);
      EXPECT_NE(p["detail"].get<std::string>().find(v.escaped), std::string::npos) << p["detail"];
    } else {
      ASSERT_EQ(a.Header("Content-Type"), "text/html; charset=utf-8");
      EXPECT_NE(a.body.find(v.where + ": is not valid UTF-8"), std::string::npos) << a.body;
      EXPECT_NE(a.body.find(v.escaped), std::string::npos) << a.body;
    }
    // What went back is UTF-8 itself, and the server is still there.
    EXPECT_TRUE(text::IsValidUtf8(a.body));
    EXPECT_EQ(testing::RawHttp(server_->Port(),
                               "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                  .status,
              200);
  }
}

// Text a handler passes on (a YAML body quoting its own bytes in a parse error, a header
// echoed in a message) never makes the error writer throw.
TEST_F(RequestTextTest, ErrorsThatQuoteBadBytesAreStillAnswered) {
  Variant lint{
      "YAML body", "POST", "/api/v1/lint", As(admin_), "id: caf\xE9\n:\n  - [", "text/yaml",
      "",          ""};
  RawAnswer a = Send(lint);
  EXPECT_TRUE(a.status == 422 || a.status == 400) << a.status << " " << a.body;
  EXPECT_TRUE(text::IsValidUtf8(a.body));
  EXPECT_TRUE(nlohmann::json::accept(a.body)) << a.body;
  // A document to import is not text the server reads: its encoding is the importer's to
  // detect (Windows-1252 here).
  Variant import{"document body",
                 "POST",
                 "/api/v1/import?name=levels.md",
                 As(admin_),
                 "# Caf\xE9 ladder\n\n| Level | Delivery |\n| --- | --- |\n| L1 | Ships "
                 "caf\xE9 features |\n| L2 | Leads them |\n",
                 "text/markdown",
                 "",
                 ""};
  a = Send(import);
  EXPECT_NE(a.status, 400) << a.body;
  EXPECT_LT(a.status, 500) << a.body;
  EXPECT_TRUE(text::IsValidUtf8(a.body));
}

}  // namespace
}  // namespace ladder::server
