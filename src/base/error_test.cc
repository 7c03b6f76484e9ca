#include "base/error.h"

#include <gtest/gtest.h>

namespace ladder {
namespace {

Result<int> Half(int x) {
  if (x % 2) return MakeError(ErrorCode::kInvalidArgument, "odd", {"f.yaml", 3, 7}, "n");
  return x / 2;
}

Result<int> Quarter(int x) {
  LADDER_TRY(int half, Half(x));
  LADDER_TRY(int quarter, Half(half));
  return quarter;
}

TEST(Error, ToStringPrefersLocationThenField) {
  EXPECT_EQ((Error{ErrorCode::kParse, "bad", {"a.yaml", 2, 5}, "x"}).ToString(), "a.yaml:2:5: bad");
  EXPECT_EQ((Error{ErrorCode::kParse, "bad", {"a.yaml", 2, 0}, ""}).ToString(), "a.yaml:2: bad");
  EXPECT_EQ((Error{ErrorCode::kParse, "bad", {}, "levels.IC3"}).ToString(), "levels.IC3: bad");
  EXPECT_EQ((Error{ErrorCode::kParse, "bad", {}, ""}).ToString(), "bad");
}

TEST(Error, TryPropagatesTheFirstError) {
  EXPECT_EQ(*Quarter(8), 2);
  Result<int> r = Quarter(6);  // 6 -> 3 is odd
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().where.line, 3);
  EXPECT_EQ(r.error().field, "n");
}

}  // namespace
}  // namespace ladder
