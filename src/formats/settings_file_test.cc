#include "formats/settings_file.h"

#include <gtest/gtest.h>

namespace ladder::formats {
namespace {

TEST(SettingsFile, KeysAtTheTopAndPerCommandInFileOrder) {
  auto settings = ReadSettings(
      "# an installation\n"
      "database = \"sqlite:/var/lib/ladder/ladder.db\"\n"
      "[serve]\n"
      "listen = \"127.0.0.1:8080\"\n"
      "threads = 4\n"
      "public = true\n"
      "[user.add]\n"
      "role = 'admin'\n",
      "ladder.toml");
  ASSERT_TRUE(settings) << settings.error().ToString();
  ASSERT_EQ(settings->size(), 5u);
  const Setting& database = (*settings)[0];
  EXPECT_TRUE(database.command.empty());
  EXPECT_EQ(database.key, "database");
  EXPECT_EQ(database.values, std::vector<std::string>{"sqlite:/var/lib/ladder/ladder.db"});
  EXPECT_EQ(database.where.ToString(), "ladder.toml:2:1");
  // Tables iterate by name in the library; the reader gives them in the file's order.
  EXPECT_EQ((*settings)[1].key, "listen");
  EXPECT_EQ((*settings)[1].command, std::vector<std::string>{"serve"});
  EXPECT_EQ((*settings)[2].values, std::vector<std::string>{"4"});
  EXPECT_EQ((*settings)[3].values, std::vector<std::string>{"true"});
  EXPECT_EQ((*settings)[4].command, (std::vector<std::string>{"user", "add"}));
  EXPECT_EQ((*settings)[4].where.ToString(), "ladder.toml:8:1");
}

TEST(SettingsFile, ArraysGiveEachItem) {
  auto settings = ReadSettings("[serve]\ntrusted-proxy = [\"10.0.0.1\", \"10.0.0.2\"]\n", "f");
  ASSERT_TRUE(settings) << settings.error().ToString();
  ASSERT_EQ(settings->size(), 1u);
  EXPECT_TRUE((*settings)[0].is_array);
  EXPECT_EQ((*settings)[0].values, (std::vector<std::string>{"10.0.0.1", "10.0.0.2"}));
}

TEST(SettingsFile, SyntaxErrorsSayWhere) {
  auto settings = ReadSettings("[serve]\nthreads = = 4\n", "/etc/ladder/ladder.toml");
  ASSERT_FALSE(settings);
  EXPECT_EQ(settings.error().code, ErrorCode::kParse);
  EXPECT_EQ(settings.error().where.file, "/etc/ladder/ladder.toml");
  EXPECT_EQ(settings.error().where.line, 2);
  EXPECT_GT(settings.error().where.column, 1);
}

TEST(SettingsFile, ValuesACommandLineCannotTakeAreRefusedAtTheirPlace) {
  auto date = ReadSettings("[serve]\n\nsince = 2024-01-01\n", "f");
  ASSERT_FALSE(date);
  EXPECT_EQ(date.error().where.line, 3);
  EXPECT_EQ(date.error().field, "since");
  EXPECT_NE(date.error().message.find("date or time"), std::string::npos) << date.error().message;

  auto nested = ReadSettings("listen = [[1, 2]]\n", "f");
  ASSERT_FALSE(nested);
  EXPECT_NE(nested.error().message.find("array of arrays"), std::string::npos);

  auto inline_table = ReadSettings("[serve]\nlisten = [{ host = 'x' }]\n", "f");
  ASSERT_FALSE(inline_table);
  EXPECT_NE(inline_table.error().message.find("table"), std::string::npos);
}

TEST(SettingsFile, AnEmptyFileHasNoSettings) {
  auto settings = ReadSettings("# nothing set yet\n", "f");
  ASSERT_TRUE(settings);
  EXPECT_TRUE(settings->empty());
}

}  // namespace
}  // namespace ladder::formats
