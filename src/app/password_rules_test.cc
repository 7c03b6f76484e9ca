// The rules of new passwords: one line per case, the rule that refuses it or none.
#include "app/password_rules.h"

#include <gtest/gtest.h>

namespace ladder::app {
namespace {

struct Case {
  const char* password;
  const char* refusal;  // a part of the message, or nullptr when accepted
};

TEST(PasswordRules, EachCase) {
  const Case kCases[] = {
      // Length in characters, not bytes.
      {"ééééé", "at least 10 characters; it has 5"},
      {"éèêëēėęàáâ", nullptr},
      {"short", "at least 10 characters; it has 5"},
      {"\xff\xfe not text at all", "not valid UTF-8"},
      // White space only, of any kind.
      {"          ", "only white space"},
      {"\t\t\t\t\t \xc2\xa0\xc2\xa0\xe3\x80\x80\xe3\x80\x80", "only white space"},
      // Runs and repeats.
      {"1234567890", "run of neighbouring characters"},
      {"0987654321", "run of neighbouring characters"},
      {"abcdefghijkl", "run of neighbouring characters"},
      {"QWERTYUIOP", "run of neighbouring characters"},
      {"asdfghjkl;'", "run of neighbouring characters"},
      {"qwertyuiop!!", "run of neighbouring characters"},
      {"1qaz2wsx3edc", "run of neighbouring characters"},
      {"aaaaaaaaaa", "'a' repeated"},
      {"abcabcabcabc", "'abc' repeated"},
      {"PassPassPass", "'pass' repeated"},
      {"aaaaaaaaab", "fewer than 4 different characters"},
      // Common passwords, with what people put around them.
      {"password123", "common password ('password'"},
      {"P@ssw0rd2024!", "common password ('password'"},
      {"!!Welcome2026", "common password ('welcome'"},
      {"iloveyou99!", "common password ('iloveyou'"},
      {"L3tM31n!2025", "common password ('letmein'"},
      {"december2025", "common password ('december'"},
      {"ladder-2026!", "common password ('ladder'"},
      // Phrases pass.
      {"correct horse battery staple", nullptr},
      {"password manager keeps it", nullptr},
      {"Zoë's ladder of 2026", nullptr},
  };
  for (const Case& c : kCases) {
    Status s = CheckNewPassword(c.password, 10);
    if (!c.refusal) {
      EXPECT_TRUE(s) << c.password << ": " << s.error().message;
      continue;
    }
    ASSERT_FALSE(s) << c.password << " was accepted";
    EXPECT_EQ(s.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(s.error().field, "password");
    EXPECT_NE(s.error().message.find(c.refusal), std::string::npos)
        << c.password << ": " << s.error().message;
  }
}

TEST(PasswordRules, LongestIsCountedInCharacters) {
  // 1024 characters of many kinds, not a repetition; some of them two bytes long.
  const std::string alphabet[] = {"a", "b", "c", "d", "e", "f", "g", "h", "é", "ü", "1", "2", " "};
  std::string longest;
  unsigned x = 7;
  for (size_t i = 0; i < kMaxPasswordLength; ++i) {
    x = x * 1103515245u + 12345u;
    longest += alphabet[(x >> 16) % 13];
  }
  EXPECT_TRUE(CheckNewPassword(longest, 10)) << longest.size() << " bytes";
  Status s = CheckNewPassword(longest + "x", 10);
  ASSERT_FALSE(s);
  EXPECT_NE(s.error().message.find("longer than 1024 characters"), std::string::npos);
}

TEST(PasswordRules, CommonWordsAreFoldedButNotFoundInsidePhrases) {
  EXPECT_TRUE(IsCommonPassword("Dr@g0n!!"));
  EXPECT_TRUE(IsCommonPassword("2024summer"));
  EXPECT_FALSE(IsCommonPassword("summer holidays by the sea"));
  EXPECT_FALSE(IsCommonPassword("12345"));  // no letters: not a word of the list
}

}  // namespace
}  // namespace ladder::app
