#include "server/redirect.h"

#include <gtest/gtest.h>

namespace ladder::server {
namespace {

TEST(SafeLocalTarget, KeepsLocalPaths) {
  for (const char* path : {"/", "/me", "/cases/c-1?done=vote#votes", "/f/eng/ic/l2.html",
                           "/search.html?q=code%20review", "/%2F/evil.example", "/a//b"})
    EXPECT_EQ(SafeLocalTarget(path), path) << path;
}

TEST(SafeLocalTarget, NeverLeavesTheSite) {
  for (const char* target :
       {"", "//evil.example", "//evil.example/x", "/\\evil.example", "\\\\evil.example",
        "/\t/evil.example", "/\n/evil.example", "/\r/evil.example", "/ /evil.example",
        "/x\\..\\..\\evil", "https://evil.example/", "http:evil.example", "javascript:alert(1)",
        "evil.example", "me", "/\x7f/evil", "/caf\xc3\xa9", "\x01/x"})
    EXPECT_EQ(SafeLocalTarget(target), "/") << target;
  EXPECT_EQ(SafeLocalTarget(std::string_view("/\0/evil.example", 15)), "/");
}

}  // namespace
}  // namespace ladder::server
