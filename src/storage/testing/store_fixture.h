// A test suite that runs on each backend (storage_testing.h) with a fresh, empty store opened
// in SetUp. A backend that cannot run here (no PostgreSQL test server) skips the suite, and
// fails it in CI, where every backend must run.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "storage/store.h"
#include "storage/testing/storage_testing.h"

namespace ladder::storage::testing {

class StoreOnBackend : public ::testing::TestWithParam<const Backend*> {
 protected:
  void SetUp() override {
    url_ = GetParam()->fresh_url();
    if (url_.empty()) {
      if (InCi()) FAIL() << "CI=true but LADDER_TEST_POSTGRES is not set";
      GTEST_SKIP() << "LADDER_TEST_POSTGRES not set; run under scripts/with-postgres.sh";
    }
    auto store = OpenStore(url_);
    ASSERT_TRUE(store) << store.error().ToString();
    store_ = std::move(*store);
  }
  std::string url_;
  std::unique_ptr<Store> store_;
};

}  // namespace ladder::storage::testing
