#include "server/http_types.h"

#include <gtest/gtest.h>

#include "server/http_compress.h"

namespace ladder::server {
namespace {

TEST(HttpTypes, PercentDecoding) {
  EXPECT_EQ(PercentDecode("caf%C3%A9+au%20lait", false), "café+au lait");
  EXPECT_EQ(PercentDecode("caf%C3%A9+au%20lait", true), "café au lait");
  EXPECT_EQ(PercentDecode("%", false), "%");
  EXPECT_EQ(PercentDecode("100%", false), "100%");
  EXPECT_EQ(PercentDecode("%4", false), "%4");
  EXPECT_EQ(PercentDecode("%zz%41", false), "%zzA");
  EXPECT_EQ(PercentDecode("%ff", false), "\xFF");
}

TEST(HttpTypes, QueriesAndEncoding) {
  auto q = ParseQuery("a=1&b=x+y&&c&a=2&d=%26%3D");
  ASSERT_EQ(q.size(), 5u);
  EXPECT_EQ(q.count("a"), 2u);
  EXPECT_EQ(q.find("b")->second, "x y");
  EXPECT_EQ(q.find("c")->second, "");
  EXPECT_EQ(q.find("d")->second, "&=");
  EXPECT_EQ(EncodeQueryParam("/cases/c-1?x=a b&é"), "%2Fcases%2Fc-1%3Fx%3Da%20b%26%C3%A9");
  EXPECT_EQ(PercentDecode(EncodeQueryParam("any \xFF text"), true), "any \xFF text");
}

TEST(HttpTypes, PrintableShowsBadBytesAndControlsEscaped) {
  EXPECT_EQ(Printable("caf\xC3\xA9"), "café");
  EXPECT_EQ(Printable("x\xFFy"), "x\\xFFy");
  EXPECT_EQ(Printable("a\tb\nc\\d"), "a\\x09b\\x0Ac\\\\d");
  EXPECT_EQ(Printable("\xC0\xAF"), "\\xC0\\xAF");           // overlong '/'
  EXPECT_EQ(Printable("\xED\xA0\x80"), "\\xED\\xA0\\x80");  // a surrogate
  EXPECT_EQ(ValidUtf8("a\tb\\ \xE9t\xC3\xA9"), "a\tb\\ \\xE9té");
}

TEST(HttpTypes, HeadersIgnoreCaseAndRefuseLineBreaks) {
  Request req;
  req.headers.emplace("Cookie", "a=1");
  req.headers.emplace("cookie", "b=2");
  EXPECT_EQ(req.get_header_value_count("COOKIE"), 2u);
  EXPECT_EQ(req.get_header_value("cookie", 1), "b=2");
  EXPECT_EQ(req.get_header_value("cookie", 2), "");
  Response res;
  res.set_header("Location", "/x\r\nSet-Cookie: evil=1");
  EXPECT_FALSE(res.has_header("Location"));
  res.set_content("x", "text/plain");
  res.set_content("y", "text/html");
  EXPECT_EQ(res.headers.count("content-type"), 1u);
  EXPECT_EQ(res.get_header_value("Content-Type"), "text/html");
}

TEST(HttpCompress, WhatIsCompressed) {
  EXPECT_TRUE(AcceptsGzip("gzip, deflate, br"));
  EXPECT_TRUE(AcceptsGzip("br;q=1.0, GZIP;q=0.5"));
  EXPECT_TRUE(AcceptsGzip("*"));
  EXPECT_FALSE(AcceptsGzip("gzip;q=0"));
  EXPECT_FALSE(AcceptsGzip("identity"));
  EXPECT_FALSE(AcceptsGzip(""));
  EXPECT_TRUE(IsCompressible("text/html; charset=utf-8"));
  EXPECT_TRUE(IsCompressible("application/problem+json"));
  EXPECT_FALSE(IsCompressible("image/png"));
  EXPECT_FALSE(Gzip("short").has_value());
  std::string page(4000, 'a');
  auto gz = Gzip(page);
  ASSERT_TRUE(gz.has_value());
  EXPECT_LT(gz->size(), page.size() / 10);
  EXPECT_EQ(static_cast<unsigned char>((*gz)[0]), 0x1f);  // a gzip stream
  EXPECT_EQ(static_cast<unsigned char>((*gz)[1]), 0x8b);
}

}  // namespace
}  // namespace ladder::server
