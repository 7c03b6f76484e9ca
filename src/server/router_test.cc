// The router's decisions that need no server: who the client is, and which request text is
// refused. (Over real HTTP: request_text_test.cc and security_test.cc.)
#include "server/router.h"

#include <gtest/gtest.h>

namespace ladder::server::internal {
namespace {

Request From(const std::string& peer, Headers headers = {}) {
  Request req;
  req.remote_addr = peer;
  req.headers = std::move(headers);
  return req;
}

TEST(ClientAddress, TheSocketPeerUnlessItIsATrustedProxy) {
  const std::vector<std::string> proxies = {"10.0.0.1", "10.0.0.2"};
  EXPECT_EQ(ClientAddress(From("192.0.2.9", {{"X-Forwarded-For", "203.0.113.5"}}), proxies),
            "192.0.2.9");
  EXPECT_EQ(ClientAddress(From("10.0.0.1", {{"X-Forwarded-For", "203.0.113.5"}}), proxies),
            "203.0.113.5");
  // The nearest address that is not one of ours: what the client wrote itself comes first and
  // is not believed.
  EXPECT_EQ(ClientAddress(From("10.0.0.1", {{"X-Forwarded-For", "1.2.3.4, 203.0.113.5, 10.0.0.2"}}),
                          proxies),
            "203.0.113.5");
  EXPECT_EQ(ClientAddress(From("10.0.0.1", {{"x-forwarded-for", "1.2.3.4"},
                                            {"X-Forwarded-For", "198.51.100.1"}}),
                          proxies),
            "198.51.100.1");
  EXPECT_EQ(ClientAddress(From("10.0.0.1", {{"Forwarded",
                                             "for=192.0.2.60;proto=http, "
                                             "for=\"[2001:db8:cafe::17]:4711\""}}),
                          proxies),
            "2001:db8:cafe::17");
  EXPECT_EQ(ClientAddress(From("10.0.0.1", {{"Forwarded", "for=192.0.2.43:8080"}}), proxies),
            "192.0.2.43");
  // Nothing usable: the proxy itself.
  EXPECT_EQ(ClientAddress(From("10.0.0.1"), proxies), "10.0.0.1");
  EXPECT_EQ(ClientAddress(From("10.0.0.1", {{"X-Forwarded-For", "unknown, <script>"}}), proxies),
            "10.0.0.1");
}

TEST(CheckRequestText, NamesWhereTheBadTextIs) {
  Request req;
  req.method = "POST";
  req.target = "/a?q=ok";
  req.path = "/a";
  EXPECT_TRUE(CheckRequestText(req));
  req.form.emplace("title", FormField{"caf\xE9", "", ""});
  Status bad = CheckRequestText(req);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().field, "form field title");
  EXPECT_NE(bad.error().message.find("byte 3: \"caf\\xE9\""), std::string::npos)
      << bad.error().message;
  // A file's content is not checked (documents come in any encoding); its name is.
  req.form.clear();
  req.form.emplace("document", FormField{"caf\xE9", "levels.md", "text/markdown"});
  EXPECT_TRUE(CheckRequestText(req));
  req.form.clear();
  // Only the part around the first bad byte is shown.
  req.body = std::string(10000, 'a') + "\xFF" + std::string(10000, 'b');
  req.headers.emplace("Content-Type", "application/json; charset=utf-8");
  bad = CheckRequestText(req);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().field, "body");
  EXPECT_NE(bad.error().message.find("byte 10000"), std::string::npos);
  EXPECT_LT(bad.error().message.size(), 200u);
  // Headers the server does not read are not its business.
  req.body.clear();
  req.headers.emplace("X-Custom", "\xFF");
  EXPECT_TRUE(CheckRequestText(req));
  req.headers.emplace("Host", "\xFF");
  EXPECT_EQ(CheckRequestText(req).error().field, "header Host");
}

}  // namespace
}  // namespace ladder::server::internal
