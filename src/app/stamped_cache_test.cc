#include "app/stamped_cache.h"

#include <gtest/gtest.h>

namespace ladder::app {
namespace {

TEST(StampedCache, AValueIsValidForItsStampOnly) {
  StampedCache<int> cache(10, "test");
  EXPECT_FALSE(cache.Get("a", "1"));
  cache.Put("a", "1", 42);
  EXPECT_EQ(cache.Get("a", "1"), 42);
  EXPECT_FALSE(cache.Get("a", "2"));  // something was written since
  cache.Put("a", "2", 43);
  EXPECT_EQ(cache.Get("a", "2"), 43);
  EXPECT_FALSE(cache.Get("a", "1"));
}

TEST(StampedCache, IsBoundedAndDropsOlderStampsFirst) {
  StampedCache<int> cache(3, "test");
  cache.Put("a", "1", 1);
  cache.Put("b", "1", 2);
  cache.Put("c", "2", 3);
  cache.Put("d", "2", 4);  // full: the stamp-1 values go
  EXPECT_EQ(cache.Size(), 2u);
  EXPECT_EQ(cache.Get("c", "2"), 3);
  EXPECT_EQ(cache.Get("d", "2"), 4);
  cache.Put("e", "2", 5);
  cache.Put("f", "2", 6);  // full of one stamp: everything goes
  EXPECT_EQ(cache.Size(), 1u);
  EXPECT_EQ(cache.Get("f", "2"), 6);
}

}  // namespace
}  // namespace ladder::app
