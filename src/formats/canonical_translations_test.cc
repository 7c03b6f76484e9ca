// Translations in the canonical format (docs/format.md, "Translations"): read, written back
// unchanged, as YAML and JSON, and bad ones reported at file:line:col.
#include <gtest/gtest.h>

#include "formats/canonical.h"
#include "model/translation.h"

namespace ladder::formats {
namespace {

const std::string kHead = R"(ladder: 1
framework:
  id: ops
  name: Operations
  language: en

competencies:
  - id: safety
    name: Safety

tracks:
  - id: ic
    levels:
      - code: O1
        rank: 1
        title: Associate
        expectations:
          safety:
            - Wears the protective equipment.
)";

std::string With(const std::string& translations) { return kHead + "\n" + translations; }

std::string Es(const std::string& source_name = model::Fingerprint("Safety")) {
  return "translations:\n"
         "  - language: es\n"
         "    texts:\n"
         "      - at: competencies.safety.name\n"
         "        source: \"" +
         source_name +
         "\"\n"
         "        text: Seguridad\n"
         "      - at: tracks.ic.levels.O1.expectations.safety.behaviours[0]\n"
         "        source: \"" +
         model::Fingerprint("Wears the protective equipment.") +
         "\"\n"
         "        text: Lleva el equipo de protección.\n";
}

TEST(CanonicalTranslations, ReadAndWrittenBackUnchanged) {
  const std::string text = With(Es());
  Result<model::Framework> fw = ReadYaml(text, "ops.yaml");
  ASSERT_TRUE(fw) << fw.error().ToString();
  EXPECT_EQ(fw->language, "en");
  ASSERT_EQ(fw->translations.size(), 1u);
  const model::Translation& es = fw->translations[0];
  EXPECT_EQ(es.language, "es");
  ASSERT_EQ(es.texts.size(), 2u);
  EXPECT_EQ(es.texts[1].text, "Lleva el equipo de protección.");
  EXPECT_EQ(es.texts[1].origin.where.line, 27);  // where lint points
  const std::string written = WriteYaml(*fw);
  EXPECT_NE(written.find("\ntranslations:\n  - language: es\n    texts:\n      - at: "
                         "competencies.safety.name\n"),
            std::string::npos)
      << written;
  Result<model::Framework> again = ReadYaml(written, "written.yaml");
  ASSERT_TRUE(again) << again.error().ToString();
  EXPECT_EQ(*again, *fw);
  EXPECT_EQ(WriteYaml(*again), written);

  Result<model::Framework> from_json = ReadJson(WriteJson(*fw), "ops.json");
  ASSERT_TRUE(from_json) << from_json.error().ToString();
  EXPECT_EQ(*from_json, *fw);
  EXPECT_NE(WriteJson(*fw).find("\"language\": \"es\""), std::string::npos);
}

TEST(CanonicalTranslations, TheSourceLanguageIsEnglishUnlessNamed) {
  std::string text = kHead;
  text.erase(text.find("  language: en\n"), 15);
  Result<model::Framework> fw = ReadYaml(text, "ops.yaml");
  ASSERT_TRUE(fw) << fw.error().ToString();
  EXPECT_EQ(fw->language, "en");
  EXPECT_EQ(WriteYaml(*fw).find("language:"), std::string::npos);  // nothing to say
  fw->language = "sv";
  EXPECT_NE(WriteYaml(*fw).find("  language: sv\n"), std::string::npos);
}

// Each error names the file, the line and column, the field and the value.
void ExpectError(const std::string& text, const std::string& where, const std::string& what) {
  Result<model::Framework> fw = ReadYaml(text, "ops.yaml");
  ASSERT_FALSE(fw) << "read without an error";
  const std::string message = fw.error().ToString();
  EXPECT_EQ(message.rfind(where, 0), 0u) << message;
  EXPECT_NE(message.find(what), std::string::npos) << message;
}

TEST(CanonicalTranslations, BadTranslationsSayWhereAndWhat) {
  ExpectError(With(Es("12ab")), "ops.yaml:25:17:",
              "translations.es.texts.competencies.safety.name.source: expected the source "
              "text's fingerprint (8 hex digits");
  std::string bad_tag = With(Es());
  bad_tag.replace(bad_tag.find("language: es"), 12, "language: Spanish");
  ExpectError(bad_tag, "ops.yaml:22:15:", "expected a language tag such as en, es or pt-BR");
  std::string bad_key = With(Es());
  bad_key.replace(bad_key.find("text: Seguridad"), 15, "txt: Seguridad");
  ExpectError(bad_key, "ops.yaml:26:9:",
              "unknown key 'txt' in a translated text; did you mean "
              "'text'?");
  std::string no_text = With(Es());
  no_text.erase(no_text.find("        text: Seguridad\n"), 24);
  ExpectError(no_text, "ops.yaml:24:9:", "missing text of the translated text");
  std::string source_language = With(Es());
  source_language.replace(source_language.find("language: es"), 12, "language: en");
  ExpectError(source_language,
              "ops.yaml:22:5:", "a translation into the framework's own language (en)");
  std::string top = kHead;
  top.replace(top.find("  language: en"), 14, "  language: english");
  ExpectError(top, "ops.yaml:5:13:", "framework.language: expected a language tag");
}

}  // namespace
}  // namespace ladder::formats
