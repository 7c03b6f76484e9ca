// The stored form of framework versions: the canonical JSON, and the older form of databases
// before schema 5, as Ladder wrote it then (tests/cli/storage_fixtures/schema2/dump.json).
#include "storage/framework_document.h"

#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

#include "formats/canonical.h"

namespace ladder::storage::internal {
namespace {

std::string Slurp(const std::string& relative) {
  std::ifstream in(std::string(LADDER_SOURCE_DIR) + "/" + relative, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

const std::string kFixtures = "tests/cli/storage_fixtures/schema2/";

TEST(FrameworkDocument, TheOlderFormReadsAsTheFrameworkItDescribed) {
  const Json dump = Json::parse(Slurp(kFixtures + "dump.json"));
  ASSERT_EQ(dump["framework_versions"].size(), 3u);
  for (const Json& row : dump["framework_versions"]) {
    const std::string id =
        row["framework"].get<std::string>() + "@" + row["version"].get<std::string>();
    SCOPED_TRACE(id);
    const Json& document = row["document"];
    EXPECT_TRUE(IsLegacyFrameworkDocument(document));
    auto expected = formats::ReadYaml(Slurp(kFixtures + id + ".yaml"), id + ".yaml");
    ASSERT_TRUE(expected) << expected.error().ToString();
    auto read = ReadFrameworkDocument(document.dump(), "framework " + id);
    ASSERT_TRUE(read) << read.error().ToString();
    EXPECT_EQ(*read, *expected);
    EXPECT_FALSE(read->tracks.front().levels.front().origin.where.Known()) << "no origins";
    // Its canonical JSON is not taken for the older form, and reads back the same.
    const Json canonical = ToJson(*read);
    EXPECT_EQ(canonical, Json::parse(formats::WriteJson(*expected)));
    EXPECT_FALSE(IsLegacyFrameworkDocument(canonical));
    auto again = ReadFrameworkDocument(canonical.dump(), "framework " + id);
    ASSERT_TRUE(again) << again.error().ToString();
    EXPECT_EQ(*again, *expected);
    // The stored form through the decoder the store uses.
    auto decoded = Decode<model::Framework>(canonical.dump(), "framework " + id);
    ASSERT_TRUE(decoded) << decoded.error().ToString();
    EXPECT_EQ(*decoded, *expected);
  }
}

TEST(FrameworkDocument, EveryRuleKindOfTheOlderFormIsConverted) {
  const Json dump = Json::parse(Slurp(kFixtures + "dump.json"));
  std::set<std::string> kinds;
  for (const Json& row : dump["framework_versions"])
    for (const Json& track : row["document"]["tracks"])
      for (const Json& level : track["levels"])
        for (const Json& r : level["requirements"]) kinds.insert(r["rule"]["kind"]);
  std::set<std::string> all;
  model::ForEachRuleKind(
      [&]<typename K>(std::type_identity<K>) { all.insert(std::string(K::kName)); });
  EXPECT_EQ(kinds, all) << "the fixture covers every kind Ladder stored in the older form";
}

TEST(FrameworkDocument, AnOlderDocumentWithoutLevelsIsRecognised) {
  // Every key written, lists empty: the older form of an empty framework.
  const Json empty = Json::parse(
      R"({"ladder":1,"framework":{"id":"e","name":"","family":"","version":"1","status":"draft",)"
      R"("effective":"","cumulative":false,"consensus":"unanimous","description":"",)"
      R"("source":{"file":"","format":""}},"groups":[],"competencies":[],"tracks":[],)"
      R"("overlays":[],"transitions":[],"policy":[{"text":"Panel","rule":{"kind":"peer_review"}}],)"
      R"("notes":[],"roles":[]})");
  EXPECT_TRUE(IsLegacyFrameworkDocument(empty));
  auto read = ReadFrameworkDocument(empty.dump(), "framework e");
  ASSERT_TRUE(read) << read.error().ToString();
  ASSERT_EQ(read->policy.size(), 1u);
  EXPECT_TRUE(std::holds_alternative<model::PeerReviewPassed>(read->policy[0].rule));
  EXPECT_EQ(read->id, "e");
}

TEST(FrameworkDocument, ADamagedDocumentIsAnInternalErrorNamingIt) {
  for (const std::string& text : {std::string("{\"ladder\": 1, \"framework\": {\"id\": []}}"),
                                  std::string("not json"), std::string("{\"tracks\": []}")}) {
    SCOPED_TRACE(text);
    auto read = ReadFrameworkDocument(text, "framework x@1");
    ASSERT_FALSE(read);
    EXPECT_EQ(read.error().code, ErrorCode::kInternal);
    EXPECT_NE(read.error().message.find("stored framework x@1"), std::string::npos)
        << read.error().message;
  }
}

}  // namespace
}  // namespace ladder::storage::internal
