// Lint of translations: untranslated texts (info), stale translations and translations of texts
// that are gone (warnings), per language and with where; and translation changes in a diff.
#include <gtest/gtest.h>

#include "analysis/diff.h"
#include "analysis/leaks.h"
#include "analysis/lint.h"
#include "model/testing/small_framework.h"
#include "model/translation.h"

namespace ladder::analysis {
namespace {

model::Framework WithSpanish() {
  model::Framework fw = model::testing::SmallFramework();
  model::Translation es;
  es.language = "es";
  model::ForEachText(fw, [&](const std::string& at, const std::string& text, const model::Origin&) {
    if (at != "competencies.safety.name")  // one text left to translate
      es.texts.push_back({at, model::Fingerprint(text), "ES " + text, {{"fw.yaml", 90, 9}}});
  });
  fw.translations = {es};
  return fw;
}

std::vector<Finding> Of(const std::vector<Finding>& all, const std::string& code) {
  std::vector<Finding> out;
  for (const Finding& f : all)
    if (f.code == code) out.push_back(f);
  return out;
}

TEST(LintTranslations, UntranslatedTextsAreInfoPerLanguage) {
  std::vector<Finding> findings = Lint(WithSpanish());
  std::vector<Finding> untranslated = Of(findings, "untranslated");
  ASSERT_EQ(untranslated.size(), 1u);
  EXPECT_EQ(untranslated[0].severity, Severity::kInfo);
  EXPECT_EQ(untranslated[0].message, "es: competencies.safety.name is not translated (source " +
                                         model::Fingerprint("Safety") + ")");
  EXPECT_FALSE(HasProblems(findings));  // a translation in progress is not a problem
}

TEST(LintTranslations, StaleAndOrphanTranslationsAreWarnings) {
  model::Framework fw = WithSpanish();
  fw.tracks[0].levels[0].summary = "Carries out routine repairs alone.";  // source changed
  fw.notes.clear();                                                       // texts gone
  std::vector<Finding> findings = Lint(fw);
  std::vector<Finding> stale = Of(findings, "stale-translation");
  ASSERT_EQ(stale.size(), 1u);
  EXPECT_EQ(stale[0].severity, Severity::kWarning);
  EXPECT_EQ(stale[0].location.ToString(), "fw.yaml:90:9");
  EXPECT_NE(stale[0].message.find("es: the source of tracks.ic.levels.T1.summary changed after "
                                  "it was translated (from " +
                                  model::Fingerprint("Carries out routine repairs with guidance.") +
                                  ", now " +
                                  model::Fingerprint("Carries out routine repairs alone.") + ")"),
            std::string::npos)
      << stale[0].message;
  std::vector<Finding> orphans = Of(findings, "orphan-translation");
  ASSERT_EQ(orphans.size(), 2u);  // the note's title and text
  EXPECT_NE(orphans[0].message.find("es: notes[0].title names no text of the framework"),
            std::string::npos)
      << orphans[0].message;
  EXPECT_TRUE(HasProblems(findings));
}

TEST(DiffTranslations, ShowsTextsAddedChangedRemovedAndSourcesChecked) {
  model::Framework before = WithSpanish();
  model::Framework after = before;
  model::Translation& es = after.translations[0];
  es.texts[0].text = "ES Operaciones de campo";        // reworded
  es.texts[1].source = model::Fingerprint("checked");  // checked against a new source
  es.texts.pop_back();                                 // removed
  es.texts.push_back({"competencies.safety.name", model::Fingerprint("Safety"), "Seguridad", {}});
  after.translations.push_back({"fr", {}, {}});
  FrameworkDiff d = DiffFrameworks(before, after);
  ASSERT_TRUE(d.Changed());
  ASSERT_EQ(d.translations.size(), 5u);
  EXPECT_EQ(d.translations[0].at, "framework.name");
  EXPECT_EQ(d.translations[0].kind, ChangeKind::kChanged);
  ASSERT_TRUE(d.translations[0].text.has_value());
  EXPECT_EQ(d.translations[0].text->after, "ES Operaciones de campo");
  EXPECT_FALSE(d.translations[1].text.has_value());
  EXPECT_EQ(d.translations[1].source_after, model::Fingerprint("checked"));
  EXPECT_EQ(d.translations[2].kind, ChangeKind::kAdded);
  EXPECT_EQ(d.translations[2].at, "competencies.safety.name");
  EXPECT_EQ(d.translations[3].kind, ChangeKind::kRemoved);
  EXPECT_EQ(d.translations[4].language, "fr");
  EXPECT_EQ(d.translations[4].kind, ChangeKind::kAdded);
  EXPECT_FALSE(DiffFrameworks(before, before).Changed());
}

TEST(LeaksInTranslations, TranslatedTextsAreCheckedToo) {
  model::Framework fw = WithSpanish();
  EXPECT_TRUE(FindLeaks(fw).empty());
  fw.translations[0].texts[0].text = "Ver http://10.0.0.7/wiki";
  std::vector<Leak> leaks = FindLeaks(fw);
  ASSERT_EQ(leaks.size(), 1u);
  EXPECT_EQ(leaks[0].field, "translations.es.framework.name");
  EXPECT_EQ(leaks[0].where.ToString(), "fw.yaml:90:9");
}

}  // namespace
}  // namespace ladder::analysis
