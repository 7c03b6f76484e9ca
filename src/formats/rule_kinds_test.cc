// Every rule kind of the table (model/rule.h), checked through the readers and writers that the
// table drives: the samples are generated from each kind's parameters, so a kind added to the
// table is covered without editing this file. For every kind: RuleText is exactly what
// WriteYaml writes after `rule:`; reading what WriteYaml and WriteJson write gives the rule
// back; a missing required parameter is an error naming it; and the JSON Schema and the format
// reference (docs/) describe the kind as the table does.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "formats/canonical.h"
#include "formats/rule_text.h"

namespace ladder::formats {
namespace {

using Json = nlohmann::ordered_json;

std::string Slurp(const std::string& relative) {
  std::ifstream in(std::string(LADDER_SOURCE_DIR) + "/" + relative, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// Values each type of parameter takes in the samples; text that YAML would misread unquoted.
std::vector<std::string> Samples(const std::string*) {
  return {"talk", "1",       "2024.10",  "VP: engineering", "yes",  "say \"hi\"",  "a, b",
          "#5",   "tech/F1", " padded ", "line\nbreak",     "null", "caf\xC3\xA9", ""};
}
std::vector<int> Samples(const int*) { return {1, 12, 240, -3}; }
std::vector<double> Samples(const double*) { return {90, 85.5, 0.1, 1234567.25, -2, 1e-7}; }
std::vector<bool> Samples(const bool*) { return {false, true}; }

// A kind's defaults; each parameter in turn through its samples, the others at their first.
template <typename Kind>
std::vector<model::Rule> SamplesOf() {
  std::vector<model::Rule> out = {Kind{}};
  Kind base{};
  model::ForEachParam<Kind>(
      [&](const auto& param) { base.*param.member = Samples(&(base.*param.member)).front(); });
  out.push_back(base);
  model::ForEachParam<Kind>([&](const auto& param) {
    for (const auto& value : Samples(&(base.*param.member))) {
      Kind k = base;
      k.*param.member = value;
      out.push_back(k);
    }
  });
  return out;
}

std::vector<model::Rule> AllSamples() {
  std::vector<model::Rule> out;
  model::ForEachRuleKind([&]<typename K>(std::type_identity<K>) {
    for (model::Rule& r : SamplesOf<K>()) out.push_back(std::move(r));
  });
  return out;
}

model::Framework WithPolicy(const model::Rule& rule) {
  model::Framework f;
  f.id = "rules";
  f.policy.push_back(model::Requirement{"A requirement", rule, {}});
  return f;
}

TEST(RuleKinds, TheTableNamesEachKindOnce) {
  std::set<std::string> names;
  model::ForEachRuleKind([&]<typename K>(std::type_identity<K>) {
    EXPECT_TRUE(names.insert(std::string(K::kName)).second) << K::kName;
    std::set<std::string_view> params;
    model::ForEachParam<K>([&](const auto& p) { EXPECT_TRUE(params.insert(p.name).second); });
  });
  EXPECT_EQ(names.size(), std::variant_size_v<model::Rule>);
}

TEST(RuleKinds, RuleTextIsWhatTheYamlWriterWrites) {
  for (const model::Rule& rule : AllSamples()) {
    const std::string text = RuleText(rule);
    SCOPED_TRACE(text);
    const std::string yaml = WriteYaml(WithPolicy(rule));
    const size_t at = yaml.find("    rule: ");
    ASSERT_NE(at, std::string::npos) << yaml;
    const size_t begin = at + 10;
    EXPECT_EQ(yaml.substr(begin, yaml.find('\n', begin) - begin), text);
    EXPECT_EQ(text.find('\n'), std::string::npos) << "one line";
  }
}

TEST(RuleKinds, ReadingWhatIsWrittenGivesTheRuleBack) {
  for (const model::Rule& rule : AllSamples()) {
    SCOPED_TRACE(RuleText(rule));
    const model::Framework f = WithPolicy(rule);
    Result<model::Framework> yaml = ParseYaml(WriteYaml(f), "rule.yaml");
    ASSERT_TRUE(yaml) << yaml.error().ToString();
    EXPECT_TRUE(yaml->policy.at(0).rule == rule) << RuleText(yaml->policy.at(0).rule);
    Result<model::Framework> json = ParseJson(WriteJson(f), "rule.json");
    ASSERT_TRUE(json) << json.error().ToString();
    EXPECT_TRUE(json->policy.at(0).rule == rule) << RuleText(json->policy.at(0).rule);
  }
}

TEST(RuleKinds, JsonHasTheShapeOfTheYaml) {
  for (const model::Rule& rule : AllSamples()) {
    const std::string text = RuleText(rule);
    SCOPED_TRACE(text);
    Json written = Json::parse(WriteJson(WithPolicy(rule)));
    const Json& j = written["policy"][0]["rule"];
    const std::string kind = model::RuleKindName(rule);
    if (j.is_string()) {  // `manual`
      EXPECT_EQ(j, kind);
      EXPECT_EQ(text, kind);
      continue;
    }
    ASSERT_TRUE(j.is_object());
    ASSERT_EQ(j.size(), 1u);
    EXPECT_EQ(j.begin().key(), kind);
    EXPECT_EQ(text.rfind("{" + kind + ": ", 0), 0u);
    const Json& body = j.begin().value();
    if (body.is_string()) {  // `{peer_review: passed}`
      EXPECT_EQ(text, "{" + kind + ": " + body.get<std::string>() + "}");
      continue;
    }
    // The same parameters as the YAML, in the same order.
    size_t last = kind.size() + 4;  // after "{kind: {"
    for (auto it = body.begin(); it != body.end(); ++it) {
      size_t at = text.find(it.key() + ": ", last);
      ASSERT_NE(at, std::string::npos) << it.key();
      EXPECT_TRUE(text[at - 1] == '{' || text[at - 1] == ' ') << it.key();
      last = at + it.key().size();
    }
  }
}

TEST(RuleKinds, AMissingRequiredParameterIsNamed) {
  model::ForEachRuleKind([&]<typename K>(std::type_identity<K>) {
    std::vector<model::Rule> samples = SamplesOf<K>();
    const Json complete = Json::parse(WriteJson(WithPolicy(samples[1])));
    model::ForEachParam<K>([&](const auto& p) {
      if (p.presence != model::Presence::kRequired) return;
      const std::string kind(K::kName), missing(p.name);
      SCOPED_TRACE(kind + " without " + missing);
      Json doc = complete;
      doc["policy"][0]["rule"][kind].erase(missing);
      Result<model::Framework> f = ParseJson(doc.dump(2), "missing.json");
      ASSERT_FALSE(f);
      EXPECT_EQ(f.error().field, "policy[0].rule." + kind + "." + missing);
      EXPECT_NE(f.error().message.find("missing " + missing + " of " + kind), std::string::npos)
          << f.error().message;
      EXPECT_GT(f.error().where.line, 1) << f.error().ToString();
    });
  });
  // The same in YAML, where the place is a line of the file.
  Result<model::Framework> f = ParseYaml(
      "ladder: 1\nframework: {id: t}\npolicy:\n  - text: A requirement\n"
      "    rule: {evidence_count: {kind: talk}}\n",
      "missing.yaml");
  ASSERT_FALSE(f);
  EXPECT_EQ(f.error().ToString(),
            "missing.yaml:5:28: policy[0].rule.evidence_count.count: missing count of "
            "evidence_count");
}

// The JSON type docs/ladder.schema.json gives a parameter of each C++ type.
const char* SchemaType(const std::string*) { return "string"; }
const char* SchemaType(const int*) { return "integer"; }
const char* SchemaType(const double*) { return "number"; }
const char* SchemaType(const bool*) { return "boolean"; }

TEST(RuleKinds, TheSchemaDescribesEveryKindAsTheTableDoes) {
  const Json schema = Json::parse(Slurp("docs/ladder.schema.json"));
  const Json& defs = schema["$defs"];
  const Json& one_of = defs["rule"]["oneOf"];
  auto listed = [&](const Json& entry) {
    return std::find(one_of.begin(), one_of.end(), entry) != one_of.end();
  };
  size_t kinds = 0;
  model::ForEachRuleKind([&]<typename K>(std::type_identity<K>) {
    ++kinds;
    const std::string name(K::kName);
    SCOPED_TRACE(name);
    if constexpr (model::kBareKind<K>) {
      EXPECT_TRUE(std::any_of(one_of.begin(), one_of.end(),
                              [&](const Json& e) { return e.value("const", "") == name; }));
      return;
    } else {
      const std::string def = "rule_" + name;
      EXPECT_TRUE(listed(Json{{"$ref", "#/$defs/" + def}}));
      ASSERT_TRUE(defs.contains(def));
      const Json& body = defs[def]["properties"][name];
      if constexpr (std::tuple_size_v<decltype(K::kParams)> == 0) {
        EXPECT_EQ(body.value("const", ""), std::string(K::kWord));
      } else {
        std::set<std::string> required, schema_required, names, schema_names;
        for (const Json& r : body.value("required", Json::array())) schema_required.insert(r);
        for (auto it = body["properties"].begin(); it != body["properties"].end(); ++it)
          schema_names.insert(it.key());
        const K defaults{};
        model::ForEachParam<K>([&](const auto& p) {
          const std::string param(p.name);
          names.insert(param);
          if (p.presence == model::Presence::kRequired) required.insert(param);
          Json property = body["properties"].value(param, Json::object());
          if (property.contains("$ref"))
            property = defs[property["$ref"].template get<std::string>().substr(8)];
          EXPECT_EQ(property.value("type", ""), SchemaType(&(defaults.*p.member))) << param;
          if (property.contains("default")) {
            EXPECT_EQ(property["default"], Json(defaults.*p.member)) << param;
          }
        });
        EXPECT_EQ(schema_required, required);
        EXPECT_EQ(schema_names, names);
      }
    }
  });
  EXPECT_EQ(one_of.size(), kinds) << "the schema lists a kind the table does not have";
}

TEST(RuleKinds, TheFormatReferenceListsEveryKindAndParameter) {
  const std::string doc = Slurp("docs/format.md");
  const size_t table = doc.find("| kind | fields | example | met when |");
  ASSERT_NE(table, std::string::npos);
  const std::string rows = doc.substr(table, doc.find("\n\n", table) - table);
  model::ForEachRuleKind([&]<typename K>(std::type_identity<K>) {
    const std::string name(K::kName);
    const size_t row = rows.find("\n| `" + name + "` |");
    ASSERT_NE(row, std::string::npos) << name;
    const std::string line = rows.substr(row + 1, rows.find('\n', row + 1) - row - 1);
    model::ForEachParam<K>([&](const auto& p) {
      EXPECT_NE(line.find("`" + std::string(p.name) + "`"), std::string::npos)
          << name << " " << p.name;
    });
  });
}

}  // namespace
}  // namespace ladder::formats
