// sqlite: URLs and their parameters: ?synchronous=FULL reaches every connection's PRAGMA.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "storage/dialect.h"
#include "storage/soci.h"
#include "storage/store.h"

namespace ladder::storage {
namespace {

long long Synchronous(const internal::Dialect& d) {
  auto s = d.Connect();
  long long v = -1;
  *s << "PRAGMA synchronous", soci::into(v);
  return v;
}

TEST(SqliteUrl, SynchronousIsSetFromTheUrl) {
  std::string path = "/tmp/ladder-url-test-" + std::to_string(getpid()) + ".db";
  OpenOptions normal;
  auto plain = internal::ParseSqliteUrl("sqlite:" + path, normal);
  ASSERT_TRUE(plain);
  EXPECT_EQ(*plain, path);
  EXPECT_EQ(Synchronous(*internal::MakeSqliteDialect(*plain, normal)), 1);  // NORMAL

  OpenOptions full;
  auto with = internal::ParseSqliteUrl("sqlite:" + path + "?synchronous=full", full);
  ASSERT_TRUE(with) << with.error().ToString();
  EXPECT_EQ(*with, path);
  EXPECT_EQ(full.synchronous, "FULL");
  EXPECT_EQ(Synchronous(*internal::MakeSqliteDialect(*with, full)), 2);  // FULL

  // OpenStore takes the parameter too, and the file is the path without it.
  auto store = OpenStore("sqlite:" + path + "?synchronous=FULL");
  ASSERT_TRUE(store) << store.error().ToString();
  EXPECT_TRUE(std::filesystem::exists(path));
  EXPECT_FALSE(std::filesystem::exists(path + "?synchronous=FULL"));
  EXPECT_EQ(SqliteFileOf("sqlite:" + path + "?synchronous=FULL"), path);
  EXPECT_EQ(SqliteFileOf("sqlite::memory:"), "");
  EXPECT_EQ(SqliteFileOf("postgresql://x/y"), "");
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
}

TEST(SqliteUrl, UnknownParametersAndValuesAreRefused) {
  OpenOptions o;
  auto bad_value = internal::ParseSqliteUrl("sqlite:/tmp/x.db?synchronous=sometimes", o);
  ASSERT_FALSE(bad_value);
  EXPECT_EQ(bad_value.error().code, ErrorCode::kInvalidArgument);
  EXPECT_NE(bad_value.error().message.find("NORMAL or FULL"), std::string::npos);
  auto bad_key = OpenStore("sqlite:/tmp/x.db?journal=off");
  ASSERT_FALSE(bad_key);
  EXPECT_NE(bad_key.error().message.find("unknown parameter \"journal\""), std::string::npos)
      << bad_key.error().message;
  EXPECT_FALSE(std::filesystem::exists("/tmp/x.db"));
  EXPECT_EQ(OpenStore("sqlite:?synchronous=FULL").error().code, ErrorCode::kInvalidArgument);
}

}  // namespace
}  // namespace ladder::storage
