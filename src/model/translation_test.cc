#include "model/translation.h"

#include <gtest/gtest.h>

#include "model/testing/small_framework.h"
#include "model/validate.h"

namespace ladder::model {
namespace {

using testing::SmallFramework;

// A Spanish translation of some texts of the small framework, each tied to its source.
Framework Translated() {
  Framework fw = SmallFramework();
  Translation es;
  es.language = "es";
  auto add = [&](std::string at, const std::string& source, std::string text) {
    es.texts.push_back({std::move(at), Fingerprint(source), std::move(text), {}});
  };
  add("framework.name", fw.name, "Operaciones de campo");
  add("competencies.repair.name", "Repair work", "Reparaciones");
  add("tracks.ic.levels.T1.expectations.repair.behaviours[0]",
      "Completes routine repairs from a checklist", "Hace reparaciones rutinarias con una lista");
  add("tracks.ic.levels.T2.requirements[0]", "12 months at T1", "12 meses en T1");
  add("notes[0].markdown", fw.notes[0].markdown, "Habla con tu responsable.");
  fw.translations = {es};
  return fw;
}

TEST(Fingerprint, IsEightHexDigitsOfFnv1a) {
  EXPECT_EQ(Fingerprint(""), "811c9dc5");  // the FNV-1a offset basis
  EXPECT_EQ(Fingerprint("a"), "e40c292c");
  EXPECT_NE(Fingerprint("Safety"), Fingerprint("Safety."));
  EXPECT_TRUE(IsFingerprint(Fingerprint("anything")));
  EXPECT_FALSE(IsFingerprint("E40C292C"));
  EXPECT_FALSE(IsFingerprint("e40c292"));
}

TEST(LanguageTag, AcceptsWhatFrameworksUse) {
  for (const char* ok : {"en", "es", "pt-BR", "zh-Hant", "sr-Latn-RS", "gsw"})
    EXPECT_TRUE(IsLanguageTag(ok)) << ok;
  for (const char* bad : {"", "e", "EN", "english", "es_ES", "es-", "-es", "es-x", "es BR"})
    EXPECT_FALSE(IsLanguageTag(bad)) << bad;
}

TEST(ForEachText, NamesEveryTextByItsPath) {
  std::vector<std::string> paths;
  ForEachText(SmallFramework(), [&](const std::string& at, const std::string& text, const Origin&) {
    EXPECT_FALSE(text.empty()) << at;
    paths.push_back(at);
  });
  for (const char* expected :
       {"framework.name", "framework.description", "groups.craft.name",
        "competencies.safety.description", "tracks.ic.name", "tracks.ic.levels.T1.title",
        "tracks.ic.levels.T1.attributes.years_of_experience",
        "tracks.ic.levels.T1.expectations.repair.behaviours[1]",
        "tracks.ic.levels.T1.expectations.coaching.note", "tracks.ic.levels.T2.requirements[1]",
        "tracks.ic.levels.T3.note", "overlays.crew-lead.duties[0]",
        "overlays.crew-lead.requirements[0]", "transitions[0].description",
        "transitions[0].requirements[0]", "policy[0]", "notes[0].title", "notes[0].markdown"})
    EXPECT_NE(std::find(paths.begin(), paths.end(), expected), paths.end()) << expected;
  // Empty texts have no path: the groups have no description.
  EXPECT_EQ(std::find(paths.begin(), paths.end(), "groups.craft.description"), paths.end());
  EXPECT_EQ(paths.front(), "framework.name");
}

TEST(TranslationStatus, TellsTranslatedFromStaleAndUntranslated) {
  Framework fw = Translated();
  fw.tracks[0].levels[1].requirements[0].text = "18 months at T1";  // the source changed
  auto status = TranslationStatus(fw, fw.translations[0]);
  auto state_of = [&](std::string_view at) {
    for (const TextStatus& s : status)
      if (s.at == at) return s.state;
    ADD_FAILURE() << "no text " << at;
    return TextState::kUntranslated;
  };
  EXPECT_EQ(state_of("framework.name"), TextState::kTranslated);
  EXPECT_EQ(state_of("tracks.ic.levels.T2.requirements[0]"), TextState::kStale);
  EXPECT_EQ(state_of("tracks.ic.levels.T2.requirements[1]"), TextState::kUntranslated);
  for (const TextStatus& s : status) {
    if (s.at == "tracks.ic.levels.T2.requirements[0]") {
      EXPECT_EQ(s.fingerprint, Fingerprint("18 months at T1"));
    }
  }
}

TEST(OrphanTexts, AreTranslationsOfTextsThatAreGone) {
  Framework fw = Translated();
  EXPECT_TRUE(OrphanTexts(fw, fw.translations[0]).empty());
  fw.notes.clear();
  auto orphans = OrphanTexts(fw, fw.translations[0]);
  ASSERT_EQ(orphans.size(), 1u);
  EXPECT_EQ(orphans[0]->at, "notes[0].markdown");
}

TEST(Localize, ReplacesCurrentTranslationsAndFallsBackOtherwise) {
  Framework fw = Translated();
  fw.tracks[0].levels[1].requirements[0].text = "18 months at T1";  // stale now
  auto mark = [](const std::string& s) { return "[" + s + "]"; };
  Result<Localized> es = Localize(fw, "es", mark);
  ASSERT_TRUE(es) << es.error().ToString();
  const Framework& f = es->framework;
  EXPECT_EQ(f.language, "es");
  EXPECT_TRUE(f.translations.empty());
  EXPECT_EQ(f.name, "Operaciones de campo");
  EXPECT_EQ(f.competencies[0].name, "Reparaciones");
  EXPECT_EQ(f.competencies[1].name, "[Safety]");
  EXPECT_EQ(f.tracks[0].levels[0].expectations[0].behaviours[0],
            "Hace reparaciones rutinarias con una lista");
  EXPECT_EQ(f.tracks[0].levels[1].requirements[0].text, "[18 months at T1]");  // stale
  EXPECT_EQ(f.notes[0].markdown, "Habla con tu responsable.");
  EXPECT_EQ(es->translated, 4u);
  EXPECT_GT(es->fallback, 20u);
  // Ids, codes, ranks and rules are never translated.
  EXPECT_EQ(f.tracks[0].levels[1].code, "T2");
  EXPECT_EQ(f.tracks[0].levels[1].requirements[0].rule,
            fw.tracks[0].levels[1].requirements[0].rule);

  Result<Localized> en = Localize(fw, "en");
  ASSERT_TRUE(en);
  EXPECT_EQ(en->framework.name, "Field Operations");
  EXPECT_TRUE(en->framework.translations.empty());

  Result<Localized> fr = Localize(fw, "fr");
  ASSERT_FALSE(fr);
  EXPECT_EQ(fr.error().code, ErrorCode::kNotFound);
  EXPECT_NE(fr.error().message.find("it has: en, es"), std::string::npos) << fr.error().message;
}

TEST(CheckTranslations, ReportsBrokenTranslations) {
  Framework fw = Translated();
  EXPECT_TRUE(ValidateFramework(fw).empty());
  fw.translations.push_back(fw.translations[0]);                    // es twice
  fw.translations.push_back(Translation{"en", {}, {}});             // the source language
  fw.translations.push_back(Translation{"Spanish", {}, {}});        // not a tag
  fw.translations[0].texts.push_back(fw.translations[0].texts[0]);  // a path twice
  fw.translations[0].texts[1].source = "12345";                     // not a fingerprint
  std::vector<Error> errors = ValidateFramework(fw);
  std::string all;
  for (const Error& e : errors) all += e.field + ": " + e.message + "\n";
  EXPECT_NE(all.find("the language es is translated twice"), std::string::npos) << all;
  EXPECT_NE(all.find("framework's own language (en)"), std::string::npos) << all;
  EXPECT_NE(all.find("'Spanish' is not a language tag"), std::string::npos) << all;
  EXPECT_NE(all.find("framework.name is translated twice"), std::string::npos) << all;
  EXPECT_NE(all.find("'12345' is not a fingerprint"), std::string::npos) << all;
}

}  // namespace
}  // namespace ladder::model
